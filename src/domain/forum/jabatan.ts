/**
 * A person's position (jabatan) in the forum, stored on Membership.title (and on the Invite that
 * grants it). Known positions are stored as keys and rendered with the forum's own words
 * ("kepala" → "Kepala Kampung", "ketua_bpd" → "Ketua BPK"); anything else is kept as typed.
 */
import { InvalidInput } from "../errors.js";
import { isCouncilTitleText, type ForumTerms } from "./terms.js";

/** Positions of a village official (perangkat) or council member, in the order they are offered. */
export const JABATAN_VILLAGE = [
  "kepala",
  "sekretaris",
  "kaur_keuangan",
  "kaur_perencanaan",
  "kaur_umum",
  "kasi_pemerintahan",
  "kasi_kesejahteraan",
  "kasi_pelayanan",
  "kepala_dusun",
  "ketua_bpd",
  "anggota_bpd",
] as const;

/** Positions of forum-wide roles (admin, moderator, mitra): the kecamatan office and its partners. */
export const JABATAN_FORUM = ["camat", "sekretaris_kecamatan", "staf_kecamatan", "pendamping_desa", "pengurus_bkad"] as const;

export const JABATAN_KEYS: readonly string[] = [...JABATAN_VILLAGE, ...JABATAN_FORUM];
export const COUNCIL_KEYS: readonly string[] = ["ketua_bpd", "anggota_bpd"];

export function isJabatanKey(title: string | null | undefined): boolean {
  return !!title && JABATAN_KEYS.includes(title);
}

/** A typed position: 2–60 characters, letters first ("Bendahara BUMDes", "Operator SID"). */
export function validateJabatan(raw: string): string {
  const t = raw.replace(/\s+/g, " ").trim();
  if (isJabatanKey(t)) return t;
  if (t.length < 2 || t.length > 60 || !/^[\p{L}][\p{L}\p{N} .,'&/()-]*$/u.test(t)) throw new InvalidInput("jabatan_bad");
  return t;
}

/** Is this title a member of the village council (Ketua/Anggota BPD, BPK, …)? */
export function isCouncilTitle(title: string | null | undefined, terms: ForumTerms): boolean {
  if (!title) return false;
  if (isJabatanKey(title)) return COUNCIL_KEYS.includes(title);
  return isCouncilTitleText(title, terms);
}
