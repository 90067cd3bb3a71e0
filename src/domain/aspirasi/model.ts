import type { AspirationPrivacy, AspirationStatus } from "../../generated/prisma/enums.js";
import { InvalidInput } from "../errors.js";

export type { AspirationPrivacy, AspirationStatus };

export const STATUSES: AspirationStatus[] = ["baru", "diverifikasi", "diproses", "selesai", "ditolak", "diteruskan"];
/** Statuses in which officials still owe an answer. */
export const OPEN_STATUSES: AspirationStatus[] = ["baru", "diverifikasi", "diproses", "diteruskan"];
/** Not verified yet: the verification reminder still applies. */
export const UNVERIFIED_STATUSES: AspirationStatus[] = ["baru", "diteruskan"];
export const PRIVACIES: AspirationPrivacy[] = ["named", "anonim", "rahasia"];

export const DEFAULT_CATEGORIES = [
  "Infrastruktur",
  "Pertanian",
  "Kesehatan",
  "Pendidikan",
  "Ekonomi & UMKM",
  "Sosial",
  "Lingkungan",
  "Keamanan & Ketertiban",
  "Pelayanan Administrasi",
  "Lainnya",
];

export const LIMITS = {
  minWords: 4,
  minChars: 15,
  maxChars: 3000,
  maxPhotos: 3,
  perPersonPerDay: 5,
  noteMaxChars: 1000,
  messageMaxChars: 2000,
  reasonMinChars: 10,
  /** Days after "selesai" in which the reporter may reopen. */
  reopenDays: 14,
  maxCategories: 20,
  categoryMaxChars: 40,
} as const;

/** pg_trgm similarity from which two texts count as "about the same thing". */
export const SIMILARITY_THRESHOLD = 0.3;

/** What an official may do with a ticket; each maps to one status change. */
export type OfficialAction = "verify" | "process" | "resolve" | "reject" | "forward";

export const TRANSITIONS: Record<OfficialAction, { from: AspirationStatus[]; to: AspirationStatus; event: string }> = {
  verify: { from: ["baru", "diteruskan"], to: "diverifikasi", event: "verified" },
  process: { from: ["baru", "diteruskan", "diverifikasi"], to: "diproses", event: "processing" },
  resolve: { from: ["baru", "diteruskan", "diverifikasi", "diproses"], to: "selesai", event: "resolved" },
  reject: { from: ["baru", "diteruskan", "diverifikasi", "diproses"], to: "ditolak", event: "rejected" },
  forward: { from: ["baru", "diteruskan", "diverifikasi", "diproses"], to: "diteruskan", event: "forwarded" },
};

export function isOpen(status: AspirationStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** Counts words the way a reader would: runs of letters or digits. */
export function wordCount(text: string): number {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

/** Rejects empty, two-word or overlong descriptions with a reason the bot can explain. */
export function validateDescription(raw: string): string {
  const text = raw.trim().replace(/[ \t]+/g, " ");
  if (text.length > LIMITS.maxChars) throw new InvalidInput("aspirasi_text_long", { max: LIMITS.maxChars, length: text.length });
  if (wordCount(text) < LIMITS.minWords || text.length < LIMITS.minChars) throw new InvalidInput("aspirasi_text_short", { min: LIMITS.minWords });
  return text;
}

/** ASP-SKJ-2026-0042: village code, year, and a number counted per forum and year. */
export function formatTicket(villageCode: string, year: number, seq: number): string {
  return `ASP-${villageCode.toUpperCase()}-${year}-${String(seq).padStart(4, "0")}`;
}

export interface AspirasiSettings {
  /** Working days (Mon–Fri) within which officials should verify. */
  verifyDays: number;
  /** Calendar days after which an unfinished aspiration goes to the forum admins. */
  escalateDays: number;
  categories: string[];
}

export const DEFAULT_SETTINGS: AspirasiSettings = { verifyDays: 3, escalateDays: 14, categories: DEFAULT_CATEGORIES };

/** Reads the aspirasi part of Forum.settings, falling back to defaults for anything missing or odd. */
export function readSettings(settings: unknown): AspirasiSettings {
  const s = (settings && typeof settings === "object" ? (settings as Record<string, unknown>).aspirasi : undefined) as
    | Partial<AspirasiSettings>
    | undefined;
  const int = (v: unknown, lo: number, hi: number, d: number) => (typeof v === "number" && Number.isInteger(v) && v >= lo && v <= hi ? v : d);
  const cats =
    Array.isArray(s?.categories) && s!.categories.length >= 2 && s!.categories.every((c) => typeof c === "string" && c.trim())
      ? s!.categories.map((c) => c.trim())
      : DEFAULT_CATEGORIES;
  return {
    verifyDays: int(s?.verifyDays, 1, 30, DEFAULT_SETTINGS.verifyDays),
    escalateDays: int(s?.escalateDays, 1, 120, DEFAULT_SETTINGS.escalateDays),
    categories: cats,
  };
}

/** Parses a category list typed one per line; throws InvalidInput with the reason. */
export function parseCategories(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const c = raw.replace(/^\s*(\d+[.)]\s*|[-•*]\s*)/, "").trim().replace(/\s+/g, " ");
    if (!c) continue;
    if (c.length > LIMITS.categoryMaxChars) throw new InvalidInput("aspirasi_category_long", { max: LIMITS.categoryMaxChars });
    if (seen.has(c.toLowerCase())) continue;
    seen.add(c.toLowerCase());
    out.push(c);
  }
  if (out.length < 2) throw new InvalidInput("aspirasi_categories_few");
  if (out.length > LIMITS.maxCategories) throw new InvalidInput("aspirasi_categories_many", { max: LIMITS.maxCategories });
  return out;
}
