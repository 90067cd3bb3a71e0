// `npm run bench -- laporan`: /laporan for a forum of 17 villages with a year of generated activity
// (relayed messages, votes, meetings, aspirations, announcement copies, bursa). Each run is timed
// from handing the bot the /laporan update to the last file (the .xlsx) accepted by the fake Bot
// API: the handler awaits every reply, so that is when handleUpdate returns.
// PostgreSQL when DATABASE_URL is set (a database of its own, dropped after), else PGlite.
// Last line: `laporan: 17 villages, 12 months, p50 X ms, p99 Y ms`.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { FakeTelegram } from "../src/emulator/index.js";
import { loadConfig } from "../src/config.js";
import { createLogger } from "../src/infra/logger.js";
import { FixedClock } from "../src/infra/clock.js";
import { openDatabase, type Database } from "../src/infra/db.js";
import { buildApp } from "../src/app.js";
import { versionString } from "../src/domain/privasi/consent.js";

const VILLAGES = 17;
const MONTHS = 12;
const RUNS = Number(process.env.BENCH_LAPORAN_RUNS ?? 12);
const NOW = new Date("2026-12-02T02:00:00Z"); // Rabu, 2 Desember 2026 09.00 WIB: reports November
const YEAR_AGO = new Date("2025-11-01T00:00:00+07:00");

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function openBenchDatabase(): Promise<{ db: Database; drop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) {
    const name = `forumdesa_bench_laporan_${process.pid}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    const u = new URL(process.env.DATABASE_URL);
    u.pathname = `/${name}`;
    const db = await openDatabase({ databaseUrl: u.toString(), poolSize: 8 });
    return {
      db,
      async drop() {
        await db.close();
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
        await admin.end();
      },
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "forumdesa-bench-laporan-"));
  const db = await openDatabase({ dataDir: dir });
  return {
    db,
    async drop() {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A year of activity, written with set-based SQL (the bench measures reading it, not writing). */
async function seed(db: Database, adminTg: number) {
  const q = (s: string, p: unknown[] = []) => db.sql.query<Record<string, unknown>>(s, p);
  const forum = (await q(`INSERT INTO forums (name) VALUES ('Forum Kecamatan Bench') RETURNING id`))[0]!.id as number;
  const consent = versionString([{ id: forum, version: 1 }]);
  const admin = (
    await q(
      `INSERT INTO persons (telegram_user_id, first_name, can_message, privacy_consent, privacy_version, privacy_answered_at, updated_at)
       VALUES ($1, 'Camat', true, 'given', $2, now(), now()) RETURNING id`,
      [adminTg, consent],
    )
  )[0]!.id as number;
  await q(`INSERT INTO memberships (person_id, forum_id, role, source) VALUES ($1, $2, 'admin_forum', 'founder')`, [admin, forum]);
  await q(`INSERT INTO villages (forum_id, name, short_code) SELECT $1, 'Desa ' || g, 'D' || g FROM generate_series(1, ${VILLAGES}) g`, [forum]);
  const from = YEAR_AGO.toISOString();
  const days = Math.round((NOW.getTime() - YEAR_AGO.getTime()) / 86_400_000);
  // 40 residents per village.
  await q(
    `INSERT INTO persons (telegram_user_id, first_name, updated_at) SELECT 7000000 + v.id * 100 + g, 'Warga', now() FROM villages v, generate_series(1, 40) g WHERE v.forum_id = $1`,
    [forum],
  );
  await q(
    `INSERT INTO memberships (person_id, forum_id, village_id, role, source)
     SELECT p.id, v.forum_id, v.id, 'warga', 'group' FROM villages v JOIN persons p ON p.telegram_user_id BETWEEN 7000000 + v.id * 100 + 1 AND 7000000 + v.id * 100 + 40 WHERE v.forum_id = $1`,
    [forum],
  );
  // Topics, one a fortnight; 60 relayed messages a village a month.
  await q(
    `INSERT INTO topics (forum_id, title, description, created_by_id, created_at) SELECT $1, 'Topik ' || g, 'x', $2, $3::timestamptz + g * interval '14 days' FROM generate_series(0, 26) g`,
    [forum, admin, from],
  );
  await q(
    `INSERT INTO relay_messages (forum_id, topic_id, author_id, author_name, village_id, source_chat_id, source_message_id, kind, text, created_at)
     SELECT $1, t.id, m.person_id, 'Warga', m.village_id, -100 - m.village_id, row_number() OVER (), 'text', 'pesan',
            $2::timestamptz + (random() * ${days}) * interval '1 day'
     FROM memberships m, generate_series(1, ${MONTHS * 60 / 40 + 1}) g, LATERAL (SELECT id FROM topics WHERE forum_id = $1 ORDER BY random() LIMIT 1) t
     WHERE m.forum_id = $1 AND m.role = 'warga'`,
    [forum, from],
  );
  // Two formal votes a month across every village, half the residents voting; one of them rahasia.
  await q(
    `INSERT INTO votes (forum_id, created_by_id, question, options, ballot, state, closed_at, reminder_minutes, created_at)
     SELECT $1, $2, 'Usulan ' || g, ARRAY['Setuju','Tidak'], CASE WHEN g % 2 = 0 THEN 'rahasia'::"VoteBallot" ELSE 'terbuka'::"VoteBallot" END, 'closed',
            $3::timestamptz + g * interval '15 days', '{}', $3::timestamptz + g * interval '15 days' - interval '3 days'
     FROM generate_series(0, ${MONTHS * 2 - 1}) g`,
    [forum, admin, from],
  );
  await q(`INSERT INTO vote_villages (vote_id, forum_id, village_id, member_count) SELECT v.id, v.forum_id, vi.id, 45 FROM votes v, villages vi WHERE v.forum_id = $1 AND vi.forum_id = $1`, [forum]);
  await q(
    `INSERT INTO vote_participations (vote_id, forum_id, person_id, village_id, choices, voted_at)
     SELECT v.id, v.forum_id, m.person_id, m.village_id,
            CASE WHEN v.ballot = 'terbuka' THEN ARRAY[(m.person_id % 2)] ELSE '{}'::int[] END,
            CASE WHEN v.ballot = 'terbuka' THEN v.closed_at - interval '1 day' END
     FROM votes v JOIN memberships m ON m.forum_id = v.forum_id AND m.role = 'warga' AND (m.person_id + v.id) % 2 = 0 WHERE v.forum_id = $1`,
    [forum],
  );
  // Two meetings a month, each with three villages and their residents invited.
  await q(
    `INSERT INTO meetings (forum_id, organizer_id, kind, title, starts_at, ends_at, quorum_reached_at, updated_at)
     SELECT $1, $2, 'rakor', 'Rakor ' || g, $3::timestamptz + g * interval '15 days', $3::timestamptz + g * interval '15 days' + interval '2 hours',
            CASE WHEN g % 3 <> 0 THEN $3::timestamptz + g * interval '15 days' + interval '30 minutes' END, now()
     FROM generate_series(0, ${MONTHS * 2 - 1}) g`,
    [forum, admin, from],
  );
  await q(
    `INSERT INTO meeting_villages (meeting_id, forum_id, village_id) SELECT m.id, m.forum_id, v.id FROM meetings m, villages v WHERE m.forum_id = $1 AND v.forum_id = $1 AND (v.id + m.id) % 6 < 3`,
    [forum],
  );
  await q(
    `INSERT INTO meeting_invitees (meeting_id, forum_id, person_id, village_id, source, rsvp, rsvp_at, checked_in_at)
     SELECT mv.meeting_id, mv.forum_id, mb.person_id, mv.village_id, 'group',
            CASE WHEN mb.person_id % 3 = 0 THEN 'yes'::"Rsvp" WHEN mb.person_id % 3 = 1 THEN 'no'::"Rsvp" ELSE 'pending'::"Rsvp" END,
            CASE WHEN mb.person_id % 3 < 2 THEN m.starts_at - interval '2 days' END,
            CASE WHEN mb.person_id % 3 = 0 THEN m.starts_at + interval '5 minutes' END
     FROM meeting_villages mv JOIN meetings m ON m.id = mv.meeting_id JOIN memberships mb ON mb.village_id = mv.village_id AND mb.role = 'warga' WHERE mv.forum_id = $1`,
    [forum],
  );
  // Eight aspirations a village a month, most verified and resolved after some days.
  await q(
    `INSERT INTO aspirations (forum_id, origin_village_id, village_id, ticket_no, category, text, privacy, reporter_id, status, verify_due_at, resolve_due_at, verified_at, resolved_at, created_at, updated_at)
     SELECT $1, v.id, v.id, 'ASP-B-' || v.id || '-' || g, 'infrastruktur', 'Jalan rusak', CASE WHEN g % 4 = 0 THEN 'anonim'::"AspirationPrivacy" ELSE 'named'::"AspirationPrivacy" END, $2,
            CASE WHEN g % 5 = 0 THEN 'baru'::"AspirationStatus" WHEN g % 5 = 1 THEN 'diproses'::"AspirationStatus" ELSE 'selesai'::"AspirationStatus" END,
            c + interval '3 days', c + interval '14 days',
            CASE WHEN g % 5 <> 0 THEN c + (1 + g % 4) * interval '1 day' END,
            CASE WHEN g % 5 > 1 THEN c + (5 + g % 9) * interval '1 day' END, c, now()
     FROM villages v, generate_series(1, ${MONTHS * 8}) g, LATERAL (SELECT $3::timestamptz + (random() * ${days}) * interval '1 day' AS c) t
     WHERE v.forum_id = $1`,
    [forum, admin, from],
  );
  // Four announcements a month to every village's group and its residents (outbox copies).
  await q(`INSERT INTO delivery_batches (forum_id, owner_kind, owner_id, total) SELECT $1, 'pengumuman', g::text, 0 FROM generate_series(1, ${MONTHS * 4}) g`, [forum]);
  await q(
    `INSERT INTO deliveries (batch_id, forum_id, owner_kind, owner_id, recipient_key, chat_id, payload, state, created_at, updated_at)
     SELECT b.id, b.forum_id, 'pengumuman', b.owner_id, 'v:' || m.village_id || ':p:' || m.person_id, 7000000 + m.person_id, '{}',
            CASE WHEN m.person_id % 20 = 0 THEN 'failed'::"DeliveryState" ELSE 'sent'::"DeliveryState" END,
            $2::timestamptz + (b.owner_id::int * 7) * interval '1 day', now()
     FROM delivery_batches b JOIN memberships m ON m.forum_id = b.forum_id AND m.role = 'warga' WHERE b.forum_id = $1`,
    [forum, from],
  );
  // Bursa: a need and an offer per village a month, a match for half of them, an agreement a month.
  await q(
    `INSERT INTO bursa_posts (forum_id, kind, village_id, author_id, category, title, created_at)
     SELECT $1, k::"BursaKind", v.id, $2, 'alat', 'Traktor', $3::timestamptz + g * interval '30 days' + v.id * interval '1 hour'
     FROM villages v, generate_series(0, ${MONTHS - 1}) g, unnest(ARRAY['kebutuhan','penawaran']) k WHERE v.forum_id = $1`,
    [forum, admin, from],
  );
  await q(
    `INSERT INTO bursa_matches (forum_id, need_id, offer_id, score, created_at)
     SELECT n.forum_id, n.id, o.id, 0.8, n.created_at + interval '1 day' FROM bursa_posts n JOIN bursa_posts o
       ON o.forum_id = n.forum_id AND o.kind = 'penawaran' AND o.village_id = n.village_id % ${VILLAGES} + (SELECT min(id) FROM villages WHERE forum_id = $1) AND date_trunc('month', o.created_at) = date_trunc('month', n.created_at)
     WHERE n.forum_id = $1 AND n.kind = 'kebutuhan' AND n.village_id % 2 = 0`,
    [forum],
  );
  await q(
    `INSERT INTO agreements (forum_id, number, object, status, created_by_id, created_at, updated_at)
     SELECT $1, 'KS-' || g, 'Kerja sama', 'berjalan', $2, $3::timestamptz + g * interval '30 days', now() FROM generate_series(0, ${MONTHS - 1}) g`,
    [forum, admin, from],
  );
  await q(
    `INSERT INTO agreement_parties (agreement_id, forum_id, village_id, name)
     SELECT a.id, a.forum_id, v.id, v.name FROM agreements a JOIN villages v ON v.forum_id = a.forum_id AND (v.id + a.id) % 8 < 2 WHERE a.forum_id = $1`,
    [forum],
  );
  // Yearly indicators.
  await q(
    `INSERT INTO village_indicators (forum_id, village_id, year, key, value_number, value_text, updated_at)
     SELECT $1, id, 2026, 'idm_score', 0.55 + (id % 5) * 0.07, NULL, now() FROM villages WHERE forum_id = $1
     UNION ALL SELECT $1, id, 2026, 'idm_status', NULL, (ARRAY['tertinggal','berkembang','berkembang','maju','mandiri'])[id % 5 + 1], now() FROM villages WHERE forum_id = $1`,
    [forum],
  );
  const counts = await q(
    `SELECT (SELECT count(*) FROM relay_messages)::int AS relays, (SELECT count(*) FROM vote_participations)::int AS ballots, (SELECT count(*) FROM meeting_invitees)::int AS invitees,
            (SELECT count(*) FROM aspirations)::int AS aspirations, (SELECT count(*) FROM deliveries)::int AS copies`,
  );
  return { forum, counts: counts[0]! };
}

export async function run() {
  const fake = await FakeTelegram.start();
  fake.autoEnqueue = false;
  fake.setNow(NOW);
  const { db, drop } = await openBenchDatabase();
  try {
    const adminUser = fake.addUser({ first_name: "Camat", username: "camat_bench" });
    fake.userStartedBot(adminUser.id);
    const t0 = performance.now();
    const { counts } = await seed(db, adminUser.id);
    console.log(`seeded in ${Math.round(performance.now() - t0)} ms (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}): ${JSON.stringify(counts)}`);
    const config = loadConfig({ BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, LOG_LEVEL: "silent", LIMIT_PRIVATE_PER_SECOND: "10000", LIMIT_GLOBAL_PER_SECOND: "10000", FLOOD_LIMIT_PER_MINUTE: "10000" });
    const app = await buildApp(config, createLogger("silent"), { db, clock: new FixedClock(NOW), redis: null, botInfo: fake.botInfo, instanceId: "bench" });
    await app.init();
    const times: number[] = [];
    let first = 0;
    for (let i = 0; i <= RUNS; i++) {
      const before = fake.sent(adminUser.id).length;
      const start = performance.now();
      await app.bot.handleUpdate(fake.updates.text(adminUser, "private", "/laporan"));
      const ms = performance.now() - start;
      const sent = fake.sent(adminUser.id).slice(before);
      if (!sent.at(-1)?.document) throw new Error(`run ${i}: the last message is not the spreadsheet: ${JSON.stringify(sent.map((m) => m.text ?? m.caption ?? "file")).slice(0, 300)}`);
      if (i === 0) first = ms; // the first run loads vega and exceljs
      else times.push(ms);
    }
    // Where the time goes (medians of 5): the queries, the two charts, the spreadsheet.
    const { buildReport } = await import("../src/domain/laporan/report.js");
    const { buildReportCharts, buildReportXlsx } = await import("../src/bot/features/laporan/render.js");
    const { tFor } = await import("../src/bot/lib/terms.js");
    const t = tFor("id", { village: "desa", council: "BPD" });
    const forumId = (await db.prisma.forum.findFirstOrThrow()).id;
    const phase = async (fn: () => Promise<unknown>) => {
      const xs: number[] = [];
      for (let i = 0; i < 5; i++) {
        const s0 = performance.now();
        await fn();
        xs.push(performance.now() - s0);
      }
      return Math.round(xs.sort((a, b) => a - b)[2]!);
    };
    const report = await buildReport(db.prisma, forumId, { kind: "all" }, { year: 2026, month: 11 });
    console.log(
      `phases (median of 5): queries ${await phase(() => buildReport(db.prisma, forumId, { kind: "all" }, { year: 2026, month: 11 }))} ms, ` +
        `charts ${await phase(() => buildReportCharts(t, "id", report))} ms, xlsx ${await phase(() => buildReportXlsx(t, "id", report))} ms`,
    );
    await app.deps.jobs.stop();
    await app.deps.delivery.stop();
    times.sort((a, b) => a - b);
    console.log(`first run (loading the chart and spreadsheet modules): ${Math.round(first)} ms; ${RUNS} timed runs: min ${Math.round(times[0]!)} ms, max ${Math.round(times.at(-1)!)} ms`);
    console.log(`laporan: ${VILLAGES} villages, ${MONTHS} months, p50 ${Math.round(percentile(times, 50))} ms, p99 ${Math.round(percentile(times, 99))} ms`);
  } finally {
    await drop();
    await fake.stop();
  }
}
