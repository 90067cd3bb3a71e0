/**
 * A fixture month with known activity for the report (issue 15): October 2026 in a forum made by
 * aForum (Asia/Jakarta), plus one message in September and rows just outside October's edges.
 * Expected figures are spelled out in tests/domain/laporan-measures.test.ts.
 */
import type { Harness } from "./harness.js";
import type { ForumFixture } from "./world.js";

/** Wall clock in WIB → instant. */
export const wib = (ymdhm: string) => new Date(`${ymdhm}:00+07:00`);
const DAY = 24 * 3600_000;

let tg = 8_800_000;
let msg = 0;
let ticket = 0;

export async function aReportMonth(h: Harness, f: ForumFixture) {
  const db = h.app.deps.prisma;
  const [v0, v1] = [f.villages[0]!.id, f.villages[1]!.id];
  const person = (firstName: string) => db.person.create({ data: { telegramUserId: BigInt(++tg), firstName } });
  const [ani, budi, citra, dedi, eko, fajar, gita, hadi] = await Promise.all(["Ani", "Budi", "Citra", "Dedi", "Eko", "Fajar", "Gita", "Hadi"].map(person));
  const admin = await db.person.findUniqueOrThrow({ where: { telegramUserId: BigInt(f.admin.id) } });

  // Discussion: V0 4 messages (Ani 3, Budi 1) in topic 1; V1 2 (Citra) in topic 2.
  const t1 = await db.topic.create({ data: { forumId: f.id, title: "Jalan", description: "x", createdById: admin.id, createdAt: wib("2026-09-01 08:00") } });
  const t2 = await db.topic.create({ data: { forumId: f.id, title: "Air", description: "x", createdById: admin.id, createdAt: wib("2026-10-01 08:00") } });
  const relay = (topicId: number, authorId: number, villageId: number, at: Date) =>
    db.relayMessage.create({ data: { forumId: f.id, topicId, authorId, authorName: "W", villageId, sourceChatId: BigInt(-1), sourceMessageId: ++msg, kind: "text", text: "x", createdAt: at } });
  await relay(t1.id, ani.id, v0, wib("2026-09-15 10:00")); // September
  await relay(t1.id, ani.id, v0, wib("2026-10-01 00:00")); // first instant of October (WIB)
  await relay(t1.id, ani.id, v0, wib("2026-10-02 10:00"));
  await relay(t1.id, ani.id, v0, wib("2026-10-31 23:59"));
  await relay(t1.id, budi.id, v0, wib("2026-10-05 10:00"));
  await relay(t2.id, citra.id, v1, wib("2026-10-06 10:00"));
  await relay(t2.id, citra.id, v1, wib("2026-10-07 10:00"));
  await relay(t2.id, citra.id, v1, wib("2026-11-01 00:00")); // November already

  // Votes: terbuka (V0 2 of 10, V1 1 of 5) and rahasia (V0 2 of 4, no times), both closed in October.
  const open = await db.vote.create({ data: { forumId: f.id, createdById: admin.id, question: "Q", options: ["A", "B"], state: "closed", closedAt: wib("2026-10-10 12:00"), reminderMinutes: [] } });
  await db.voteVillage.createMany({ data: [{ voteId: open.id, forumId: f.id, villageId: v0, memberCount: 10 }, { voteId: open.id, forumId: f.id, villageId: v1, memberCount: 5 }] });
  await db.voteParticipation.createMany({
    data: [
      { voteId: open.id, forumId: f.id, personId: ani.id, villageId: v0, choices: [0], votedAt: wib("2026-10-09 09:00") },
      { voteId: open.id, forumId: f.id, personId: dedi.id, villageId: v0, choices: [1], votedAt: wib("2026-10-09 09:00") },
      { voteId: open.id, forumId: f.id, personId: citra.id, villageId: v1, choices: [0], votedAt: wib("2026-10-09 09:00") },
    ],
  });
  const secret = await db.vote.create({ data: { forumId: f.id, createdById: admin.id, question: "R", options: ["A", "B"], ballot: "rahasia", state: "closed", closedAt: wib("2026-10-20 12:00"), reminderMinutes: [] } });
  await db.voteVillage.create({ data: { voteId: secret.id, forumId: f.id, villageId: v0, memberCount: 4 } });
  await db.voteParticipation.createMany({
    data: [
      { voteId: secret.id, forumId: f.id, personId: eko.id, villageId: v0, choices: [] },
      { voteId: secret.id, forumId: f.id, personId: ani.id, villageId: v0, choices: [] },
    ],
  });
  await db.voteTally.createMany({ data: [{ voteId: secret.id, forumId: f.id, villageId: v0, option: 0, count: 1 }, { voteId: secret.id, forumId: f.id, villageId: v0, option: 1, count: 1 }] });

  // Meetings: one held (V0 + V1, quorum reached), one cancelled (ignored).
  const meet = await db.meeting.create({
    data: { forumId: f.id, organizerId: admin.id, kind: "rakor", title: "Rakor", startsAt: wib("2026-10-15 09:00"), endsAt: wib("2026-10-15 11:00"), quorumReachedAt: wib("2026-10-15 09:30") },
  });
  await db.meetingVillage.createMany({ data: [{ meetingId: meet.id, forumId: f.id, villageId: v0 }, { meetingId: meet.id, forumId: f.id, villageId: v1 }] });
  await db.meetingInvitee.createMany({
    data: [
      { meetingId: meet.id, forumId: f.id, personId: fajar.id, villageId: v1, source: "named", rsvp: "yes", rsvpAt: wib("2026-10-12 08:00"), checkedInAt: wib("2026-10-15 09:05") },
      { meetingId: meet.id, forumId: f.id, personId: gita.id, villageId: v1, source: "named", rsvp: "no", rsvpAt: wib("2026-10-12 08:00") },
      { meetingId: meet.id, forumId: f.id, personId: ani.id, villageId: v0, source: "official" },
      { meetingId: meet.id, forumId: f.id, personId: hadi.id, villageId: v0, source: "walk_in", checkedInAt: wib("2026-10-15 09:10") },
    ],
  });
  const cancelled = await db.meeting.create({
    data: { forumId: f.id, organizerId: admin.id, kind: "rakor", title: "Batal", startsAt: wib("2026-10-20 09:00"), endsAt: wib("2026-10-20 11:00"), status: "cancelled" },
  });
  await db.meetingVillage.create({ data: { meetingId: cancelled.id, forumId: f.id, villageId: v0 } });

  // Aspirations from V0 (one anonymous) and one rejected from V1.
  const asp = (villageId: number, created: string, o: { verified?: string; resolved?: string; status?: "baru" | "diverifikasi" | "diproses" | "selesai" | "ditolak"; privacy?: "named" | "anonim" } = {}) => {
    const createdAt = wib(created);
    return db.aspiration.create({
      data: {
        forumId: f.id,
        originVillageId: villageId,
        villageId,
        ticketNo: `ASP-T-${++ticket}`,
        category: "infrastruktur",
        text: "Jalan rusak di dusun",
        reporterId: budi.id,
        privacy: o.privacy ?? "named",
        status: o.status ?? "baru",
        createdAt,
        verifyDueAt: new Date(createdAt.getTime() + 3 * DAY),
        resolveDueAt: new Date(createdAt.getTime() + 14 * DAY),
        verifiedAt: o.verified ? wib(o.verified) : null,
        resolvedAt: o.resolved ? wib(o.resolved) : null,
      },
    });
  };
  await asp(v0, "2026-10-02 10:00", { verified: "2026-10-03 10:00", resolved: "2026-10-07 10:00", status: "selesai" }); // 1 d, 5 d
  await asp(v0, "2026-10-05 10:00", { verified: "2026-10-08 10:00", status: "diproses" }); // 3 d; resolve due 19 Oct → overdue
  await asp(v0, "2026-10-10 10:00", { verified: "2026-10-12 10:00", resolved: "2026-10-20 10:00", status: "selesai", privacy: "anonim" }); // 2 d, 10 d
  await asp(v0, "2026-09-20 10:00"); // never verified → overdue since 23 Sep
  await asp(v0, "2026-10-28 10:00"); // verify due 31 Oct 10:00 → overdue at the month's end
  await asp(v0, "2026-10-30 10:00"); // verify due 2 Nov → not yet
  await asp(v1, "2026-10-03 10:00", { status: "ditolak" });

  // Announcements: copies in the outbox, by recipient key.
  const batch = await db.deliveryBatch.create({ data: { forumId: f.id, ownerKind: "pengumuman", ownerId: "1", total: 4 } });
  const copy = (recipientKey: string, state: "sent" | "failed", at: string) =>
    db.delivery.create({ data: { batchId: batch.id, forumId: f.id, ownerKind: "pengumuman", ownerId: "1", recipientKey, chatId: BigInt(-5), payload: {}, state, createdAt: wib(at) } });
  await copy(`v:${v0}:g`, "sent", "2026-10-04 10:00");
  await copy(`v:${v0}:p:${ani.id}`, "sent", "2026-10-04 10:00");
  await copy(`v:${v1}:g`, "failed", "2026-10-04 10:00");
  await copy(`v:${v1}:g`, "sent", "2026-09-04 10:00");

  // Bursa: a need of V0, an offer of V1, their match and a signed agreement.
  const need = await db.bursaPost.create({ data: { forumId: f.id, kind: "kebutuhan", villageId: v0, authorId: admin.id, category: "alat", title: "Traktor", createdAt: wib("2026-10-05 10:00") } });
  const offer = await db.bursaPost.create({ data: { forumId: f.id, kind: "penawaran", villageId: v1, authorId: admin.id, category: "alat", title: "Traktor", createdAt: wib("2026-10-06 10:00") } });
  await db.bursaMatch.create({ data: { forumId: f.id, needId: need.id, offerId: offer.id, score: 0.9, createdAt: wib("2026-10-07 10:00") } });
  const ag = await db.agreement.create({ data: { forumId: f.id, number: "KS-2026-001", object: "Traktor", status: "ditandatangani", createdById: admin.id, createdAt: wib("2026-10-08 10:00") } });
  await db.agreementParty.createMany({ data: [{ agreementId: ag.id, forumId: f.id, villageId: v0, name: "A" }, { agreementId: ag.id, forumId: f.id, villageId: v1, name: "B" }] });

  return { v0, v1, people: { ani, budi, citra, dedi, eko, fajar, gita, hadi } };
}
