import { termsOf } from "../forum/terms.js";
/**
 * Bursa kerja sama: villages post needs (kebutuhan) and offers (penawaran); mitra post offers.
 * A new post is compared with every open post of the other kind in the forum (other villages
 * only); the pairs that match are stored and both sides are told, each with a button to show
 * interest. When both sides are interested, each gets the other's contact.
 */
import { Conflict, InvalidInput, NotAllowed, NotFound } from "../errors.js";
import { isZoneName, type ZoneName } from "../../lib/time.js";
import type { EnqueueItem } from "../../delivery/types.js";
import { CATEGORIES } from "./lexicon.js";
import { analyze, scorePair } from "./matcher.js";
import { parsePeriod, type Period } from "./period.js";
import { distanceKm } from "./geo.js";
import { isMitra, OWNER, requireMember, type Actor, type BursaDeps, type Contact, type Db, type MatchView, type PostView, type Recipient, type Side } from "./types.js";
import { audit } from "../privasi/audit.js";

export const POST_LIMITS = { title: [5, 150], details: 1000, quantity: 100, place: 150, terms: 500, periodText: 100 } as const;
/** At most this many matches are told per new post (the best ones), so nobody is flooded. */
export const MAX_MATCHES_PER_POST = 5;
const TX = { timeout: 30_000, maxWait: 10_000 };

export interface PostInput {
  forumId: number;
  kind: "kebutuhan" | "penawaran";
  /** The village posting; null for a mitra. */
  villageId: number | null;
  partnerName?: string | null;
  category: string;
  title: string;
  details?: string | null;
  quantity?: string | null;
  periodText?: string | null;
  place?: string | null;
  terms?: string | null;
}

function clean(s: string | null | undefined, max: number, reason: string): string | null {
  const t = (s ?? "").replace(/[ \t]+/g, " ").trim();
  if (!t) return null;
  if (t.length > max) throw new InvalidInput(reason, { max });
  return t;
}

/** Who may post for whom: perangkat desa (or admins) for a village; mitra offers for their organisation. */
export function checkPoster(actor: Actor, input: Pick<PostInput, "forumId" | "kind" | "villageId">) {
  requireMember(actor, input.forumId);
  if (input.villageId === null) {
    if (!isMitra(actor, input.forumId)) throw new NotAllowed("bursa_post_not_allowed");
    if (input.kind !== "penawaran") throw new NotAllowed("bursa_mitra_offers_only");
    return;
  }
  if (!actor.access.canActForVillage(input.forumId, input.villageId)) throw new NotAllowed("bursa_post_not_allowed");
}

async function zoneOf(db: Db, forumId: number): Promise<ZoneName> {
  const f = await db.forum.findUnique({ where: { id: forumId }, select: { timezone: true } });
  if (!f) throw new NotFound("forum_not_found");
  return isZoneName(f.timezone) ? f.timezone : "Asia/Jakarta";
}

type PostRow = Awaited<ReturnType<Db["bursaPost"]["findFirstOrThrow"]>>;

async function viewsOf(db: Db, rows: PostRow[], zone: ZoneName): Promise<PostView[]> {
  const ids = [...new Set(rows.map((r) => r.villageId).filter((x): x is number => x !== null))];
  const villages = ids.length ? await db.village.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [];
  const names = new Map(villages.map((v) => [v.id, v.name]));
  return rows.map((r) => ({
    id: r.id,
    forumId: r.forumId,
    kind: r.kind,
    villageId: r.villageId,
    villageName: r.villageId ? (names.get(r.villageId) ?? null) : null,
    partnerName: r.partnerName,
    category: r.category,
    title: r.title,
    details: r.details,
    quantity: r.quantity,
    periodText: r.periodText,
    place: r.place,
    terms: r.terms,
    status: r.status,
    createdAt: r.createdAt,
    zone,
  }));
}

function periodOf(r: { periodStart: Date | null; periodEnd: Date | null }): Period | null {
  return r.periodStart || r.periodEnd ? { start: r.periodStart, end: r.periodEnd } : null;
}

/** Checks a period as typed; for the flow to ask again before anything is saved. */
export function checkPeriod(text: string, now: Date, zone: ZoneName) {
  const r = parsePeriod(text, now, zone);
  if (!r.ok) throw new InvalidInput("bursa_period_unparsed");
  if (r.period?.end && r.period.end.getTime() <= now.getTime()) throw new InvalidInput("bursa_period_past");
  return r.period;
}

/** The people to tell about one side of a pair: the village's officials, or the mitra who posted. */
export async function sideRecipients(db: Db, post: { forumId: number; villageId: number | null; authorId: number }): Promise<Recipient[]> {
  const people = await db.person.findMany({
    where:
      post.villageId === null
        ? { id: post.authorId, canMessage: true, memberships: { some: { forumId: post.forumId, role: "mitra" } } }
        : { canMessage: true, memberships: { some: { forumId: post.forumId, role: "perangkat_desa", villageId: post.villageId } } },
    select: { id: true, telegramUserId: true, language: true },
    orderBy: { id: "asc" },
  });
  const terms = termsOf(await db.forum.findUnique({ where: { id: post.forumId }, select: { villageTerm: true, councilTerm: true } }));
  return people.map((p) => ({ personId: p.id, chatId: p.telegramUserId, language: p.language, terms }));
}

export async function loadMatch(db: Db, forumId: number, matchId: number): Promise<MatchView | null> {
  const m = await db.bursaMatch.findFirst({ where: { id: matchId, forumId } });
  if (!m) return null;
  const zone = await zoneOf(db, forumId);
  const posts = await db.bursaPost.findMany({ where: { forumId, id: { in: [m.needId, m.offerId] } } });
  const views = await viewsOf(db, posts, zone);
  const need = views.find((v) => v.id === m.needId);
  const offer = views.find((v) => v.id === m.offerId);
  if (!need || !offer) return null;
  const reasons = (m.reasons ?? {}) as { shared?: MatchView["shared"]; overlapDays?: number | null };
  return {
    id: m.id,
    forumId,
    need,
    offer,
    score: m.score,
    distanceKm: m.distanceKm,
    shared: reasons.shared ?? [],
    overlapDays: reasons.overlapDays ?? null,
    needInterest: m.needInterestAt !== null,
    offerInterest: m.offerInterestAt !== null,
    topicId: m.topicId,
    meetingId: m.meetingId,
    agreementId: m.agreementId,
    createdAt: m.createdAt,
  };
}

/** Points of villages, for distances (villages without a point: distance unknown). */
async function pointsOf(db: Db, forumId: number) {
  const rows = await db.villageProfile.findMany({ where: { forumId, latitude: { not: null }, longitude: { not: null } }, select: { villageId: true, latitude: true, longitude: true } });
  return new Map(rows.map((r) => [r.villageId, { latitude: r.latitude!, longitude: r.longitude! }]));
}

/**
 * Posts a need or an offer, finds its matches among the open posts of the other kind, stores them
 * and queues the notices to both sides — all in one transaction.
 */
export async function createPost(d: BursaDeps, actor: Actor, input: PostInput) {
  checkPoster(actor, input);
  if (!(CATEGORIES as readonly string[]).includes(input.category)) throw new InvalidInput("bursa_bad_category");
  const title = clean(input.title, POST_LIMITS.title[1], "bursa_title_long");
  if (!title || title.length < POST_LIMITS.title[0]) throw new InvalidInput("bursa_title_short", { min: POST_LIMITS.title[0] });
  const details = clean(input.details, POST_LIMITS.details, "bursa_details_long");
  const quantity = clean(input.quantity, POST_LIMITS.quantity, "bursa_field_long");
  const place = clean(input.place, POST_LIMITS.place, "bursa_field_long");
  const terms = clean(input.terms, POST_LIMITS.terms, "bursa_field_long");
  const periodText = clean(input.periodText, POST_LIMITS.periodText, "bursa_field_long");
  const partnerName = input.villageId === null ? clean(input.partnerName, 100, "bursa_field_long") : null;
  if (input.villageId === null && !partnerName) throw new InvalidInput("bursa_partner_missing");
  const now = d.clock.now();

  const out = await d.prisma.$transaction(async (tx) => {
    const zone = await zoneOf(tx, input.forumId);
    if (input.villageId !== null) {
      const v = await tx.village.findFirst({ where: { id: input.villageId, forumId: input.forumId } });
      if (!v) throw new NotFound("village_not_found");
    }
    const period = periodText ? checkPeriod(periodText, now, zone) : null;
    const post = await tx.bursaPost.create({
      data: {
        forumId: input.forumId,
        kind: input.kind,
        villageId: input.villageId,
        authorId: actor.personId,
        partnerName,
        category: input.category,
        title,
        details,
        quantity,
        periodStart: period?.start ?? null,
        periodEnd: period?.end ?? null,
        periodText,
        place,
        terms,
        createdAt: now,
      },
    });
    const matches = await matchPost(d, tx, post, now);
    await audit(tx, { forumId: input.forumId, actorId: actor.personId, action: "bursa.post", target: `bursa_post:${post.id}`, details: { kind: input.kind, matches: matches.length }, at: now });
    return { post: (await viewsOf(tx, [post], zone))[0]!, matches };
  }, TX);
  d.delivery.kick();
  return out;
}

/** Scores one post against the open posts of the other kind; stores and announces the best matches. */
async function matchPost(d: BursaDeps, tx: Db, post: PostRow, now: Date): Promise<MatchView[]> {
  const isNeed = post.kind === "kebutuhan";
  const others = await tx.bursaPost.findMany({
    where: {
      forumId: post.forumId,
      kind: isNeed ? "penawaran" : "kebutuhan",
      status: "terbuka",
      // A village does not trade with itself; a mitra's posts meet every village's.
      ...(post.villageId !== null ? { OR: [{ villageId: null }, { villageId: { not: post.villageId } }] } : { villageId: { not: null } }),
    },
    orderBy: { id: "asc" },
    take: 1000,
  });
  if (others.length === 0) return [];
  const points = await pointsOf(tx, post.forumId);
  const here = post.villageId !== null ? points.get(post.villageId) : undefined;
  const mine = analyze(post, isNeed ? "need" : "offer");
  const scored = others
    .map((o) => {
      const there = o.villageId !== null ? points.get(o.villageId) : undefined;
      const km = here && there ? Math.round(distanceKm(here, there) * 10) / 10 : null;
      const theirs = analyze(o, isNeed ? "offer" : "need");
      const r = scorePair({
        need: isNeed ? mine : theirs,
        offer: isNeed ? theirs : mine,
        needPeriod: periodOf(isNeed ? post : o),
        offerPeriod: periodOf(isNeed ? o : post),
        distanceKm: km,
      });
      return { other: o, r, km };
    })
    .filter((x) => x.r.matched)
    .sort((a, b) => b.r.score - a.r.score)
    .slice(0, MAX_MATCHES_PER_POST);

  const views: MatchView[] = [];
  const items: EnqueueItem[] = [];
  for (const { other, r, km } of scored) {
    const needId = isNeed ? post.id : other.id;
    const offerId = isNeed ? other.id : post.id;
    const m = await tx.bursaMatch.create({
      data: { forumId: post.forumId, needId, offerId, score: Math.round(r.score * 1000) / 1000, distanceKm: km, reasons: { shared: r.shared, overlapDays: r.overlapDays === Infinity ? null : r.overlapDays }, createdAt: now },
    });
    const view = (await loadMatch(tx, post.forumId, m.id))!;
    views.push(view);
    for (const side of ["need", "offer"] as const) {
      const p = side === "need" ? (isNeed ? post : other) : isNeed ? other : post;
      for (const to of await sideRecipients(tx, p)) {
        items.push({ chatId: to.chatId, recipientKey: `m:${m.id}:${side}:${to.personId}`, payload: d.notices.matchFound(to, view, side) });
      }
    }
  }
  if (items.length) await d.delivery.enqueue({ forumId: post.forumId, ownerKind: OWNER.match, ownerId: post.id, items }, tx);
  return views;
}

/** Which side of a pair a person may speak for: a village's officials (or admins), the mitra who posted. */
export async function sidesOf(db: Db, actor: Actor, m: MatchView): Promise<Side[]> {
  const out: Side[] = [];
  for (const side of ["need", "offer"] as const) {
    const p = m[side];
    if (p.villageId !== null) {
      if (actor.access.canActForVillage(m.forumId, p.villageId)) out.push(side);
    } else if (isMitra(actor, m.forumId)) {
      const row = await db.bursaPost.findFirst({ where: { id: p.id, forumId: m.forumId }, select: { authorId: true } });
      if (row?.authorId === actor.personId) out.push(side);
    }
  }
  return out;
}

/**
 * "🤝 Saya berminat" on a match: recorded once per side; the other side is told. When both sides
 * are interested, each gets the other's contacts (they both asked to meet).
 */
export async function showInterest(d: BursaDeps, actor: Actor, forumId: number, matchId: number, side: Side) {
  requireMember(actor, forumId);
  const now = d.clock.now();
  const r = await d.prisma.$transaction(async (tx) => {
    const m = await loadMatch(tx, forumId, matchId);
    if (!m) throw new NotFound("bursa_match_not_found");
    if (!(await sidesOf(tx, actor, m)).includes(side)) throw new NotAllowed("bursa_not_your_side");
    if (m.need.status !== "terbuka" || m.offer.status !== "terbuka") throw new Conflict("bursa_post_closed");
    const already = side === "need" ? m.needInterest : m.offerInterest;
    if (already) return { view: m, changed: false, both: m.needInterest && m.offerInterest };
    const updated = await tx.bursaMatch.updateMany({
      where: { id: m.id, forumId, ...(side === "need" ? { needInterestAt: null } : { offerInterestAt: null }) },
      data: side === "need" ? { needInterestAt: now, needInterestById: actor.personId } : { offerInterestAt: now, offerInterestById: actor.personId },
    });
    if (updated.count !== 1) return { view: m, changed: false, both: false };
    const view = (await loadMatch(tx, forumId, m.id))!;
    const both = view.needInterest && view.offerInterest;
    const other: Side = side === "need" ? "offer" : "need";
    const postRows = await tx.bursaPost.findMany({ where: { id: { in: [m.need.id, m.offer.id] } }, select: { id: true, forumId: true, villageId: true, authorId: true } });
    const rowOf = (s: Side) => postRows.find((p) => p.id === view[s].id)!;
    const items: EnqueueItem[] = [];
    if (!both) {
      for (const to of await sideRecipients(tx, rowOf(other))) items.push({ chatId: to.chatId, recipientKey: `i:${side}:${to.personId}`, payload: d.notices.interest(to, view, side) });
    } else {
      const row = await tx.bursaMatch.findUniqueOrThrow({ where: { id: m.id } });
      for (const s of ["need", "offer"] as const) {
        const theirs: Side = s === "need" ? "offer" : "need";
        const contacts = await contactsOf(tx, forumId, view, theirs, theirs === "need" ? row.needInterestById : row.offerInterestById);
        for (const to of await sideRecipients(tx, rowOf(s))) items.push({ chatId: to.chatId, recipientKey: `b:${s}:${to.personId}`, payload: d.notices.bothInterested(to, view, s, contacts) });
      }
    }
    if (items.length) await d.delivery.enqueue({ forumId, ownerKind: OWNER.interest, ownerId: m.id, items }, tx);
    await audit(tx, { forumId, actorId: actor.personId, action: "bursa.interest", target: `bursa_match:${m.id}`, details: { side }, at: d.clock.now() });
    return { view, changed: true, both };
  }, TX);
  d.delivery.kick();
  return r;
}

/** The person who pressed for a side: shared with the other side once both asked to meet. */
async function contactsOf(db: Db, forumId: number, m: MatchView, side: Side, pressedBy: number | null): Promise<Contact[]> {
  const p = m[side];
  if (!pressedBy) return [];
  const people = await db.person.findMany({ where: { id: pressedBy, memberships: { some: { forumId } } }, select: { firstName: true, username: true } });
  return people.map((x) => ({ name: x.firstName, username: x.username, sideLabel: { villageName: p.villageName, partnerName: p.partnerName } }));
}

/**
 * Open posts of the forum, newest first. Mitra see the needs and their own offers: the bursa is
 * where they find work, not a view of other partners' business.
 */
export async function listPosts(
  d: Pick<BursaDeps, "prisma">,
  actor: Actor,
  forumId: number,
  opts: { kind?: "kebutuhan" | "penawaran"; mine?: boolean; skip?: number; take?: number } = {},
) {
  requireMember(actor, forumId);
  const zone = await zoneOf(d.prisma, forumId);
  const mitraOnly = isMitra(actor, forumId) && !actor.access.isAdmin(forumId) && !actor.access.isOfficial(forumId);
  const own = actor.access.officialVillages(forumId);
  const where = opts.mine
    ? { forumId, status: "terbuka" as const, OR: [{ authorId: actor.personId }, ...(own.length ? [{ villageId: { in: own } }] : [])] }
    : {
        forumId,
        status: "terbuka" as const,
        ...(opts.kind ? { kind: opts.kind } : {}),
        ...(mitraOnly ? { OR: [{ kind: "kebutuhan" as const }, { authorId: actor.personId }] } : {}),
      };
  const [total, rows] = await Promise.all([
    d.prisma.bursaPost.count({ where }),
    d.prisma.bursaPost.findMany({ where, orderBy: { id: "desc" }, skip: opts.skip ?? 0, take: opts.take ?? 6 }),
  ]);
  return { total, posts: await viewsOf(d.prisma, rows, zone) };
}

/** One post with its matches, as the viewer may see it. */
export async function getPost(d: Pick<BursaDeps, "prisma">, actor: Actor, forumId: number, postId: number) {
  requireMember(actor, forumId);
  const row = await d.prisma.bursaPost.findFirst({ where: { id: postId, forumId } });
  if (!row) throw new NotFound("bursa_post_not_found");
  const mitraOnly = isMitra(actor, forumId) && !actor.access.isAdmin(forumId) && !actor.access.isOfficial(forumId);
  if (mitraOnly && row.kind === "penawaran" && row.authorId !== actor.personId) throw new NotFound("bursa_post_not_found");
  const zone = await zoneOf(d.prisma, forumId);
  const post = (await viewsOf(d.prisma, [row], zone))[0]!;
  const canManage = canManagePost(actor, row);
  const matchRows = canManage
    ? await d.prisma.bursaMatch.findMany({ where: { forumId, OR: [{ needId: row.id }, { offerId: row.id }] }, orderBy: { score: "desc" }, take: 10, select: { id: true } })
    : [];
  const matches = (await Promise.all(matchRows.map((m) => loadMatch(d.prisma, forumId, m.id)))).filter((m): m is MatchView => m !== null);
  return { post, canManage, matches };
}

function canManagePost(actor: Actor, p: { forumId: number; villageId: number | null; authorId: number }) {
  if (p.authorId === actor.personId) return true;
  return p.villageId !== null ? actor.access.canActForVillage(p.forumId, p.villageId) : actor.access.isAdmin(p.forumId);
}

/** Closes a post: fulfilled (selesai) or withdrawn (ditutup). It stops matching. */
export async function closePost(d: Pick<BursaDeps, "prisma" | "clock">, actor: Actor, forumId: number, postId: number, status: "selesai" | "ditutup") {
  requireMember(actor, forumId);
  const row = await d.prisma.bursaPost.findFirst({ where: { id: postId, forumId } });
  if (!row) throw new NotFound("bursa_post_not_found");
  if (!canManagePost(actor, row)) throw new NotAllowed("bursa_not_your_post");
  const updated = await d.prisma.bursaPost.updateMany({ where: { id: row.id, status: "terbuka" }, data: { status, closedAt: d.clock.now() } });
  if (updated.count !== 1) throw new Conflict("bursa_post_closed");
  await audit(d.prisma, { forumId, actorId: actor.personId, action: "bursa.close", target: `bursa_post:${row.id}`, details: { status }, at: d.clock.now() });
  return { ...row, status };
}
