import { z } from "zod";

const ids = z
  .string()
  .optional()
  .transform((s, ctx) => {
    if (!s || !s.trim()) return [] as number[];
    const parts = s.split(/[\s,]+/).filter(Boolean);
    const nums = parts.map(Number);
    if (nums.some((n) => !Number.isSafeInteger(n) || n <= 0)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "must be a comma-separated list of Telegram user ids" });
      return z.NEVER;
    }
    return nums;
  });

const base = z.object({
  BOT_TOKEN: z
    .string({ required_error: "is required (the token @BotFather gave you)" })
    .regex(/^\d+:[A-Za-z0-9_-]{5,}$/, "does not look like a bot token (digits, a colon, then letters)"),
  BOT_MODE: z.enum(["polling", "webhook"]).default("polling"),
  BOOTSTRAP_ADMIN_IDS: ids,
  DATABASE_URL: z.string().url().regex(/^postgres(ql)?:\/\//, "must start with postgresql://").optional(),
  REDIS_URL: z.string().url().regex(/^rediss?:\/\//, "must start with redis:// or rediss://").optional(),
  REDIS_PREFIX: z.string().default("forumdesa:"),
  DATA_DIR: z.string().default("./data"),
  TELEGRAM_API_ROOT: z.string().url().default("https://api.telegram.org"),
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HTTP_HOST: z.string().default("0.0.0.0"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DEFAULT_TIMEZONE: z.enum(["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]).default("Asia/Jakarta"),
  // Local words before a forum is known (Telegram's command menu, people in no forum yet) and the
  // first choice offered by /forumbaru; each forum keeps its own (src/domain/forum/terms.ts).
  DEFAULT_VILLAGE_TERM: z.enum(["desa", "kampung", "kelurahan", "nagari", "gampong", "pekon", "tiyuh"]).default("desa"),
  DEFAULT_COUNCIL_TERM: z.string().trim().min(2).max(30).default("BPD"),
  // Telegram's limits (Bot FAQ); configurable so a self-hosted Bot API or a bench can change them.
  LIMIT_GLOBAL_PER_SECOND: z.coerce.number().positive().default(30),
  LIMIT_GROUP_PER_MINUTE: z.coerce.number().positive().default(20),
  LIMIT_PRIVATE_PER_SECOND: z.coerce.number().positive().default(1),
  LIMIT_MARGIN_MS: z.coerce.number().int().min(0).max(1000).default(80),
  FLOOD_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(30),
  // A membership that came through a village's Telegram group is asked about again this long after
  // Telegram last confirmed it.
  MEMBERSHIP_RECHECK_HOURS: z.coerce.number().positive().default(168),
  INSTANCE_ID: z.string().optional(),
});

const polling = base.extend({ BOT_MODE: z.literal("polling") });
const webhook = base.extend({
  BOT_MODE: z.literal("webhook"),
  WEBHOOK_URL: z.string({ required_error: "is required when BOT_MODE=webhook" }).url(),
  WEBHOOK_SECRET: z
    .string({ required_error: "is required when BOT_MODE=webhook" })
    .regex(/^[A-Za-z0-9_-]{24,256}$/, "must be 24–256 characters of A-Z, a-z, 0-9, _ or -"),
});

const schema = z.discriminatedUnion("BOT_MODE", [polling, webhook]);
export type Config = z.infer<typeof schema> & { WEBHOOK_URL?: string; WEBHOOK_SECRET?: string };

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  if (!cleaned.BOT_MODE) cleaned.BOT_MODE = "polling";
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    const name = first.path.join(".") || "configuration";
    throw new ConfigError(`${name} ${first.message}`);
  }
  return parsed.data as Config;
}
