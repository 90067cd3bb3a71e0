/**
 * Indonesian text as villagers type it, reduced to comparable tokens: lower case, no accents or
 * punctuation, SMS abbreviations expanded ("yg", "utk", "bs"), thousands dots dropped ("20.000").
 * Words are stemmed against a dictionary of known roots only (the lexicon's words), so
 * "pelatihan" meets "pelatih" and "membajak" meets "bajak" without a full stemmer's guesses
 * ("perahu" never becomes "ahu": "ahu" is no known root).
 */

const ABBREVIATIONS: Record<string, string> = {
  yg: "yang", utk: "untuk", untk: "untuk", u: "untuk", dgn: "dengan", dg: "dengan", bs: "bisa", bsa: "bisa", sy: "saya",
  kmi: "kami", km: "kami", dr: "dari", tdk: "tidak", gak: "tidak", ga: "tidak", nggak: "tidak", org: "orang", thn: "tahun",
  th: "tahun", bln: "bulan", krn: "karena", sdh: "sudah", udh: "sudah", udah: "sudah", blm: "belum", jg: "juga", lg: "lagi",
  pd: "pada", spt: "seperti", bbrp: "beberapa", sm: "sama", dll: "dan lain lain", mhn: "mohon", ttg: "tentang", hrs: "harus",
  kpd: "kepada", tsb: "tersebut", bpk: "bapak", sdkt: "sedikit", byk: "banyak", bnyk: "banyak", skrg: "sekarang", trs: "terus",
  aja: "saja", aj: "saja", tp: "tapi", klo: "kalau", kalo: "kalau", jd: "jadi", dl: "dulu", sblm: "sebelum", stlh: "setelah",
  ptg: "petang", pgi: "pagi", dsb: "dan sebagainya", hp: "telepon", telp: "telepon", tlp: "telepon", wa: "whatsapp",
  sdm: "sumber daya manusia", kwt: "kelompok wanita tani", poktan: "kelompok tani", gapoktan: "gabungan kelompok tani",
  pokdakan: "kelompok pembudidaya ikan", pokdarwis: "kelompok sadar wisata", tkd: "tanah kas desa", ump: "upah",
  bgt: "banget", smpe: "sampai", sampe: "sampai", sd: "sampai", smp: "sampai", brp: "berapa", sj: "saja",
  pupuk2: "pupuk", bibit2: "bibit", alat2: "alat",
};

/** Lower case, accents and punctuation removed, numbers without thousands dots. */
export function normalizeText(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/(\d)[.,](\d{3})(?!\d)/g, "$1$2")
    .replace(/(\d)[.,](\d{3})(?!\d)/g, "$1$2")
    .replace(/&/g, " dan ")
    .replace(/\b(\p{L}+)-\1\b/gu, "$1") // reduplication: "sayur-sayur" → "sayur"
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Tokens with abbreviations expanded; "2" as a reduplication marker ("bibit2") is dropped. */
export function rawTokens(s: string): string[] {
  const out: string[] = [];
  for (const t of normalizeText(s).split(" ")) {
    if (!t) continue;
    const full = ABBREVIATIONS[t] ?? t.replace(/^(\p{L}{3,})2$/u, "$1");
    out.push(...full.split(" "));
  }
  return out;
}

const PARTICLES = ["lah", "kah", "pun", "nya", "ku", "mu"];
const SUFFIXES = ["kan", "an", "i"];
// Prefix → what the root may start with after it (nasal assimilation: meny-apu → sapu, mem-otong → potong).
const PREFIXES: Array<[string, string[]]> = [
  ["meng", ["", "k"]], ["meny", ["s"]], ["mem", ["", "p"]], ["men", ["", "t"]], ["me", [""]],
  ["peng", ["", "k"]], ["peny", ["s"]], ["pem", ["", "p"]], ["pen", ["", "t"]], ["per", [""]], ["pe", [""]],
  ["ber", [""]], ["be", [""]], ["ter", [""]], ["di", [""]], ["ke", [""]], ["se", [""]],
];

function withoutSuffixes(t: string): string[] {
  const out = [t];
  for (const p of PARTICLES) if (t.endsWith(p) && t.length - p.length >= 3) out.push(t.slice(0, -p.length));
  for (const base of [...out]) {
    for (const s of SUFFIXES) if (base.endsWith(s) && base.length - s.length >= 3) out.push(base.slice(0, -s.length));
  }
  return out;
}

/** Candidate roots of a word, least stripped first. */
export function stemCandidates(t: string): string[] {
  const out: string[] = [];
  for (const base of withoutSuffixes(t)) {
    out.push(base);
    for (const [prefix, starts] of PREFIXES) {
      if (!base.startsWith(prefix)) continue;
      const rest = base.slice(prefix.length);
      for (const s of starts) {
        const root = s + rest;
        if (root.length >= 3) out.push(root);
      }
      // ber-/per-/ter- then another prefix or suffix: "pertanian" → tani, "perikanan" → ikan
    }
  }
  return [...new Set(out)];
}

/** The first candidate root that is a known word, or the word itself. */
export function stem(t: string, known: ReadonlySet<string>): string {
  if (known.has(t)) return t;
  for (const c of stemCandidates(t)) if (known.has(c)) return c;
  return t;
}
