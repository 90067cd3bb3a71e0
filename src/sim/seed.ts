// The demo: a fortnight in the life of the forum of the 17 kampung of Bangunrejo, played through
// the domain services (as the bot's handlers would call them) and through Telegram updates from
// residents (replies in the groups, presses on vote cards and invitations), with the clock
// shifted back so the history has its real dates. Everything the bot sends on the way lands in
// the emulator's chats, exactly as it would in Telegram.
//
// When the rules of an area change (membership, voting, discussion…), this is the one file to
// adapt: it only uses exported domain functions and button labels a person would see.
import { DateTime } from "luxon";
import type { Message, Update, User } from "grammy/types";
import type { App } from "../app.js";
import type { FakeTelegram, StoredMessage } from "../emulator/index.js";
import type { SimClock } from "./clock.js";
import { ensurePerson, loadAccess } from "../domain/forum/people.js";
import { recordAnswer, versionString } from "../domain/privasi/consent.js";
import { addVillages, createForum, createInvite, linkGroup, redeemInvite, setMembershipTitle } from "../domain/forum/service.js";
import { admitFromGroup } from "../domain/forum/membership.js";
import { actOnAspiration, createAspiration, officialMessage, type AspirationPrivacy } from "../domain/aspirasi/index.js";
import { aspirasiDeps } from "../bot/features/aspirasi/common.js";
import { createBroadcast } from "../domain/pengumuman/service.js";
import { compose, excerptOf } from "../domain/pengumuman/content.js";
import { notices as broadcastNotices, signature } from "../bot/features/pengumuman/render.js";
import { flushesSettled, openTopic } from "../domain/discussion/index.js";
import { groupRenderer } from "../bot/features/discussion/render.js";
import { createQuickPoll, createVote } from "../domain/voting/index.js";
import { createRenderer as votingRenderer } from "../bot/features/voting/render.js";
import { createMeeting } from "../domain/musyawarah/service.js";
import { emptyAudience } from "../domain/musyawarah/types.js";
import { meetingDepsOf } from "../bot/features/musyawarah/deps.js";
import { picture } from "./pictures.js";
import {
  CAMAT, FORUM_NAME, KADUS, KAMPUNG, KECAMATAN_GROUP_ID, KECAMATAN_GROUP_TITLE, KEPALA_KAMPUNG, PEOPLE, SEKDES,
  WARGA_BUDI, WARGA_DEWI, WARGA_JOKO, WARGA_SITI, groupIdOf, groupTitle, type Kampung, type Person,
} from "./world.js";

const HOUR = 3600_000;
const DAY = 24 * HOUR;

export interface SeedSummary {
  forumId: number;
  /** Ticket of the fresh aspiration waiting in Sukanegara (the "tindak lanjuti" exercise). */
  newTicket: string;
  meetingId: number;
  voteId: number;
}

export async function seedDemo(app: App, fake: FakeTelegram, clock: SimClock): Promise<SeedSummary> {
  const deps = app.deps;
  const prisma = deps.prisma;
  const ad = aspirasiDeps(deps);

  let lapStart = performance.now();
  /** Moves the bot's and the emulator's clocks to `ms` before now (only ever forward). */
  const at = (msBeforeNow: number) => {
    deps.logger.debug({ ms: Math.round(performance.now() - lapStart), until: -msBeforeNow }, "sim seed: step done");
    lapStart = performance.now();
    clock.offsetMs = -msBeforeNow;
    fake.setNow(null);
    fake.advance(-msBeforeNow);
  };
  /** What the running workers would do by now: due jobs, the discussion's group flushes, the outbox. */
  const settle = async () => {
    for (let i = 0; i < 3; i++) {
      await deps.jobs.runDue();
      await flushesSettled(deps);
      await deps.delivery.drain();
    }
  };
  const send = async (u: Update) => {
    await app.bot.handleUpdate(u);
    await settle();
  };
  const tg = (p: Person): User => ({ id: p.id, is_bot: false, first_name: p.firstName, ...(p.lastName ? { last_name: p.lastName } : {}), language_code: "id" });

  // Everyone in the cast has opened a private chat with the bot.
  const personIds = new Map<number, number>();
  // … and agreed to the privacy notice (a fresh sandbox shows it to whoever starts without a seed).
  for (const p of PEOPLE) {
    fake.userStartedBot(p.id);
    const id = (await ensurePerson(prisma, tg(p), { privateChat: true })).id;
    await recordAnswer({ prisma }, id, "given", versionString([]), clock.now(), tg(p));
    personIds.set(p.id, id);
  }
  const pid = (p: Person) => personIds.get(p.id)!;
  const actor = async (p: Person) => ({ personId: pid(p), access: await loadAccess(prisma, pid(p), p === CAMAT) });

  // ---- two weeks ago: the forum, its kampung, their officials and groups
  at(14 * DAY);
  // Lampung Tengah says Kampung and BPK (Badan Permusyawaratan Kampung).
  const forum = await createForum(deps, await actor(CAMAT), { name: FORUM_NAME, terms: { village: "kampung", council: "BPK" } });
  const founder = await prisma.membership.findFirstOrThrow({ where: { forumId: forum.id, personId: pid(CAMAT) } });
  await setMembershipTitle(deps, await actor(CAMAT), forum.id, founder.id, CAMAT.title!);
  const { created } = await addVillages(deps, await actor(CAMAT), forum.id, KAMPUNG.map((name) => ({ name })));
  const villageOf = new Map<Kampung, { id: number; shortCode: string }>(created.map((v) => [v.name as Kampung, v]));
  const vid = (k: Kampung) => villageOf.get(k)!.id;
  for (const p of PEOPLE.filter((x) => x.role === "perangkat_desa")) {
    const inv = await createInvite(deps, await actor(CAMAT), { forumId: forum.id, role: "perangkat_desa", villageId: vid(p.kampung!), title: p.title ?? null });
    await redeemInvite(deps, pid(p), inv.code);
  }
  // Residents come in through the group door: the emulator has them in their kampung's group.
  for (const p of PEOPLE.filter((x) => x.role === "warga")) await admitFromGroup(deps, pid(p), forum.id, vid(p.kampung!));
  for (const k of KAMPUNG) {
    const kepala = KEPALA_KAMPUNG.find((p) => p.kampung === k)!;
    await linkGroup(deps, await actor(kepala), { forumId: forum.id, villageId: vid(k), chat: { id: groupIdOf(k), title: groupTitle(k), isForum: false } });
  }
  await linkGroup(deps, await actor(CAMAT), { forumId: forum.id, villageId: null, chat: { id: KECAMATAN_GROUP_ID, title: KECAMATAN_GROUP_TITLE, isForum: false } });

  const announce = async (by: Person, body: string, villages: Kampung[] | "all", pin = false) => {
    const a = await actor(by);
    const admin = a.access.isAdmin(forum.id);
    const sig = signature({ admin, forumName: forum.name, villageNames: villages === "all" ? [] : villages, authorName: by.firstName, authorTitle: by.title ?? null, terms: { village: "kampung", council: "BPK" } });
    const comp = compose({ header: sig.header, footer: sig.footer, body, bodyEntities: [], media: null });
    await createBroadcast(
      deps,
      a,
      {
        forumId: forum.id,
        audience: { targets: ["groups"], villages: villages === "all" ? "all" : villages.map(vid) },
        parts: comp.parts,
        media: null,
        excerpt: excerptOf(body),
        pin,
        silent: false,
        scheduledAt: null,
      },
      broadcastNotices,
    );
    await settle();
    clock.offsetMs += 10_000; // the progress report follows a few seconds later
    fake.advance(10_000);
    await settle();
  };

  const photoOf = async (scene: "road" | "ditch" | "hall") => fake.registerPhoto(await picture(scene)).at(-1)!.file_id;
  const aspiration = async (by: Person, o: { category: string; text: string; privacy?: AspirationPrivacy; photo?: "road" | "ditch"; kampung?: Kampung }) => {
    const v = await createAspiration(ad, pid(by), {
      forumId: forum.id,
      villageId: vid(o.kampung ?? by.kampung!),
      category: o.category,
      text: o.text,
      photos: o.photo ? [await photoOf(o.photo)] : [],
      privacy: o.privacy ?? "named",
    });
    await settle();
    return v;
  };
  const act = async (by: Person, id: number, action: "verify" | "process" | "resolve" | "forward", note: string | null, target?: number | null) => {
    const row = await prisma.aspiration.findUniqueOrThrow({ where: { id } });
    await actOnAspiration(ad, await actor(by), { aspirationId: id, action, expectedVersion: row.version, note, targetVillageId: target });
    await settle();
  };

  // ---- the announcement history and the aspirations' fortnight
  at(12 * DAY);
  await announce(
    CAMAT,
    "Penyaluran BLT Dana Desa tahap III dilaksanakan serentak hari Kamis di balai kampung masing-masing mulai pukul 08.00 WIB.\n\nPenerima diharap membawa KTP dan KK asli. Bagi yang berhalangan, dapat diwakilkan anggota keluarga dengan surat kuasa dari kepala kampung.",
    "all",
  );
  at(9 * DAY);
  await announce(SEKDES, "Kerja bakti membersihkan saluran air Dusun I sampai Dusun III pada hari Minggu pukul 07.00 WIB. Mohon setiap KK mengirim satu orang dan membawa cangkul atau arit.", ["Sukanegara"]);

  at(8 * DAY);
  const road = await aspiration(WARGA_BUDI, {
    category: "Infrastruktur",
    text: "Jalan kampung di Dusun II Sukanegara rusak dan berlubang sepanjang kira-kira 300 meter. Kalau hujan tergenang dan anak-anak sekolah sulit lewat.",
    photo: "road",
  });
  at(7 * DAY);
  await act(SEKDES, road.id, "verify", "Sudah dicek ke lokasi bersama Pak Kadus.");
  await officialMessage(ad, await actor(SEKDES), road.id, "Terima kasih Pak Budi. Perbaikan jalan ini kami ajukan dalam Musrenbang kampung tahun ini.");
  await settle();

  at(6 * DAY);
  const ditch = await aspiration(WARGA_SITI, {
    category: "Pertanian",
    text: "Saluran irigasi tersier di blok sawah Sidomulyo tersumbat lumpur sehingga air tidak sampai ke sawah bagian hilir menjelang musim tanam.",
    photo: "ditch",
  });
  at(5 * DAY);
  await act(SEKDES, road.id, "process", "Masuk usulan perbaikan jalan tahun ini; menunggu pencairan Dana Desa tahap II.");
  await act(KADUS, ditch.id, "process", "Dijadwalkan gotong royong bersama kelompok tani hari Sabtu.");

  at(4 * DAY + 2 * HOUR);
  const river = await aspiration(WARGA_JOKO, {
    category: "Lingkungan",
    text: "Sampah menumpuk di pinggir sungai dekat jembatan perbatasan, mohon disediakan tempat pembuangan sementara dan jadwal pengangkutan.",
  });
  at(4 * DAY);
  await announce(
    CAMAT,
    "Pelatihan pengelolaan BUMDes untuk pengurus BUMDes se-Kecamatan Bangunrejo diadakan di Aula Kantor Camat.\n\nSetiap kampung mengirim dua orang. Pendaftaran melalui sekretaris kampung paling lambat hari Jumat.",
    "all",
    true,
  );
  at(3 * DAY + 20 * HOUR);
  const kepalaBangunrejo = KEPALA_KAMPUNG.find((p) => p.kampung === "Bangunrejo")!;
  await act(kepalaBangunrejo, river.id, "forward", "Sungai ini batas dua kampung; mohon ditangani kecamatan bersama DLH.", null);

  at(3 * DAY);
  await aspiration(WARGA_DEWI, {
    category: "Kesehatan",
    text: "Posyandu di Dusun I belum punya timbangan bayi yang layak, kader masih meminjam dari kampung sebelah setiap bulan.",
    privacy: "anonim",
  });

  // ---- a running topic, relayed across the kampung groups
  at(2 * DAY);
  const topicTitle = "Rencana pasar kampung bersama (BUMDesma)";
  await openTopic(deps, groupRenderer(), await actor(CAMAT), {
    forumId: forum.id,
    title: topicTitle,
    description: "Kecamatan mengusulkan pasar mingguan bersama yang dikelola BUMDesma. Di mana lokasi yang paling mudah dijangkau, dan hasil apa yang bisa dijual dari kampung Bapak/Ibu? Silakan balas pesan ini.",
    villageIds: null,
    endsAt: null,
  });
  await settle();
  const cardIn = (k: Kampung) => lastWith(fake, groupIdOf(k), topicTitle);
  const reply = async (p: Person, to: StoredMessage | undefined, text: string, scene?: "road" | "hall") => {
    if (!to) throw new Error(`seed: nothing to reply to for ${p.firstName}`);
    const chat = { id: groupIdOf(p.kampung!), type: "supergroup" };
    const u = scene
      ? fake.updates.photo(tg(p), chat, { replyTo: to.message_id, caption: text, bytes: await picture(scene) })
      : fake.updates.text(tg(p), chat, text, { replyTo: to.message_id });
    await send(u);
    clock.offsetMs += 20 * 60_000;
    fake.advance(20 * 60_000);
  };
  const rahmat = personByName("Rahmat");
  await reply(rahmat, cardIn("Sidodadi"), "Usul di lapangan Kampung Bangunrejo, dekat jalan lintas. Mudah dijangkau dari semua kampung.");
  await reply(WARGA_BUDI, cardIn("Sukanegara"), "Warga Sukanegara siap menjual hasil kebun: kopi, lada dan pisang. Mohon ada los khusus hasil tani.");
  await reply(WARGA_SITI, cardIn("Sidomulyo"), "Kalau di Sidomulyo, ini kondisi jalan ke lapangan kami. Kalau hujan becek, perlu diperbaiki dulu.", "road");
  await reply(personByName("Nyoman"), cardIn("Sinar Seputih"), "Setuju. Kelompok tani Sinar Seputih bisa mengisi sayur mayur setiap Minggu.");
  // Joko answers Rahmat's relayed message in his own group: a thread across kampung.
  await reply(WARGA_JOKO, lastWith(fake, groupIdOf("Bangunrejo"), "lapangan Kampung Bangunrejo"), "Lapangan Bangunrejo bisa dipakai Minggu pagi, sudah kami tanyakan ke pengurus karang taruna.");
  at(2 * DAY - 3 * HOUR);
  await act(KADUS, ditch.id, "resolve", "Saluran sudah dibersihkan bersama kelompok tani pada gotong royong Sabtu lalu. Air sudah mengalir sampai hilir.");

  // ---- an open vote: cards in every kampung group, some ballots already cast
  at(1 * DAY);
  const { vote } = await createVote(
    deps,
    await actor(CAMAT),
    {
      forumId: forum.id,
      question: "Di mana lokasi pasar bersama BUMDesma sebaiknya dibangun?",
      options: ["Lapangan Kampung Bangunrejo", "Pasar lama Sukanegara", "Balai Kampung Sidomulyo"],
      multiple: false,
      ballot: "terbuka",
      counting: "per_orang",
      eligibility: "anggota_grup",
      villageIds: KAMPUNG.map(vid),
      closesAt: new Date(clock.now().getTime() + 4 * DAY),
      quorum: null,
      reminderMinutes: [],
    },
    votingRenderer(),
  );
  await settle();
  const ballots: Array<[Person, string]> = [
    [rahmat, "Lapangan"], [WARGA_BUDI, "Pasar lama"], [WARGA_JOKO, "Lapangan"], [WARGA_DEWI, "Balai"], [personByName("Agus"), "Lapangan"],
  ];
  for (const [p, label] of ballots) {
    await pressIn(fake, tg(p), groupIdOf(p.kampung!), (m) => (m.text ?? "").includes("lokasi pasar bersama"), label, send);
    clock.offsetMs += 30 * 60_000;
    fake.advance(30 * 60_000);
  }

  // ---- a quick native poll in five kampung groups
  at(6 * HOUR);
  await createQuickPoll(deps, await actor(CAMAT), {
    forumId: forum.id,
    question: "Kapan kerja bakti bersama antarkampung sebaiknya diadakan?",
    options: ["Sabtu pagi", "Minggu pagi", "Minggu sore"],
    multiple: false,
    villageIds: (["Sukanegara", "Sidomulyo", "Bangunrejo", "Tanjung Pandan", "Mekar Jaya"] as Kampung[]).map(vid),
    closesAt: new Date(clock.now().getTime() + 2 * DAY),
  });
  await settle();

  // ---- a fresh aspiration waiting in Sukanegara (the trainee's ticket)
  at(2 * HOUR);
  const fresh = await aspiration(personByName("Wati"), {
    category: "Infrastruktur",
    text: "Lampu penerangan jalan di pertigaan Dusun III mati sudah dua minggu. Malam hari gelap sekali dan rawan kecelakaan.",
  });

  // ---- next week's Musyawarah Antar Desa, invitations out, some answers in
  at(1 * HOUR);
  const startsAt = nextWeekTuesday9(clock.now());
  const meeting = await createMeeting(meetingDepsOf(deps), await actor(CAMAT), {
    forumId: forum.id,
    kind: "mad",
    title: "Pembentukan BUMDesma dan pasar bersama",
    agenda: ["Pembukaan oleh Camat", "Paparan rencana pasar bersama", "Pembentukan pengurus BUMDesma", "Penetapan hasil musyawarah"],
    startsAt,
    durationMinutes: 180,
    place: "Aula Kantor Camat Bangunrejo",
    audience: { ...emptyAudience(), officials: KAMPUNG.map(vid), kecamatan: true },
  });
  await settle();
  for (const k of ["Bangunrejo", "Sidodadi", "Sukawaringin", "Tanjung Jaya", "Cimarias"] as Kampung[]) {
    const kepala = KEPALA_KAMPUNG.find((p) => p.kampung === k)!;
    await pressIn(fake, tg(kepala), kepala.id, (m) => (m.text ?? "").includes("BUMDesma dan pasar bersama"), /^✅/, send);
  }

  clock.offsetMs = 0;
  fake.setNow(null);
  await settle();
  return { forumId: forum.id, newTicket: fresh.ticketNo, meetingId: meeting.id, voteId: vote.id };
}

function personByName(name: string): Person {
  const p = PEOPLE.find((x) => x.firstName === name);
  if (!p) throw new Error(`seed: no person ${name}`);
  return p;
}

/** The newest message (not deleted) in a chat whose text or caption contains `needle`. */
function lastWith(fake: FakeTelegram, chatId: number, needle: string): StoredMessage | undefined {
  return fake
    .messages(chatId)
    .filter((m) => !m.deleted && String(m.text ?? m.caption ?? "").includes(needle))
    .at(-1);
}

/** Presses, as `user`, the inline button labelled `label` on the newest bot message matching `which`. */
async function pressIn(
  fake: FakeTelegram,
  user: User,
  chatId: number,
  which: (m: Message) => boolean,
  label: string | RegExp,
  send: (u: Update) => Promise<void>,
) {
  const msgs = fake.sent(chatId).filter((m) => !m.deleted && which(m));
  for (let i = msgs.length - 1; i >= 0; i--) {
    const kb = (msgs[i]!.reply_markup as { inline_keyboard?: Array<Array<{ text: string; callback_data?: string }>> } | undefined)?.inline_keyboard ?? [];
    const b = kb.flat().find((x) => x.callback_data && (typeof label === "string" ? x.text.includes(label) : label.test(x.text)));
    if (b) return send(fake.updates.callback(user, chatId, msgs[i]!.message_id, b.callback_data!));
  }
  throw new Error(`seed: no button ${String(label)} in chat ${chatId}`);
}

/** Tuesday of next week, 09.00 WIB. */
function nextWeekTuesday9(now: Date): Date {
  return DateTime.fromJSDate(now).setZone("Asia/Jakarta").plus({ weeks: 1 }).set({ weekday: 2, hour: 9, minute: 0, second: 0, millisecond: 0 }).toJSDate();
}

