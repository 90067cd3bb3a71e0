/**
 * Indikator keberhasilan (issue 15): how well the villages cooperate, month by month. Every figure
 * is a query over the rows the features already store — never a running counter that can drift.
 *
 * Privacy choices (docs/panduan-admin.md, "Laporan bulanan"):
 * - Secret (rahasia) votes add only their ballots per village and the eligible base, which the
 *   voting feature already publishes for every rahasia vote (src/domain/voting/publish.ts: ballots
 *   per village, turnout and quorum are always shown); nothing about choices is read. Quick polls
 *   are left out (Telegram counts them, without a village per voter).
 * - Anonymous and rahasia aspirations count in the aspiration figures (how many, how fast) but never
 *   make anyone an "active member": filing a ticket is not activity that names a person.
 * - A per-village median of days is shown only over at least MIN_MEDIAN_CELL tickets: a median of
 *   one or two tickets is that ticket's own timeline, which a village official could match to a
 *   reporter. Counts are shown as they are (a count names nobody).
 */
import type { JobTx } from "../../jobs/scheduler.js";
import type { Prisma } from "../../infra/db.js";
import { dateInZone, type ZoneName } from "../../lib/time.js";

export const MIN_MEDIAN_CELL = 3;

export interface Month {
  year: number;
  /** 1–12 */
  month: number;
}

export const MEASURES = [
  "activeMembers",
  "messages",
  "topics",
  "votes",
  "ballots",
  "voteBase",
  "meetings",
  "quorumMet",
  "invited",
  "attended",
  "aspReceived",
  "aspVerified",
  "aspResolved",
  "aspOverdue",
  "annDelivered",
  "annFailed",
  "bursaNeeds",
  "bursaOffers",
  "bursaMatches",
  "agreements",
] as const;
export type CountMeasure = (typeof MEASURES)[number];

export type Measures = Record<CountMeasure, number> & {
  /** Median days from filing to verification / to resolution (of tickets verified / resolved in the month). */
  medianVerifyDays: number | null;
  medianResolveDays: number | null;
  /** Tickets behind each median (a median over fewer than MIN_MEDIAN_CELL is withheld per village). */
  verifiedForMedian: number;
  resolvedForMedian: number;
};

export interface PeriodMeasures {
  month: Month;
  /** By village id; every village of the forum has an entry (zeros when nothing happened). */
  villages: Map<number, Measures>;
  forum: Measures;
}

export function emptyMeasures(): Measures {
  const m = Object.fromEntries(MEASURES.map((k) => [k, 0])) as Record<CountMeasure, number>;
  return { ...m, medianVerifyDays: null, medianResolveDays: null, verifiedForMedian: 0, resolvedForMedian: 0 };
}

export function monthKey(m: Month): string {
  return `${m.year}-${String(m.month).padStart(2, "0")}`;
}
export function parseMonthKey(s: string): Month | null {
  const x = /^(\d{4})-?(\d{2})$/.exec(s);
  if (!x) return null;
  const month = Number(x[2]);
  return month >= 1 && month <= 12 ? { year: Number(x[1]), month } : null;
}
export function addMonths(m: Month, n: number): Month {
  const i = m.year * 12 + (m.month - 1) + n;
  return { year: Math.floor(i / 12), month: (i % 12) + 1 };
}
export function monthIndex(m: Month): number {
  return m.year * 12 + m.month - 1;
}
/** [start, end) of the month in the forum's zone. */
export function monthRange(m: Month, zone: ZoneName): { start: Date; end: Date } {
  const next = addMonths(m, 1);
  return { start: dateInZone({ year: m.year, month: m.month, day: 1 }, zone)!, end: dateInZone({ year: next.year, month: next.month, day: 1 }, zone)! };
}

type Db = Pick<Prisma, "$queryRaw"> | JobTx;
type Row = { village_id: number | null; total: number } & Record<string, unknown>;

/**
 * All measures of one month for one forum: per village and for the whole forum (the forum figure
 * counts a person, topic, vote or meeting once even when several villages share it).
 */
export async function measureMonth(db: Db, forumId: number, villageIds: number[], month: Month, zone: ZoneName): Promise<PeriodMeasures> {
  const { start: s, end: e } = monthRange(month, zone);
  const villages = new Map<number, Measures>(villageIds.map((id) => [id, emptyMeasures()]));
  const forum = emptyMeasures();
  const put = (rows: Row[], fields: Record<string, keyof Measures>) => {
    for (const r of rows) {
      const target = Number(r.total) === 1 ? forum : r.village_id == null ? undefined : villages.get(Number(r.village_id));
      if (!target) continue;
      for (const [col, key] of Object.entries(fields)) {
        const v = r[col];
        (target as Record<string, number | null>)[key] = v == null ? (key.startsWith("median") ? null : 0) : Number(v);
      }
    }
  };
  const q = (db as Pick<Prisma, "$queryRaw">).$queryRaw.bind(db) as Prisma["$queryRaw"];

  const [active, relays, votes, meetings, attendance, aspirations, announcements, posts, matches, agreements] = await Promise.all([
    // Active: posted a relayed message, voted, or answered an RSVP in the month.
    q<Row[]>`
      WITH acts AS (
        SELECT author_id AS person_id, village_id FROM relay_messages
         WHERE forum_id = ${forumId} AND created_at >= ${s} AND created_at < ${e}
        UNION ALL
        SELECT p.person_id, p.village_id FROM vote_participations p JOIN votes v ON v.id = p.vote_id
         WHERE p.forum_id = ${forumId} AND v.forum_id = ${forumId}
           AND COALESCE(p.voted_at, v.closed_at, v.created_at) >= ${s} AND COALESCE(p.voted_at, v.closed_at, v.created_at) < ${e}
        UNION ALL
        SELECT person_id, village_id FROM meeting_invitees
         WHERE forum_id = ${forumId} AND rsvp <> 'pending' AND rsvp_at >= ${s} AND rsvp_at < ${e}
      )
      SELECT village_id, GROUPING(village_id)::int AS total, count(DISTINCT person_id)::int AS n
        FROM acts GROUP BY GROUPING SETS ((village_id), ())`,
    q<Row[]>`
      SELECT village_id, GROUPING(village_id)::int AS total, count(*)::int AS messages, count(DISTINCT topic_id)::int AS topics
        FROM relay_messages WHERE forum_id = ${forumId} AND created_at >= ${s} AND created_at < ${e}
       GROUP BY GROUPING SETS ((village_id), ())`,
    // Formal votes closed in the month; the base is the village groups' members at closing.
    q<Row[]>`
      SELECT vv.village_id, GROUPING(vv.village_id)::int AS total, count(DISTINCT v.id)::int AS votes,
             COALESCE(sum(pc.n) FILTER (WHERE vv.member_count IS NOT NULL), 0)::int AS ballots,
             COALESCE(sum(vv.member_count), 0)::int AS base
        FROM votes v JOIN vote_villages vv ON vv.vote_id = v.id
        CROSS JOIN LATERAL (SELECT count(*)::int AS n FROM vote_participations p WHERE p.vote_id = v.id AND p.village_id = vv.village_id) pc
       WHERE v.forum_id = ${forumId} AND v.kind = 'formal' AND v.state = 'closed' AND v.closed_at >= ${s} AND v.closed_at < ${e}
       GROUP BY GROUPING SETS ((vv.village_id), ())`,
    q<Row[]>`
      SELECT mv.village_id, GROUPING(mv.village_id)::int AS total, count(DISTINCT m.id)::int AS meetings,
             count(DISTINCT m.id) FILTER (WHERE m.quorum_reached_at IS NOT NULL)::int AS quorum
        FROM meetings m LEFT JOIN meeting_villages mv ON mv.meeting_id = m.id
       WHERE m.forum_id = ${forumId} AND m.status = 'scheduled' AND m.starts_at >= ${s} AND m.starts_at < ${e}
       GROUP BY GROUPING SETS ((mv.village_id), ())`,
    // Attendance of the invited (walk-ins are not invited, so they do not raise the rate).
    q<Row[]>`
      SELECT i.village_id, GROUPING(i.village_id)::int AS total,
             count(*) FILTER (WHERE i.source <> 'walk_in')::int AS invited,
             count(*) FILTER (WHERE i.source <> 'walk_in' AND i.checked_in_at IS NOT NULL)::int AS attended
        FROM meeting_invitees i JOIN meetings m ON m.id = i.meeting_id
       WHERE m.forum_id = ${forumId} AND i.forum_id = ${forumId} AND m.status = 'scheduled' AND m.starts_at >= ${s} AND m.starts_at < ${e}
       GROUP BY GROUPING SETS ((i.village_id), ())`,
    // Overdue = past a deadline at the end of the month and not rejected.
    q<Row[]>`
      SELECT origin_village_id AS village_id, GROUPING(origin_village_id)::int AS total,
             count(*) FILTER (WHERE created_at >= ${s})::int AS received,
             count(*) FILTER (WHERE verified_at >= ${s} AND verified_at < ${e})::int AS verified,
             count(*) FILTER (WHERE status = 'selesai' AND resolved_at >= ${s} AND resolved_at < ${e})::int AS resolved,
             count(*) FILTER (WHERE status <> 'ditolak' AND (
                 (verify_due_at < ${e} AND (verified_at IS NULL OR verified_at >= ${e}) AND (resolved_at IS NULL OR resolved_at >= ${e}))
              OR (resolve_due_at < ${e} AND (resolved_at IS NULL OR resolved_at >= ${e}))))::int AS overdue,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM verified_at - created_at) / 86400)
               FILTER (WHERE verified_at >= ${s} AND verified_at < ${e}) AS med_verify,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM resolved_at - created_at) / 86400)
               FILTER (WHERE status = 'selesai' AND resolved_at >= ${s} AND resolved_at < ${e}) AS med_resolve
        FROM aspirations WHERE forum_id = ${forumId} AND created_at < ${e}
       GROUP BY GROUPING SETS ((origin_village_id), ())`,
    // Copies of announcements in the outbox; the recipient key says the village ("v:<id>:g|p:…").
    q<Row[]>`
      SELECT village_id, GROUPING(village_id)::int AS total,
             count(*) FILTER (WHERE state = 'sent')::int AS delivered,
             count(*) FILTER (WHERE state IN ('failed', 'unknown'))::int AS failed
        FROM (SELECT state, CASE WHEN recipient_key ~ '^v:[0-9]+:' THEN split_part(recipient_key, ':', 2)::int END AS village_id
                FROM deliveries WHERE forum_id = ${forumId} AND owner_kind = 'pengumuman' AND created_at >= ${s} AND created_at < ${e}) d
       GROUP BY GROUPING SETS ((village_id), ())`,
    q<Row[]>`
      SELECT village_id, GROUPING(village_id)::int AS total,
             count(*) FILTER (WHERE kind = 'kebutuhan')::int AS needs, count(*) FILTER (WHERE kind = 'penawaran')::int AS offers
        FROM bursa_posts WHERE forum_id = ${forumId} AND created_at >= ${s} AND created_at < ${e}
       GROUP BY GROUPING SETS ((village_id), ())`,
    // A match counts for the village of the need and the village of the offer.
    q<Row[]>`
      WITH mv AS (
        SELECT m.id, p.village_id FROM bursa_matches m JOIN bursa_posts p ON p.id IN (m.need_id, m.offer_id)
         WHERE m.forum_id = ${forumId} AND p.forum_id = ${forumId} AND m.created_at >= ${s} AND m.created_at < ${e}
      )
      SELECT village_id, GROUPING(village_id)::int AS total, count(DISTINCT id)::int AS matches FROM mv GROUP BY GROUPING SETS ((village_id), ())`,
    q<Row[]>`
      SELECT p.village_id, GROUPING(p.village_id)::int AS total, count(DISTINCT a.id)::int AS agreements
        FROM agreements a LEFT JOIN agreement_parties p ON p.agreement_id = a.id
       WHERE a.forum_id = ${forumId} AND a.status <> 'batal' AND a.created_at >= ${s} AND a.created_at < ${e}
       GROUP BY GROUPING SETS ((p.village_id), ())`,
  ]);

  put(active, { n: "activeMembers" });
  put(relays, { messages: "messages", topics: "topics" });
  put(votes, { votes: "votes", ballots: "ballots", base: "voteBase" });
  put(meetings, { meetings: "meetings", quorum: "quorumMet" });
  put(attendance, { invited: "invited", attended: "attended" });
  put(aspirations, {
    received: "aspReceived",
    verified: "aspVerified",
    resolved: "aspResolved",
    overdue: "aspOverdue",
    med_verify: "medianVerifyDays",
    med_resolve: "medianResolveDays",
  });
  put(announcements, { delivered: "annDelivered", failed: "annFailed" });
  put(posts, { needs: "bursaNeeds", offers: "bursaOffers" });
  put(matches, { matches: "bursaMatches" });
  put(agreements, { agreements: "agreements" });
  for (const m of [forum, ...villages.values()]) {
    m.verifiedForMedian = m.aspVerified;
    m.resolvedForMedian = m.aspResolved;
    if (m.medianVerifyDays != null) m.medianVerifyDays = Math.round(m.medianVerifyDays * 10) / 10;
    if (m.medianResolveDays != null) m.medianResolveDays = Math.round(m.medianResolveDays * 10) / 10;
  }
  // The forum's vote base counts only villages with a known base, like each village's turnout.
  return { month, villages, forum };
}

/** Ballots ÷ eligible members (0–1), or null without a base. */
export function turnout(m: Measures): number | null {
  return m.voteBase > 0 ? m.ballots / m.voteBase : null;
}
export function attendanceRate(m: Measures): number | null {
  return m.invited > 0 ? m.attended / m.invited : null;
}
export function quorumRate(m: Measures): number | null {
  return m.meetings > 0 ? m.quorumMet / m.meetings : null;
}
/** A village's median, withheld below MIN_MEDIAN_CELL tickets (see the header). */
export function shownMedian(m: Measures, which: "verify" | "resolve", perVillage: boolean): number | null {
  const v = which === "verify" ? m.medianVerifyDays : m.medianResolveDays;
  const n = which === "verify" ? m.verifiedForMedian : m.resolvedForMedian;
  return perVillage && n < MIN_MEDIAN_CELL ? null : v;
}
/** Change from `before` to `now` as a ratio (0.18 = +18%), or null when there was nothing before. */
export function change(now: number, before: number): number | null {
  if (before === 0) return null;
  return (now - before) / before;
}
