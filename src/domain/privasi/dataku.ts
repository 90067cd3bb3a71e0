/**
 * /dataku: everything the bot holds about one person (UU PDP pasal 7 and 32), as plain data for a
 * JSON file and a readable summary. Secret ballots are not linkable to anyone — what is held is
 * only that the person took part — and the summary says so.
 */
import type { Prisma } from "../../infra/db.js";
import { NotFound } from "../errors.js";
import { audit } from "./audit.js";

export interface PersonalData {
  generatedAt: string;
  person: {
    telegramUserId: string;
    firstName: string;
    lastName: string | null;
    username: string | null;
    language: string;
    canMessage: boolean;
    firstSeenAt: string;
    consent: { answer: string | null; version: string | null; answeredAt: string | null };
    consentHistory: Array<{ answer: string; version: string; at: string }>;
  };
  memberships: Array<{ forum: string; village: string | null; role: string; title: string | null; source: string; since: string }>;
  villageClaims: Array<{ forum: string; village: string; state: string; at: string }>;
  codes: {
    issued: Array<{ forum: string; role: string; purpose: string; createdAt: string; used: boolean; revoked: boolean }>;
    redeemed: Array<{ forum: string; role: string; usedAt: string | null }>;
  };
  aspirations: Array<{
    ticket: string;
    forum: string;
    village: string;
    category: string;
    privacy: string;
    status: string;
    text: string;
    photos: number;
    location: { latitude: number; longitude: number } | null;
    locationText: string | null;
    createdAt: string;
    messages: Array<{ from: "reporter" | "official" | "admin" | "system"; kind: string; text: string | null; at: string }>;
  }>;
  supports: Array<{ ticket: string; at: string }>;
  meetings: {
    invitations: Array<{ title: string; startsAt: string; rsvp: string; delegateName: string | null; answeredAt: string | null; checkedInAt: string | null }>;
    organised: Array<{ title: string; startsAt: string }>;
  };
  discussions: {
    topicsOpened: Array<{ title: string; createdAt: string }>;
    messages: Array<{ topic: string; kind: string; text: string | null; state: string; at: string }>;
    mutes: Array<{ until: string; at: string }>;
  };
  votes: {
    open: Array<{ question: string; choices: string[]; at: string | null }>;
    /** Only that the person voted: what they chose is counted apart, with nothing that leads back. */
    secret: Array<{ question: string }>;
    created: Array<{ question: string; createdAt: string }>;
  };
  broadcasts: Array<{ excerpt: string; state: string; createdAt: string }>;
  bursa: { posts: Array<{ kind: string; title: string; status: string; createdAt: string }> };
  auditEntries: Array<{ forum: string | null; action: string; role: "actor" | "target"; at: string }>;
  outbox: { messagesToYou: number };
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export async function collectPersonalData(d: { prisma: Prisma; clock: { now(): Date } }, personId: number): Promise<PersonalData> {
  const db = d.prisma;
  const p = await db.person.findUnique({ where: { id: personId } });
  if (!p || p.erasedAt) throw new NotFound("privasi_nothing_to_erase");
  const [consents, memberships, claims, issued, redeemed, aspirations, supports, invitations, organised, topics, relays, mutes, participations, votesCreated, broadcasts, posts, auditRows, outbox] =
    await Promise.all([
      db.privacyConsent.findMany({ where: { personId }, orderBy: { id: "asc" } }),
      db.membership.findMany({ where: { personId }, include: { forum: { select: { name: true } }, village: { select: { name: true } } }, orderBy: { id: "asc" } }),
      db.villageClaim.findMany({ where: { personId }, orderBy: { id: "asc" } }),
      db.invite.findMany({ where: { createdById: personId }, orderBy: { id: "asc" }, include: { forum: { select: { name: true } } } }),
      db.invite.findMany({ where: { usedById: personId }, orderBy: { id: "asc" }, include: { forum: { select: { name: true } } } }),
      db.aspiration.findMany({ where: { reporterId: personId }, orderBy: { id: "asc" }, include: { events: { orderBy: { id: "asc" } } } }),
      db.aspirationSupport.findMany({ where: { personId }, include: { aspiration: { select: { ticketNo: true } } } }),
      db.meetingInvitee.findMany({ where: { personId }, include: { meeting: { select: { title: true, startsAt: true } } }, orderBy: { id: "asc" } }),
      db.meeting.findMany({ where: { organizerId: personId }, select: { title: true, startsAt: true }, orderBy: { id: "asc" } }),
      db.topic.findMany({ where: { createdById: personId }, select: { title: true, createdAt: true }, orderBy: { id: "asc" } }),
      db.relayMessage.findMany({ where: { authorId: personId }, include: { topic: { select: { title: true } } }, orderBy: { id: "asc" } }),
      db.discussionMute.findMany({ where: { personId }, orderBy: { id: "asc" } }),
      db.voteParticipation.findMany({ where: { personId }, include: { vote: { select: { question: true, options: true, ballot: true } } }, orderBy: { id: "asc" } }),
      db.vote.findMany({ where: { createdById: personId }, select: { question: true, createdAt: true }, orderBy: { id: "asc" } }),
      db.broadcast.findMany({ where: { authorId: personId }, select: { excerpt: true, state: true, createdAt: true }, orderBy: { id: "asc" } }),
      db.bursaPost.findMany({ where: { authorId: personId }, select: { kind: true, title: true, status: true, createdAt: true }, orderBy: { id: "asc" } }),
      db.auditLog.findMany({ where: { OR: [{ actorId: personId }, { target: `person:${personId}` }] }, orderBy: { id: "asc" }, take: 2000 }),
      db.delivery.count({ where: { chatId: p.telegramUserId } }),
    ]);
  const villageIds = [...new Set([...claims.map((c) => c.villageId), ...aspirations.map((a) => a.originVillageId)])];
  const forumIds = [...new Set([...claims.map((c) => c.forumId), ...aspirations.map((a) => a.forumId), ...auditRows.map((a) => a.forumId).filter((x): x is number => x !== null)])];
  const [villages, forums] = await Promise.all([
    db.village.findMany({ where: { id: { in: villageIds } }, select: { id: true, name: true } }),
    db.forum.findMany({ where: { id: { in: forumIds } }, select: { id: true, name: true } }),
  ]);
  const vName = new Map(villages.map((v) => [v.id, v.name]));
  const fName = new Map(forums.map((f) => [f.id, f.name]));
  const aspirationIds = new Set(aspirations.map((a) => a.id));

  return {
    generatedAt: d.clock.now().toISOString(),
    person: {
      telegramUserId: String(p.telegramUserId),
      firstName: p.firstName,
      lastName: p.lastName,
      username: p.username,
      language: p.language,
      canMessage: p.canMessage,
      firstSeenAt: p.createdAt.toISOString(),
      consent: { answer: p.privacyConsent, version: p.privacyVersion, answeredAt: iso(p.privacyAnsweredAt) },
      consentHistory: consents.map((c) => ({ answer: c.answer, version: c.version, at: c.createdAt.toISOString() })),
    },
    memberships: memberships.map((m) => ({ forum: m.forum.name, village: m.village?.name ?? null, role: m.role, title: m.title, source: m.source, since: m.createdAt.toISOString() })),
    villageClaims: claims.map((c) => ({ forum: fName.get(c.forumId) ?? "", village: vName.get(c.villageId) ?? "", state: c.state, at: c.createdAt.toISOString() })),
    codes: {
      issued: issued.map((i) => ({ forum: i.forum.name, role: i.role, purpose: i.purpose, createdAt: i.createdAt.toISOString(), used: i.usedById !== null, revoked: i.revokedAt !== null })),
      redeemed: redeemed.map((i) => ({ forum: i.forum.name, role: i.role, usedAt: iso(i.usedAt) })),
    },
    aspirations: aspirations.map((a) => ({
      ticket: a.ticketNo,
      forum: fName.get(a.forumId) ?? "",
      village: vName.get(a.originVillageId) ?? "",
      category: a.category,
      privacy: a.privacy,
      status: a.status,
      text: a.text,
      photos: Array.isArray(a.photos) ? a.photos.length : 0,
      location: a.latitude !== null && a.longitude !== null ? { latitude: a.latitude, longitude: a.longitude } : null,
      locationText: a.locationText,
      createdAt: a.createdAt.toISOString(),
      // Officials' own names are theirs, not the reporter's: only who (by role) and what.
      messages: a.events.map((e) => ({ from: e.actorRole as "reporter" | "official" | "admin" | "system", kind: e.kind, text: e.note, at: e.createdAt.toISOString() })),
    })),
    supports: supports.filter((s) => !aspirationIds.has(s.aspirationId)).map((s) => ({ ticket: s.aspiration.ticketNo, at: s.createdAt.toISOString() })),
    meetings: {
      invitations: invitations.map((i) => ({
        title: i.meeting.title,
        startsAt: i.meeting.startsAt.toISOString(),
        rsvp: i.rsvp,
        delegateName: i.delegateName,
        answeredAt: iso(i.rsvpAt),
        checkedInAt: iso(i.checkedInAt),
      })),
      organised: organised.map((m) => ({ title: m.title, startsAt: m.startsAt.toISOString() })),
    },
    discussions: {
      topicsOpened: topics.map((t) => ({ title: t.title, createdAt: t.createdAt.toISOString() })),
      messages: relays.map((r) => ({ topic: r.topic.title, kind: r.kind, text: r.text, state: r.state, at: r.createdAt.toISOString() })),
      mutes: mutes.map((m) => ({ until: m.until.toISOString(), at: m.createdAt.toISOString() })),
    },
    votes: {
      open: participations
        .filter((v) => v.vote.ballot === "terbuka")
        .map((v) => ({ question: v.vote.question, choices: v.choices.map((c) => v.vote.options[c] ?? String(c)), at: iso(v.votedAt) })),
      secret: participations.filter((v) => v.vote.ballot === "rahasia").map((v) => ({ question: v.vote.question })),
      created: votesCreated.map((v) => ({ question: v.question, createdAt: v.createdAt.toISOString() })),
    },
    broadcasts: broadcasts.map((b) => ({ excerpt: b.excerpt, state: b.state, createdAt: b.createdAt.toISOString() })),
    bursa: { posts: posts.map((b) => ({ kind: b.kind, title: b.title, status: b.status, createdAt: b.createdAt.toISOString() })) },
    auditEntries: auditRows.map((a) => ({
      forum: a.forumId === null ? null : (fName.get(a.forumId) ?? null),
      action: a.action,
      role: a.actorId === personId ? ("actor" as const) : ("target" as const),
      at: a.createdAt.toISOString(),
    })),
    outbox: { messagesToYou: outbox },
  };
}

/** The export itself is audited, in each forum that holds data of the person (or globally). */
export async function auditSelfExport(d: { prisma: Prisma; clock: { now(): Date } }, personId: number, data: PersonalData, forumIds: number[]) {
  const at = d.clock.now();
  const details = { aspirations: data.aspirations.length, messages: data.discussions.messages.length, invitations: data.meetings.invitations.length };
  for (const forumId of forumIds.length ? forumIds : [null]) {
    await audit(d.prisma, { forumId, actorId: personId, action: "privacy.export_self", target: `person:${personId}`, details, at: at });
  }
}
