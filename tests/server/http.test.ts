import type { AddressInfo } from "node:net";
import type http from "node:http";
import { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLogger } from "../../src/infra/logger.js";
import { createHttpServer } from "../../src/server/http.js";
import { createHarness, type Harness } from "../support/harness.js";
import { ensureConsent, lastText } from "../support/world.js";

let h: Harness;
const SECRET = "Rahasia_webhook-0123456789abcdef";
const servers: http.Server[] = [];

async function listen(server: http.Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The server as main.ts builds it in webhook mode, over the harness's real bot. */
async function webhookServer() {
  const path = `/webhook/${h.config.BOT_TOKEN.split(":")[0]}`;
  const base = await listen(createHttpServer({ deps: h.app.deps, bot: h.app.bot, webhook: { path, secret: SECRET } }));
  return { base, url: base + path };
}

beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  for (const s of servers) await new Promise((r) => s.close(r));
  await h?.close();
});
beforeEach(async () => h.reset());

describe("webhook mode", () => {
  it("refuses a POST without the secret token, or with a wrong one, and handles nothing", async () => {
    const { url } = await webhookServer();
    const ani = h.fake.addUser({ first_name: "Ani" });
    h.fake.userStartedBot(ani.id);
    const update = h.fake.updates.command(ani, "private", "start");
    const none = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(update) });
    const wrong = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET.replace("R", "r") },
      body: JSON.stringify(update),
    });
    expect(none.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(h.fake.sent(ani.id)).toHaveLength(0);
  });

  it("handles an update posted with the right secret token: the bot answers through the Bot API", async () => {
    const { url } = await webhookServer();
    const ani = h.fake.addUser({ first_name: "Ani" });
    h.fake.userStartedBot(ani.id);
    await ensureConsent(h, ani); // past the privacy notice of a first contact
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
      body: JSON.stringify(h.fake.updates.command(ani, "private", "start")),
    });
    expect(res.status).toBe(200);
    expect(lastText(h, ani.id)).toContain("Selamat datang, Bapak/Ibu Ani!");
  });

  it("end to end: Telegram (the fake) delivers to the URL given to setWebhook, with the secret", async () => {
    const { url } = await webhookServer();
    await h.app.bot.api.setWebhook(url, { secret_token: SECRET });
    const budi = h.fake.addUser({ first_name: "Budi" });
    h.fake.userStartedBot(budi.id);
    h.fake.enqueue(h.fake.updates.command(budi, "private", "bantuan"));
    await h.fake.webhookIdle();
    expect(h.fake.webhookDeliveries.at(-1)!.status).toBe(200);
    expect(lastText(h, budi.id)).toContain("/bahasa");
  });

  it("answers 404 elsewhere, and never accepts updates on a server without a webhook", async () => {
    const { base, url } = await webhookServer();
    expect((await fetch(base + "/webhook/other", { method: "POST", body: "{}" })).status).toBe(404);
    expect((await fetch(url, { method: "GET" })).status).toBe(404);
    const polling = await listen(createHttpServer({ deps: h.app.deps, bot: h.app.bot }));
    const path = new URL(url).pathname;
    const res = await fetch(polling + path, { method: "POST", headers: { "x-telegram-bot-api-secret-token": SECRET }, body: "{}" });
    expect(res.status).toBe(404);
  });
});

describe("/healthz and /metrics", () => {
  it("reports the database and Redis as ok", async () => {
    const base = await listen(createHttpServer({ deps: h.app.deps, bot: h.app.bot }));
    const res = await fetch(base + "/healthz");
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, string>;
    expect(body.status).toBe("ok");
    expect(body).toEqual({ status: "ok", database: "ok", redis: h.redis ? "ok" : "not configured" });
  });

  it("answers 503 naming Redis when Redis is down", async () => {
    const broken = new Redis("redis://127.0.0.1:1", { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
    broken.on("error", () => {});
    try {
      const base = await listen(createHttpServer({ deps: { ...h.app.deps, redis: broken }, bot: h.app.bot }));
      const res = await fetch(base + "/healthz");
      expect(res.status).toBe(503);
      const body = (await res.json()) as Record<string, string>;
      expect(body).toEqual({ status: "degraded", database: "ok", redis: "down" });
    } finally {
      broken.disconnect();
    }
  });

  it("answers 503 naming the database when it fails, without its error text (which goes to the log)", async () => {
    const detail = "password authentication failed for user \"forumdesa\" at db.internal:5432";
    const db = { ...h.app.deps.db, sql: { ...h.app.deps.db.sql, query: () => Promise.reject(new Error(detail)) } };
    const lines: string[] = [];
    const logger = createLogger("warn", { destination: { write: (l: string) => void lines.push(l) } });
    const base = await listen(createHttpServer({ deps: { ...h.app.deps, db, logger }, bot: h.app.bot }));
    const res = await fetch(base + "/healthz");
    expect(res.status).toBe(503);
    const raw = await res.text();
    expect(JSON.parse(raw)).toEqual({ status: "degraded", database: "down", redis: h.redis ? "ok" : "not configured" });
    expect(raw).not.toMatch(/password|forumdesa|db\.internal|5432/);
    expect(lines.map((l) => JSON.parse(l))).toMatchObject([{ msg: "health check failed", dependency: "database", err: { type: "Error" } }]);
  });

  it("a database that does not answer at all counts as down after the probe's timeout, instead of hanging it", async () => {
    const db = { ...h.app.deps.db, sql: { ...h.app.deps.db.sql, query: () => new Promise<never>(() => {}) } };
    const base = await listen(createHttpServer({ deps: { ...h.app.deps, db }, bot: h.app.bot, healthTimeoutMs: 50 }));
    const res = await fetch(base + "/healthz");
    expect(res.status).toBe(503);
    expect(((await res.json()) as Record<string, string>).database).toBe("down");
  });

  it("/metrics counts deliveries by state and due jobs, in Prometheus text format", async () => {
    const base = await listen(createHttpServer({ deps: h.app.deps, bot: h.app.bot }));
    const forum = await h.app.deps.prisma.forum.create({ data: { name: "Forum Metrik" } });
    await h.app.deps.jobs.schedule({ kind: "test.metric", ownerId: 1, forumId: forum.id, dueAt: new Date(h.clock.now().getTime() - 1000), payload: {} });
    await h.app.deps.delivery.enqueue({
      forumId: forum.id,
      ownerKind: "test",
      ownerId: 1,
      items: [{ chatId: -100999, payload: { op: "send", method: "sendMessage", params: { text: "halo" } } }],
    });
    await h.flush(); // the fake does not know that chat: the row fails for good
    const res = await fetch(base + "/metrics");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await res.text();
    expect(text).toMatch(/^forumdesa_deliveries\{state="failed"\} 1$/m);
    expect(text).toMatch(/^forumdesa_jobs_due 1$/m);
  });
});
