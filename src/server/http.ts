import http from "node:http";
import { webhookCallback } from "grammy";
import type { Bot } from "grammy";
import type { Deps } from "../deps.js";
import type { BotContext } from "../bot/context.js";

export interface HttpServerOptions {
  deps: Deps;
  bot: Bot<BotContext>;
  webhook?: { path: string; secret: string };
  /** A dependency that does not answer /healthz's probe within this long counts as down (default 3 s). */
  healthTimeoutMs?: number;
}

/**
 * Which dependency is down — never why: the error text of a driver can carry hosts, users or
 * query details, and /healthz is often reachable from outside. The reason goes to the log.
 */
async function health(deps: Deps, timeoutMs: number) {
  const check = async (name: string, probe: () => Promise<unknown>): Promise<"ok" | "down"> => {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([probe(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)))]);
      return "ok";
    } catch (err) {
      deps.logger.warn({ err, dependency: name }, "health check failed");
      return "down";
    } finally {
      clearTimeout(timer);
    }
  };
  const [database, redis] = await Promise.all([
    check("database", () => deps.db.sql.query("SELECT 1")),
    deps.redis ? check("redis", () => deps.redis!.ping()) : Promise.resolve("not configured" as const),
  ]);
  return { ok: database === "ok" && redis !== "down", checks: { database, redis } };
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
        const h = await health(o.deps, o.healthTimeoutMs ?? 3_000);
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
