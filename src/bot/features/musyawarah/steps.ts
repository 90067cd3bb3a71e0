import { InlineKeyboard } from "grammy";
import type { Flow, FlowContext } from "../../context.js";
import { FLOW_CANCEL, waitStep, type Choice } from "../../lib/flow.js";
import { escapeHtml } from "../../lib/replies.js";
import { formatDateTimeLong, formatDateTimeShort, type ZoneName } from "../../../lib/time.js";
import {
  atTime,
  interpretMeetingDay,
  interpretMeetingTime,
  timeOnDay,
  upcomingDays,
  type MeetingTimeResult,
} from "../../../domain/meetings/dates.js";
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

const WHEN_ERROR: Record<Exclude<MeetingTimeResult, { ok: true }>["reason"], string> = {
  past: "musyawarah-when-past",
  invalid_date: "musyawarah-when-invalid",
  unparsed: "musyawarah-when-unparsed",
  no_time: "musyawarah-when-no-time",
  too_far: "musyawarah-when-too-far",
};

/** The locale key that explains why a typed time was not accepted. */
export function whenErrorKey(reason: Exclude<MeetingTimeResult, { ok: true }>["reason"]): string {
  return WHEN_ERROR[reason];
}

/** A time on a chosen day: buttons for common hours, or typed. */
async function askTimeOnDay(conversation: Flow, ctx: FlowContext, day: Date, zone: ZoneName): Promise<Date> {
  const lang = langOf(ctx.person?.language);
  const kb = new InlineKeyboard();
  TIME_BUTTONS.forEach((t, i) => {
    kb.text(t, `mh:${t.replace(".", "")}`);
    if (i % 4 === 3) kb.row();
  });
  kb.row().text(ctx.t("btn-cancel"), FLOW_CANCEL);
  const dayLabel = formatDateTimeLong(day, zone, lang).replace(/ (pukul|at) .*$/, "");
  const q = await ctx.reply(ctx.t("musyawarah-ask-time", { day: dayLabel }), { reply_markup: kb, parse_mode: "HTML" });
  for (;;) {
    const c = await waitStep(conversation);
    const now = await nowOf(conversation, ctx);
    let r: MeetingTimeResult;
    const data = c.callbackQuery?.data;
    if (data) {
      const m = /^mh:(\d{2})(\d{2})$/.exec(data);
      if (!m || c.callbackQuery!.message?.message_id !== q.message_id) {
        await oldButton(c);
        continue;
      }
      await c.answerCallbackQuery();
      const at = atTime(day, Number(m[1]), Number(m[2]), zone);
      r = at.getTime() > now.getTime() ? { ok: true, date: at } : { ok: false, reason: "past" };
    } else {
      const text = c.message?.text?.trim();
      if (!text) {
        await c.reply(c.t("flow-expect-text"));
        continue;
      }
      r = timeOnDay(day, text, now, zone);
    }
    if (r.ok) return r.date;
    await c.reply(c.t(whenErrorKey(r.reason)), { parse_mode: "HTML" });
  }
}

/**
 * Date and time: day buttons for the coming week (then hour buttons), or typed the way people
 * write it. The result is repeated in full for confirmation before it is used.
 */
export async function askWhen(conversation: Flow, ctx: FlowContext, zone: ZoneName, prompt: string): Promise<Date> {
  const lang = langOf(ctx.person?.language);
  for (;;) {
    const now = await nowOf(conversation, ctx);
    const days = upcomingDays(now, zone, 8).slice(1);
    const kb = new InlineKeyboard();
    days.forEach((d, i) => {
      kb.text(formatDateTimeShort(d, zone, lang).split(",")[0]!, `md:${i}`);
      if (i % 3 === 2) kb.row();
    });
    kb.text(ctx.t("musyawarah-btn-other-day"), "md:other").row().text(ctx.t("btn-cancel"), FLOW_CANCEL);
    const q = await ctx.reply(prompt, { reply_markup: kb, parse_mode: "HTML" });
    let date: Date | null = null;
    while (!date) {
      const c = await waitStep(conversation);
      const data = c.callbackQuery?.data;
      if (data) {
        const m = /^md:(\d+|other)$/.exec(data);
        if (!m || c.callbackQuery!.message?.message_id !== q.message_id) {
          await oldButton(c);
          continue;
        }
        await c.answerCallbackQuery();
        if (m[1] === "other") {
          await c.reply(c.t("musyawarah-ask-day-typed"), { parse_mode: "HTML" });
          continue;
        }
        date = await askTimeOnDay(conversation, ctx, days[Number(m[1])]!, zone);
        break;
      }
      const text = c.message?.text?.trim();
      if (!text) {
        await c.reply(c.t("flow-expect-text"));
        continue;
      }
      const t = await nowOf(conversation, ctx);
      const r = interpretMeetingTime(text, t, zone);
      if (r.ok) {
        date = r.date;
        break;
      }
      if (r.reason === "no_time") {
        const day = interpretMeetingDay(text, t, zone);
        if (day && day.getTime() + 24 * 3600_000 > t.getTime()) {
          date = await askTimeOnDay(conversation, ctx, day, zone);
          break;
        }
      }
      await c.reply(c.t(whenErrorKey(r.reason)), { parse_mode: "HTML" });
    }
    const kb2 = new InlineKeyboard()
      .text(ctx.t("musyawarah-btn-right"), "mk:yes")
      .text(ctx.t("musyawarah-btn-change"), "mk:no")
      .row()
      .text(ctx.t("btn-cancel"), FLOW_CANCEL);
    const confirmText = ctx.t("musyawarah-confirm-when", { when: formatDateTimeLong(date, zone, lang) });
    const q2 = await ctx.reply(confirmText, { reply_markup: kb2, parse_mode: "HTML" });
    for (;;) {
      const c = await waitStep(conversation);
      const data = c.callbackQuery?.data;
      if (data && (data === "mk:yes" || data === "mk:no") && c.callbackQuery!.message?.message_id === q2.message_id) {
        await c.answerCallbackQuery();
        await c.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => {});
        if (data === "mk:yes") return date;
        break;
      }
      if (data) await oldButton(c);
      else await c.reply(c.t("flow-use-buttons"));
    }
  }
}
