/**
 * Rows of the authorization matrix (tests/bot/authorization-matrix.test.ts) for the capabilities.
 * Every target below belongs to village 0 of forum A unless a row says otherwise; "HERE" are
 * those who act for village 0 (its perangkat desa and the forum admin).
 */
import type { User } from "grammy/types";
import type { Harness } from "./harness.js";
import type { ForumFixture } from "./world.js";
import { actorFor } from "./voting.js";
import { personFor } from "./world.js";
import { muteAuthor } from "../../src/domain/discussion/index.js";
import { monthKey } from "../../src/domain/laporan/measures.js";
import { lastCompleteMonth } from "../../src/domain/laporan/report.js";
import { checkInQr } from "../../src/domain/musyawarah/service.js";
import { meetingDepsOf } from "../../src/bot/features/musyawarah/deps.js";

export const CALLERS = ["stranger", "reporter", "warga", "perangkatHere", "perangkatOther", "moderator", "admin", "adminOther", "revoked"] as const;
export type Caller = (typeof CALLERS)[number];

export interface World {
  f: ForumFixture;
  g: ForumFixture;
  u: Record<Caller, User>;
  reporterTicket: number;
}

export interface Row<T = any> {
  /** "cmd:<command>@private|group", "cb:<prefix>" or "raw:<data>" */
  kind: string;
  what: string;
  allowed: Caller[];
  arrange?: (w: World) => Promise<T>;
  act: (w: World, u: User, t: T) => Promise<void>;
  /** Where answers to the caller appear besides their private chat and village 0's group. */
  group?: (w: World) => number;
}

type Act = Row["act"];
export interface Helpers {
  h: () => Harness;
  privateCmd: (text: string) => Act;
  groupCmd: (text: string, replyTo?: (w: World, t: any) => number) => Act;
  priv: (data: (w: World, t: any) => string) => Act;
  grp: (data: (w: World, t: any) => string) => Act;
  pressGroup: (w: World, u: User, data: string, messageId?: number) => Promise<void>;
  V: (w: World, i?: number) => number;
  aTicket: (w: World, by?: User) => Promise<{ id: number; version: number }>;
  aVoteHere: (w: World, o?: Record<string, unknown>) => Promise<{ vote: { id: number }; card: number }>;
  aMeetingHere: (w: World, o?: { startsInMs?: number }) => Promise<{ id: number; invitee: number; card: number }>;
  aRelayInGroup0: (w: World) => Promise<{ topic: { id: number }; messageId: number }>;
  /** A topic of villages 0 and 1, then a second group linked to village 0 after it opened. */
  aTopicWithNewGroup: (w: World) => Promise<{ topic: { id: number }; linkId: number }>;
  aBroadcastHere: (w: World) => Promise<{ id: number }>;
  /** An announcement to village 0's group that went out (one sent copy there). */
  aSentBroadcastHere: (w: World) => Promise<{ id: number }>;
  aPost: typeof import("./bursa.js").aPost;
  anAgreement: typeof import("./bursa.js").anAgreement;
  sets: Record<"ALL" | "MEMBERS" | "MEMBERS_AND_REPORTER" | "IN_A" | "OFFICIALS_ADMINS" | "ADMINS" | "MODS" | "HERE" | "IN_GROUP0", Caller[]>;
}

export function moreRows(x: Helpers): Row[] {
  const { privateCmd, groupCmd, priv, grp, V, sets } = x;
  const { ALL, MEMBERS, MEMBERS_AND_REPORTER, IN_A, OFFICIALS_ADMINS, ADMINS, HERE, IN_GROUP0 } = sets;
  const h = () => x.h();
  const A_OFFICIALS_ADMIN: Caller[] = ["perangkatHere", "perangkatOther", "admin"];
  const MOD_A: Caller[] = ["moderator", "admin"];

  return [
    // ---- aspirasi
    { kind: "cmd:aspirasi@private", what: "file an aspiration", allowed: MEMBERS_AND_REPORTER, act: privateCmd("/aspirasi") },
    { kind: "cmd:aspirasi@group", what: "go to the private intake", allowed: ALL, act: groupCmd("/aspirasi") },
    { kind: "cmd:aspirasiku@private", what: "own tickets", allowed: MEMBERS_AND_REPORTER, act: privateCmd("/aspirasiku") },
    { kind: "cmd:daftar_aspirasi@private", what: "public list", allowed: MEMBERS_AND_REPORTER, act: privateCmd("/daftar_aspirasi") },
    { kind: "cmd:daftar_aspirasi@group", what: "public list of the village", allowed: ALL, act: groupCmd("/daftar_aspirasi") },
    { kind: "cmd:aspirasi_masuk@private", what: "incoming tickets", allowed: OFFICIALS_ADMINS, act: privateCmd("/aspirasi_masuk") },
    { kind: "cmd:aspirasi_ekspor@private", what: "export tickets", allowed: OFFICIALS_ADMINS, act: privateCmd("/aspirasi_ekspor") },
    { kind: "cmd:aspirasi_qr@private", what: "poster QR", allowed: OFFICIALS_ADMINS, act: privateCmd("/aspirasi_qr") },
    { kind: "cmd:aspirasi_terlambat@private", what: "overdue list", allowed: ADMINS, act: privateCmd("/aspirasi_terlambat") },
    { kind: "cmd:aspirasi_klaster@private", what: "clusters", allowed: ADMINS, act: privateCmd("/aspirasi_klaster") },
    { kind: "cmd:aspirasi_atur@private", what: "settings", allowed: ADMINS, act: privateCmd("/aspirasi_atur") },
    { kind: "cb:asa", what: "verify a village 0 ticket", allowed: HERE, arrange: (w) => x.aTicket(w), act: priv((_w, a) => `asa:${a.id}:v:${a.version}`) },
    { kind: "cb:asd", what: "official detail of a ticket", allowed: HERE, arrange: (w) => x.aTicket(w), act: priv((_w, a) => `asd:${a.id}`) },
    { kind: "cb:asv", what: "photos and location of a ticket", allowed: HERE, arrange: (w) => x.aTicket(w), act: priv((_w, a) => `asv:${a.id}`) },
    { kind: "cb:asr", what: "the reporter's own ticket detail", allowed: ["reporter"], act: priv((w) => `asr:${w.reporterTicket}:d`) },
    { kind: "cb:asm", what: "own tickets page (everyone sees only their own)", allowed: ALL, act: priv((w) => `asm:${w.f.id}:0`) },
    { kind: "cb:asl", what: "incoming list of forum A", allowed: A_OFFICIALS_ADMIN, act: priv((w) => `asl:${w.f.id}:0:-:0:0`) },
    { kind: "cb:asf", what: "incoming filter of forum A", allowed: A_OFFICIALS_ADMIN, act: priv((w) => `asf:${w.f.id}:0:-:0:s`) },
    { kind: "cb:asp", what: "public list page of forum A", allowed: ["reporter", ...IN_A], act: priv((w) => `asp:${w.f.id}:0:0`) },
    { kind: "cb:ask", what: "support a ticket of forum A", allowed: ["reporter", ...IN_A], arrange: (w) => x.aTicket(w), act: priv((w, a) => `ask:${w.f.id}:${a.id}:0:0`) },
    { kind: "cb:asq", what: "QR of village 0", allowed: HERE, act: priv((w) => `asq:${w.f.id}:${V(w)}`) },
    { kind: "cb:ast", what: "settings of forum A", allowed: ["admin"], act: priv((w) => `ast:${w.f.id}:t`) },

    // ---- discussion
    { kind: "cmd:topik@private", what: "topic list", allowed: MEMBERS, act: privateCmd("/topik") },
    { kind: "cmd:topik@group", what: "topic list of the group", allowed: ALL, act: groupCmd("/topik") },
    { kind: "cmd:tutuptopik@private", what: "close a topic", allowed: ["perangkatHere", "perangkatOther", ...MOD_A, "adminOther"], arrange: (w) => x.aRelayInGroup0(w), act: privateCmd("/tutuptopik") },
    { kind: "cmd:ringkasan@private", what: "transcripts", allowed: MEMBERS, arrange: (w) => x.aRelayInGroup0(w), act: privateCmd("/ringkasan") },
    { kind: "cmd:ringkasan@group", what: "transcript in a taking-part group", allowed: ALL, arrange: (w) => x.aRelayInGroup0(w), act: groupCmd("/ringkasan", (_w, r) => r.messageId) },
    { kind: "cmd:hapus@group", what: "delete someone else's relayed message", allowed: MOD_A, arrange: (w) => x.aRelayInGroup0(w), act: groupCmd("/hapus", (_w, r) => r.messageId) },
    { kind: "cmd:sembunyikan@group", what: "hide a message in every group", allowed: MOD_A, arrange: (w) => x.aRelayInGroup0(w), act: groupCmd("/sembunyikan", (_w, r) => r.messageId) },
    { kind: "cmd:bisukan@group", what: "mute an author (asks for how long)", allowed: MOD_A, arrange: (w) => x.aRelayInGroup0(w), act: groupCmd("/bisukan", (_w, r) => r.messageId) },
    {
      kind: "cmd:bukabisu@group", what: "unmute an author", allowed: MOD_A,
      arrange: async (w) => {
        const r = await x.aRelayInGroup0(w);
        await muteAuthor(h().app.deps, await actorFor(h(), w.u.admin), { chatId: w.f.villages[0]!.group.id, messageId: r.messageId, minutes: 60, reason: null });
        return r;
      },
      act: groupCmd("/bukabisu", (_w, r) => r.messageId),
    },
    { kind: "cb:dmu", what: "mute for 30 minutes", allowed: MOD_A, arrange: (w) => x.aRelayInGroup0(w), act: grp((_w, r) => `dmu:${r.messageId}:30`) },
    { kind: "cb:dtv", what: "view a topic of villages 0 and 1", allowed: IN_A, arrange: (w) => x.aRelayInGroup0(w), act: priv((_w, r) => `dtv:${r.topic.id}`) },
    { kind: "cb:dtl", what: "topic list page", allowed: MEMBERS, act: priv(() => "dtl:0") },
    { kind: "cb:dsq", what: "slow mode choices", allowed: MOD_A, arrange: (w) => x.aRelayInGroup0(w), act: priv((_w, r) => `dsq:${r.topic.id}`) },
    { kind: "cb:dss", what: "set slow mode", allowed: MOD_A, arrange: (w) => x.aRelayInGroup0(w), act: priv((_w, r) => `dss:${r.topic.id}:60`) },
    { kind: "cb:dtc", what: "close a topic", allowed: MOD_A, arrange: (w) => x.aRelayInGroup0(w), act: priv((_w, r) => `dtc:${r.topic.id}`) },
    { kind: "cb:dtr", what: "transcript of a topic of villages 0 and 1", allowed: IN_A, arrange: (w) => x.aRelayInGroup0(w), act: priv((_w, r) => `dtr:${r.topic.id}`) },
    { kind: "cb:dtj", what: "groups linked after a topic opened, to join it", allowed: MOD_A, arrange: (w) => x.aTopicWithNewGroup(w), act: priv((_w, r) => `dtj:${r.topic.id}`) },
    { kind: "cb:dtg", what: "let a newly linked group join a topic", allowed: MOD_A, arrange: (w) => x.aTopicWithNewGroup(w), act: priv((_w, r) => `dtg:${r.topic.id}:${r.linkId}`) },
    { kind: "raw:dtn", what: "open a new topic", allowed: ["perangkatHere", "perangkatOther", "moderator", "admin", "adminOther"], act: priv(() => "dtn") },

    // ---- musyawarah
    { kind: "cmd:musyawarah@private", what: "organise meetings", allowed: OFFICIALS_ADMINS, act: privateCmd("/musyawarah") },
    { kind: "cmd:jadwal@private", what: "own schedule", allowed: ALL, act: privateCmd("/jadwal") },
    { kind: "cmd:jadwal@group", what: "village schedule", allowed: ALL, act: groupCmd("/jadwal") },
    { kind: "cmd:hadir@private", what: "check in to one's meeting", allowed: ["warga", "perangkatHere", "revoked"], arrange: (w) => x.aMeetingHere(w, { startsInMs: 10 * 60_000 }), act: privateCmd("/hadir") },
    { kind: "cmd:hadir@group", what: "check in from the group", allowed: ALL, arrange: (w) => x.aMeetingHere(w, { startsInMs: 10 * 60_000 }), act: groupCmd("/hadir") },
    { kind: "cb:mr", what: "RSVP on village 0's invitation", allowed: IN_GROUP0, arrange: (w) => x.aMeetingHere(w), act: async (w, u, m) => x.pressGroup(w, u, `mr:${m.id}:y`, m.card || undefined) },
    { kind: "cb:mc", what: "check in on village 0's invitation", allowed: IN_GROUP0, arrange: (w) => x.aMeetingHere(w, { startsInMs: 10 * 60_000 }), act: async (w, u, m) => x.pressGroup(w, u, `mc:${m.id}`, m.card || undefined) },
    { kind: "cb:mw", what: "name a delegate (invited by name)", allowed: ["perangkatHere"], arrange: (w) => x.aMeetingHere(w), act: priv((_w, m) => `mw:${m.id}`) },
    { kind: "cb:mv", what: "see the invitation privately", allowed: IN_GROUP0, arrange: (w) => x.aMeetingHere(w), act: priv((_w, m) => `mv:${m.id}`) },
    { kind: "cb:mm", what: "manage a village 0 meeting", allowed: HERE, arrange: (w) => x.aMeetingHere(w), act: priv((_w, m) => `mm:${m.id}:v`) },
    { kind: "cb:mp", what: "mark an invitee present", allowed: HERE, arrange: (w) => x.aMeetingHere(w, { startsInMs: 10 * 60_000 }), act: priv((_w, m) => `mp:${m.id}:${m.invitee}:0`) },
    { kind: "cb:mm:qr", what: "the venue's QR code of a village 0 meeting", allowed: HERE, arrange: (w) => x.aMeetingHere(w), act: priv((_w, m) => `mm:${m.id}:qr`) },
    {
      kind: "link:start=hadir_@private", what: "check in by scanning the venue's QR code", allowed: ["warga", "perangkatHere", "revoked"],
      arrange: async (w) => {
        const m = await x.aMeetingHere(w, { startsInMs: 10 * 60_000 });
        const qr = await checkInQr(meetingDepsOf(h().app.deps), await actorFor(h(), w.u.perangkatHere), m.id, (n) => h().app.deps.random.code(n));
        return { ...m, token: qr.token };
      },
      act: (w, u, m) => privateCmd(`/start hadir_${m.token}`)(w, u, m),
    },
    { kind: "cb:mq", what: "attendance list page", allowed: HERE, arrange: (w) => x.aMeetingHere(w), act: priv((_w, m) => `mq:${m.id}:0`) },
    { kind: "cb:ml", what: "meetings one manages, page (empty for others)", allowed: ALL, act: priv(() => "ml:0") },
    { kind: "raw:mnew", what: "new meeting", allowed: OFFICIALS_ADMINS, act: priv(() => "mnew") },

    // ---- voting
    { kind: "cmd:voting@private", what: "votes one can see", allowed: MEMBERS, act: privateCmd("/voting") },
    { kind: "cmd:voting@group", what: "votes of the village", allowed: ALL, act: groupCmd("/voting") },
    { kind: "cb:vt", what: "vote on village 0's card", allowed: IN_GROUP0, arrange: (w) => x.aVoteHere(w), act: async (w, u, v) => x.pressGroup(w, u, `vt:${v.vote.id}:0`, v.card) },
    { kind: "cb:vs", what: "ask for a secret ballot", allowed: IN_GROUP0, arrange: (w) => x.aVoteHere(w, { ballot: "rahasia" }), act: async (w, u, v) => x.pressGroup(w, u, `vs:${v.vote.id}`, v.card) },
    { kind: "cb:vv", what: "per-village breakdown", allowed: IN_A, arrange: (w) => x.aVoteHere(w), act: async (w, u, v) => x.pressGroup(w, u, `vv:${v.vote.id}`, v.card) },
    { kind: "cb:vb", what: "cast a secret ballot privately", allowed: IN_GROUP0, arrange: (w) => x.aVoteHere(w, { ballot: "rahasia" }), act: priv((w, v) => `vb:${v.vote.id}:${V(w)}:1:s`) },
    { kind: "cb:vo", what: "open a ballot from a reminder (registered residents)", allowed: ["warga", "perangkatHere", "revoked"], arrange: (w) => x.aVoteHere(w, { eligibility: "warga_terdaftar" }), act: priv((w, v) => `vo:${v.vote.id}:${V(w)}`) },
    { kind: "cb:vm", what: "close a village 0 vote", allowed: HERE, arrange: (w) => x.aVoteHere(w), act: priv((_w, v) => `vm:${v.vote.id}:X`) },
    { kind: "cb:ve", what: "extend a village 0 vote", allowed: HERE, arrange: (w) => x.aVoteHere(w), act: priv((_w, v) => `ve:${v.vote.id}:24`) },
    { kind: "cb:vl", what: "vote list page", allowed: MEMBERS, act: priv(() => "vl:0") },
    { kind: "raw:vote:new", what: "new vote", allowed: OFFICIALS_ADMINS, act: priv(() => "vote:new") },
    { kind: "raw:vote:quick", what: "new quick poll", allowed: OFFICIALS_ADMINS, act: priv(() => "vote:quick") },

    // ---- pengumuman
    { kind: "cmd:pengumuman@private", what: "announce", allowed: OFFICIALS_ADMINS, act: privateCmd("/pengumuman") },
    { kind: "cmd:riwayat_pengumuman@private", what: "announcement history", allowed: OFFICIALS_ADMINS, act: privateCmd("/riwayat_pengumuman") },
    { kind: "cb:pgh", what: "history page of forum A", allowed: A_OFFICIALS_ADMIN, act: priv((w) => `pgh:${w.f.id}:0`) },
    { kind: "cb:pgd", what: "detail of a village 0 announcement", allowed: HERE, arrange: (w) => x.aBroadcastHere(w), act: priv((_w, b) => `pgd:${b.id}`) },
    { kind: "cb:pgc", what: "ask to cancel it", allowed: HERE, arrange: (w) => x.aBroadcastHere(w), act: priv((_w, b) => `pgc:${b.id}`) },
    { kind: "cb:pgx", what: "cancel it", allowed: HERE, arrange: (w) => x.aBroadcastHere(w), act: priv((_w, b) => `pgx:${b.id}`) },
    { kind: "cb:pge", what: "edit a sent village 0 announcement everywhere", allowed: HERE, arrange: (w) => x.aSentBroadcastHere(w), act: priv((_w, b) => `pge:${b.id}`) },
    { kind: "cb:pgr", what: "ask to delete it everywhere", allowed: HERE, arrange: (w) => x.aSentBroadcastHere(w), act: priv((_w, b) => `pgr:${b.id}`) },
    { kind: "cb:pgy", what: "delete it everywhere", allowed: HERE, arrange: (w) => x.aSentBroadcastHere(w), act: priv((_w, b) => `pgy:${b.id}`) },

    // ---- privacy: everyone over their own data; the audit log and settings to the forum's admins
    { kind: "cmd:privasi@private", what: "privacy notice", allowed: ALL, act: privateCmd("/privasi") },
    { kind: "cmd:dataku@private", what: "one's own data", allowed: ALL, act: privateCmd("/dataku") },
    { kind: "cmd:hapusdata@private", what: "erase one's own data (asks first)", allowed: ALL, act: privateCmd("/hapusdata") },
    { kind: "cmd:audit@private", what: "audit log", allowed: ADMINS, act: privateCmd("/audit") },
    { kind: "cb:pv", what: "agree to the notice (own answer)", allowed: ALL, act: priv(() => "pv:y:") },
    { kind: "cb:ph", what: "keep one's data (cancel erasure)", allowed: ALL, act: priv(() => "ph:n:0") },
    { kind: "cb:pa", what: "forum A's audit log", allowed: ["admin"], act: priv((w) => `pa:${w.f.id}:0:0`) },
    { kind: "cb:pax", what: "forum A's audit log as Excel", allowed: ["admin"], act: priv((w) => `pax:${w.f.id}:0`) },
    { kind: "cb:pz", what: "forum A's privacy settings", allowed: ["admin"], act: priv((w) => `pz:${w.f.id}:m:`) },

    // ---- calendar: prayer times and local holidays of the forum
    { kind: "cmd:kalender@private", what: "prayer times and holidays", allowed: ADMINS, act: privateCmd("/kalender") },
    { kind: "cb:kal", what: "change forum A's prayer times", allowed: ["admin"], act: priv((w) => `kal:${w.f.id}:p`) },

    // ---- laporan (monthly measures) and yearly indicators
    { kind: "cmd:laporan@private", what: "monthly report (own village, or every village)", allowed: OFFICIALS_ADMINS, act: privateCmd("/laporan") },
    {
      kind: "cb:lap",
      what: "forum A's report of the last complete month",
      allowed: A_OFFICIALS_ADMIN,
      act: priv((w) => `lap:${w.f.id}:${monthKey(lastCompleteMonth(h().clock.now(), "Asia/Jakarta")).replace("-", "")}`),
    },
    { kind: "cmd:indikator@private", what: "yearly indicators", allowed: OFFICIALS_ADMINS, act: privateCmd("/indikator") },
    { kind: "cb:ind", what: "forum A's indicator template", allowed: A_OFFICIALS_ADMIN, act: priv((w) => `ind:${w.f.id}:t`) },

    // ---- pusat data and bursa
    { kind: "cmd:profil@private", what: "village profile", allowed: MEMBERS, act: privateCmd("/profil") },
    { kind: "cmd:profil@group", what: "village profile in its group", allowed: ALL, act: groupCmd("/profil") },
    { kind: "cmd:potensi@private", what: "villages with a commodity", allowed: MEMBERS, act: privateCmd("/potensi padi") },
    { kind: "cmd:potensi@group", what: "villages with a commodity", allowed: ALL, act: groupCmd("/potensi padi") },
    { kind: "cmd:bursa@private", what: "needs and offers", allowed: MEMBERS, act: privateCmd("/bursa") },
    { kind: "cmd:kerjasama@private", what: "agreements one is party to", allowed: MEMBERS, act: privateCmd("/kerjasama") },
    { kind: "cmd:kerjasama_ekspor@private", what: "agreements export", allowed: ADMINS, act: privateCmd("/kerjasama_ekspor") },
    { kind: "cmd:mediasi@private", what: "mediator view", allowed: [...MOD_A, "adminOther"], act: privateCmd("/mediasi") },
    { kind: "cb:bpv", what: "edit village 0's profile", allowed: HERE, act: priv((w) => `bpv:${V(w)}:e`) },
    { kind: "cb:bpp", what: "pick village 0's profile", allowed: IN_A, act: priv((w) => `bpp:${V(w)}`) },
    { kind: "cb:bm", what: "bursa needs list", allowed: MEMBERS, act: priv(() => "bm:n:0") },
    { kind: "cb:bp", what: "withdraw village 0's offer", allowed: HERE, arrange: async (w) => (await x.aPost(h(), w.f, w.u.perangkatHere, { village: 0 })).post, act: priv((_w, p) => `bp:${p.id}:x`) },
    {
      kind: "cb:bi", what: "interest in a match, as village 0's side", allowed: HERE,
      arrange: async (w) => {
        await x.aPost(h(), w.f, w.f.admin, { village: 1, kind: "kebutuhan", title: "butuh traktor untuk olah sawah" });
        const o = await x.aPost(h(), w.f, w.u.perangkatHere, { village: 0, kind: "penawaran", title: "traktor roda dua bisa disewa harian" });
        return h().app.deps.prisma.bursaMatch.findFirstOrThrow({ where: { offerId: o.post.id } });
      },
      act: priv((_w, m) => `bi:${m.id}:o`),
    },
    { kind: "cb:bd", what: "mediator asks every village about a need", allowed: MOD_A,
      arrange: async (w) => (await x.aPost(h(), w.f, w.u.perangkatHere, { village: 0, kind: "kebutuhan", title: "butuh pelatih kompos" })).post,
      act: priv((_w, p) => `bd:a:${p.id}`) },
    { kind: "cb:bk", what: "an agreement of villages 0 and 1", allowed: ["perangkatHere", "perangkatOther", "admin"], arrange: (w) => x.anAgreement(h(), w.f, w.f.admin), act: priv((_w, a) => `bk:${a.id}:v`) },
    { kind: "cb:bks", what: "change an agreement's status", allowed: ["perangkatHere", "perangkatOther", "admin"], arrange: (w) => x.anAgreement(h(), w.f, w.f.admin), act: priv((_w, a) => `bks:${a.id}:ditandatangani`) },
    { kind: "cb:bkl", what: "agreements page", allowed: MEMBERS, act: priv(() => "bkl:0") },
    {
      kind: "cb:bx", what: "a match between villages 0 and 1 (its parties)", allowed: ["perangkatHere", "perangkatOther", "admin"],
      arrange: async (w) => {
        await x.aPost(h(), w.f, w.f.admin, { village: 1, kind: "kebutuhan", title: "butuh traktor untuk olah sawah" });
        const o = await x.aPost(h(), w.f, w.u.perangkatHere, { village: 0, kind: "penawaran", title: "traktor roda dua bisa disewa harian" });
        return h().app.deps.prisma.bursaMatch.findFirstOrThrow({ where: { offerId: o.post.id } });
      },
      act: priv((_w, m) => `bx:${m.id}`),
    },
    { kind: "raw:bke", what: "export agreements", allowed: ADMINS, act: priv(() => "bke") },
    { kind: "raw:bkn", what: "record an agreement", allowed: OFFICIALS_ADMINS, act: priv(() => "bkn") },

    // ---- forum upkeep (/kelola) and the officials' group (issue 13)
    { kind: "cmd:kelola@private", what: "forum upkeep menu (of the caller's own forum)", allowed: ADMINS, act: privateCmd("/kelola") },
    // One row per kind: the most destructive step (every "kl" action checks the same right; the
    // others are refused per caller in tests/bot/kelola.test.ts). Village 4, so no later row loses village 0.
    { kind: "cb:kl", what: "retire village 4 of forum A (the confirmed step of /kelola)", allowed: ["admin"], act: priv((w) => `kl:${w.f.id}:ry:${V(w, 4)}:0`) },
    {
      kind: "cmd:grupperangkat@group", what: "make a new group (every caller a Telegram admin of it) the officials' group", allowed: ADMINS,
      group: () => officialsGroupId,
      act: async (w, u) => {
        const g = h().fake.addGroup({ title: "Perangkat baru", type: "supergroup", admins: Object.values(w.u).map((x) => x.id), members: [] });
        officialsGroupId = g.id;
        await h().send(h().fake.updates.command(u, g, "grupperangkat"));
      },
    },
    {
      kind: "cb:kog", what: "choose forum A for a new officials' group (every caller a Telegram admin of it)", allowed: ["admin"],
      group: () => officialsGroupId,
      act: async (w, u) => {
        const g = h().fake.addGroup({ title: "Perangkat baru", type: "supergroup", admins: Object.values(w.u).map((x) => x.id), members: [] });
        officialsGroupId = g.id;
        const m = await h().app.bot.api.sendMessage(g.id, "·");
        await h().send(h().fake.updates.callback(u, g.id, m.message_id, `kog:${w.f.id}`));
      },
    },
  ];
}

/** The group the last officials' group row made (answers there count as the caller's). */
let officialsGroupId = 0;

/** The person behind a fake user (for arrangements). */
export async function personOf(h: Harness, u: User) {
  return personFor(h, u);
}
