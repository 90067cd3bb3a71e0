/**
 * The words a forum uses for its villages and their council (issue 12). Lampung Tengah says
 * "Kampung" and "BPK" (Badan Permusyawaratan Kampung); West Sumatra "Nagari"; Aceh "Gampong".
 * Stored on the forum; every text says them through the `$desa`-family placeables that
 * src/bot/lib/terms.ts fills from these two values (the wording itself lives in the locale files).
 */
import { InvalidInput } from "../errors.js";

export const VILLAGE_TERMS = ["desa", "kampung", "kelurahan", "nagari", "gampong", "pekon", "tiyuh"] as const;
export type VillageTerm = (typeof VILLAGE_TERMS)[number];

/** Councils offered as buttons; any other short name may be typed ("Bamus", "Tuha Peuet"). */
export const COUNCIL_TERMS = ["BPD", "BPK"] as const;

export interface ForumTerms {
  village: VillageTerm;
  /** The council's short name as the forum writes it: "BPD", "BPK", "Tuha Peuet". */
  council: string;
}

export const DEFAULT_TERMS: ForumTerms = Object.freeze({ village: "desa", council: "BPD" }) as ForumTerms;

/** The deployment's words (DEFAULT_VILLAGE_TERM / DEFAULT_COUNCIL_TERM): used before a forum is known. */
export function deploymentTerms(config: { DEFAULT_VILLAGE_TERM?: string; DEFAULT_COUNCIL_TERM?: string }): ForumTerms {
  return termsOf({ villageTerm: config.DEFAULT_VILLAGE_TERM, councilTerm: config.DEFAULT_COUNCIL_TERM });
}

export function isVillageTerm(v: unknown): v is VillageTerm {
  return typeof v === "string" && (VILLAGE_TERMS as readonly string[]).includes(v);
}

/** Terms from a forum row; unknown stored values fall back to the defaults rather than failing. */
export function termsOf(row: { villageTerm?: string | null; councilTerm?: string | null } | null | undefined): ForumTerms {
  const village = isVillageTerm(row?.villageTerm) ? row!.villageTerm : DEFAULT_TERMS.village;
  const council = row?.councilTerm?.trim() || DEFAULT_TERMS.council;
  return { village, council };
}

/** A typed council name: letters, spaces, dots and dashes, 2–30 characters ("Tuha Peuet", "Bamus"). */
export function validateCouncilTerm(raw: string): string {
  const t = raw.replace(/\s+/g, " ").trim();
  if (t.length < 2 || t.length > 30 || !/^[\p{L}][\p{L} .'-]*$/u.test(t)) throw new InvalidInput("council_term_bad");
  return t;
}

/** Does a stored (free-text) title name a council member, under this forum's council word? */
export function isCouncilTitleText(title: string, terms: ForumTerms): boolean {
  const t = title.toLowerCase();
  if (/\bbpd\b|badan permusyawaratan/.test(t)) return true;
  const council = terms.council.toLowerCase();
  return council.length >= 2 && new RegExp(`(^|[^\\p{L}])${council.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}([^\\p{L}]|$)`, "u").test(t);
}
