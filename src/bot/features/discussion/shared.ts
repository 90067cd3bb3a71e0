import { getForumTerms } from "../../../domain/forum/service.js";
import type { Deps } from "../../../deps.js";
import { JOB, OWNER } from "../../../domain/discussion/index.js";
import { formatDateTimeLong, type ZoneName } from "../../../lib/time.js";
import { defineCallback } from "../../lib/callback.js";
import type { FlowContext } from "../../context.js";
import { translate } from "../../lib/translate.js";

export const topicViewCb = defineCallback("dtv", ["topic"] as const);
export const topicListCb = defineCallback("dtl", ["page"] as const);
export const slowAskCb = defineCallback("dsq", ["topic"] as const);
export const slowSetCb = defineCallback("dss", ["topic", "sec"] as const);
export const closeCb = defineCallback("dtc", ["topic"] as const);
/** Groups linked after the topic opened, to choose from; then one of them joins the topic. */
export const joinListCb = defineCallback("dtj", ["topic"] as const);
export const joinCb = defineCallback("dtg", ["topic", "link"] as const);
export const transcriptCb = defineCallback("dtr", ["topic"] as const);
export const NEW_TOPIC = "dtn";
/** Mute duration buttons under a moderator's /bisukan; `msg` is the message it answered. */
export const muteCb = defineCallback("dmu", ["msg", "min"] as const);

/** How long a notice the bot had to post in a group (instead of privately) stays there. */
export const TRANSIENT_MS = 60_000;

/**
 * Says something to the person in front of us privately; where the bot may not write to them,
 * as a short reply in the group that a job removes again a minute later (UX: transient prompts).
 */
export async function tellPrivately(ctx: FlowContext, text: string): Promise<"private" | "group"> {
  const from = ctx.from;
  if (from && ctx.person?.canMessage) {
    try {
      await ctx.api.sendMessage(from.id, text, { parse_mode: "HTML", link_preview_options: { is_disabled: true } });
      return "private";
    } catch {
      // blocked or never started: fall through to the group
    }
  }
  const chatId = ctx.chat?.id;
  if (!chatId) return "group";
  const msg = await ctx.reply(text, {
    parse_mode: "HTML",
    ...(ctx.msg?.message_id ? { reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true } } : {}),
  });
  await ctx.deps.jobs.schedule({
    kind: JOB.cleanup,
    ownerId: `${chatId}:${msg.message_id}`,
    dueAt: new Date(ctx.deps.clock.now().getTime() + TRANSIENT_MS),
    payload: { chatId: String(chatId), messageId: msg.message_id },
  });
  return "group";
}

/** A notice to someone else (a muted author, say), in their language, through the outbox. */
export async function noticeTo(deps: Deps, forumId: number, personId: number, key: string, params: (lang: string) => Record<string, string | number>): Promise<boolean> {
  const p = await deps.prisma.person.findUnique({ where: { id: personId }, select: { telegramUserId: true, canMessage: true, language: true } });
  if (!p?.canMessage) return false;
  const terms = await getForumTerms(deps, forumId);
  await deps.delivery.enqueue({
    forumId,
    ownerKind: OWNER.notice,
    ownerId: `${key}:${personId}:${deps.clock.now().getTime()}`,
    items: [{ chatId: p.telegramUserId, recipientKey: `person:${personId}`, payload: { op: "send", method: "sendMessage", params: { text: translate(p.language, key, params(p.language), terms), parse_mode: "HTML" } } }],
  });
  return true;
}

export function longDate(d: Date, timezone: string, language: string | null | undefined) {
  return formatDateTimeLong(d, timezone as ZoneName, language === "en" ? "en" : "id");
}

export function intervalLabel(t: (k: string, p?: Record<string, string | number>) => string, seconds: number) {
  if (seconds <= 0) return t("discussion-slow-off");
  return seconds < 60 ? t("discussion-interval-seconds", { n: seconds }) : t("discussion-interval-minutes", { n: Math.round(seconds / 60) });
}
