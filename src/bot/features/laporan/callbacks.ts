import { InlineKeyboard } from "grammy";
import { addMonths, monthKey, type Month } from "../../../domain/laporan/measures.js";
import { defineCallback } from "../../lib/callback.js";
import type { Lang } from "../../lib/terms.js";
import { monthLabel } from "./render.js";

/** A month of the report: lap:<forum>:<yyyymm>. Rights are checked again on every press. */
export const laporanCb = defineCallback("lap", ["forum", "month"] as const);
/** /indikator actions: e = enter a value, t = template, i = import a file. */
export const indikatorCb = defineCallback("ind", ["forum", "act"] as const);

const MONTH_BUTTONS = 6;

/** The latest complete month and the five before it, three to a row; the shown one marked. */
export function monthKeyboard(lang: Lang, forumId: number, latest: Month, shown: Month): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (let i = 0; i < MONTH_BUTTONS; i++) {
    const m = addMonths(latest, -i);
    const label = `${monthKey(m) === monthKey(shown) ? "• " : ""}${monthLabel(m, lang)}`;
    kb.text(label, laporanCb.build({ forum: forumId, month: monthKey(m).replace("-", "") }));
    if (i % 3 === 2) kb.row();
  }
  return kb;
}
