import { InlineKeyboard } from "grammy";
import type { Flow, FlowContext } from "../../context.js";
import { FLOW_CANCEL, waitStep, type Choice } from "../../lib/flow.js";
import { escapeHtml } from "../../lib/replies.js";
import { formatDateTimeLong, formatDateTimeShort, type ZoneName } from "../../../lib/time.js";
import {
  atTime,
  interpretMeetingDay,
  interpretMeetingTime,
  judgeMeetingTime,
  timeOnDay,
  upcomingDays,
} from "../../../domain/musyawarah/dates.js";
import { confirmDate, dateSettingsOf, readTypedDate, type DateSettings, type DateStepOptions, type Reading } from "../../lib/date-step.js";
import { langOf } from "./render.js";

/**
 * Flow steps musyawarah needs beyond src/bot/lib/flow.ts: several choices at once, a choice or
 * typed text, a place or a location pin, and a date/time read from Indonesian phrasings.
 * Each step checks that a pressed button belongs to its own question.
 */

const TIME_BUTTONS = ["08.00", "09.00", "10.00", "13.00", "14.00", "16.00", "19.00", "19.30"];

async function nowOf(conversation: Flow, ctx: FlowContext): Promise<Date> {
  const iso = await conversation.external(() => ctx.deps.clock.now().toISOString());
  return new Date(iso);
}

async function oldButton(c: FlowContext) {
  await c.answerCallbackQuery({ text: c.t("flow-old-button") });
}

/** Buttons, or typed text that `parse` accepts (returns a value, or a locale key to explain). */
export async function askChoiceOrText(
  conversation: Flow,
  ctx: FlowContext,
  prompt: string,
  choices: Choice[],
  parse: (text: string) => { value: string } | { error: string },
  opts: { columns?: number } = {},
): Promise<string> {
  const kb = new InlineKeyboard();
  choices.forEach((ch, i) => {
    kb.text(ch.label, `mx:${i}`);
    if ((i + 1) % (opts.columns ?? 2) === 0) kb.row();
  });
  kb.row().text(ctx.t("btn-cancel"), FLOW_CANCEL);
  const q = await ctx.reply(prompt, { reply_markup: kb, parse_mode: "HTML" });
  for (;;) {
    const c = await waitStep(conversation);
    const data = c.callbackQuery?.data;
    if (data) {
      const m = /^mx:(\d+)$/.exec(data);
      const chosen = m && c.callbackQuery!.message?.message_id === q.message_id ? choices[Number(m[1])] : undefined;
      if (!chosen) {
        await oldButton(c);
        continue;
      }
      await c.answerCallbackQuery();
      await c.editMessageText(`${prompt}\n\n✅ ${escapeHtml(chosen.label)}`, { parse_mode: "HTML" }).catch(() => {});
      return chosen.value;
    }
    const text = c.message?.text?.trim();
    if (!text) {
      await c.reply(c.t("flow-use-buttons"));
      continue;
    }
    const byLabel = choices.find((ch) => ch.label.toLowerCase().replace(/^\P{L}+/u, "").trim() === text.toLowerCase());
    if (byLabel) return byLabel.value;
    const r = parse(text);
    if ("value" in r) return r.value;
    await c.reply(c.t(r.error), { parse_mode: "HTML" });
  }
}

/**
 * Several choices at once: buttons toggle ☑️/▫️, "Lanjut" finishes. Long lists are paged.
 * `all` adds a button that selects every choice.
 */
export async function askMulti(
  conversation: Flow,
  ctx: FlowContext,
  prompt: string,
  choices: Choice[],
  opts: { selected?: string[]; min?: number; all?: string; pageSize?: number; columns?: number } = {},
): Promise<string[]> {
  const selected = new Set(opts.selected ?? []);
  const pageSize = opts.pageSize ?? 20;
  const pages = Math.max(1, Math.ceil(choices.length / pageSize));
  let page = 0;
  const keyboard = () => {
    const kb = new InlineKeyboard();
    choices.slice(page * pageSize, (page + 1) * pageSize).forEach((ch, j) => {
      const i = page * pageSize + j;
      kb.text(`${selected.has(ch.value) ? "☑️" : "▫️"} ${ch.label}`.slice(0, 60), `mt:${i}`);
      if ((j + 1) % (opts.columns ?? 2) === 0) kb.row();
    });
    kb.row();
    if (pages > 1) {
      if (page > 0) kb.text("◀️", `mt:p${page - 1}`);
      kb.text(`${page + 1}/${pages}`, `mt:p${page}`);
      if (page < pages - 1) kb.text("▶️", `mt:p${page + 1}`);
      kb.row();
    }
    if (opts.all) kb.text(opts.all, "mt:all");
    kb.text(ctx.t("musyawarah-btn-next"), "mt:next").row();
    kb.text(ctx.t("btn-cancel"), FLOW_CANCEL);
    return kb;
  };
  const q = await ctx.reply(prompt, { reply_markup: keyboard(), parse_mode: "HTML" });
  for (;;) {
    const c = await waitStep(conversation);
    const data = c.callbackQuery?.data;
    if (!data) {
      await c.reply(c.t("flow-use-buttons"));
      continue;
    }
    if (c.callbackQuery!.message?.message_id !== q.message_id || !data.startsWith("mt:")) {
      await oldButton(c);
      continue;
    }
    const arg = data.slice(3);
    if (arg === "next") {
      if (selected.size < (opts.min ?? 1)) {
        await c.answerCallbackQuery({ text: c.t("musyawarah-pick-one") });
        continue;
      }
      await c.answerCallbackQuery();
      const chosen = choices.filter((ch) => selected.has(ch.value)).map((ch) => escapeHtml(ch.label));
      await c.editMessageText(`${prompt}\n\n✅ ${chosen.join(", ") || "—"}`.slice(0, 4000), { parse_mode: "HTML" }).catch(() => {});
      return choices.filter((ch) => selected.has(ch.value)).map((ch) => ch.value);
    }
    if (arg === "all") {
      const everything = choices.every((ch) => selected.has(ch.value));
      for (const ch of choices) everything ? selected.delete(ch.value) : selected.add(ch.value);
    } else if (arg.startsWith("p")) {
      page = Math.min(pages - 1, Math.max(0, Number(arg.slice(1)) || 0));
    } else {
      const ch = choices[Number(arg)];
      if (!ch) {
        await oldButton(c);
        continue;
      }
      selected.has(ch.value) ? selected.delete(ch.value) : selected.add(ch.value);
    }
    await c.answerCallbackQuery();
    await c.editMessageReplyMarkup({ reply_markup: keyboard() }).catch(() => {});
  }
}

/** Text that may be skipped with a button; null when skipped. */
export async function askTextOrSkip(conversation: Flow, ctx: FlowContext, prompt: string, opts: { max?: number } = {}): Promise<string | null> {
  const kb = new InlineKeyboard().text(ctx.t("musyawarah-btn-skip"), "ms:skip").row().text(ctx.t("btn-cancel"), FLOW_CANCEL);
  const q = await ctx.reply(prompt, { reply_markup: kb, parse_mode: "HTML" });
  for (;;) {
    const c = await waitStep(conversation);
    if (c.callbackQuery) {
      if (c.callbackQuery.data === "ms:skip" && c.callbackQuery.message?.message_id === q.message_id) {
        await c.answerCallbackQuery();
        await c.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => {});
        return null;
      }
      await oldButton(c);
      continue;
    }
    const text = c.message?.text?.trim();
    if (!text) {
      await c.reply(c.t("flow-expect-text"));
      continue;
    }
    if (opts.max && text.length > opts.max) {
      await c.reply(c.t("flow-text-too-long", { max: opts.max, length: text.length }));
      continue;
    }
    return text;
  }
}

export interface PlaceAnswer {
  place: string | null;
  latitude: number | null;
  longitude: number | null;
}

/** A place name and/or a location pin, in either order; one of them may be skipped. */
export async function askPlace(conversation: Flow, ctx: FlowContext): Promise<PlaceAnswer> {
  await ctx.reply(ctx.t("musyawarah-ask-place"), { parse_mode: "HTML", reply_markup: new InlineKeyboard().text(ctx.t("btn-cancel"), FLOW_CANCEL) });
  for (;;) {
    const c = await waitStep(conversation);
    if (c.callbackQuery) {
      await oldButton(c);
      continue;
    }
    const loc = c.message?.location ?? c.message?.venue?.location;
    if (loc) {
      const venue = c.message?.venue?.title ?? null;
      const name = venue ?? (await askTextOrSkip(conversation, ctx, ctx.t("musyawarah-ask-place-name"), { max: 200 }));
      return { place: name, latitude: loc.latitude, longitude: loc.longitude };
    }
    const text = c.message?.text?.trim();
    if (!text) {
      await c.reply(c.t("musyawarah-place-expect"));
      continue;
    }
    if (text.length > 200) {
      await c.reply(c.t("flow-text-too-long", { max: 200, length: text.length }));
      continue;
    }
    // Then, optionally, the pin.
    const kb = new InlineKeyboard().text(ctx.t("musyawarah-btn-skip"), "ms:skip").row().text(ctx.t("btn-cancel"), FLOW_CANCEL);
    const q = await ctx.reply(ctx.t("musyawarah-ask-pin"), { reply_markup: kb });
    for (;;) {
      const d = await waitStep(conversation);
      if (d.callbackQuery) {
        if (d.callbackQuery.data === "ms:skip" && d.callbackQuery.message?.message_id === q.message_id) {
          await d.answerCallbackQuery();
          await d.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => {});
          return { place: text, latitude: null, longitude: null };
        }
        await oldButton(d);
        continue;
      }
      const pin = d.message?.location ?? d.message?.venue?.location;
      if (pin) return { place: text, latitude: pin.latitude, longitude: pin.longitude };
      await d.reply(d.t("musyawarah-ask-pin"));
    }
  }
}

/** Failures only a meeting time has; what the reader itself cannot read is explained by tanggal-*. */
const WHEN_ERROR: Record<"past" | "too_far", string> = {
  past: "musyawarah-when-past",
  too_far: "musyawarah-when-too-far",
};

/** Where a meeting is held, for reading its dates: the forum (prayer times) and its zone. */
export interface WhenPlace {
  forumId: number;
  zone: ZoneName;
}

/** How the shared date step reads and judges a meeting's start. */
export function meetingDateOptions(ctx: FlowContext, settings: DateSettings): DateStepOptions {
  const opts = { prayerTimes: settings.prayerTimes };
  return {
    ...settings,
    interpret: (text, now) => interpretMeetingTime(text, now, settings.zone, opts),
    validate: (date, now) => {
      const bad = judgeMeetingTime(date, now);
      return bad ? ctx.t(WHEN_ERROR[bad]) : null;
    },
    errorKeys: WHEN_ERROR,
    confirmKey: "musyawarah-confirm-when",
  };
}

/** A time on a chosen day: buttons for common hours, or typed. */
async function askTimeOnDay(conversation: Flow, ctx: FlowContext, day: Date, settings: DateSettings): Promise<Reading> {
  const { zone } = settings;
  const lang = langOf(ctx.person?.language);
  const kb = new InlineKeyboard();
  TIME_BUTTONS.forEach((t, i) => {
    kb.text(t, `mh:${t.replace(".", "")}`);
    if (i % 4 === 3) kb.row();
  });
  kb.row().text(ctx.t("btn-cancel"), FLOW_CANCEL);
  const dayLabel = formatDateTimeLong(day, zone, lang).replace(/ (pukul|at) .*$/, "");
  const q = await ctx.reply(ctx.t("musyawarah-ask-time", { day: dayLabel }), { reply_markup: kb, parse_mode: "HTML" });
  const onDay: DateStepOptions = {
    ...meetingDateOptions(ctx, settings),
    interpret: (text, now) => timeOnDay(day, text, now, zone, { prayerTimes: settings.prayerTimes }),
  };
  for (;;) {
    const c = await waitStep(conversation);
    const data = c.callbackQuery?.data;
    if (data) {
      const m = /^mh:(\d{2})(\d{2})$/.exec(data);
      if (!m || c.callbackQuery!.message?.message_id !== q.message_id) {
        await oldButton(c);
        continue;
      }
      await c.answerCallbackQuery();
      const now = await nowOf(conversation, ctx);
      const at = atTime(day, Number(m[1]), Number(m[2]), zone);
      if (at.getTime() > now.getTime()) return { date: at };
      await c.reply(c.t(WHEN_ERROR.past), { parse_mode: "HTML" });
      continue;
    }
    const text = c.message?.text?.trim();
    if (!text) {
      await c.reply(c.t("flow-expect-text"));
      continue;
    }
    const r = await readTypedDate(conversation, ctx, text, onDay);
    if (r) return r;
  }
}

/**
 * Date and time: day buttons for the coming week (then hour buttons), or typed the way people
 * write it (a day alone asks for the hour). The result is repeated in full for confirmation
 * (the shared date step) before it is used.
 */
export async function askWhen(conversation: Flow, ctx: FlowContext, where: WhenPlace, prompt: string): Promise<Date> {
  const lang = langOf(ctx.person?.language);
  const settings = { ...(await dateSettingsOf(conversation, ctx.deps, where.forumId)), zone: where.zone };
  const { zone } = settings;
  const options = meetingDateOptions(ctx, settings);
  let typedAgain: string | null = null;
  let q: { message_id: number } | null = null;
  let days: Date[] = [];
  for (;;) {
    if (typedAgain === null) {
      // First time, or after ✏️ Ubah: the question again, with the coming days as of now.
      const now = await nowOf(conversation, ctx);
      days = upcomingDays(now, zone, 8).slice(1);
      const kb = new InlineKeyboard();
      days.forEach((d, i) => {
        kb.text(formatDateTimeShort(d, zone, lang).split(",")[0]!, `md:${i}`);
        if (i % 3 === 2) kb.row();
      });
      kb.text(ctx.t("musyawarah-btn-other-day"), "md:other").row().text(ctx.t("btn-cancel"), FLOW_CANCEL);
      q = await ctx.reply(prompt, { reply_markup: kb, parse_mode: "HTML" });
    }
    let reading: Reading | null = null;
    while (!reading) {
      let text = typedAgain;
      typedAgain = null;
      if (text === null) {
        const c = await waitStep(conversation);
        const data = c.callbackQuery?.data;
        if (data) {
          const m = /^md:(\d+|other)$/.exec(data);
          if (!m || !q || c.callbackQuery!.message?.message_id !== q.message_id) {
            await oldButton(c);
            continue;
          }
          await c.answerCallbackQuery();
          if (m[1] === "other") {
            await c.reply(c.t("musyawarah-ask-day-typed"), { parse_mode: "HTML" });
            continue;
          }
          reading = await askTimeOnDay(conversation, ctx, days[Number(m[1])]!, settings);
          break;
        }
        text = c.message?.text?.trim() ?? null;
        if (!text) {
          await c.reply(c.t("flow-expect-text"));
          continue;
        }
      }
      // A day without an hour ("Senin", "malam Jumat", "25/12"): ask the hour on that day.
      const t = await nowOf(conversation, ctx);
      const first = interpretMeetingTime(text, t, zone, { prayerTimes: settings.prayerTimes });
      if (!first.ok && first.reason === "no_time") {
        const day = interpretMeetingDay(text, t, zone, { prayerTimes: settings.prayerTimes });
        if (day && day.getTime() + 24 * 3600_000 > t.getTime()) {
          reading = await askTimeOnDay(conversation, ctx, day, settings);
          break;
        }
      }
      reading = await readTypedDate(conversation, ctx, text, options);
    }
    const ok = await confirmDate(conversation, ctx, reading, options);
    if (ok === true) return reading.date;
    if (typeof ok === "object") typedAgain = ok.text;
  }
}
