import { createI18n } from "../i18n.js";

let shared: ReturnType<typeof createI18n> | null = null;

/**
 * Text for someone other than the sender of the current update (a notice queued for an official
 * or admin), in that person's own language.
 */
export function translate(language: string | null | undefined, key: string, params: Record<string, string | number> = {}): string {
  shared ??= createI18n();
  return shared.t(language === "en" ? "en" : "id", key, params);
}
