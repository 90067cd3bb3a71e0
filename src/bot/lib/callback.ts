/**
 * Typed callback data: one builder per kind of button, so building and parsing cannot drift.
 * Values are ids and small enums only — never rights; the server checks again on every press.
 */
/** Every kind of button the bot defines, by prefix (the authorization matrix test needs a row for each). */
export const callbackKinds = new Map<string, readonly string[]>();

export function defineCallback<const F extends readonly string[]>(prefix: string, fields: F) {
  type Values = { [K in F[number]]: string | number };
  if (callbackKinds.has(prefix)) throw new Error(`callback prefix "${prefix}" defined twice`);
  callbackKinds.set(prefix, fields);
  const re = new RegExp(`^${prefix}${fields.map(() => ":([^:]*)").join("")}$`);
  return {
    prefix,
    /** For bot.callbackQuery(): matches exactly this kind of button. */
    filter: re,
    build(values: Values): string {
      const data = [prefix, ...fields.map((f) => String(values[f as F[number]]))].join(":");
      if (Buffer.byteLength(data) > 64) throw new Error(`callback data over 64 bytes: ${data}`);
      return data;
    },
    parse(data: string | undefined): Record<F[number], string> | null {
      const m = data?.match(re);
      if (!m) return null;
      return Object.fromEntries(fields.map((f, i) => [f, m[i + 1]])) as Record<F[number], string>;
    },
  };
}

/** Parses a positive integer id from callback data; anything else is treated as forged. */
export function intId(s: string | undefined): number | null {
  if (!s || !/^\d{1,10}$/.test(s)) return null;
  const n = Number(s);
  return n > 0 && n <= 2_147_483_647 ? n : null;
}
