import { Composer, InlineKeyboard } from "grammy";
import { createConversation } from "@grammyjs/conversations";
import type { BotContext, Flow, FlowContext } from "../context.js";
import type { Feature } from "../feature.js";
import type { Deps } from "../../deps.js";
import { DomainError } from "../../domain/errors.js";
import {
  addLocalHoliday,
  loadForumCalendar,
  removeLocalHoliday,
  setPrayerTime,
  upcomingHolidays,
} from "../../domain/forum/calendar.js";
import { HOLIDAY_SOURCES } from "../../lib/holidays.js";
import {
  PRAYER_ANCHORS,
  formatDate,
  formatDateTimeShort,
  parseIndonesianDateTime,
  startOfDayInZone,
  ymdInZone,
  type PrayerAnchor,
} from "../../lib/time.js";
import { askChoice, askText } from "../lib/flow.js";
import { askDate, dateSettingsOf } from "../lib/date-step.js";
import { actorOf } from "../lib/forum.js";
import { commandAndMenu } from "../lib/commands.js";
import { defineCallback, intId } from "../lib/callback.js";
import { errorText, escapeHtml } from "../lib/replies.js";
import { requireForum } from "./forum-setup.js";

/**
 * /kalender (forum admins): what "ba'da Subuh" … "habis Jumatan" mean in this forum, and the
 * forum's own days off on top of the national holidays and cuti bersama. Every press and every
 * save checks again that the person is an admin of that forum.
 */
export const kalenderCb = defineCallback("kal", ["forum", "act"] as const);
const ACTS = ["p", "a", "r"] as const;
const FLOW = "kalender-edit";

const lang = (ctx: FlowContext): "id" | "en" => (ctx.person?.language === "en" ? "en" : "id");
const hhmm = (s: string) => s.replace(":", ".");

/** "19.30", "19:30", "jam 19.30", "pukul 7.30" (24-hour clock) → "19:30"; null otherwise. */
export function readClockTime(text: string): string | null {
  const m = /^(?:jam|pukul|pkl\.?)?\s*([01]?\d|2[0-3])[.:]([0-5]\d)$/i.exec(text.trim());
  return m ? `${m[1]!.padStart(2, "0")}:${m[2]}` : null;
}

async function screen(ctx: FlowContext, deps: Deps, forumId: number): Promise<{ text: string; kb: InlineKeyboard }> {
  const fc = (await loadForumCalendar(deps.prisma, forumId))!;
  const forum = await deps.prisma.forum.findUniqueOrThrow({ where: { id: forumId }, select: { name: true } });
  const now = deps.clock.now();
  const l = lang(ctx);
  const prayers = PRAYER_ANCHORS.map((a) => `${ctx.t(`tanggal-prayer-${a}`)}: ${hhmm(fc.settings.prayerTimes[a])}`).join("\n");
  const upcoming = upcomingHolidays(fc, now, 8).map((h) => {
    const day = formatDateTimeShort(new Date(`${h.date}T12:00:00Z`), "Asia/Jakarta", l).split(",")[0]!;
    return `• ${day} — ${escapeHtml(h.name)}${h.kind === "lokal" ? ` (${ctx.t("tanggal-holiday-local")})` : h.kind === "cuti_bersama" ? ` (${ctx.t("tanggal-holiday-cuti")})` : ""}`;
  });
  const year = Number(ymdInZone(now, fc.zone).slice(0, 4));
  const sources = [year, year + 1]
    .map((y) => {
      const s = HOLIDAY_SOURCES[y];
      return s ? `${y}: ${escapeHtml(s.source)}${s.complete ? "" : ` — ${ctx.t("tanggal-source-partial")}`}` : `${y}: ${ctx.t("tanggal-source-missing")}`;
    })
    .join("\n");
  const text = ctx.t("tanggal-screen", {
    forum: escapeHtml(forum.name),
    prayers,
    holidays: upcoming.length ? upcoming.join("\n") : ctx.t("tanggal-holidays-none"),
    sources,
  });
  const kb = new InlineKeyboard()
    .text(ctx.t("tanggal-btn-prayer"), kalenderCb.build({ forum: forumId, act: "p" }))
    .row()
    .text(ctx.t("tanggal-btn-holiday-add"), kalenderCb.build({ forum: forumId, act: "a" }));
  if (fc.settings.holidays.some((h) => h.date >= ymdInZone(now, fc.zone))) kb.text(ctx.t("tanggal-btn-holiday-remove"), kalenderCb.build({ forum: forumId, act: "r" }));
  return { text, kb };
}

type Outcome<T> = { ok: true; value: T } | { ok: false; text: string; reason: string };

async function save<T>(conversation: Flow, fn: (octx: FlowContext) => Promise<T>): Promise<Outcome<T>> {
  return conversation.external(async (octx) => {
    try {
      return { ok: true as const, value: await fn(octx) };
    } catch (err) {
      if (err instanceof DomainError) return { ok: false as const, text: errorText(octx, err)!, reason: err.reason };
      throw err;
    }
  });
}

function editFlow(deps: Deps) {
  return async (conversation: Flow, ctx: FlowContext, forumId: number, act: (typeof ACTS)[number]) => {
    const settings = await dateSettingsOf(conversation, deps, forumId);
    if (act === "p") {
      const anchor = (await askChoice(
        conversation,
        ctx,
        ctx.t("tanggal-ask-prayer"),
        PRAYER_ANCHORS.map((a) => ({ label: `${ctx.t(`tanggal-prayer-${a}`)} (${hhmm(settings.prayerTimes[a])})`, value: a })),
      )) as PrayerAnchor;
      const typed = await askText(conversation, ctx, ctx.t("tanggal-ask-prayer-time", { prayer: ctx.t(`tanggal-prayer-${anchor}`) }), {
        max: 20,
        validate: (s) => (readClockTime(s) ? null : { key: "tanggal-prayer-time-bad" }),
      });
      const time = readClockTime(typed)!;
      const r = await save(conversation, (octx) => setPrayerTime(deps, actorOf(octx), forumId, anchor, time));
      if (!r.ok) return void (await ctx.reply(r.text));
      await ctx.reply(ctx.t("tanggal-prayer-saved", { prayer: ctx.t(`tanggal-prayer-${anchor}`), time: hhmm(time) }));
      return;
    }
    if (act === "a") {
      for (;;) {
        const { date } = await askDate(conversation, ctx, ctx.t("tanggal-ask-holiday-date"), {
          ...settings,
          dayOnly: true,
          interpret: (text, now) => {
            const p = parseIndonesianDateTime(text, now, settings.zone, { prayerTimes: settings.prayerTimes });
            // A day is asked for: a time typed with it (even an ambiguous one) is dropped, the day stays.
            const at = p.ok ? p.date : p.reason === "ambiguous_hour" && "candidates" in p ? p.candidates[0] : null;
            if (!at) return p;
            return { ok: true, date: startOfDayInZone(at, settings.zone) };
          },
          validate: (d, now) => (ymdInZone(d, settings.zone) < ymdInZone(now, settings.zone) ? ctx.t("error-tanggal_holiday_past") : null),
        });
        const ymd = ymdInZone(date!, settings.zone);
        const name = await askText(conversation, ctx, ctx.t("tanggal-ask-holiday-name"), { min: 3, max: 60 });
        const r = await save(conversation, (octx) => addLocalHoliday(deps, actorOf(octx), forumId, { date: ymd, name }));
        if (!r.ok) {
          await ctx.reply(r.text);
          if (r.reason === "not_admin" || r.reason === "tanggal_holidays_full") return;
          continue;
        }
        await ctx.reply(ctx.t("tanggal-holiday-added", { name: escapeHtml(name.trim()), date: formatDate(date!, settings.zone, lang(ctx)) }), { parse_mode: "HTML" });
        return;
      }
    }
    const list = await conversation.external(async () => {
      const fc = (await loadForumCalendar(deps.prisma, forumId))!;
      const today = ymdInZone(deps.clock.now(), fc.zone);
      return fc.settings.holidays.filter((h) => h.date >= today);
    });
    if (list.length === 0) return void (await ctx.reply(ctx.t("tanggal-holidays-none")));
    const ymd = await askChoice(
      conversation,
      ctx,
      ctx.t("tanggal-ask-holiday-remove"),
      list.map((h) => ({ label: `${formatDateTimeShort(new Date(`${h.date}T12:00:00Z`), "Asia/Jakarta", lang(ctx)).split(",")[0]} — ${h.name}`.slice(0, 60), value: h.date })),
      { columns: 1 },
    );
    const r = await save(conversation, (octx) => removeLocalHoliday(deps, actorOf(octx), forumId, ymd));
    if (!r.ok) return void (await ctx.reply(r.text));
    await ctx.reply(ctx.t("tanggal-holiday-removed"));
  };
}

export const kalenderFeature: Feature = {
  name: "kalender",
  commands: [{ command: "kalender", scopes: ["private"], audience: "admin_forum" }],
  composer(deps) {
    const c = new Composer<BotContext>();
    const p = c.chatType("private") as unknown as Composer<BotContext>;
    p.use(createConversation(editFlow(deps), FLOW));

    commandAndMenu(p, "kalender", async (ctx) => {
      const forumId = await requireForum(ctx);
      if (!forumId) return;
      if (!ctx.access.isAdmin(forumId)) return ctx.reply(ctx.t("error-not_admin"));
      const { text, kb } = await screen(ctx, deps, forumId);
      await ctx.reply(text, { parse_mode: "HTML", reply_markup: kb });
    });

    p.callbackQuery(kalenderCb.filter, async (ctx) => {
      const d = kalenderCb.parse(ctx.callbackQuery.data)!;
      const forumId = intId(d.forum);
      const act = ACTS.find((a) => a === d.act);
      if (!forumId || !act) return ctx.answerCallbackQuery({ text: ctx.t("flow-old-button") });
      // Rights come from the person's current role, never from the button.
      if (!ctx.access.isAdmin(forumId)) return ctx.answerCallbackQuery({ text: ctx.t("error-not_admin"), show_alert: true });
      await ctx.answerCallbackQuery();
      await ctx.conversation.enter(FLOW, forumId, act);
    });
    return c;
  },
};
