import type { FlowContext } from "../../context.js";
import type { ForumTerms } from "../../../domain/forum/terms.js";
import { tFor as termsT, type T } from "../../lib/terms.js";

export type { T };

/**
 * The bursa says the forum's words ($desa, $Desa, …) like every other text: ctx.t and
 * translate() fill them (src/bot/lib/terms.ts), so these are thin names kept for the bursa code.
 */
export function tOf(ctx: FlowContext): T {
  return (key, params) => ctx.t(key, params);
}

/** For a message to someone else, in their language and the forum's words. */
export function tFor(language: string | null | undefined, terms: ForumTerms): T {
  return termsT(language, terms);
}

export function langOf(language: string | null | undefined): "id" | "en" {
  return language === "en" ? "en" : "id";
}
