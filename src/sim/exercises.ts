// Latihan: guided exercises for training officials. Every step is ticked from what the bot did —
// the messages the emulator received from it, the rows it stored — never from clicks on the page,
// so a step is done only when the real bot did its part.
import type { Prisma } from "../infra/db.js";
import type { FakeTelegram, StoredMessage } from "../emulator/index.js";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { localesDir } from "../bot/i18n.js";
import { CAMAT, SEKDES, WARGA_BUDI, type Person } from "./world.js";

export interface CheckContext {
  fake: FakeTelegram;
  prisma: Prisma;
  /** When the exercise was started (bot time). */
  since: Date;
  /** Index of the first emulator call made after the start. */
  fromCall: number;
  params: Record<string, string | number>;
}

export interface Step {
  text: string;
  /** Who does this step (the page offers to switch persona). */
  persona: Person;
  done(c: CheckContext): Promise<boolean> | boolean;
}

export interface Exercise {
  id: string;
  title(params: Record<string, string | number>): string;
  summary: string;
  persona: Person;
  /** Values the steps need (e.g. the ticket), or why the exercise cannot start now. */
  prepare(c: { prisma: Prisma; fake: FakeTelegram }): Promise<{ params: Record<string, string | number> } | { unavailable: string }>;
  steps(params: Record<string, string | number>): Step[];
}

// ---------------------------------------------------------------------------------- helpers

function plain(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

let ftl: Map<string, string> | null = null;

/** The Indonesian locale texts, raw (placeables unresolved), read once from locales/id. */
function localeTexts(): Map<string, string> {
  if (ftl) return ftl;
  ftl = new Map();
  for (const f of readdirSync(path.join(localesDir, "id")).filter((x) => x.endsWith(".ftl"))) {
    let key: string | null = null;
    for (const line of readFileSync(path.join(localesDir, "id", f), "utf8").split("\n")) {
      const m = /^([a-z0-9-]+)\s*=\s?(.*)$/.exec(line);
      if (m) {
        key = m[1]!;
        ftl.set(key, m[2]!);
      } else if (key && /^\s+\S/.test(line)) ftl.set(key, `${ftl.get(key)}\n${line.trim()}`.replace(/^\n/, ""));
      else key = null;
    }
  }
  return ftl;
}

/** The start of a locale text up to its first placeable: what every message made from it begins with. */
export function promptStart(key: string): string {
  const raw = localeTexts().get(key);
  if (raw === undefined) throw new Error(`no locale text ${key}`);
  const text = plain(raw).trim();
  const cut = text.indexOf("{");
  return (cut >= 0 ? text.slice(0, cut) : text).split("\n")[0]!.trim();
}

/** Messages the bot sent to `chatId` since the exercise started. */
function botSentSince(c: CheckContext, chatId: number): StoredMessage[] {
  const ids = new Set<number>();
  for (let i = c.fromCall; i < c.fake.calls.length; i++) {
    const call = c.fake.calls[i]!;
    if (!call.ok || Number(call.params?.chat_id) !== chatId) continue;
    const r = call.result;
    if (Array.isArray(r)) for (const m of r) ids.add(m.message_id);
    else if (r && typeof r === "object" && typeof r.message_id === "number") ids.add(r.message_id);
  }
  return c.fake.sent(chatId).filter((m) => ids.has(m.message_id));
}

const textOf = (m: StoredMessage) => String(m.text ?? m.caption ?? "");

function botSaid(c: CheckContext, chatId: number, key: string): boolean {
  const start = promptStart(key);
  return botSentSince(c, chatId).some((m) => textOf(m).trim().startsWith(start));
}

async function personIdOf(prisma: Prisma, p: Person) {
  return (await prisma.person.findUnique({ where: { telegramUserId: BigInt(p.id) }, select: { id: true } }))?.id ?? null;
}

// -------------------------------------------------------------------------------- exercises

const announce: Exercise = {
  id: "pengumuman",
  title: () => "Kirim pengumuman ke semua kampung",
  summary: "Pak Camat mengirim satu pengumuman yang sampai ke grup ke-17 kampung, lalu membaca laporan pengirimannya.",
  persona: CAMAT,
  async prepare({ prisma }) {
    const me = await personIdOf(prisma, CAMAT);
    const admin = me ? await prisma.membership.findFirst({ where: { personId: me, role: "admin_forum" } }) : null;
    if (!admin) return { unavailable: "Forum belum dibuat. Pak Camat perlu membuat forum dulu dengan /forumbaru." };
    const groups = await prisma.chatLink.count({ where: { forumId: admin.forumId, active: true, kind: "village_group" } });
    if (!groups) return { unavailable: "Belum ada grup kampung yang terhubung dengan forum." };
    return { params: { groups } };
  },
  steps: (p) => [
    {
      text: "Buka chat pribadi dengan Forum Desa, lalu ketik /pengumuman (atau tekan 📢 Pengumuman di menu).",
      persona: CAMAT,
      done: (c) => botSaid(c, CAMAT.id, "pengumuman-ask-content"),
    },
    {
      text: "Tulis isi pengumuman dan kirim.",
      persona: CAMAT,
      done: (c) => botSaid(c, CAMAT.id, "pengumuman-ask-audience"),
    },
    {
      text: "Tekan 🏘️ Semua grup kampung, lalu periksa pratinjaunya.",
      persona: CAMAT,
      done: (c) => botSaid(c, CAMAT.id, "pengumuman-preview-intro"),
    },
    {
      text: "Tekan ✅ Kirim.",
      persona: CAMAT,
      done: async (c) => !!(await sentBroadcast(c)),
    },
    {
      text: `Pengumuman sampai di grup ke-${p.groups} kampung.`,
      persona: CAMAT,
      done: async (c) => {
        const b = await sentBroadcast(c);
        if (!b) return false;
        const sent = await c.prisma.delivery.count({ where: { ownerKind: "pengumuman", ownerId: String(b.id), state: "sent" } });
        return sent >= Number(c.params.groups);
      },
    },
    {
      text: "Baca laporan pengiriman di chat pribadi.",
      persona: CAMAT,
      done: (c) => botSaid(c, CAMAT.id, "pengumuman-report-header"),
    },
  ],
};

async function sentBroadcast(c: CheckContext) {
  const me = await personIdOf(c.prisma, CAMAT);
  if (!me) return null;
  return c.prisma.broadcast.findFirst({ where: { authorId: me, allVillages: true, createdAt: { gte: c.since } }, orderBy: { id: "desc" } });
}

const followUp: Exercise = {
  id: "aspirasi",
  title: (p) => `Tindak lanjuti aspirasi ${p.ticket ?? "ASP-…"}`,
  summary: "Bu Sekdes memverifikasi aspirasi baru dari warga Sukanegara, membalas pelapor, dan menandainya sedang diproses.",
  persona: SEKDES,
  async prepare({ prisma }) {
    const me = await personIdOf(prisma, SEKDES);
    const villages = me
      ? (await prisma.membership.findMany({ where: { personId: me, role: "perangkat_desa", villageId: { not: null } }, select: { villageId: true } })).map((m) => m.villageId!)
      : [];
    if (!villages.length) return { unavailable: "Bu Sekdes belum menjadi perangkat kampung di forum ini." };
    const row = await prisma.aspiration.findFirst({ where: { villageId: { in: villages }, status: "baru" }, orderBy: { id: "desc" } });
    if (!row) return { unavailable: "Belum ada aspirasi baru untuk kampung Bu Sekdes. Ganti persona ke warga Sukanegara (Budi) dan kirim /aspirasi dulu." };
    return { params: { ticket: row.ticketNo, aspirationId: row.id, reporterChat: await reporterChat(prisma, row.reporterId) } };
  },
  steps: (p) => [
    {
      text: `Buka /aspirasi_masuk, lalu lihat ${p.ticket}.`,
      persona: SEKDES,
      done: (c) => botSentSince(c, SEKDES.id).some((m) => textOf(m).includes(String(c.params.ticket))),
    },
    { text: "Tekan ✅ Verifikasi.", persona: SEKDES, done: (c) => eventSince(c, ["verified", "processing", "resolved"]) },
    { text: "Tekan 💬 Balas dan tulis pesan untuk pelapor.", persona: SEKDES, done: (c) => eventSince(c, ["message"], "official") },
    { text: "Tekan 🔧 Proses dan tulis catatan untuk pelapor.", persona: SEKDES, done: (c) => eventSince(c, ["processing", "resolved"]) },
    {
      text: "Pelapor menerima kabar di chat pribadinya.",
      persona: SEKDES,
      done: (c) => {
        const chat = Number(c.params.reporterChat);
        return !!chat && botSentSince(c, chat).filter((m) => textOf(m).includes(String(c.params.ticket))).length >= 3;
      },
    },
  ],
};

async function reporterChat(prisma: Prisma, reporterId: number | null): Promise<number> {
  if (!reporterId) return 0;
  const p = await prisma.person.findUnique({ where: { id: reporterId }, select: { telegramUserId: true } });
  return p ? Number(p.telegramUserId) : 0;
}

async function eventSince(c: CheckContext, kinds: string[], actorRole?: string) {
  const n = await c.prisma.aspirationEvent.count({
    where: { aspirationId: Number(c.params.aspirationId), kind: { in: kinds }, createdAt: { gte: c.since }, ...(actorRole ? { actorRole } : {}) },
  });
  return n > 0;
}

const meeting: Exercise = {
  id: "musyawarah",
  title: () => "Buat musyawarah dan kirim undangan",
  summary: "Bu Sekdes mengundang warga Sukanegara ke Musyawarah Kampung lewat grup, dan seorang warga menjawab hadir.",
  persona: SEKDES,
  async prepare({ prisma }) {
    const me = await personIdOf(prisma, SEKDES);
    const official = me ? await prisma.membership.findFirst({ where: { personId: me, role: "perangkat_desa" } }) : null;
    if (!official) return { unavailable: "Bu Sekdes belum menjadi perangkat kampung di forum ini." };
    const link = await prisma.chatLink.findFirst({ where: { villageId: official.villageId, active: true, kind: "village_group" } });
    if (!link) return { unavailable: "Grup Kampung Sukanegara belum terhubung dengan forum." };
    return { params: { group: Number(link.telegramChatId) } };
  },
  steps: () => [
    { text: "Ketik /musyawarah, lalu tekan ➕ Buat undangan baru.", persona: SEKDES, done: (c) => botSaid(c, SEKDES.id, "musyawarah-ask-kind") },
    { text: "Pilih jenisnya, tulis judul dan acaranya.", persona: SEKDES, done: (c) => botSaid(c, SEKDES.id, "musyawarah-ask-when") },
    { text: "Tulis waktunya (misalnya: Senin depan 09.00) dan tempatnya.", persona: SEKDES, done: (c) => botSaid(c, SEKDES.id, "musyawarah-ask-audience") },
    { text: "Tekan 👥 Grup warga kampung, lalu tekan Kirim undangan.", persona: SEKDES, done: async (c) => !!(await newMeeting(c)) },
    {
      text: "Undangan muncul di grup Warga Kampung Sukanegara.",
      persona: SEKDES,
      done: async (c) => {
        const m = await newMeeting(c);
        return !!m && botSentSince(c, Number(c.params.group)).some((x) => textOf(x).includes(m.title));
      },
    },
    {
      text: "Ganti persona ke Budi (warga Sukanegara) dan tekan ✅ Hadir pada undangan di grup.",
      persona: WARGA_BUDI,
      done: async (c) => {
        const m = await newMeeting(c);
        if (!m) return false;
        return (await c.prisma.meetingInvitee.count({ where: { meetingId: m.id, rsvp: "yes", rsvpAt: { gte: c.since } } })) > 0;
      },
    },
  ],
};

async function newMeeting(c: CheckContext) {
  const me = await personIdOf(c.prisma, SEKDES);
  if (!me) return null;
  return c.prisma.meeting.findFirst({ where: { organizerId: me, createdAt: { gte: c.since } }, orderBy: { id: "desc" }, select: { id: true, title: true } });
}

export const EXERCISES: Exercise[] = [announce, followUp, meeting];

// ------------------------------------------------------------------------------------ runner

export interface ExerciseState {
  id: string;
  title: string;
  summary: string;
  persona: number;
  startedAt: string;
  steps: Array<{ text: string; persona: number; done: boolean }>;
  finished: boolean;
}

/** One exercise at a time, re-checked whenever the bot makes a call (and every few seconds). */
export class ExerciseRunner {
  private current: { ex: Exercise; steps: Step[]; ctx: CheckContext; done: boolean[]; startedAt: Date } | null = null;
  private checking: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly o: { fake: FakeTelegram; prisma: Prisma; now: () => Date; onChange: (s: ExerciseState | null) => void },
  ) {}

  async list() {
    const out = [];
    for (const ex of EXERCISES) {
      const prep = await ex.prepare(this.o);
      out.push({
        id: ex.id,
        title: ex.title("params" in prep ? prep.params : {}),
        summary: ex.summary,
        persona: ex.persona.id,
        unavailable: "unavailable" in prep ? prep.unavailable : null,
      });
    }
    return out;
  }

  async start(id: string): Promise<ExerciseState | { unavailable: string }> {
    const ex = EXERCISES.find((e) => e.id === id);
    if (!ex) return { unavailable: "Latihan tidak dikenal." };
    const prep = await ex.prepare(this.o);
    if ("unavailable" in prep) return prep;
    const startedAt = this.o.now();
    const steps = ex.steps(prep.params);
    this.current = {
      ex,
      steps,
      startedAt,
      done: steps.map(() => false),
      ctx: { fake: this.o.fake, prisma: this.o.prisma, since: startedAt, fromCall: this.o.fake.calls.length, params: prep.params },
    };
    const s = this.state()!;
    this.o.onChange(s);
    return s;
  }

  stop() {
    this.current = null;
    this.o.onChange(null);
  }

  state(): ExerciseState | null {
    const c = this.current;
    if (!c) return null;
    return {
      id: c.ex.id,
      title: c.ex.title(c.ctx.params),
      summary: c.ex.summary,
      persona: c.ex.persona.id,
      startedAt: c.startedAt.toISOString(),
      steps: c.steps.map((s, i) => ({ text: s.text, persona: s.persona.id, done: c.done[i]! })),
      finished: c.done.every(Boolean),
    };
  }

  /** Re-checks the open steps; runs one check at a time and once more if asked meanwhile. */
  check(): Promise<void> {
    if (this.checking) {
      this.again = true;
      return this.checking;
    }
    this.checking = (async () => {
      do {
        this.again = false;
        const c = this.current;
        if (!c) break;
        let changed = false;
        for (let i = 0; i < c.steps.length; i++) {
          if (c.done[i]) continue;
          let ok = false;
          try {
            ok = await c.steps[i]!.done(c.ctx);
          } catch {
            ok = false;
          }
          // A step once done stays done (the trainee may go on in another order).
          if (ok && this.current === c) {
            c.done[i] = true;
            changed = true;
          }
        }
        if (changed && this.current === c) this.o.onChange(this.state());
      } while (this.again);
    })().finally(() => (this.checking = null));
    return this.checking;
  }
}

