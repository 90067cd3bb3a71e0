import { InlineKeyboard } from "grammy";
import type { Flow, FlowContext } from "../context.js";
import type { Deps } from "../../deps.js";
import { loadForumCalendar } from "../../domain/forum/calendar.js";
import {
  DEFAULT_PRAYER_TIMES,
  formatDate,
  formatDateTimeLong,
  formatDateTimeShort,
  formatTime,
  parseIndonesianDateTime,
  weekdayName,
  zonedParts,
  type ParseFailure,
  type PrayerAnchor,
  type PrayerTimes,
  type ZoneName,
} from "../../lib/time.js";
import { FLOW_CANCEL, waitStep, type Choice } from "./flow.js";
import { escapeHtml } from "./replies.js";

/**
 * The one way a guided flow asks for a date and time (announcement schedule, vote deadline and
 * extension, meeting time, answer deadline and reschedule, discussion end):
 * - typed the way people write it (src/lib/time.ts), with the forum's prayer times;
 * - "jam 2" with no part of the day is asked back: "pukul 02.00 atau 14.00?" with two buttons;
 * - anything the reader does not understand is refused with an example, never taken as today;
 * - what was read is echoed in full ("Senin, 7 Desember 2026 pukul 09.00 WIB — benar?") and used
 *   only after ✅ Benar.
 * Replies go through `ctx` (inside a conversation they are replayed, not re-sent).
 */

export type DateReading = { ok: true; date: Date; anchor?: PrayerAnchor } | ParseFailure | { ok: false; reason: string };

export interface DateSettings {
  zone: ZoneName;
  prayerTimes: PrayerTimes;
}

export interface DateStepOptions extends DateSettings {
  /** Reads typed text; by default a date with a clock time in the zone. */
  interpret?: (text: string, now: Date) => DateReading;
  /** Judges a date that was read (in the past, too far, after the start…): the text that refuses it. */
  validate?: (date: Date, now: Date) => string | null;
  /** Locale key per failure reason of `interpret` beyond the shared ones (e.g. past → musyawarah-when-past). */
  errorKeys?: Partial<Record<string, string>>;
  /** Locale key of the echo, with { $when }; default tanggal-confirm. */
  confirmKey?: string;
  /** A day without a time (a holiday): the echo shows the date only. */
  dayOnly?: boolean;
}

export interface Reading {
  date: Date;
  anchor?: PrayerAnchor;
}

const lang = (ctx: FlowContext): "id" | "en" => (ctx.person?.language === "en" ? "en" : "id");

export async function flowNow(conversation: Flow, ctx: FlowContext): Promise<Date> {
  return new Date(await conversation.external(() => ctx.deps.clock.now().toISOString()));
}

/** The forum's zone and prayer times, read once per flow (JSON-safe for the replay log). */
export async function dateSettingsOf(conversation: Flow, deps: Deps, forumId: number): Promise<DateSettings> {
  return conversation.external(async () => {
    const fc = await loadForumCalendar(deps.prisma, forumId);
    return { zone: fc?.zone ?? "Asia/Jakarta", prayerTimes: fc?.settings.prayerTimes ?? { ...DEFAULT_PRAYER_TIMES } };
  });
}

function defaultInterpret(o: DateSettings) {
  return (text: string, now: Date): DateReading => {
    const r = parseIndonesianDateTime(text, now, o.zone, { requireTime: true, prayerTimes: o.prayerTimes });
    return r.ok ? { ok: true, date: r.date, ...(r.anchor ? { anchor: r.anchor } : {}) } : r;
  };
}

/** The explanation, with an example, of why a typed date was not taken. */
export function dateErrorText(ctx: FlowContext, r: Exclude<DateReading, { ok: true }>, now: Date, o: Pick<DateStepOptions, "zone" | "errorKeys">): string {
  const own = o.errorKeys?.[r.reason];
  if (own) return ctx.t(own);
  if (r.reason === "unparsed" && "unknown" in r && r.unknown?.length) {
    return ctx.t("tanggal-unparsed-words", { words: escapeHtml(r.unknown.join(", ")) });
  }
  if (r.reason === "invalid_date") return ctx.t("tanggal-invalid");
  if (r.reason === "no_time") {
    const tomorrow = zonedParts(new Date(now.getTime() + 86_400_000), o.zone).weekday;
    return ctx.t("tanggal-no-time", { example: `${weekdayName(tomorrow, lang(ctx))} 09.00` });
  }
  return ctx.t("tanggal-unparsed");
}

/** Same day → "14.00"; another day → "Sab 28 Nov, 14.00". */
function candidateLabel(d: Date, other: Date, zone: ZoneName, l: "id" | "en"): string {
  const a = zonedParts(d, zone);
  const b = zonedParts(other, zone);
  const sameDay = a.year === b.year && a.month === b.month && a.day === b.day;
  return sameDay ? formatTime(d, zone, l) : formatDateTimeShort(d, zone, l);
}

/** "Pukul 02.00 atau 14.00?" Returns the reading chosen, or the text typed instead. */
async function askWhichHour(conversation: Flow, ctx: FlowContext, am: Date, pm: Date, zone: ZoneName): Promise<Date | { text: string }> {
  const l = lang(ctx);
  const amLabel = candidateLabel(am, pm, zone, l);
  const pmLabel = candidateLabel(pm, am, zone, l);
  const kb = new InlineKeyboard()
    .text(ctx.t("tanggal-btn-night", { time: amLabel }), "tgh:0")
    .text(ctx.t("tanggal-btn-day", { time: pmLabel }), "tgh:1")
    .row()
    .text(ctx.t("btn-cancel"), FLOW_CANCEL);
  const prompt = ctx.t("tanggal-ambiguous", { am: amLabel, pm: pmLabel });
  const q = await ctx.reply(prompt, { reply_markup: kb, parse_mode: "HTML" });
  for (;;) {
    const c = await waitStep(conversation);
    const data = c.callbackQuery?.data;
    if (data) {
      const m = /^tgh:([01])$/.exec(data);
      if (!m || c.callbackQuery!.message?.message_id !== q.message_id) {
        await c.answerCallbackQuery({ text: c.t("flow-old-button") });
        continue;
      }
      await c.answerCallbackQuery();
      const chosen = m[1] === "0" ? am : pm;
      await c.editMessageText(`${prompt}\n\n✅ ${escapeHtml(m[1] === "0" ? amLabel : pmLabel)}`, { parse_mode: "HTML", reply_markup: undefined }).catch(() => {});
      return chosen;
    }
    const text = c.message?.text?.trim();
    if (text) return { text };
    await c.reply(c.t("flow-use-buttons"));
  }
}

/**
 * Reads one typed answer: an ambiguous hour is asked back (or, when only one reading can be
 * used, that one is taken and the person told), a failure is explained with an example.
 * Returns null when the person should type again.
 */
export async function readTypedDate(conversation: Flow, ctx: FlowContext, text: string, o: DateStepOptions): Promise<Reading | null> {
  const interpret = o.interpret ?? defaultInterpret(o);
  for (let round = 0; round < 5; round++) {
    const now = await flowNow(conversation, ctx);
    const r = interpret(text, now);
    if (r.ok) {
      const bad = o.validate?.(r.date, now);
      if (bad) {
        await ctx.reply(bad, { parse_mode: "HTML" });
        return null;
      }
      return { date: r.date, ...(r.anchor ? { anchor: r.anchor } : {}) };
    }
    if (r.reason !== "ambiguous_hour" || !("candidates" in r)) {
      await ctx.reply(dateErrorText(ctx, r, now, o), { parse_mode: "HTML" });
      return null;
    }
    const [am, pm] = r.candidates;
    const refusals = [am, pm].map((d) => o.validate?.(d, now) ?? null);
    if (refusals[0] && refusals[1]) {
      await ctx.reply(refusals[0], { parse_mode: "HTML" });
      return null;
    }
    if (refusals[0] || refusals[1]) {
      // Only one reading can be meant (the other is past, or after the deadline): take it, say so.
      const [taken, dropped] = refusals[0] ? [pm, am] : [am, pm];
      const l = lang(ctx);
      await ctx.reply(ctx.t("tanggal-ambiguous-took", { dropped: candidateLabel(dropped, taken, o.zone, l), taken: candidateLabel(taken, dropped, o.zone, l) }), { parse_mode: "HTML" });
      return { date: taken };
    }
    const picked = await askWhichHour(conversation, ctx, am, pm, o.zone);
    if (picked instanceof Date) {
      const later = await flowNow(conversation, ctx);
      const bad = o.validate?.(picked, later);
      if (bad) {
        await ctx.reply(bad, { parse_mode: "HTML" });
        return null;
      }
      return { date: picked };
    }
    text = picked.text; // typed another time instead of pressing: read that one
  }
  return null;
}

/** "📅 Senin, 7 Desember 2026 pukul 09.00 WIB — benar?" → true, false (✏️ Ubah), or a new typed answer. */
export async function confirmDate(
  conversation: Flow,
  ctx: FlowContext,
  reading: Reading,
  o: Pick<DateStepOptions, "zone" | "confirmKey" | "dayOnly">,
): Promise<boolean | { text: string }> {
  const l = lang(ctx);
  const when = o.dayOnly ? formatDate(reading.date, o.zone, l) : formatDateTimeLong(reading.date, o.zone, l);
  let text = ctx.t(o.confirmKey ?? "tanggal-confirm", { when });
  if (reading.anchor) {
    text += `\n${ctx.t("tanggal-confirm-anchor", { prayer: ctx.t(`tanggal-prayer-${reading.anchor}`), time: formatTime(reading.date, o.zone, l) })}`;
  }
  const kb = new InlineKeyboard()
    .text(ctx.t("tanggal-btn-right"), "tgc:y")
    .text(ctx.t("tanggal-btn-change"), "tgc:n")
    .row()
    .text(ctx.t("btn-cancel"), FLOW_CANCEL);
  const q = await ctx.reply(text, { reply_markup: kb, parse_mode: "HTML" });
  for (;;) {
    const c = await waitStep(conversation);
    const data = c.callbackQuery?.data;
    if (data) {
      if ((data !== "tgc:y" && data !== "tgc:n") || c.callbackQuery!.message?.message_id !== q.message_id) {
        await c.answerCallbackQuery({ text: c.t("flow-old-button") });
        continue;
      }
      await c.answerCallbackQuery();
      await c.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => {});
      return data === "tgc:y";
    }
    const typed = c.message?.text?.trim();
    if (typed) return { text: typed };
    await c.reply(c.t("flow-use-buttons"));
  }
}

export interface AskDateOptions extends DateStepOptions {
  /** Buttons beside typing (presets such as "1 hari", or "tanpa batas"). */
  choices?: Choice[];
  /** The date a button stands for (null: "no date", e.g. closed by hand). Validated like typed ones. */
  onChoice?: (value: string, now: Date) => Date | null;
}

/**
 * Asks for a date: buttons for `choices`, or typed and then confirmed. Returns the date (null when
 * a choice stands for "no date") and whether it was typed (then it has been echoed already).
 */
export async function askDate(conversation: Flow, ctx: FlowContext, prompt: string, o: AskDateOptions): Promise<{ date: Date | null; typed: boolean }> {
  const choices = o.choices ?? [];
  const kb = new InlineKeyboard();
  choices.forEach((ch, i) => {
    kb.text(ch.label, `tgx:${i}`);
    if (i % 2 === 1) kb.row();
  });
  if (choices.length % 2 === 1) kb.row();
  kb.text(ctx.t("btn-cancel"), FLOW_CANCEL);
  const q = await ctx.reply(prompt, { reply_markup: kb, parse_mode: "HTML" });
  let pending: string | null = null;
  for (;;) {
    let text = pending;
    pending = null;
    if (text === null) {
      const c = await waitStep(conversation);
      const data = c.callbackQuery?.data;
      if (data) {
        const m = /^tgx:(\d+)$/.exec(data);
        const ch = m && c.callbackQuery!.message?.message_id === q.message_id ? choices[Number(m[1])] : undefined;
        if (!ch || !o.onChoice) {
          await c.answerCallbackQuery({ text: c.t("flow-old-button") });
          continue;
        }
        await c.answerCallbackQuery();
        const now = await flowNow(conversation, ctx);
        const date = o.onChoice(ch.value, now);
        const bad = date ? o.validate?.(date, now) : null;
        if (bad) {
          await ctx.reply(bad, { parse_mode: "HTML" });
          continue;
        }
        await c.editMessageText(`${prompt}\n\n✅ ${escapeHtml(ch.label)}`, { parse_mode: "HTML", reply_markup: undefined }).catch(() => {});
        return { date, typed: false };
      }
      text = c.message?.text?.trim() ?? null;
      if (!text) {
        await c.reply(c.t("flow-expect-text"));
        continue;
      }
      // A button's label typed out counts as pressing it (as in askChoice).
      const plain = (s: string) => s.toLowerCase().replace(/^\P{L}+/u, "").trim();
      const byLabel = o.onChoice ? choices.find((ch) => plain(ch.label) === plain(text!)) : undefined;
      if (byLabel) {
        const now = await flowNow(conversation, ctx);
        const date = o.onChoice!(byLabel.value, now);
        const bad = date ? o.validate?.(date, now) : null;
        if (bad) {
          await ctx.reply(bad, { parse_mode: "HTML" });
          continue;
        }
        await ctx.api.editMessageReplyMarkup(q.chat.id, q.message_id, { reply_markup: undefined }).catch(() => {});
        return { date, typed: false };
      }
    }
    const reading = await readTypedDate(conversation, ctx, text, o);
    if (!reading) continue;
    const ok = await confirmDate(conversation, ctx, reading, o);
    if (ok === true) {
      // The question's buttons no longer apply.
      await ctx.api.editMessageReplyMarkup(q.chat.id, q.message_id, { reply_markup: undefined }).catch(() => {});
      return { date: reading.date, typed: true };
    }
    if (ok === false) await ctx.reply(ctx.t("tanggal-retype"), { parse_mode: "HTML" });
    else pending = ok.text;
  }
}
