import http from "node:http";
import { webhookCallback } from "grammy";
import type { Bot } from "grammy";
import type { Deps } from "../deps.js";
import type { BotContext } from "../bot/context.js";

export interface HttpServerOptions {
  deps: Deps;
  bot: Bot<BotContext>;
  webhook?: { path: string; secret: string };
}

async function health(deps: Deps) {
  const checks: Record<string, string> = {};
  try {
    await deps.db.sql.query("SELECT 1");
    checks.database = `ok (${deps.db.engine})`;
  } catch (err) {
    checks.database = `error: ${(err as Error).message}`;
  }
  if (deps.redis) {
    try {
      await deps.redis.ping();
      checks.redis = "ok";
    } catch (err) {
      checks.redis = `error: ${(err as Error).message}`;
    }
  } else checks.redis = "not configured (in-memory sessions)";
  const ok = !Object.values(checks).some((v) => v.startsWith("error"));
  return { ok, checks };
}

async function metrics(deps: Deps) {
  const rows = await deps.prisma.delivery.groupBy({ by: ["state"], _count: { _all: true } });
  const jobsDue = await deps.prisma.job.count({ where: { doneAt: null, cancelledAt: null, dueAt: { lte: deps.clock.now() } } });
  const lines = ["# TYPE forumdesa_deliveries gauge"];
  for (const r of rows) lines.push(`forumdesa_deliveries{state="${r.state}"} ${r._count._all}`);
  lines.push("# TYPE forumdesa_jobs_due gauge", `forumdesa_jobs_due ${jobsDue}`);
  return lines.join("\n") + "\n";
}

/** /healthz, /metrics and (in webhook mode) the webhook, with Telegram's secret token checked. */
export function createHttpServer(o: HttpServerOptions) {
  const handle = o.webhook ? webhookCallback(o.bot, "http", { secretToken: o.webhook.secret, onTimeout: "return" }) : null;
  return http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://x");
      if (req.method === "GET" && url.pathname === "/healthz") {
        const h = await health(o.deps);
        res.writeHead(h.ok ? 200 : 503, { "content-type": "application/json" });
        return res.end(JSON.stringify({ status: h.ok ? "ok" : "degraded", ...h.checks }));
      }
      if (req.method === "GET" && url.pathname === "/metrics") {
        res.writeHead(200, { "content-type": "text/plain; version=0.0.4" });
        return res.end(await metrics(o.deps));
      }
      if (handle && o.webhook && req.method === "POST" && url.pathname === o.webhook.path) {
        return await handle(req, res);
      }
      res.writeHead(404).end();
    } catch (err) {
      o.deps.logger.error({ err }, "http handler failed");
      if (!res.headersSent) res.writeHead(500);
      res.end();
    }
  });
}
