import type { FlowContext } from "../../context.js";
import { translate } from "../../lib/translate.js";

export type T = (key: string, params?: Record<string, string | number>) => string;

/**
 * The word this forum uses for a village ("desa" now; "kampung" in some regions), in ONE place:
 * every bursa text says it through the `$desa` / `$Desa` placeables that `wordsFor` fills. To make
 * it a per-forum term, read it from the forum's settings here instead of from the locale.
 */
function withWords(base: T): T {
  const words = { desa: base("bursa-word-desa"), Desa: base("bursa-word-desa-cap") };
  return (key, params = {}) => base(key, { ...words, ...params });
}

/** ctx.t with the village word filled in. */
export function tOf(ctx: FlowContext): T {
  return withWords((key, params) => ctx.t(key, params));
}

/** Same, for a message to someone else in their language (notices through the outbox). */
export function tFor(language: string | null | undefined): T {
  return withWords((key, params) => translate(language, key, params));
}

export function langOf(language: string | null | undefined): "id" | "en" {
  return language === "en" ? "en" : "id";
}
