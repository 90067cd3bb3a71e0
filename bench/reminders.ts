// `npm run bench -- reminders`: 10,000 meeting reminders falling due within one minute, fired by
// two scheduler processes against PostgreSQL. Lateness is measured from each reminder's due time
// to the commit of the transaction that queued its messages (the hand-off to the delivery queue).
// Last line: `reminders: <n> due, queued <n>, duplicates <n>, p50 <ms> ms, p99 <ms> ms late`.
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { applyMigrations } from "../src/infra/migrate.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const N = Number(process.env.BENCH_REMINDERS ?? 10_000);
const WINDOW_MS = 60_000;
const WORKERS = 2;
const VILLAGES = 17;

function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function createDatabase() {
  const base = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const name = `forumdesa_bench_reminders_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(base);
  u.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: u.toString() });
  await client.connect();
  await applyMigrations({
    exec: async (s) => void (await client.query(s)),
    query: async (s, p) => (await client.query(s, p as unknown[])).rows,
    transaction: async (fn) => {
      await client.query("BEGIN");
      try {
        await fn({ exec: async (s) => void (await client.query(s)), query: async (s, p) => (await client.query(s, p as unknown[])).rows, transaction: () => Promise.reject(new Error("nested")) });
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK");
        throw e;
      }
    },
  });
  return {
    url: u.toString(),
    client,
    async drop() {
      await client.end().catch(() => {});
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
      await admin.end();
    },
  };
}

/** A forum of 17 villages, each with a linked group and one perangkat desa who can be messaged. */
async function seedNetwork(c: pg.Client) {
  const forum = (await c.query(`INSERT INTO forums (name) VALUES ('Bench Kecamatan') RETURNING id`)).rows[0].id as number;
  const admin = (await c.query(`INSERT INTO persons (telegram_user_id, first_name, can_message, updated_at) VALUES (900000, 'Camat', true, now()) RETURNING id`)).rows[0].id as number;
  await c.query(`INSERT INTO memberships (person_id, forum_id, role) VALUES ($1, $2, 'admin_forum')`, [admin, forum]);
  await c.query(
    `INSERT INTO villages (forum_id, name, short_code) SELECT $1, 'Desa ' || g, 'D' || g FROM generate_series(1, ${VILLAGES}) g`,
    [forum],
  );
  await c.query(
    `INSERT INTO chat_links (forum_id, village_id, telegram_chat_id, title, kind, updated_at)
     SELECT forum_id, id, -1000000000 - id, 'Warga ' || name, 'village_group', now() FROM villages WHERE forum_id = $1`,
    [forum],
  );
  await c.query(
    `INSERT INTO persons (telegram_user_id, first_name, can_message, updated_at)
     SELECT 500000 + id, 'Kades ' || id, true, now() FROM villages WHERE forum_id = $1`,
    [forum],
  );
  await c.query(
    `INSERT INTO memberships (person_id, forum_id, village_id, role)
     SELECT p.id, v.forum_id, v.id, 'perangkat_desa' FROM villages v JOIN persons p ON p.telegram_user_id = 500000 + v.id WHERE v.forum_id = $1`,
    [forum],
  );
  return { forum, admin };
}

/**
 * N meetings, each inviting one village's group and its perangkat desa, with one reminder
 * 2 hours before; the reminders fall due evenly over one minute from `from`.
 */
async function seedReminders(c: pg.Client, forum: number, admin: number, from: number) {
  const step = WINDOW_MS / N;
  await c.query("BEGIN");
  await c.query(
    `INSERT INTO meetings (forum_id, organizer_id, kind, title, agenda, starts_at, ends_at, place, reminder_minutes, audience, updated_at)
     SELECT $1, $2, 'musdes', 'Musdes ' || g, '["Pembukaan","Pembahasan","Penetapan"]',
            to_timestamp(($3::float8 + g * $4::float8 + 7200000) / 1000.0), to_timestamp(($3::float8 + g * $4::float8 + 14400000) / 1000.0),
            'Balai Desa', '[120]', '{}', now()
     FROM generate_series(0, $5::int - 1) g`,
    [forum, admin, from, step, N],
  );
  await c.query(
    `INSERT INTO meeting_villages (meeting_id, forum_id, village_id, via_group)
     SELECT m.id, m.forum_id, v.id, true FROM meetings m
     JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM villages WHERE forum_id = $1) v ON v.k = m.id % ${VILLAGES}
     WHERE m.forum_id = $1`,
    [forum],
  );
  await c.query(
    `INSERT INTO meeting_invitees (meeting_id, forum_id, person_id, village_id, source)
     SELECT mv.meeting_id, mv.forum_id, mb.person_id, mv.village_id, 'official'
     FROM meeting_villages mv JOIN memberships mb ON mb.village_id = mv.village_id AND mb.role = 'perangkat_desa'
     WHERE mv.forum_id = $1`,
    [forum],
  );
  await c.query(
    `INSERT INTO jobs (forum_id, kind, owner_id, due_at, payload)
     SELECT forum_id, 'meeting.reminder', id::text, starts_at - interval '120 minutes', '{"minutesBefore":120,"sequence":0}'
     FROM meetings WHERE forum_id = $1`,
    [forum],
  );
  await c.query("COMMIT");
}

interface WorkerResult {
  instanceId: string;
  committed: Array<[string, number]>;
  cpuMs: number;
}

function startWorker(url: string, i: number): Promise<{ child: ChildProcess; result: Promise<WorkerResult> }> {
  const child = fork(path.join(here, "_reminders-worker.ts"), [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, BENCH_DATABASE_URL: url, BENCH_INSTANCE: `scheduler-${i + 1}` },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  let resolveResult!: (r: WorkerResult) => void;
  const result = new Promise<WorkerResult>((r) => (resolveResult = r));
  return new Promise((resolve, reject) => {
    child.on("message", (m: WorkerResult & { type: string }) => {
      if (m.type === "ready") resolve({ child, result });
      if (m.type === "result") resolveResult(m);
    });
    child.on("exit", (code) => code !== 0 && reject(new Error(`worker ${i + 1} exited with ${code}`)));
  });
}

export async function run() {
  const db = await createDatabase();
  const workers: ChildProcess[] = [];
  try {
    const { forum, admin } = await seedNetwork(db.client);
    const started = await Promise.all(Array.from({ length: WORKERS }, (_, i) => startWorker(db.url, i)));
    workers.push(...started.map((s) => s.child));

    const t0 = Date.now();
    const from = t0 + 5_000;
    await seedReminders(db.client, forum, admin, from);
    console.log(`seeded ${N} meetings and reminders in ${Date.now() - t0} ms; due from +${from - t0} ms over ${WINDOW_MS / 1000} s`);
    for (const w of workers) w.send({ type: "start" });

    const deadline = from + WINDOW_MS + 120_000;
    for (;;) {
      const left = Number((await db.client.query(`SELECT count(*) FROM jobs WHERE kind = 'meeting.reminder' AND done_at IS NULL`)).rows[0].count);
      if (left === 0 || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    for (const w of workers) w.send({ type: "stop" });
    const results = await Promise.all(started.map((s) => s.result));

    const due = new Map<string, number>(
      (await db.client.query(`SELECT id::text AS id, extract(epoch from due_at) * 1000 AS due FROM jobs WHERE kind = 'meeting.reminder'`)).rows.map((r) => [r.id, Number(r.due)]),
    );
    const late: number[] = [];
    const seen = new Map<string, number>();
    for (const r of results) {
      for (const [jobId, at] of r.committed) {
        seen.set(jobId, (seen.get(jobId) ?? 0) + 1);
        late.push(at - due.get(jobId)!);
      }
      console.log(`${r.instanceId}: ${r.committed.length} reminders queued, ${r.cpuMs} ms CPU (${(r.cpuMs / Math.max(1, r.committed.length)).toFixed(1)} ms per reminder)`);
    }
    late.sort((a, b) => a - b);
    const rows = (
      await db.client.query(
        `SELECT count(*) AS n, count(DISTINCT (owner_id, chat_id)) AS uniq, count(DISTINCT owner_id) AS meetings FROM deliveries WHERE owner_kind = 'meeting.reminder'`,
      )
    ).rows[0];
    const logDupes = Number((await db.client.query(`SELECT count(*) - count(DISTINCT meeting_id) AS d FROM meeting_reminders`)).rows[0].d);
    const duplicates = Number(rows.n) - Number(rows.uniq) + [...seen.values()].reduce((s, n) => s + n - 1, 0) + logDupes;
    const queued = Number(rows.meetings);
    console.log(`delivery rows: ${rows.n} (group + perangkat desa per reminder), max late ${late.at(-1)} ms, mean ${Math.round(late.reduce((s, x) => s + x, 0) / late.length)} ms`);
    console.log(`reminders: ${due.size} due, queued ${queued}, duplicates ${duplicates}, p50 ${Math.round(percentile(late, 50))} ms, p99 ${Math.round(percentile(late, 99))} ms late`);
  } finally {
    for (const w of workers) if (w.exitCode === null) w.kill();
    await db.drop();
  }
}
