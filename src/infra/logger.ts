import pino from "pino";

export type Logger = pino.Logger;

export interface LoggerOptions {
  /** Values that must never reach a log line (bot token, webhook secret): replaced wherever they appear. */
  secrets?: ReadonlyArray<string | null | undefined>;
  /** Where lines go; stdout by default. */
  destination?: pino.DestinationStream;
}

/**
 * The one logger. Anything that reaches it may end up in a log collector read by people who must
 * not learn who reported what, so:
 * - every Error, under whatever key, goes through `serializeError`: class, Bot API method, code and
 *   description, a stack without its message — never a request's payload (chat ids, texts), the
 *   URL of a failed request (it holds the bot token) or an ORM's echo of query arguments;
 * - every finished line is scrubbed of the bot token pattern, the configured secrets and URL
 *   credentials, as a last line of defence against a string nobody thought of.
 */
export function createLogger(level: string = "info", o: LoggerOptions = {}): Logger {
  const secrets = o.secrets?.filter((s): s is string => typeof s === "string" && s.length >= 6) ?? [];
  const opts: pino.LoggerOptions = {
    level,
    base: undefined,
    serializers: { err: serializeError, error: serializeError },
    formatters: { log: (obj) => safeFields(obj) },
    // Never log Telegram tokens, whatever object carries them (the line scrub below catches the rest).
    redact: { paths: ["token", "*.token", "config.BOT_TOKEN", "config.WEBHOOK_SECRET"], censor: "[redacted]" },
    hooks: {
      // `logger.error(err)` alone would make the error's message the line's message: the type instead.
      logMethod(args, method) {
        if (args.length === 1 && isErrorLike(args[0])) return method.call(this, { err: args[0] }, (args[0] as Error).name);
        return method.apply(this, args as Parameters<typeof method>);
      },
      streamWrite: (line) => scrub(line, secrets),
    },
  };
  return o.destination ? pino(opts, o.destination) : pino(opts);
}

/** The Bot API token pattern (`<bot id>:<35 characters>`), wherever it appears. */
const TOKEN = /\d+:[A-Za-z0-9_-]{30,}/g;
/** `scheme://user:password@host` → credentials dropped. */
const URL_CREDENTIALS = /([a-z][a-z0-9+.-]*:\/\/)[^\s/@"']*@/gi;

/** Removes tokens, the given secrets and URL credentials from a string. */
export function scrub(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const s of secrets) if (out.includes(s)) out = out.split(s).join("[secret]");
  return out.replace(TOKEN, "[token]").replace(URL_CREDENTIALS, "$1[credentials]@");
}

const MAX_MESSAGE = 300;
const MAX_FRAMES = 15;

/** Top-level values of a log call: an Error under any key is serialized like `err`. */
function safeFields(obj: Record<string, unknown>): Record<string, unknown> {
  let out: Record<string, unknown> | null = null;
  for (const [k, v] of Object.entries(obj)) {
    if (isErrorLike(v) && k !== "err" && k !== "error") (out ??= { ...obj })[k] = serializeError(v);
  }
  return out ?? obj;
}

function isErrorLike(v: unknown): v is Error {
  return v instanceof Error || (typeof v === "object" && v !== null && typeof (v as Error).message === "string" && typeof (v as Error).stack === "string");
}

/**
 * What a log may say about an error. Kept: the class, the Bot API method, error_code, description
 * and retry_after of a Telegram refusal; the system error code (ECONNRESET, …) of a network
 * failure; the message of other errors (Prisma's cut to its last line: the lines before echo the
 * query's arguments); texts without URLs and long numbers (ids); the stack's frames only (its
 * first line repeats the message). Never kept: grammY's `payload` (chat_id, text, …), a
 * network error's message (node-fetch writes the request URL, with the token, into it), other
 * properties an error may carry (Prisma's `meta`, a driver's `detail` with key values).
 */
export function serializeError(err: unknown, depth = 0): unknown {
  if (typeof err === "string") return cut(err);
  if (!isErrorLike(err)) return err === null || typeof err !== "object" ? err : { type: (err as object).constructor?.name ?? "object" };
  const e = err as Error & Record<string, unknown>;
  const type = typeof e.constructor === "function" && e.constructor.name !== "Object" ? e.constructor.name : e.name;
  const out: Record<string, unknown> = { type };
  if (typeof e.method === "string" && typeof e.error_code === "number") {
    // grammY's GrammyError: Telegram answered and refused.
    out.method = e.method;
    out.error_code = e.error_code;
    if (typeof e.description === "string") out.description = cut(e.description);
    const retry = (e.parameters as { retry_after?: unknown } | undefined)?.retry_after;
    if (typeof retry === "number") out.retry_after = retry;
  } else if (e.name === "HttpError" || type === "HttpError") {
    // grammY's HttpError: no answer from Telegram. Its own message names only the method.
    const method = /'(\w+)'/.exec(e.message)?.[1];
    if (method) out.method = method;
    if (e.error !== undefined && depth < 3) out.cause = networkCause(e.error);
  } else if (e.name === "BotError" && "ctx" in e) {
    // grammY's BotError carries the whole context (the update, with ids and texts): only its error.
    if (depth < 3) out.cause = serializeError(e.error, depth + 1);
  } else {
    out.message = cut(type.startsWith("PrismaClient") ? lastLine(e.message) : e.message);
    if (typeof e.code === "string" || typeof e.code === "number") out.code = e.code;
    if (e.cause !== undefined && depth < 3) out.cause = serializeError(e.cause, depth + 1);
  }
  const frames = typeof e.stack === "string" ? e.stack.split("\n").filter((l) => /^\s+at /.test(l)).slice(0, MAX_FRAMES) : [];
  if (frames.length && depth === 0) out.stack = frames.join("\n");
  return out;
}

/** A network failure below grammY: its kind and system code, never its message (it holds the URL). */
function networkCause(err: unknown): Record<string, unknown> {
  if (typeof err !== "object" || err === null) return { type: typeof err };
  const e = err as Record<string, unknown> & { cause?: Record<string, unknown> };
  const out: Record<string, unknown> = { type: (e.constructor as { name?: string } | undefined)?.name ?? "object" };
  if (typeof e.name === "string" && e.name !== out.type) out.name = e.name;
  const code = e.code ?? e.cause?.code;
  if (typeof code === "string" || typeof code === "number") out.code = code;
  return out;
}

function lastLine(s: string): string {
  const lines = s.split("\n").map((l) => l.trim()).filter(Boolean);
  return lines.at(-1) ?? "";
}

/**
 * Text of an error that may be logged: without URLs (a request's URL carries the token) and
 * without long numbers (Telegram user and chat ids), shortened.
 */
function cut(s: string): string {
  const t = s.replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, "[url]").replace(/-?\b\d{7,}\b/g, "[id]");
  return t.length > MAX_MESSAGE ? `${t.slice(0, MAX_MESSAGE)}…` : t;
}

/**
 * One line for an operator's terminal about an error at start-up or exit (where the logger may not
 * exist yet), built from the safe fields above and scrubbed.
 */
export function describeError(err: unknown, secrets: ReadonlyArray<string | null | undefined> = []): string {
  const s = serializeError(err) as Record<string, unknown> | string;
  const keep = secrets.filter((x): x is string => typeof x === "string" && x.length >= 6);
  if (typeof s !== "object" || s === null) return scrub(String(s), keep);
  const parts = [s.type, s.method, s.error_code, s.description ?? s.message, (s.cause as { code?: unknown } | undefined)?.code ?? s.code].filter(
    (x) => x !== undefined && x !== "",
  );
  return scrub(parts.join(" "), keep);
}
