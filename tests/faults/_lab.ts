// The faults lab: two real bot processes (src/main.ts, webhook mode) behind a round-robin proxy on
// loopback, PostgreSQL behind a TCP proxy that can cut every connection, a Redis server of the lab's
// own, and the fake Bot API in this process. Used by tests/faults/*.test.ts (short durations) and
// by `npm run bench -- faults` (full durations). Nothing here imports vitest.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import type { User } from "grammy/types";
import { FakeTelegram } from "../../src/emulator/index.js";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/infra/logger.js";
import { openDatabase, type Database } from "../../src/infra/db.js";
import { buildApp, type App } from "../../src/app.js";
import { loadAccess } from "../../src/domain/forum/people.js";
import { createVote, JOB as VOTE_JOB } from "../../src/domain/voting/index.js";
import { createRenderer } from "../../src/bot/features/voting/render.js";
import { openTopic, OWNER as DISCUSSION } from "../../src/domain/discussion/index.js";
import { groupRenderer } from "../../src/bot/features/discussion/render.js";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Share of the full fault durations (20 s Redis, 30 s of 429…): 1 in the bench, less in npm test. */
export const SCALE = Math.min(1, Math.max(0.02, Number(process.env.FAULT_SCALE ?? 0.15)));
export const scaled = (ms: number) => Math.round(ms * SCALE);

export async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

export async function waitUntil(cond: () => boolean | Promise<boolean>, timeoutMs: number, what: string, every = 100): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await cond()) return;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(every);
  }
}

// ------------------------------------------------------------------------------------ Redis

/** A redis-server of the lab's own (the shared one is never stopped), killed and started at will. */
export class OwnRedis {
  private proc: ChildProcess | null = null;
  constructor(readonly port: number) {}
  get url() {
    return `redis://127.0.0.1:${this.port}`;
  }
  static async start(): Promise<OwnRedis> {
    const r = new OwnRedis(await freePort());
    await r.start();
    return r;
  }
  async start() {
    const proc = spawn("redis-server", ["--port", String(this.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"], { stdio: ["ignore", "pipe", "pipe"] });
    this.proc = proc;
    let out = "";
    proc.stdout!.on("data", (d) => (out += d));
    await waitUntil(() => /Ready to accept connections/.test(out) || proc.exitCode !== null, 10_000, "redis-server to start");
    if (proc.exitCode !== null) throw new Error(`redis-server exited: ${out}`);
  }
  async stop() {
    const p = this.proc;
    this.proc = null;
    if (!p || p.exitCode !== null) return;
    p.kill("SIGKILL");
    await new Promise((r) => p.once("exit", r));
  }
}

// ---------------------------------------------------------------------------- PostgreSQL proxy

/** TCP proxy in front of PostgreSQL: `cut()` drops every connection and refuses new ones, as a restart does. */
export class TcpProxy {
  private server!: net.Server;
  private sockets = new Set<net.Socket>();
  private down = false;
  port = 0;
  constructor(private readonly host: string, private readonly targetPort: number) {}
  static async start(host: string, port: number) {
    const p = new TcpProxy(host, port);
    p.server = net.createServer((client) => p.accept(client));
    await new Promise<void>((r) => p.server.listen(0, "127.0.0.1", r));
    p.port = (p.server.address() as net.AddressInfo).port;
    return p;
  }
  private accept(client: net.Socket) {
    if (this.down) {
      client.destroy(); // the bot sees its connection closed at once, as with a server that is starting
      return;
    }
    const upstream = net.connect(this.targetPort, this.host);
    this.sockets.add(client);
    this.sockets.add(upstream);
    const end = () => {
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    client.on("error", end).on("close", end);
    upstream.on("error", end).on("close", end);
    client.pipe(upstream);
    upstream.pipe(client);
  }
  cut() {
    this.down = true;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }
  restore() {
    this.down = false;
  }
  async close() {
    this.cut();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}

// ------------------------------------------------------------------------- round-robin proxy

/**
 * The webhook's load balancer: each request to the next instance in turn; an instance that refuses
 * the connection is skipped (nginx' proxy_next_upstream error). A request that an instance took and
 * then lost (killed mid-update) is answered 502, so Telegram delivers the update again.
 */
export class RoundRobin {
  private server!: http.Server;
  private next = 0;
  port = 0;
  readonly hits: number[];
  constructor(private readonly targets: number[]) {
    this.hits = targets.map(() => 0);
  }
  static async start(targets: number[]) {
    const rr = new RoundRobin(targets);
    rr.server = http.createServer((req, res) => void rr.forward(req, res));
    await new Promise<void>((r) => rr.server.listen(0, "127.0.0.1", r));
    rr.port = (rr.server.address() as net.AddressInfo).port;
    return rr;
  }
  private async forward(req: http.IncomingMessage, res: http.ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    for (let tried = 0; tried < this.targets.length; tried++) {
      const i = this.next++ % this.targets.length;
      const r = await new Promise<{ refused: boolean; status?: number; headers?: http.IncomingHttpHeaders; body?: Buffer }>((resolve) => {
        const up = http.request({ host: "127.0.0.1", port: this.targets[i], method: req.method, path: req.url, headers: req.headers, agent: false }, (ur) => {
          const b: Buffer[] = [];
          ur.on("data", (d) => b.push(d));
          ur.on("end", () => resolve({ refused: false, status: ur.statusCode, headers: ur.headers, body: Buffer.concat(b) }));
          ur.on("error", () => resolve({ refused: false, status: 502 }));
        });
        up.on("error", (e: NodeJS.ErrnoException) => resolve({ refused: e.code === "ECONNREFUSED", status: 502 }));
        up.end(body);
      });
      if (r.refused) continue;
      this.hits[i]!++;
      res.writeHead(r.status ?? 502, r.body ? { "content-type": String(r.headers?.["content-type"] ?? "text/plain") } : {});
      res.end(r.body ?? "");
      return;
    }
    res.writeHead(502).end();
  }
  async close() {
    this.server.closeAllConnections?.();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}

// ------------------------------------------------------------------------------- bot process

export class BotProcess {
  child!: ChildProcess;
  out = "";
  starts = 0;
  exits: Array<{ code: number | null; signal: string | null }> = [];
  constructor(readonly name: string, readonly port: number, private readonly env: Record<string, string>) {}
  async start(timeoutMs = 60_000, ready = /webhook mode/) {
    this.starts++;
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? os.tmpdir(), TMPDIR: os.tmpdir(), ...this.env, HTTP_PORT: String(this.port), INSTANCE_ID: this.name },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    child.stdout!.on("data", (d) => (this.out += d));
    child.stderr!.on("data", (d) => (this.out += d));
    child.on("exit", (code, signal) => this.exits.push({ code, signal }));
    const from = this.out.length;
    await waitUntil(() => ready.test(this.out.slice(from)) || child.exitCode !== null, timeoutMs, `${this.name} to start`);
    if (child.exitCode !== null) throw new Error(`${this.name} exited at start:\n${this.out.slice(-3000)}`);
  }
  get alive() {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }
  async kill(signal: NodeJS.Signals = "SIGKILL") {
    if (!this.alive) return;
    const c = this.child;
    c.kill(signal);
    await new Promise((r) => (c.exitCode !== null || c.signalCode !== null ? r(null) : c.once("exit", r)));
  }
  /** Exits that were not ours: a crash (or a crash loop). */
  crashes(): number {
    return this.exits.filter((e) => e.signal !== "SIGKILL" && e.signal !== "SIGTERM").length;
  }
}

// ------------------------------------------------------------------------------------- lab

export interface LabOptions {
  databaseUrl: string;
  /** A Redis server of the lab's own; else REDIS_URL as given (not stopped by the lab). */
  ownRedis: boolean;
  redisUrl?: string;
  log?: (line: string) => void;
}

export interface Outcome {
  fault: string;
  updates: number;
  lost: number;
  politeRetry: number;
  doubled: number;
  reminders: number;
  closings: number;
  broadcastMissing: number;
  /** Broadcast rows reported 'unknown' to the sender (started by a killed instance). */
  broadcastUnknown?: number;
  crashes: number;
  recoverySec: number;
  notes: string[];
}

const TOKEN = "123456:FAULTS-LAB-TOKEN";
const SECRET = "faults_lab_webhook_secret_2026";
const QUESTION = "Setujukah jadwal gotong royong antardesa";

/** Fresh people per round: one private command each, so each private chat expects one answer. */
export class Lab {
  fake!: FakeTelegram;
  redis: OwnRedis | null = null;
  pgProxy!: TcpProxy;
  rr!: RoundRobin;
  bots: BotProcess[] = [];
  app!: App;
  db!: Database;
  private admin!: pg.Client;
  private dbName = "";
  dbUrl = "";
  redisUrl = "";
  prefix = `faults:${randomBytes(3).toString("hex")}:`;
  forumId = 0;
  orgPersonId = 0;
  groups: number[] = [];
  residents: User[][] = [];
  villageIds: number[] = [];
  seededVoteId = 0;
  topicId = 0;
  private seq = 0;
  private log: (line: string) => void;

  constructor(private readonly o: LabOptions) {
    this.log = o.log ?? (() => {});
  }

  async start() {
    this.fake = await FakeTelegram.start({ token: TOKEN, webhookRetryMs: 500, webhookConnections: 8 });
    // The lab's database: created and migrated here, reached by the bots only through the proxy.
    this.admin = new pg.Client({ connectionString: this.o.databaseUrl });
    await this.admin.connect();
    this.dbName = `forumdesa_faults_${randomBytes(4).toString("hex")}`;
    await this.admin.query(`CREATE DATABASE ${this.dbName}`);
    const u = new URL(this.o.databaseUrl);
    u.pathname = `/${this.dbName}`;
    this.dbUrl = u.toString();
    this.db = await openDatabase({ databaseUrl: this.dbUrl, migrate: true, poolSize: 4 });
    this.pgProxy = await TcpProxy.start(u.hostname, Number(u.port || 5432));
    const viaProxy = new URL(this.dbUrl);
    viaProxy.hostname = "127.0.0.1";
    viaProxy.port = String(this.pgProxy.port);
    if (this.o.ownRedis) {
      this.redis = await OwnRedis.start();
      this.redisUrl = this.redis.url;
    } else this.redisUrl = this.o.redisUrl!;

    // The lab's own app only arranges the world (it runs no workers: the bot processes send).
    const config = loadConfig({ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: this.fake.apiRoot, DATABASE_URL: this.dbUrl, LOG_LEVEL: "error", INSTANCE_ID: "lab" });
    this.app = await buildApp(config, createLogger("error"), { db: this.db, redis: null, botInfo: this.fake.botInfo, instanceId: "lab" });
    await this.app.init();
    await this.seed();

    const ports = [await freePort(), await freePort()];
    this.rr = await RoundRobin.start(ports);
    const env = {
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: this.fake.apiRoot,
      DATABASE_URL: viaProxy.toString(),
      REDIS_URL: this.redisUrl,
      REDIS_PREFIX: this.prefix,
      BOT_MODE: "webhook",
      WEBHOOK_URL: `http://127.0.0.1:${this.rr.port}`,
      WEBHOOK_SECRET: SECRET,
      HTTP_HOST: "127.0.0.1",
      LOG_LEVEL: process.env.FAULT_LOG_LEVEL ?? "info", // "webhook mode" (info) says an instance is up
      LIMIT_GLOBAL_PER_SECOND: "25",
    };
    this.bots = ports.map((p, i) => new BotProcess(`bot-${i + 1}`, p, env));
    await Promise.all(this.bots.map((b) => b.start(180_000)));
    // The seeded vote's and topic's cards are sent by the bots' queues.
    await waitUntil(async () => (await this.cards("vote")).size === this.groups.length && (await this.cards("topic")).size === this.groups.length, 60_000, "vote and topic cards");
    this.voteCards = await this.cards("vote");
    this.topicCards = await this.cards("topic");
  }

  private voteCards = new Map<number, number>();
  private topicCards = new Map<number, number>();

  private async seed() {
    const prisma = this.app.deps.prisma;
    const forum = await prisma.forum.create({ data: { name: "Kerja Sama Antar Desa Kecamatan Sukamaju" } });
    this.forumId = forum.id;
    const camat = this.fake.addUser({ first_name: "Sri", username: "camat_sri" });
    this.fake.userStartedBot(camat.id);
    const org = await prisma.person.create({ data: { telegramUserId: BigInt(camat.id), firstName: camat.first_name, canMessage: true, privacyConsent: "given", privacyAnsweredAt: new Date() } });
    this.orgPersonId = org.id;
    await prisma.membership.create({ data: { personId: org.id, forumId: forum.id, role: "admin_forum" } });
    for (const [g, name] of ["Sukajaya", "Sidorejo", "Bangunrejo"].entries()) {
      const v = await prisma.village.create({ data: { forumId: forum.id, name, shortCode: `F${g}` } });
      const residents = Array.from({ length: 4 }, (_, k) => this.fake.addUser({ first_name: `Warga${name}${k}` }));
      const group = this.fake.addGroup({ title: `Warga ${name}`, type: "supergroup", admins: [], members: residents.map((r) => r.id) });
      await prisma.chatLink.create({ data: { forumId: forum.id, villageId: v.id, telegramChatId: BigInt(group.id), title: `Warga ${name}`, kind: "village_group" } });
      this.groups.push(group.id);
      this.residents.push(residents);
      this.villageIds.push(v.id);
    }
    const access = await loadAccess(prisma, org.id, false);
    const actor = { personId: org.id, access };
    const { vote: seeded } = await createVote(
      this.app.deps,
      actor,
      {
        forumId: forum.id,
        question: QUESTION,
        options: ["Setuju", "Tidak setuju"],
        multiple: false,
        ballot: "terbuka",
        counting: "per_orang",
        eligibility: "anggota_grup",
        villageIds: this.villageIds,
        closesAt: new Date(Date.now() + 24 * 3600_000),
        quorum: null,
        reminderMinutes: [],
      } as never,
      createRenderer(),
    );
    this.seededVoteId = seeded.id;
    const opened = await openTopic(this.app.deps, groupRenderer(), actor, { forumId: forum.id, title: "Perbaikan jalan penghubung", description: "Usulan warga tentang jalan penghubung.", villageIds: null, endsAt: null });
    this.topicId = opened.topic.id;
  }

  /** Group chat id → message id of the vote's (or topic's) card. */
  async cards(kind: "vote" | "topic"): Promise<Map<number, number>> {
    const [ownerKind, ownerId] = kind === "vote" ? ["vote", String(this.seededVoteId)] : [DISCUSSION.topic, String(this.topicId)];
    const rows = await this.app.deps.prisma.delivery.findMany({ where: { ownerKind, ownerId, state: "sent", chatId: { in: this.groups.map(BigInt) } }, select: { chatId: true, telegramMessageId: true } });
    return new Map(rows.filter((r) => r.telegramMessageId).map((r) => [Number(r.chatId), r.telegramMessageId!]));
  }

  /**
   * Arms what must happen exactly once during the fault: a meeting reminder and the vote's closing
   * due at `dueAt`, and a broadcast of `n` private messages put on the queue now.
   */
  async arm(round: number, dueAt: Date, n: number): Promise<Round> {
    const prisma = this.app.deps.prisma;
    const title = `Musdes bersama ronde ${round}`;
    const [m] = await prisma.$queryRawUnsafe<Array<{ id: number }>>(
      `INSERT INTO meetings (forum_id, organizer_id, kind, title, agenda, starts_at, ends_at, place, reminder_minutes, audience, updated_at)
       VALUES ($1, $2, 'musdes', $3, '["Pembukaan","Pembahasan"]', $4, $5, 'Balai Desa', '[120]', '{}', now()) RETURNING id`,
      this.forumId, this.orgPersonId, title, new Date(dueAt.getTime() + 120 * 60_000), new Date(dueAt.getTime() + 240 * 60_000),
    );
    for (const v of this.villageIds) await prisma.$executeRawUnsafe(`INSERT INTO meeting_villages (meeting_id, forum_id, village_id, via_group) VALUES ($1, $2, $3, true)`, m!.id, this.forumId, v);
    await prisma.$executeRawUnsafe(
      `INSERT INTO jobs (forum_id, kind, owner_id, due_at, payload) VALUES ($1, 'meeting.reminder', $2, $3, '{"minutesBefore":120,"sequence":0}')`,
      this.forumId, String(m!.id), dueAt,
    );
    // The vote of this round: a new one per round, closing at dueAt.
    const access = await loadAccess(prisma, this.orgPersonId, false);
    const question = `${QUESTION} ronde ${round}?`;
    const { vote } = await createVote(
      this.app.deps,
      { personId: this.orgPersonId, access },
      { forumId: this.forumId, question, options: ["Setuju", "Tidak setuju"], multiple: false, ballot: "terbuka", counting: "per_orang", eligibility: "anggota_grup", villageIds: this.villageIds, closesAt: new Date(Date.now() + 24 * 3600_000), quorum: null, reminderMinutes: [] } as never,
      createRenderer(),
    );
    await this.app.deps.jobs.cancel(VOTE_JOB.close, vote.id);
    await this.app.deps.jobs.schedule({ kind: VOTE_JOB.close, ownerId: vote.id, forumId: this.forumId, dueAt });
    const recipients = Array.from({ length: n }, (_, i) => {
      const u = this.fake.addUser({ first_name: `Penerima${round}x${i}` });
      this.fake.userStartedBot(u.id);
      return u.id;
    });
    const text = `Pengumuman ronde ${round}: kerja bakti Minggu pagi.`;
    await this.app.deps.delivery.enqueue({ ownerKind: "pengumuman", ownerId: 1000 + round, items: recipients.map((c) => ({ chatId: c, recipientKey: String(c), payload: { op: "send" as const, method: "sendMessage", params: { text } } })) as never });
    const lastIdBefore = new Map<number, number>();
    for (const g of this.groups) lastIdBefore.set(g, Math.max(0, ...this.fake.sent(g).map((m) => m.message_id)));
    return { lastIdBefore, round, meetingId: m!.id, meetingTitle: title, voteId: vote.id, question, recipients, broadcastText: text, dueAt, updates: [] };
  }

  /** One update of the stream: a private command of a new person, a group reply in the topic, or a ballot. */
  async pushUpdate(r: Round) {
    const k = this.seq++;
    const kind = k % 3;
    if (kind === 0) {
      const u = this.fake.addUser({ first_name: `Tamu${k}` });
      this.fake.userStartedBot(u.id);
      const upd = this.fake.updates.command(u, "private", k % 2 ? "start" : "bantuan");
      r.updates.push({ kind: "private", chatId: u.id, updateId: upd.update_id, at: Date.now() });
    } else if (kind === 1) {
      const g = Math.floor(k / 3) % this.groups.length;
      const card = this.topicCards.get(this.groups[g]!)!;
      const marker = `#m${k}#`;
      const from = this.residents[g]![k % 4]!;
      const upd = this.fake.updates.text(from, this.groups[g]!, `Usul perbaikan saluran ${marker}`, { replyTo: card });
      r.updates.push({ kind: "relay", chatId: this.groups[g]!, updateId: upd.update_id, at: Date.now(), marker, messageId: (upd as { message: { message_id: number } }).message.message_id });
    } else {
      const g = Math.floor(k / 3) % this.groups.length;
      const card = this.voteCards.get(this.groups[g]!)!;
      const from = this.residents[g]![k % 4]!;
      const upd = this.fake.updates.callback(from, this.groups[g]!, card, `vt:${this.seededVoteId}:${k % 2}`);
      r.updates.push({ kind: "ballot", chatId: this.groups[g]!, updateId: upd.update_id, at: Date.now(), callbackId: (upd as { callback_query: { id: string } }).callback_query.id });
    }
  }

  /** Pushes updates every `everyMs` until `stop()` is called; returns the stopper. */
  stream(r: Round, everyMs: number) {
    let on = true;
    const loop = (async () => {
      while (on) {
        await this.pushUpdate(r).catch((e) => this.log(`push failed: ${String(e)}`));
        await sleep(everyMs);
      }
    })();
    return async () => {
      on = false;
      await loop;
    };
  }

  private answered(u: StreamUpdate): { ok: boolean; polite: boolean; at?: number } {
    if (u.kind === "private") {
      const msgs = this.fake.sent(u.chatId);
      const polite = msgs.some((m) => /coba lagi/i.test(String(m.text ?? "")));
      return { ok: msgs.length > 0, polite, at: msgs[0] ? this.sentAt(u.chatId) : undefined };
    }
    if (u.kind === "ballot") {
      const a = this.fake.callbackAnswer(u.callbackId!);
      return { ok: !!a, polite: !!a && /coba lagi/i.test(String(a.text ?? "")) };
    }
    // A relay is answered when every other group has its copy, or its writer was told to try again.
    const others = this.groups.filter((g) => g !== u.chatId);
    const polite = this.politeReply(u.chatId, u.messageId!);
    return { ok: polite !== undefined || others.every((g) => this.fake.sent(g).some((m) => String(m.text ?? m.caption ?? "").includes(u.marker!))), polite: polite !== undefined };
  }

  /** When the bot answered a group message with "coba lagi" under it. */
  private politeReply(chatId: number, messageId: number): number | undefined {
    return this.fake.calls.find(
      (c) => c.ok && c.method === "sendMessage" && (c.params as any).chat_id === chatId && (c.params as any).reply_parameters?.message_id === messageId && /coba lagi/i.test(String((c.params as any).text)),
    )?.at;
  }

  private sentAt(chatId: number): number | undefined {
    const c = this.fake.calls.find((x) => x.ok && (x.params as { chat_id?: unknown }).chat_id === chatId);
    return c?.at;
  }

  /** Waits until everything of the round is settled (or `timeoutMs`), then counts. */
  async settle(r: Round, fault: string, timeoutMs: number, faultEndedAt: number, notes: string[] = []): Promise<Outcome> {
    const prisma = this.app.deps.prisma;
    const done = async () => {
      if (!r.updates.every((u) => this.answered(u).ok)) return false;
      const left = await prisma.delivery.count({ where: { state: { in: ["queued", "sending"] } } });
      const jobs = await prisma.job.count({ where: { doneAt: null, kind: { in: ["meeting.reminder", VOTE_JOB.close] }, dueAt: { lte: new Date() } } });
      return left === 0 && jobs === 0;
    };
    await waitUntil(done, timeoutMs, `round ${r.round} to settle`, 250).catch(async (e) => {
      notes.push(String((e as Error).message));
      const left = await prisma.$queryRawUnsafe<Array<Record<string, unknown>>>(
        `SELECT state, claimed_by, claimed_at IS NULL AS unstarted, owner_kind, count(*)::int AS n FROM deliveries WHERE state IN ('queued','sending') GROUP BY 1,2,3,4`,
      );
      notes.push(`left on the queue: ${JSON.stringify(left)}`);
    });

    let lost = 0;
    let polite = 0;
    for (const u of r.updates) {
      const a = this.answered(u);
      if (!a.ok) {
        lost++;
        notes.push(`lost ${u.kind} update ${u.updateId} in chat ${u.chatId}`);
      }
      if (a.polite) polite++;
    }
    // Doubled: a chat that got the same text twice from this round's work (messages the bot
    // created, as the fake stores them: an edited card is one message).
    let doubled = 0;
    const chats = new Set<number>([...r.updates.filter((u) => u.kind === "private").map((u) => u.chatId), ...this.groups, ...r.recipients]);
    for (const c of chats) {
      // The apology repeats word for word under different messages: it is keyed by what it answers.
      const texts = this.fake
        .sent(c)
        .filter((m) => m.message_id > (r.lastIdBefore.get(c) ?? 0))
        .map((m) => {
          const t = String(m.text ?? m.caption ?? "");
          const replyTo = (m as { reply_to_message?: { message_id?: number } }).reply_to_message?.message_id;
          return /coba lagi/i.test(t) && c < 0 ? `${t} @${replyTo ?? m.message_id}` : t;
        })
        .filter((t) => t);
      const d = texts.length - new Set(texts).size;
      if (d > 0) notes.push(`chat ${c} got a text twice`);
      doubled += d;
    }
    // A row a killed instance had started is reported 'unknown' to the sender, never sent twice
    // (it may have gone out): not missing, but counted apart.
    const unknownChats = new Set(
      (await prisma.delivery.findMany({ where: { ownerKind: "pengumuman", state: "unknown", chatId: { in: r.recipients.map(BigInt) } }, select: { chatId: true } })).map((d) => Number(d.chatId)),
    );
    let missing = 0;
    let unknown = 0;
    for (const c of r.recipients) {
      if (this.fake.sent(c).some((m) => m.text === r.broadcastText)) continue;
      if (unknownChats.has(c)) unknown++;
      else missing++;
    }
    if (unknown) notes.push(`broadcast: ${unknown} reported unknown to the sender (started by the killed instance, not sent)`);
    // Reminders and closings: one of each per group (a closing is the result's chart and text).
    let reminders = 0;
    let closings = 0;
    for (const g of this.groups) {
      const texts = this.fake.sent(g).map((m) => String(m.text ?? m.caption ?? ""));
      reminders += texts.filter((t) => t.includes(r.meetingTitle)).length;
      if (texts.some((t) => t.includes(r.question) && /Hasil/.test(t))) closings++;
    }
    const crashes = this.bots.reduce((s, b) => s + b.crashes(), 0);
    // Recovery: from the end of the fault to the answer of the last update sent during it.
    // Relayed copies are paced by the groups' send limits by design: answers that a person waits for count.
    const late = r.updates.filter((u) => u.at <= faultEndedAt && u.kind !== "relay").map((u) => this.answerTime(u)).filter((x): x is number => x !== undefined);
    const recoverySec = Math.max(0, ...late.map((t) => (t - faultEndedAt) / 1000));
    const slowest = r.updates.filter((u) => u.at <= faultEndedAt && u.kind !== "relay").sort((a, b) => (this.answerTime(b) ?? 0) - (this.answerTime(a) ?? 0))[0];
    if (slowest && recoverySec > 0) notes.push(`slowest: ${slowest.kind} sent ${((slowest.at - faultEndedAt) / 1000).toFixed(1)} s from the fault's end`);
    return { fault, updates: r.updates.length, lost, politeRetry: polite, doubled, reminders, closings, broadcastMissing: missing, broadcastUnknown: unknown, crashes, recoverySec, notes };
  }

  private answerTime(u: StreamUpdate): number | undefined {
    if (u.kind === "private") return this.sentAt(u.chatId);
    if (u.kind === "ballot") return this.fake.calls.find((c) => c.ok && c.method === "answerCallbackQuery" && (c.params as { callback_query_id?: string }).callback_query_id === u.callbackId)?.at;
    const polite = this.politeReply(u.chatId, u.messageId!);
    if (polite !== undefined) return polite;
    const ats = this.groups
      .filter((g) => g !== u.chatId)
      .map((g) => this.fake.calls.find((c) => c.ok && (c.params as { chat_id?: unknown }).chat_id === g && JSON.stringify(c.params).includes(u.marker!))?.at);
    return ats.some((a) => a === undefined) ? undefined : Math.max(...(ats as number[]));
  }

  async close() {
    for (const b of this.bots) await b.kill("SIGKILL").catch(() => {});
    await this.app?.close().catch(() => {});
    await this.db?.close().catch(() => {});
    await this.rr?.close().catch(() => {});
    await this.pgProxy?.close().catch(() => {});
    await this.redis?.stop().catch(() => {});
    await this.fake?.stop().catch(() => {});
    if (this.admin) {
      await this.admin.query(`DROP DATABASE IF EXISTS ${this.dbName} WITH (FORCE)`).catch(() => {});
      await this.admin.end().catch(() => {});
    }
  }
}

export interface StreamUpdate {
  kind: "private" | "relay" | "ballot";
  chatId: number;
  updateId: number;
  at: number;
  marker?: string;
  callbackId?: string;
  messageId?: number;
}

export interface Round {
  /** Per group: the last message id before the round (its messages are the ones after). */
  lastIdBefore: Map<number, number>;
  round: number;
  meetingId: number;
  meetingTitle: string;
  voteId: number;
  question: string;
  recipients: number[];
  broadcastText: string;
  dueAt: Date;
  updates: StreamUpdate[];
}

export function formatOutcome(o: Outcome): string {
  return `fault ${o.fault}: updates ${o.updates}, lost ${o.lost} (polite "coba lagi" ${o.politeRetry}), doubled ${o.doubled}, reminders ${o.reminders}/3, closings ${o.closings}/3, broadcast missing ${o.broadcastMissing}${o.broadcastUnknown ? ` (unknown ${o.broadcastUnknown})` : ""}, crashes ${o.crashes}, recovery ${o.recoverySec.toFixed(1)} s${o.notes.length ? ` [${o.notes.join("; ")}]` : ""}`;
}
