import http from "node:http";
import https from "node:https";
import { Readable } from "node:stream";
import { Api } from "grammy";

/**
 * A minimal `fetch` for grammY's API client, on node:http with keep-alive. grammY's default
 * (node-fetch: WHATWG Request/Headers/streams per call) costs ~1.8 ms of CPU per request, Node's
 * built-in fetch twice that; this costs a fraction. With many messages a second, the HTTP client
 * is what limits a delivery worker, so the outbox sends through this one.
 */
export function leanFetch(url: string, init: LeanInit = {}): Promise<LeanResponse> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const secure = u.protocol === "https:";
    const signal = init.signal;
    if (signal?.aborted) return reject(abortError());
    const req = (secure ? https : http).request(
      u,
      { method: init.method ?? "GET", headers: init.headers, agent: init.agent ?? (secure ? httpsAgent : httpAgent) },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", reject);
        res.on("end", () => {
          const body = Buffer.concat(chunks).toString("utf8");
          const status = res.statusCode ?? 0;
          resolve({ ok: status >= 200 && status < 300, status, json: async () => JSON.parse(body), text: async () => body });
        });
      },
    );
    req.on("error", reject);
    // grammY hands over an abort-controller polyfill's signal, which node:http would not accept.
    if (signal?.addEventListener) signal.addEventListener("abort", () => req.destroy(abortError()), { once: true });
    const body = init.body;
    if (body === undefined || body === null) req.end();
    else if (typeof body === "string" || body instanceof Uint8Array) req.end(body);
    else if (typeof (body as Readable).pipe === "function") (body as Readable).pipe(req);
    else if (Symbol.asyncIterator in (body as object)) Readable.from(body as AsyncIterable<Uint8Array>).pipe(req);
    else req.end(String(body));
  });
}

interface LeanInit {
  method?: string;
  headers?: Record<string, string>;
  body?: unknown;
  signal?: { aborted: boolean; addEventListener?: (type: "abort", fn: () => void, o?: { once: boolean }) => void };
  agent?: http.Agent;
}

interface LeanResponse {
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
  text(): Promise<string>;
}

// An idle kept-alive socket is closed after 30 s, before a server's own idle timeout would reset it
// under the next request (which would then fail and wait for a retry).
const httpAgent = new http.Agent({ keepAlive: true, timeout: 30_000 });
const httpsAgent = new https.Agent({ keepAlive: true, timeout: 30_000 });

function abortError() {
  const e = new Error("The request was aborted");
  e.name = "AbortError";
  return e;
}

/**
 * The same API (token, options, transformers installed so far) sending through leanFetch — unless
 * its owner chose a fetch of their own, which is kept — with its own request timeout.
 */
export function withLeanFetch(api: Api, o: { timeoutSeconds?: number } = {}): Api {
  const fetchFn = api.options?.fetch ?? (leanFetch as unknown as typeof fetch);
  const lean = new Api(api.token, { ...api.options, fetch: fetchFn, ...(o.timeoutSeconds ? { timeoutSeconds: o.timeoutSeconds } : {}) });
  for (const t of api.config.installedTransformers()) lean.config.use(t);
  return lean;
}
