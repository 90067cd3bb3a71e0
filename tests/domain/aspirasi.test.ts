import { describe, expect, it } from "vitest";
import {
  DEFAULT_CATEGORIES,
  TRANSITIONS,
  formatTicket,
  overdue,
  parseCategories,
  readSettings,
  validateDescription,
  wordCount,
} from "../../src/domain/aspirasi/index.js";
import { InvalidInput } from "../../src/domain/errors.js";

const reason = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof InvalidInput ? e.reason : `other: ${String(e)}`;
  }
  return null;
};

describe("descriptions", () => {
  it("two words, blanks and punctuation only are too short; four words pass", () => {
    expect(reason(() => validateDescription("Jalan rusak"))).toBe("aspirasi_text_short");
    expect(reason(() => validateDescription("   \n "))).toBe("aspirasi_text_short");
    expect(reason(() => validateDescription("!!! ??? ... ,,,"))).toBe("aspirasi_text_short");
    expect(validateDescription("  Jalan   RT 03 berlubang besar ")).toBe("Jalan RT 03 berlubang besar");
  });
  it("over 3,000 characters is too long", () => {
    expect(reason(() => validateDescription(`Jalan rusak parah ${"a".repeat(3000)}`))).toBe("aspirasi_text_long");
    expect(wordCount("Ekonomi & UMKM: 12 warung")).toBe(4);
  });
});

describe("tickets and settings", () => {
  it("ticket numbers look like ASP-SKJ-2026-0042", () => {
    expect(formatTicket("skj", 2026, 42)).toBe("ASP-SKJ-2026-0042");
    expect(formatTicket("SKJ", 2026, 12345)).toBe("ASP-SKJ-2026-12345");
  });
  it("settings fall back to 3 working days, 14 days and the default categories", () => {
    expect(readSettings({})).toEqual({ verifyDays: 3, escalateDays: 14, categories: DEFAULT_CATEGORIES });
    expect(readSettings({ aspirasi: { verifyDays: 0, escalateDays: "9", categories: ["x"] } })).toEqual({ verifyDays: 3, escalateDays: 14, categories: DEFAULT_CATEGORIES });
    expect(readSettings({ aspirasi: { verifyDays: 5, escalateDays: 21, categories: ["Jalan", "Air"] } })).toEqual({ verifyDays: 5, escalateDays: 21, categories: ["Jalan", "Air"] });
  });
  it("a typed category list is cleaned, deduplicated and bounded", () => {
    expect(parseCategories("1. Jalan\n- Air bersih\n\njalan\n• Pasar")).toEqual(["Jalan", "Air bersih", "Pasar"]);
    expect(reason(() => parseCategories("Jalan"))).toBe("aspirasi_categories_few");
    expect(reason(() => parseCategories(Array.from({ length: 21 }, (_, i) => `K${i}`).join("\n")))).toBe("aspirasi_categories_many");
    expect(reason(() => parseCategories(`Jalan\n${"x".repeat(41)}`))).toBe("aspirasi_category_long");
  });
});

describe("status rules", () => {
  it("finished and rejected tickets accept no official action", () => {
    for (const t of Object.values(TRANSITIONS)) {
      expect(t.from).not.toContain("selesai");
      expect(t.from).not.toContain("ditolak");
    }
    expect(TRANSITIONS.verify.from).toEqual(["baru", "diteruskan"]);
  });
  it("overdue: unverified past the verification time, or unfinished past the final deadline", () => {
    const now = new Date("2026-12-10T00:00:00Z");
    const past = new Date("2026-12-09T00:00:00Z");
    const future = new Date("2026-12-20T00:00:00Z");
    expect(overdue({ status: "baru", verifyDueAt: past, resolveDueAt: future }, now)).toBe(true);
    expect(overdue({ status: "diverifikasi", verifyDueAt: past, resolveDueAt: future }, now)).toBe(false);
    expect(overdue({ status: "diproses", verifyDueAt: past, resolveDueAt: past }, now)).toBe(true);
    expect(overdue({ status: "selesai", verifyDueAt: past, resolveDueAt: past }, now)).toBe(false);
  });
});
