import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { User } from "grammy/types";
import { createHarness, type Harness } from "../support/harness.js";
import { aForum, buttons, lastText, personFor, press, say, texts, type ForumFixture } from "../support/world.js";
import { fileAspiration } from "../support/aspirasi.js";
import { aVote, actorFor, cardIn, lastAnswer, pressData } from "../support/voting.js";
import { aTopic } from "../support/discussion.js";
import { createInvite, revokeRole } from "../../src/domain/forum/service.js";
import { requestClose } from "../../src/domain/voting/index.js";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h?.close());
beforeEach(async () => h.reset());

const prisma = () => h.app.deps.prisma;
const memberships = async (u: User) => prisma().membership.findMany({ where: { person: { telegramUserId: BigInt(u.id) } }, orderBy: { id: "asc" } });
const DAY = 24 * 3600_000;

/** A stranger: on Telegram, in no group of the forum, holding no code. */
function aStranger(name = "Asing") {
  return h.fake.addUser({ first_name: name, username: name.toLowerCase() });
}

/** Someone in village `i`'s Telegram group who has never done anything with the bot. */
function aGroupMember(f: ForumFixture, i: number, name = "Sumi") {
  const u = h.fake.addUser({ first_name: name });
  h.fake.setMember(f.villages[i]!.group.id, u.id, "member");
  return u;
}

/** A button press with data the person writes themselves, on a real bot message in their private chat. */
async function forged(u: User, data: string) {
  await say(h, u, "/start");
  const m = h.fake.sent(u.id).at(-1)!;
  await h.send(h.fake.updates.callback(u, u.id, m.message_id, data));
}

async function membershipIdOf(f: ForumFixture, u: User) {
  const p = await personFor(h, u);
  return (await prisma().membership.findFirstOrThrow({ where: { personId: p.id, forumId: f.id } })).id;
}

describe("the aspirasi link is no door", () => {
  it("a stranger who files an aspiration through a village's link becomes no member, and gains no right with it", async () => {
    const f = await aForum(h);
    const stranger = aStranger();
    const ticket = await fileAspiration(h, f, stranger, { village: 1 });
    expect(ticket).toMatch(/^ASP-/);
    expect(await memberships(stranger)).toHaveLength(0);

    // /desaku privately: no forum to pick a village in.
    await say(h, stranger, "/desaku");
    expect(lastText(h, stranger.id)).toContain("belum terdaftar");
    // /ringkasan: no transcript.
    await aTopic(h, f, { title: "Jalan tembus antardesa" });
    await say(h, stranger, "/ringkasan");
    expect(lastText(h, stranger.id)).not.toContain("Jalan tembus");
    // A residents-only vote refuses the ballot even from a group card (they are not in the group).
    const vote = await aVote(h, f, { eligibility: "warga_terdaftar", villages: [1] });
    const card = (await cardIn(h, f.villages[1]!.group.id, vote.id))!;
    await pressData(h, stranger, f.villages[1]!.group.id, card.message_id, `vt:${vote.id}:0`);
    expect(await prisma().voteParticipation.count({ where: { voteId: vote.id } })).toBe(0);
    // They still see their own ticket.
    await say(h, stranger, "/aspirasiku");
    expect(lastText(h, stranger.id)).toContain(ticket.replace(/^ASP-/, ""));
  });

  it("the link carries a random key: a sequential village id or another village's short code opens nothing", async () => {
    const f = await aForum(h);
    const u = aStranger();
    await say(h, u, `/start aspirasi_${f.villages[0]!.id}`);
    expect(lastText(h, u.id)).toContain("tidak dikenal");
    await say(h, u, `/start aspirasi_${f.villages[0]!.shortCode}`);
    expect(lastText(h, u.id)).toContain("tidak dikenal");
    expect(await prisma().aspiration.count()).toBe(0);
  });

  it("an anonymous reporter does not appear in /anggota when the 'Pelapor: anonim' card reaches the officials", async () => {
    const f = await aForum(h);
    const official = await f.official(1, "Bu Sekdes");
    const reporter = h.fake.addUser({ first_name: "Rahasia", username: "pelapor_rahasia" });
    await fileAspiration(h, f, reporter, { village: 1, privacy: "Anonim" });
    await h.flush();
    expect(texts(h, official.id).join("\n")).toContain("Pelapor: 🙈 Anonim");
    await say(h, official, "/anggota");
    const list = lastText(h, official.id);
    expect(list).not.toContain("Rahasia");
    expect(list).not.toContain("pelapor_rahasia");
  });
});

describe("the group door", () => {
  it("someone in a village's group who presses 'Saya warga' becomes its warga, confirmed by Telegram", async () => {
    const f = await aForum(h);
    const sumi = aGroupMember(f, 2);
    await h.send(h.fake.updates.command(sumi, f.villages[2]!.group, "desaku"));
    await press(h, sumi, f.villages[2]!.group, "Saya warga");
    const [m] = await memberships(sumi);
    expect(m).toMatchObject({ role: "warga", villageId: f.villages[2]!.id, source: "group" });
    expect(m!.confirmedAt).not.toBeNull();
    expect(h.fake.callsTo("getChatMember").some((c) => Number(c.params.chat_id) === f.villages[2]!.group.id && Number(c.params.user_id) === sumi.id)).toBe(true);
  });

  it("a visitor of a public group who is not its member presses the same button and is refused", async () => {
    const f = await aForum(h);
    const visitor = aStranger("Tamu");
    await h.send(h.fake.updates.command(f.admin, f.villages[2]!.group, "desaku"));
    await press(h, visitor, f.villages[2]!.group, "Saya warga");
    expect(lastAnswer(h, visitor)).toContain("Hanya anggota grup");
    expect(await memberships(visitor)).toHaveLength(0);
  });

  it("Telegram saying someone left the group ends a membership that came through it — not one that came from a code", async () => {
    const f = await aForum(h);
    const sumi = aGroupMember(f, 0, "Sumi");
    const coded = await f.resident(0, "Kodir");
    await h.send(h.fake.updates.text(sumi, f.villages[0]!.group, "Assalamualaikum"));
    expect(await memberships(sumi)).toHaveLength(1);
    h.fake.setMember(f.villages[0]!.group.id, h.fake.botInfo.id, "administrator");
    await h.send(h.fake.updates.chatMember(sumi, f.villages[0]!.group, sumi, "left"));
    await h.send(h.fake.updates.leftChatMember(coded, f.villages[0]!.group, coded));
    expect(await memberships(sumi)).toHaveLength(0);
    expect(await memberships(coded)).toHaveLength(1);
  });

  it("a group membership is confirmed again after MEMBERSHIP_RECHECK_HOURS, and dropped if the person has left meanwhile", async () => {
    const f = await aForum(h);
    const stays = aGroupMember(f, 1, "Tetap");
    const leaves = aGroupMember(f, 1, "Pergi");
    for (const u of [stays, leaves]) await h.send(h.fake.updates.text(u, f.villages[1]!.group, "Hadir"));
    // Left without Telegram telling the bot (no chat_member update: the bot is no group admin).
    h.fake.setMember(f.villages[1]!.group.id, leaves.id, "left");
    await say(h, leaves, "/start");
    expect(await memberships(leaves)).toHaveLength(1); // still fresh: no call
    h.clock.advance(8 * DAY);
    await say(h, stays, "/start");
    await say(h, leaves, "/start");
    expect(await memberships(stays)).toHaveLength(1);
    expect(await memberships(leaves)).toHaveLength(0);
    expect(lastText(h, leaves.id)).toContain("belum terdaftar");
  });
});

describe("/desaku in a private chat is a claim", () => {
  it("a member who says they moved is confirmed by the new village's official, not by the press", async () => {
    const f = await aForum(h);
    const budi = await f.resident(0, "Budi");
    const official = await f.official(3, "Pak Kadus");
    await say(h, budi, "/desaku");
    await press(h, budi, budi.id, f.villages[3]!.name);
    expect(lastText(h, budi.id)).toContain("dikonfirmasi");
    // Nothing changed yet.
    expect((await memberships(budi)).map((m) => m.villageId)).toEqual([f.villages[0]!.id]);
    await h.flush();
    expect(lastText(h, official.id)).toContain("menyatakan tinggal");
    await press(h, official, official.id, "Benar warga");
    await h.flush();
    expect((await memberships(budi)).map((m) => [m.villageId, m.source])).toEqual([[f.villages[3]!.id, "claim"]]);
    expect(lastText(h, budi.id)).toContain("sudah mengonfirmasi");
  });

  it("an official of another village pressing a forged confirmation changes nothing", async () => {
    const f = await aForum(h);
    const budi = await f.resident(0, "Budi");
    await f.official(3);
    const other = await f.official(4, "Lain");
    await say(h, budi, "/desaku");
    await press(h, budi, budi.id, f.villages[3]!.name);
    const claim = await prisma().villageClaim.findFirstOrThrow();
    await forged(other, `klm:${f.id}:${claim.id}:1`);
    expect(lastAnswer(h, other)).toContain("bukan perangkat desa");
    expect((await prisma().villageClaim.findFirstOrThrow()).state).toBe("pending");
    expect((await memberships(budi))[0]!.villageId).toBe(f.villages[0]!.id);
  });

  it("someone in the chosen village's Telegram group is moved at once", async () => {
    const f = await aForum(h);
    const budi = await f.resident(0, "Budi");
    h.fake.setMember(f.villages[2]!.group.id, budi.id, "member");
    await say(h, budi, "/desaku");
    await press(h, budi, budi.id, f.villages[2]!.name);
    expect(lastText(h, budi.id)).toContain(`Desa ${f.villages[2]!.name}`);
    expect((await memberships(budi)).map((m) => [m.villageId, m.source])).toEqual([[f.villages[2]!.id, "group"]]);
  });
});

describe("kode gabung", () => {
  it("a perangkat desa makes a warga code for their own village only; the flow offers no other role or village", async () => {
    const f = await aForum(h);
    const sekdes = await f.official(1, "Sekdes");
    await say(h, sekdes, "/undang");
    const roles = buttons(h, sekdes.id).map((b) => b.text);
    expect(roles).toEqual(expect.arrayContaining(["Warga", "Perangkat desa"]));
    expect(roles.join()).not.toMatch(/Admin|Moderator|Mitra/);
    await press(h, sekdes, sekdes.id, "Warga");
    const code = lastText(h, sekdes.id).match(/Kode: ([A-Z0-9]{8})/)![1]!;
    const inv = await prisma().invite.findUniqueOrThrow({ where: { code } });
    expect(inv).toMatchObject({ role: "warga", villageId: f.villages[1]!.id });
    // The domain refuses what the flow does not offer.
    const actor = await actorFor(h, sekdes);
    await expect(createInvite(h.app.deps, actor, { forumId: f.id, role: "admin_forum", villageId: null })).rejects.toMatchObject({ reason: "code_role_not_allowed" });
    await expect(createInvite(h.app.deps, actor, { forumId: f.id, role: "warga", villageId: f.villages[2]!.id })).rejects.toMatchObject({ reason: "not_official_of_village" });
    await expect(createInvite(h.app.deps, actor, { forumId: f.id, role: "moderator", villageId: f.villages[1]!.id })).rejects.toMatchObject({ reason: "code_role_not_allowed" });
  });

  it("/kode lists the open codes with a cancel button; a cancelled code opens nothing", async () => {
    const f = await aForum(h);
    const sekdes = await f.official(1);
    const inv = await createInvite(h.app.deps, await actorFor(h, sekdes), { forumId: f.id, role: "warga", villageId: f.villages[1]!.id });
    await createInvite(h.app.deps, await actorFor(h, f.admin), { forumId: f.id, role: "warga", villageId: f.villages[2]!.id });
    await say(h, sekdes, "/kode");
    expect(lastText(h, sekdes.id)).toContain(inv.code);
    expect(lastText(h, sekdes.id)).toContain("belum dipakai: 1"); // not the other village's code
    await press(h, sekdes, sekdes.id, `Batalkan ${inv.code}`);
    await press(h, sekdes, sekdes.id, "Ya, batalkan");
    expect(lastText(h, sekdes.id)).toContain("dibatalkan");
    const u = aStranger("Calon");
    await say(h, u, `/gabung ${inv.code}`);
    expect(lastText(h, u.id)).toContain("tidak berlaku");
    expect(await memberships(u)).toHaveLength(0);
  });

  it("an official of another village cannot cancel a code with a forged button", async () => {
    const f = await aForum(h);
    const sekdes = await f.official(1);
    const other = await f.official(2);
    const inv = await createInvite(h.app.deps, await actorFor(h, sekdes), { forumId: f.id, role: "warga", villageId: f.villages[1]!.id });
    await forged(other, `kdy:${f.id}:${inv.id}`);
    expect((await prisma().invite.findUniqueOrThrow({ where: { id: inv.id } })).revokedAt).toBeNull();
  });

  it("revoking an official's role revokes the codes they issued; a code of a former official opens nothing even if missed", async () => {
    const f = await aForum(h);
    const sekdes = await f.official(1, "Mantan");
    const a = await createInvite(h.app.deps, await actorFor(h, sekdes), { forumId: f.id, role: "warga", villageId: f.villages[1]!.id });
    await revokeRole(h.app.deps, await actorFor(h, f.admin), f.id, await membershipIdOf(f, sekdes));
    expect((await prisma().invite.findUniqueOrThrow({ where: { id: a.id } })).revokeReason).toBe("issuer_lost_right");
    const u = aStranger("Calon");
    await say(h, u, `/start ${a.code}`);
    expect(lastText(h, u.id)).toContain("tidak berlaku");
    expect(await memberships(u)).toHaveLength(0);

    // A code whose revocation was missed (e.g. written before this rule) is checked again at redeem time.
    const sekdes2 = await f.official(2, "Mantan2");
    const b = await createInvite(h.app.deps, await actorFor(h, sekdes2), { forumId: f.id, role: "perangkat_desa", villageId: f.villages[2]!.id });
    await prisma().membership.deleteMany({ where: { person: { telegramUserId: BigInt(sekdes2.id) } } });
    await say(h, u, `/gabung ${b.code}`);
    expect(lastText(h, u.id)).toContain("tidak berlaku");
    expect(await memberships(u)).toHaveLength(0);
  });

  it("nobody redeems their own code: an admin who made an admin code gains nothing from it", async () => {
    const f = await aForum(h);
    const inv = await createInvite(h.app.deps, await actorFor(h, f.admin), { forumId: f.id, role: "admin_forum", villageId: null });
    await say(h, f.admin, `/gabung ${inv.code}`);
    expect(lastText(h, f.admin.id)).toContain("orang lain");
    expect((await prisma().invite.findUniqueOrThrow({ where: { id: inv.id } })).usedById).toBeNull();
  });
});

describe("rights follow the current role", () => {
  it("an official who organised a vote and lost the role can no longer close it", async () => {
    const f = await aForum(h);
    const sekdes = await f.official(1, "Mantan");
    const vote = await aVote(h, f, { villages: [1], by: sekdes });
    await revokeRole(h.app.deps, await actorFor(h, f.admin), f.id, await membershipIdOf(f, sekdes));
    // Still a warga elsewhere: in the forum, but not of the vote's village government.
    await prisma().membership.create({ data: { personId: (await personFor(h, sekdes)).id, forumId: f.id, villageId: f.villages[0]!.id, role: "warga" } });
    await expect(requestClose(h.app.deps, await actorFor(h, sekdes), vote.id)).rejects.toMatchObject({ reason: "vote_not_organiser_of" });
    await forged(sekdes, `vm:${vote.id}:X`);
    expect(await prisma().job.count({ where: { kind: "vote.close", ownerId: String(vote.id), doneAt: null, dueAt: { lte: h.clock.now() } } })).toBe(0);
  });
});

describe("names", () => {
  it("bidi overrides and zero-width characters are stripped from names; an empty name becomes 'Warga'", async () => {
    const f = await aForum(h);
    const tricky = h.fake.addUser({ first_name: "Bu\u202Edi\u200B\u2066" });
    const empty = h.fake.addUser({ first_name: "\u200B\u200F" });
    h.fake.setMember(f.villages[0]!.group.id, tricky.id, "member");
    await say(h, tricky, "/start");
    await say(h, empty, "/start");
    const names = (await prisma().person.findMany({ where: { telegramUserId: { in: [BigInt(tricky.id), BigInt(empty.id)] } }, orderBy: { id: "asc" } })).map((p) => p.firstName);
    expect(names).toEqual(["Budi", "Warga"]);
    expect(lastText(h, tricky.id)).toContain("<b>Budi</b>".replace(/<\/?b>/g, ""));
  });
});
