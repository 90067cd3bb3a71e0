import type { AttendanceRow, QuorumResult, QuorumRule, RsvpCounts } from "./types.js";

/** People invited by name count for a people quorum; those who came through a group do not. */
const NAMED_SOURCES = new Set(["official", "bpd", "named"]);

export function rsvpCounts(rows: AttendanceRow[]): RsvpCounts {
  const c: RsvpCounts = { yes: 0, no: 0, delegate: 0, pending: 0, checkedIn: 0 };
  for (const r of rows) {
    c[r.rsvp]++;
    if (r.checkedInAt) c.checkedIn++;
  }
  return c;
}

/** ⌈2n/3⌉ without floating point: 17 → 12, 9 → 6, 10 → 7. */
export function twoThirdsOf(n: number): number {
  return Math.ceil((2 * n) / 3);
}

/** ½ + 1: more than half. 10 → 6, 9 → 5. */
export function halfPlusOneOf(n: number): number {
  return Math.floor(n / 2) + 1;
}

/**
 * Is the meeting quorate? Musdes practice: valid when 2/3 of those invited are present; MAD:
 * every invited village represented. A village is present when anyone from it signed the list.
 * A people rule with nobody invited by name (only village groups) counts villages instead.
 */
export function computeQuorum(rule: QuorumRule, rows: AttendanceRow[], invitedVillageIds: number[]): QuorumResult {
  const named = rows.filter((r) => NAMED_SOURCES.has(r.source));
  const peopleRule = rule === "two_thirds" || rule === "half_plus_one";
  if (peopleRule && named.length > 0) {
    const total = named.length;
    const present = named.filter((r) => r.checkedInAt).length;
    const required = rule === "two_thirds" ? twoThirdsOf(total) : halfPlusOneOf(total);
    return { rule, unit: "people", present, total, required, reached: present >= required };
  }
  const invited = new Set(invitedVillageIds);
  const total = invited.size;
  const presentVillages = new Set(rows.filter((r) => r.checkedInAt && r.villageId !== null && invited.has(r.villageId)).map((r) => r.villageId));
  const present = presentVillages.size;
  const required =
    rule === "all_villages" ? total : rule === "half_plus_one" ? halfPlusOneOf(total) : twoThirdsOf(total);
  return { rule, unit: "villages", present, total, required, reached: total > 0 && present >= required };
}
