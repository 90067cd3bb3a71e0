import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { User } from "grammy/types";
import { createHarness, T0, type Harness } from "../support/harness.js";
import { aForum, buttons, lastText, press, say, type ForumFixture } from "../support/world.js";
import { documentsSent, pressIn, scanDatabase, sayRaw } from "../support/privasi.js";
import { aTopic, replyIn } from "../support/discussion.js";
import { aMeeting, invitationIn, pressData as pressMeeting, HOUR } from "../support/musyawarah.js";
import { aVote, cardIn, pressPrivate, voteIn } from "../support/voting.js";
import { anAspiration } from "../support/aspirasi.js";
import { aspirasiDeps } from "../../src/bot/features/aspirasi/common.js";
import { officialMessage, reporterMessage, supportAspiration } from "../../src/domain/aspirasi/index.js";
import { loadAccess } from "../../src/domain/forum/people.js";
import { erasureHash } from "../../src/domain/privasi/erase.js";

let h: Harness;
const LONG = 120_000;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await h.reset();
  h.clock.set(T0);
});

const prisma = () => h.app.deps.prisma;
const personOf = (u: User) => prisma().person.findUnique({ where: { telegramUserId: BigInt(u.id) } });
const actor = async (u: User) => {
  const p = (await personOf(u))!;
  return { personId: p.id, access: await loadAccess(prisma(), p.id, false) };
};

/**
 * A resident who does everything a resident can: joins through the village group, writes in a
 * discussion, files an aspiration and talks with the official about it, supports another, answers
 * an invitation and checks in, votes openly and secretly, claims another village, downloads their
 * data. Every step goes through the bot or the domain services the bot uses.
 */
async function busyResident(f: ForumFixture, u: User, o: { text: string; other?: User }) {
  const g0 = f.villages[0]!.group;
  h.fake.setMember(g0.id, u.id, "member");
  await sayRaw(h, u, "/start");
  await pressIn(h, u, "Saya setuju");

  // The group door: the first message in the village group makes them its warga; it is relayed.
  const t = await aTopic(h, f, { title: `Jalan ${o.text}` });
  await replyIn(h, u, g0, t.card.get(g0.id)!, `Usul saya: ${o.text}`);
  await h.flush();

  // An aspiration, answered by the official, answered back; and support for someone else's.
  const official = await f.official(0, "Pak Kades");
  const asp = await anAspiration(h, f, u, { text: `Lampu jalan ${o.text} mati sejak dua minggu lalu di dekat masjid` });
  const ad = aspirasiDeps(h.app.deps);
  await officialMessage(ad, await actor(official), asp.id, "Terima kasih, akan kami cek besok.");
  await reporterMessage(ad, (await personOf(u))!.id, asp.id, `Baik, saya tunggu. ${o.text}`);
  const someone = await f.resident(0, "Tetangga");
  const theirs = await anAspiration(h, f, someone, { text: "Saluran air di gang tiga tersumbat sampah plastik dari pasar" });
  await supportAspiration(ad, (await personOf(u))!.id, f.id, theirs.id);

  // A meeting: "Hadir" in the group, then the check-in when it opens.
  const meetingId = await aMeeting(h, f);
  await h.flush();
  const inv = invitationIn(h, g0.id, meetingId)!;
  await pressMeeting(h, u, g0.id, inv.message_id, `mr:${meetingId}:y`);
  h.clock.advance(25.5 * HOUR);
  await h.tick();
  await pressMeeting(h, u, g0.id, invitationIn(h, g0.id, meetingId)!.message_id, `mc:${meetingId}`);

  // An open vote in the group and a secret one in the private chat.
  const open = await aVote(h, f, { villages: [0, 1] });
  await voteIn(h, u, g0.id, open.id, 0);
  const secret = await aVote(h, f, { villages: [0, 1], ballot: "rahasia", question: "Siapa ketua panitia?", options: ["Pak Ahmad", "Bu Rina"] });
  const card = await cardIn(h, g0.id, secret.id);
  await h.send(h.fake.updates.text(u, "private", `/start vb_${secret.id}_${f.villages[0]!.id}`));
  await pressPrivate(h, u, "Bu Rina");
  await pressPrivate(h, u, "Kirim suara");
  expect(card).toBeDefined();

  // "I live in another village": a claim the officials there decide (they are told, with the name).
  await f.official(1, "Bu Sekdes");
  await sayRaw(h, u, "/desaku");
  await pressIn(h, u, f.villages[1]!.name);
  await h.flush();
  return { asp, theirs, meetingId, open, secret, topic: t };
}

describe("/hapusdata", () => {
  it(
    "erases a person: afterwards their Telegram id, name and username are in no row of any table; what they did still counts, unlinked",
    async () => {
      const f = await aForum(h);
      const u = h.fake.addUser({ id: 7_123_456_789, first_name: "Sukarjo", last_name: "Wiryodiningrat", username: "sukarjo_wiryo" });
      const made = await busyResident(f, u, { text: "Tegalsari" });
      await sayRaw(h, u, "/dataku");
      await h.flush();
      const before = await scanDatabase(h, { texts: ["Sukarjo", "Wiryodiningrat", "sukarjo_wiryo"], numbers: [7_123_456_789n] });
      // The scenario really put the person everywhere a scan can look.
      expect(new Set(before.hits.map((x) => x.table))).toEqual(new Set(["persons", "relay_messages", "deliveries"]));
      const pid = (await personOf(u))!.id;
      const counted = {
        rsvps: await prisma().meetingInvitee.count({ where: { meetingId: made.meetingId, rsvp: "yes" } }),
        present: await prisma().meetingInvitee.count({ where: { meetingId: made.meetingId, checkedInAt: { not: null } } }),
        openBallots: await prisma().voteParticipation.findMany({ where: { voteId: made.open.id }, select: { choices: true } }),
        secretVoters: await prisma().voteParticipation.count({ where: { voteId: made.secret.id } }),
        tally: await prisma().voteTally.findMany({ where: { voteId: made.secret.id }, orderBy: [{ villageId: "asc" }, { option: "asc" }] }),
        support: (await prisma().aspiration.findUniqueOrThrow({ where: { id: made.theirs.id } })).supportCount,
      };
      expect(counted.rsvps).toBe(1);
      expect(counted.present).toBe(1);

      await sayRaw(h, u, "/hapusdata");
      const confirm = lastText(h, u.id);
      expect(confirm).toContain("Yang tidak dapat kami hapus");
      expect(confirm).toContain("Salinan pesan yang sudah ada di grup Telegram");
      await pressIn(h, u, "Ya, hapus data saya");
      expect(lastText(h, u.id)).toContain("Data Bapak/Ibu sudah dihapus");
      await h.flush();

      const after = await scanDatabase(h, { texts: ["Sukarjo", "Wiryodiningrat", "sukarjo_wiryo"], numbers: [7_123_456_789n] });
      console.info(`scan: ${after.tables} tables, ${after.columns} columns (${after.textColumns} text/json/array/enum, ${after.numericColumns} numeric); hits before ${before.hits.length}, after ${after.hits.length}`);
      expect(after.hits).toEqual([]);
      expect(after.tables).toBeGreaterThan(40);

      // The tombstone: no id, name, username, consent or memberships of its own.
      const tomb = await prisma().person.findUniqueOrThrow({ where: { id: pid } });
      expect(tomb).toMatchObject({ firstName: "Warga (dihapus)", lastName: null, username: null, privacyConsent: null, canMessage: false });
      expect(tomb.telegramUserId < 0n).toBe(true);
      expect(await prisma().membership.count({ where: { personId: pid } })).toBe(0);
      expect(await prisma().villageClaim.count({ where: { personId: pid } })).toBe(0);
      // The aspiration stays with the village, unlinked; its conversation too.
      const asp = await prisma().aspiration.findUniqueOrThrow({ where: { id: made.asp.id }, include: { events: true } });
      expect(asp.text).toContain("Lampu jalan Tegalsari");
      expect(asp.reporterId).toBe(-asp.id);
      expect(asp.events.filter((e) => e.actorRole === "reporter").every((e) => e.actorId === null)).toBe(true);
      // Relayed messages: the words stay under "Warga (dihapus)", linked to nobody.
      const relay = await prisma().relayMessage.findFirstOrThrow({ where: { topicId: made.topic.id } });
      expect(relay).toMatchObject({ authorName: "Warga (dihapus)", text: "Usul saya: Tegalsari" });
      expect(relay.authorId).toBe(-relay.id);
      // Answers, attendance, ballots and support still count.
      expect(await prisma().meetingInvitee.count({ where: { meetingId: made.meetingId, rsvp: "yes" } })).toBe(counted.rsvps);
      expect(await prisma().meetingInvitee.count({ where: { meetingId: made.meetingId, checkedInAt: { not: null } } })).toBe(counted.present);
      expect(await prisma().meetingInvitee.count({ where: { personId: pid } })).toBe(0);
      expect(await prisma().voteParticipation.findMany({ where: { voteId: made.open.id }, select: { choices: true } })).toEqual(counted.openBallots);
      expect(await prisma().voteParticipation.count({ where: { voteId: made.secret.id } })).toBe(counted.secretVoters);
      expect(await prisma().voteTally.findMany({ where: { voteId: made.secret.id }, orderBy: [{ villageId: "asc" }, { option: "asc" }] })).toEqual(counted.tally);
      expect((await prisma().aspiration.findUniqueOrThrow({ where: { id: made.theirs.id } })).supportCount).toBe(counted.support);
      expect(await prisma().voteParticipation.count({ where: { personId: pid } })).toBe(0);

      // The audit log keeps that a deletion happened, with a keyed hash, and nothing pointing at the person.
      const erase = await prisma().auditLog.findMany({ where: { action: "privacy.erase" } });
      expect(erase.map((a) => a.target)).toEqual([`subject:${erasureHash(h.config.BOT_TOKEN, 7_123_456_789n)}`]);
      expect(erase[0]!.forumId).toBe(f.id);
      expect(erase[0]!.actorId).toBeNull();
      expect(await prisma().auditLog.count({ where: { OR: [{ actorId: pid }, { target: `person:${pid}` }] } })).toBe(0);
      // The live state keyed by the Telegram id is gone as well.
      // Only the delivery pacing window of the "deleted" reply may remain: timestamps, no content,
      // and it expires by itself within seconds.
      if (h.redis) {
        const left = (await h.redis.keys(`${h.config.REDIS_PREFIX}*`)).filter((k) => k.includes("7123456789"));
        for (const k of left) {
          expect(k).toBe(`${h.config.REDIS_PREFIX}limit:chat:7123456789`);
          const ttl = await h.redis.pttl(k);
          expect(ttl).toBeGreaterThan(0);
          expect(ttl).toBeLessThanOrEqual(5_000);
        }
      }

      // Writing again: a new person, asked afresh.
      await sayRaw(h, u, "/start");
      expect(lastText(h, u.id)).toContain("Pemberitahuan Privasi");
      expect((await personOf(u))!.id).not.toBe(pid);
    },
    LONG,
  );

  it(
    "touches nothing of another person, not even one with the same first name",
    async () => {
      const f = await aForum(h);
      const a = h.fake.addUser({ id: 7_000_000_001, first_name: "Sukarjo", last_name: "Wiryodiningrat", username: "sukarjo_wiryo" });
      const b = h.fake.addUser({ id: 7_000_000_002, first_name: "Sukarjo", last_name: "Hadiprayitno", username: "sukarjo_hadi" });
      await busyResident(f, b, { text: "Kauman" });
      await busyResident(f, a, { text: "Tegalsari" });
      await h.flush();
      const bid = (await personOf(b))!.id;
      const snapshot = async () => ({
        person: await prisma().person.findUniqueOrThrow({ where: { id: bid } }),
        memberships: await prisma().membership.findMany({ where: { personId: bid }, orderBy: { id: "asc" } }),
        claims: await prisma().villageClaim.findMany({ where: { personId: bid }, orderBy: { id: "asc" } }),
        consents: await prisma().privacyConsent.findMany({ where: { personId: bid }, orderBy: { id: "asc" } }),
        aspirations: await prisma().aspiration.findMany({ where: { reporterId: bid }, include: { events: true }, orderBy: { id: "asc" } }),
        supports: await prisma().aspirationSupport.findMany({ where: { personId: bid }, orderBy: { id: "asc" } }),
        relays: await prisma().relayMessage.findMany({ where: { authorId: bid }, orderBy: { id: "asc" } }),
        invitees: await prisma().meetingInvitee.findMany({ where: { personId: bid }, orderBy: { id: "asc" } }),
        ballots: await prisma().voteParticipation.findMany({ where: { personId: bid }, orderBy: { id: "asc" } }),
        audit: await prisma().auditLog.findMany({ where: { OR: [{ actorId: bid }, { target: `person:${bid}` }] }, orderBy: { id: "asc" } }),
        messagesToB: await prisma().delivery.findMany({ where: { chatId: BigInt(b.id) }, orderBy: { id: "asc" } }),
      });
      const before = await snapshot();
      expect(before.relays).toHaveLength(1);
      expect(before.relays[0]!.authorName).toBe("Sukarjo");
      expect(before.messagesToB.length).toBeGreaterThan(0);

      await sayRaw(h, a, "/hapusdata");
      await pressIn(h, a, "Ya, hapus data saya");
      expect(lastText(h, a.id)).toContain("sudah dihapus");
      expect(await snapshot()).toEqual(before);
      // B's copies in the groups are where they were; B can still use the bot as before.
      expect(h.fake.sent(f.villages[1]!.group.id).some((m) => String(m.text ?? "").includes("Sukarjo"))).toBe(true);
      const scan = await scanDatabase(h, { texts: ["Wiryodiningrat", "sukarjo_wiryo"], numbers: [7_000_000_001n] });
      expect(scan.hits).toEqual([]);
    },
    LONG,
  );

  it("asks first: cancelling, or a confirmation older than 15 minutes, erases nothing", async () => {
    const f = await aForum(h);
    const ani = await f.resident(0, "Ani");
    await say(h, ani, "/hapusdata");
    expect(buttons(h, ani.id).map((b) => b.text)).toEqual(["🗑️ Ya, hapus data saya", "❌ Batal"]);
    await press(h, ani, ani.id, "Batal");
    expect(lastText(h, ani.id)).toContain("tidak ada yang dihapus");
    await say(h, ani, "/hapusdata");
    h.clock.advance(16 * 60_000);
    await press(h, ani, ani.id, "Ya, hapus data saya");
    expect(lastText(h, ani.id)).toContain("sudah kedaluwarsa");
    expect(await personOf(ani)).toMatchObject({ firstName: "Ani", erasedAt: null });
    expect(await prisma().membership.count({ where: { person: { telegramUserId: BigInt(ani.id) } } })).toBe(1);
  });

  it("the only admin of a forum is told to appoint another admin first; nothing is erased", async () => {
    const f = await aForum(h);
    await say(h, f.admin, "/hapusdata");
    await press(h, f.admin, f.admin.id, "Ya, hapus data saya");
    expect(String(h.fake.callsTo("answerCallbackQuery").at(-1)?.params.text)).toContain("satu-satunya admin forum");
    expect(await personOf(f.admin)).toMatchObject({ erasedAt: null });
    // With a second admin, the first may go; what they did in office stays under "Warga (dihapus)".
    await f.person("admin_forum");
    await say(h, f.admin, "/hapusdata");
    await press(h, f.admin, f.admin.id, "Ya, hapus data saya");
    expect(lastText(h, f.admin.id)).toContain("sudah dihapus");
  });
});

describe("/dataku", () => {
  it(
    "sends everything held as a JSON file and a readable summary; a secret ballot shows only that the person voted; the export is audited",
    async () => {
      const f = await aForum(h);
      const u = h.fake.addUser({ first_name: "Sukarjo", last_name: "Wiryodiningrat", username: "sukarjo_wiryo" });
      const made = await busyResident(f, u, { text: "Tegalsari" });
      await sayRaw(h, u, "/dataku");
      const summary = h.fake.sent(u.id).map((m) => String(m.text ?? "")).find((t) => t.includes("Data Bapak/Ibu di Forum Desa"))!;
      for (const part of ["Sukarjo Wiryodiningrat (@sukarjo_wiryo)", String(u.id), "Persetujuan privasi: setuju", "Warga · Sukajaya", made.asp.ticketNo, "1 undangan musyawarah, 1 kali tercatat hadir", "1 pesan", "Pemungutan suara rahasia: 1", "tidak dapat ditampilkan oleh siapa pun"]) {
        expect(summary).toContain(part);
      }
      const [file] = documentsSent(h, u.id);
      expect(file!.filename).toMatch(/^data-saya-\d{4}-\d{2}-\d{2}\.json$/);
      const data = JSON.parse(file!.bytes.toString("utf8"));
      expect(data.person).toMatchObject({ telegramUserId: String(u.id), firstName: "Sukarjo", username: "sukarjo_wiryo", consent: { answer: "given", version: `n1|f${f.id}v1` } });
      expect(data.memberships).toEqual([expect.objectContaining({ role: "warga", village: "Sukajaya", source: "group" })]);
      expect(data.aspirations[0]).toMatchObject({ ticket: made.asp.ticketNo, text: expect.stringContaining("Lampu jalan Tegalsari") });
      expect(data.aspirations[0].messages.map((m: { from: string; text: string | null }) => [m.from, m.text])).toEqual(
        expect.arrayContaining([
          ["official", "Terima kasih, akan kami cek besok."],
          ["reporter", "Baik, saya tunggu. Tegalsari"],
        ]),
      );
      expect(data.supports).toEqual([expect.objectContaining({ ticket: made.theirs.ticketNo })]);
      expect(data.meetings.invitations).toEqual([expect.objectContaining({ rsvp: "yes", checkedInAt: expect.any(String) })]);
      expect(data.discussions.messages).toEqual([expect.objectContaining({ text: "Usul saya: Tegalsari" })]);
      expect(data.votes.open).toEqual([expect.objectContaining({ choices: ["Setuju"] })]);
      expect(data.votes.secret).toEqual([{ question: "Siapa ketua panitia?" }]);
      expect(JSON.stringify(data.votes.secret)).not.toContain("Rina");
      expect(data.villageClaims).toEqual([expect.objectContaining({ village: f.villages[1]!.name, state: "pending" })]);
      const pid = (await personOf(u))!.id;
      const audit = await prisma().auditLog.findMany({ where: { action: "privacy.export_self" } });
      expect(audit).toEqual([expect.objectContaining({ forumId: f.id, actorId: pid, target: `person:${pid}` })]);
    },
    LONG,
  );
});
