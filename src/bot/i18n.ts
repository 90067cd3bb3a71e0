import path from "node:path";
import { fileURLToPath } from "node:url";
import { I18n } from "@grammyjs/i18n";
import type { FlowContext } from "./context.js";

export const localesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../locales");
export const LANGUAGES = ["id", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

export function createI18n() {
  return new I18n<FlowContext>({
    defaultLocale: "id",
    directory: localesDir,
    useSession: false,
    // Without this, placeables come wrapped in invisible U+2068/U+2069 characters.
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: (ctx) => ctx.person?.language ?? "id",
  });
}
