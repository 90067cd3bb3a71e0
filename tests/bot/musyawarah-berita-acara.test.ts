import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { beritaAcaraFilename, buildBeritaAcara } from "../../src/bot/features/musyawarah/berita-acara.js";
import { computeQuorum, rsvpCounts } from "../../src/domain/musyawarah/quorum.js";
import { emptyAudience, type AttendanceRow, type MeetingView } from "../../src/domain/musyawarah/types.js";
import type { ForumTerms } from "../../src/domain/forum/terms.js";

// The berita acara is checked inside the PDF itself with pdftotext (poppler-utils). Where the
// machine lacks it (apt-get install -y poppler-utils), the text checks are skipped and say so.
function hasPdftotext(): boolean {
  try {
    execFileSync("pdftotext", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}
const POPPLER = hasPdftotext();
if (!POPPLER) console.warn("[berita acara] pdftotext not found (apt-get install -y poppler-utils): PDF text checks skipped");

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), "ba-"));
  const file = path.join(dir, "ba.pdf");
  try {
    writeFileSync(file, pdf);
    return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const KAMPUNG: ForumTerms = { village: "kampung", council: "BPK" };
const START = new Date("2026-12-07T02:00:00Z"); // Senin, 7 Desember 2026 09.00 WIB

function view(o: Partial<MeetingView> = {}): MeetingView {
  return {
    id: 7, forumId: 1, zone: "Asia/Jakarta", kind: "musdes", title: "Penetapan RKP Kampung 2027", agenda: ["Pembukaan", "Pembahasan usulan prioritas", "Penetapan hasil"],
    startsAt: START, endsAt: new Date(START.getTime() + 2 * 3600_000), place: "Balai Kampung Sukajaya", latitude: null, longitude: null, rsvpDeadline: null,
    quorumRule: "two_thirds", reminderMinutes: [], recurrence: null, seriesId: null, status: "scheduled", openCheckIn: false, sequence: 0, cancelReason: null,
    organizerId: 1, organizerName: "Sutrisno", organizerTitle: "kepala", terms: KAMPUNG, villageId: 1, villageName: "Sukajaya",
    villages: [{ id: 1, name: "Sukajaya", viaGroup: true }], audience: emptyAudience(),
    minutesText: "Musyawarah dibuka oleh Kepala Kampung. Usulan dibahas satu per satu.", minutesFileId: null, minutesFileName: null,
    decisions: "1. Pengerasan jalan Dusun II menjadi prioritas pertama\n2. Posyandu menjadi prioritas kedua",
    chairName: "Darto", chairTitle: "ketua_bpd", secretaryName: "Sri", decisionMethod: "suara", votesFor: 7, votesAgainst: 3, votesAbstain: 2,
    minutesAt: new Date(START.getTime() + 3 * 3600_000),
    ...o,
  };
}

function attendance(present: number, invited: number) {
  const rows: AttendanceRow[] = Array.from({ length: invited }, (_, i) => ({
    inviteeId: i + 1, personId: i + 1, name: `Peserta${i + 1}`, title: i === 0 ? "ketua_bpd" : i === 1 ? "sekretaris" : null, villageId: 1,
    source: "official", rsvp: "yes", delegateName: null, checkedInAt: i < present ? new Date(START.getTime() - 600_000 + i * 60_000) : null, markedByOrganiser: false,
  }));
  return { rows, counts: rsvpCounts(rows), quorum: computeQuorum("two_thirds", rows, [1]) };
}

describe("berita acara PDF", () => {
  it("is an A4 PDF with a file name from its title and date, and the same content gives the same bytes", async () => {
    const m = view();
    const a = await buildBeritaAcara(m, attendance(12, 15));
    expect(a.subarray(0, 5).toString()).toBe("%PDF-");
    expect(a.length).toBeLessThan(120_000);
    expect(beritaAcaraFilename(m)).toBe("berita-acara-penetapan-rkp-kampung-2027-2026-12-07.pdf");
    expect((await buildBeritaAcara(m, attendance(12, 15))).equals(a)).toBe(true);
  });

  it.skipIf(!POPPLER)("holds what a real one has: place, time, chair, minute-taker, invited and present, quorum, the count, decisions, signatures, the daftar hadir", async () => {
    const text = pdfText(await buildBeritaAcara(view(), attendance(12, 15)));
    const flat = text.replace(/\s+/g, " ");
    for (const s of [
      "BERITA ACARA",
      "MUSYAWARAH KAMPUNG",
      "Pada hari ini Senin, tanggal 7 Desember 2026, pukul 09.00 sampai dengan 11.00 WIB, bertempat di Balai Kampung Sukajaya",
      "Pimpinan musyawarah : Darto (Ketua BPK)",
      "Notulis : Sri",
      "Jumlah undangan : 15 orang",
      "Jumlah hadir : 12 orang menurut daftar hadir (terlampir)",
      "2/3 undangan hadir: tercapai (12 dari 15 undangan, paling sedikit 10)",
      "Suara terbanyak: setuju 7, tidak setuju 3, abstain 2. Lebih dari separuh (½ + 1) dari 12 yang hadir menyetujui (paling sedikit 7)",
      "Pengerasan jalan Dusun II menjadi prioritas pertama",
      "Pimpinan Musyawarah,",
      "Notulis,",
      "Mengetahui,",
      "Kepala Kampung Sukajaya",
      "LAMPIRAN: DAFTAR HADIR",
      "Tanda tangan",
      "Peserta12",
      "Ketua BPK Kampung",
      "Halaman 1 dari 2",
      "Halaman 2 dari 2",
    ]) {
      expect(flat, s).toContain(s);
    }
    // A Kampung forum's document: no "desa", no "BPD".
    expect(flat).not.toMatch(/desa|BPD/i);
    // The one who did not sign is not in the list.
    expect(flat).not.toContain("Peserta13");
  });

  it.skipIf(!POPPLER)("mufakat, and a count that does not reach ½ + 1 of those present, are each said plainly", async () => {
    const mufakat = pdfText(await buildBeritaAcara(view({ decisionMethod: "mufakat", votesFor: null, votesAgainst: null, votesAbstain: null }), attendance(12, 15))).replace(/\s+/g, " ");
    expect(mufakat).toContain("Musyawarah untuk mufakat.");
    const failed = pdfText(await buildBeritaAcara(view({ votesFor: 6, votesAgainst: 5, votesAbstain: 1 }), attendance(12, 15))).replace(/\s+/g, " ");
    expect(failed).toContain("Yang setuju tidak mencapai lebih dari separuh (½ + 1) dari 12 yang hadir (paling sedikit 7)");
  });

  it.skipIf(!POPPLER)("without a daftar hadir signed in the bot, the attachment has numbered empty rows to sign on paper", async () => {
    const text = pdfText(await buildBeritaAcara(view({ decisionMethod: "mufakat" }), attendance(0, 5))).replace(/\s+/g, " ");
    expect(text).toContain("LAMPIRAN: DAFTAR HADIR");
    expect(text).toContain("15");
    expect(text).toContain("Jumlah hadir : 0 orang");
  });

  it.skipIf(!POPPLER)("a Desa forum's berita acara says Desa and BPD", async () => {
    const text = pdfText(await buildBeritaAcara(view({ terms: { village: "desa", council: "BPD" }, title: "Penetapan RKP Desa 2027" }), attendance(12, 15))).replace(/\s+/g, " ");
    expect(text).toContain("MUSYAWARAH DESA (MUSDES)");
    expect(text).toContain("Ketua BPD");
    expect(text).toContain("Kepala Desa Sukajaya");
  });
});
