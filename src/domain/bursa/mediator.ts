/**
 * The kecamatan as matchmaker: open needs nobody offered, and matched pairs that have not moved
 * (no discussion, no musyawarah, no agreement). One action opens a discussion topic between the
 * villages involved (or asks every village about a need), or invites them to a Musyawarah Antar
 * Desa — through the discussion and musyawarah rules themselves.
 */
import { InvalidInput, NotAllowed, NotFound } from "../errors.js";
import { openTopic, type DiscussionDeps, type DiscussionRenderer } from "../discussion/index.js";
import { createMeeting, type MeetingDeps } from "../musyawarah/service.js";
import { emptyAudience } from "../musyawarah/types.js";
import { isZoneName, type ZoneName } from "../../lib/time.js";
import { loadMatch } from "./posts.js";
import { canMediate, type Actor, type BursaDeps, type MatchView, type PostView } from "./types.js";
import { audit } from "../privasi/audit.js";

function requireMediator(actor: Actor, forumId: number) {
  if (!canMediate(actor, forumId)) throw new NotAllowed("bursa_not_mediator");
}

export interface MediatorView {
  openNeeds: Array<PostView & { mediated: boolean }>;
  openNeedsTotal: number;
  stalled: MatchView[];
  stalledTotal: number;
}

export async function mediatorView(d: Pick<BursaDeps, "prisma">, actor: Actor, forumId: number, take = 8): Promise<MediatorView> {
  requireMediator(actor, forumId);
  const forum = await d.prisma.forum.findUnique({ where: { id: forumId }, select: { timezone: true } });
  if (!forum) throw new NotFound("forum_not_found");
  const zone: ZoneName = isZoneName(forum.timezone) ? forum.timezone : "Asia/Jakarta";
  const matchedNeeds = (await d.prisma.bursaMatch.findMany({ where: { forumId }, select: { needId: true }, distinct: ["needId"] })).map((m) => m.needId);
  const needWhere = { forumId, kind: "kebutuhan" as const, status: "terbuka" as const, id: { notIn: matchedNeeds } };
  const [openNeedsTotal, needs] = await Promise.all([
    d.prisma.bursaPost.count({ where: needWhere }),
    d.prisma.bursaPost.findMany({ where: needWhere, orderBy: { id: "asc" }, take }),
  ]);
  const names = new Map(
    (await d.prisma.village.findMany({ where: { forumId, id: { in: needs.map((n) => n.villageId).filter((x): x is number => x !== null) } }, select: { id: true, name: true } })).map((v) => [v.id, v.name]),
  );
  const openNeeds = needs.map((r) => ({
    id: r.id, forumId, kind: r.kind, villageId: r.villageId, villageName: r.villageId ? (names.get(r.villageId) ?? null) : null, partnerName: r.partnerName,
    category: r.category, title: r.title, details: r.details, quantity: r.quantity, periodText: r.periodText, place: r.place, terms: r.terms,
    status: r.status, createdAt: r.createdAt, zone, mediated: r.topicId !== null,
  }));
  // Both posts still open, and nothing done yet: no topic, no meeting, no agreement.
  const stalledWhere = {
    forumId,
    topicId: null,
    meetingId: null,
    agreementId: null,
    needId: { in: (await d.prisma.bursaPost.findMany({ where: { forumId, kind: "kebutuhan", status: "terbuka" }, select: { id: true } })).map((p) => p.id) },
    offerId: { in: (await d.prisma.bursaPost.findMany({ where: { forumId, kind: "penawaran", status: "terbuka" }, select: { id: true } })).map((p) => p.id) },
  };
  const [stalledTotal, stalledRows] = await Promise.all([
    d.prisma.bursaMatch.count({ where: stalledWhere }),
    d.prisma.bursaMatch.findMany({ where: stalledWhere, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take, select: { id: true } }),
  ]);
  const stalled = (await Promise.all(stalledRows.map((m) => loadMatch(d.prisma, forumId, m.id)))).filter((m): m is MatchView => m !== null);
  return { openNeeds, openNeedsTotal, stalled, stalledTotal };
}

export async function matchForMediator(d: Pick<BursaDeps, "prisma">, actor: Actor, forumId: number, matchId: number) {
  requireMediator(actor, forumId);
  const m = await loadMatch(d.prisma, forumId, matchId);
  if (!m) throw new NotFound("bursa_match_not_found");
  return m;
}

export function villagesOf(m: MatchView): number[] {
  return [...new Set([m.need.villageId, m.offer.villageId].filter((x): x is number => x !== null))];
}

/** Opens a discussion topic between the villages of a pair (the mediator writes title and text). */
export async function discussMatch(
  d: BursaDeps,
  disc: { deps: DiscussionDeps; renderer: DiscussionRenderer },
  actor: Actor,
  forumId: number,
  matchId: number,
  text: { title: string; description: string },
) {
  const m = await matchForMediator(d, actor, forumId, matchId);
  if (m.topicId !== null) throw new InvalidInput("bursa_already_discussed");
  const villageIds = villagesOf(m);
  if (villageIds.length === 0) throw new InvalidInput("bursa_no_villages");
  const out = await openTopic(disc.deps, disc.renderer, actor, { forumId, title: text.title, description: text.description, villageIds, endsAt: null });
  await d.prisma.bursaMatch.updateMany({ where: { id: m.id, forumId, topicId: null }, data: { topicId: out.topic.id, mediatedAt: d.clock.now(), mediatedById: actor.personId } });
  await audit(d.prisma, { forumId, actorId: actor.personId, action: "bursa.mediate", target: `bursa_match:${m.id}`, details: { via: "topic", topicId: out.topic.id }, at: d.clock.now() });
  return out;
}

/** Asks every village about a need nobody has offered yet (a topic in all village groups). */
export async function askAllVillages(
  d: BursaDeps,
  disc: { deps: DiscussionDeps; renderer: DiscussionRenderer },
  actor: Actor,
  forumId: number,
  postId: number,
  text: { title: string; description: string },
) {
  requireMediator(actor, forumId);
  const post = await d.prisma.bursaPost.findFirst({ where: { id: postId, forumId, kind: "kebutuhan" } });
  if (!post) throw new NotFound("bursa_post_not_found");
  if (post.topicId !== null) throw new InvalidInput("bursa_already_discussed");
  const out = await openTopic(disc.deps, disc.renderer, actor, { forumId, title: text.title, description: text.description, villageIds: null, endsAt: null });
  await d.prisma.bursaPost.updateMany({ where: { id: post.id, topicId: null }, data: { topicId: out.topic.id, mediatedAt: d.clock.now() } });
  await audit(d.prisma, { forumId, actorId: actor.personId, action: "bursa.mediate", target: `bursa_post:${post.id}`, details: { via: "ask_all", topicId: out.topic.id }, at: d.clock.now() });
  return out;
}

/**
 * Invites the pair to a Musyawarah Antar Desa: the village groups and their perangkat desa, and
 * the mitra who posted (by name). Meeting rules (MAD is for admins, quorum, reminders) apply.
 */
export async function inviteMad(
  d: BursaDeps,
  md: MeetingDeps,
  actor: Actor,
  forumId: number,
  matchId: number,
  input: { title: string; agenda: string[]; startsAt: Date; durationMinutes: number; place: string | null },
) {
  const m = await matchForMediator(d, actor, forumId, matchId);
  if (!actor.access.isAdmin(forumId)) throw new NotAllowed("meeting_mad_admin_only");
  if (m.meetingId !== null) throw new InvalidInput("bursa_already_invited");
  const villageIds = villagesOf(m);
  const mitra = (await d.prisma.bursaPost.findMany({ where: { forumId, id: { in: [m.need.id, m.offer.id] }, villageId: null }, select: { authorId: true } })).map((p) => p.authorId);
  const audience = { ...emptyAudience(), groups: villageIds, officials: villageIds, persons: mitra };
  const out = await createMeeting(md, actor, { forumId, kind: "mad", title: input.title, agenda: input.agenda, startsAt: input.startsAt, durationMinutes: input.durationMinutes, place: input.place, audience });
  await d.prisma.bursaMatch.updateMany({ where: { id: m.id, forumId, meetingId: null }, data: { meetingId: out.id, mediatedAt: d.clock.now(), mediatedById: actor.personId } });
  await audit(d.prisma, { forumId, actorId: actor.personId, action: "bursa.mediate", target: `bursa_match:${m.id}`, details: { via: "mad", meetingId: out.id }, at: d.clock.now() });
  return out;
}
