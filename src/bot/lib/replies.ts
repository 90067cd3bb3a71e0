import { InlineKeyboard } from "grammy";
import { DomainError } from "../../domain/errors.js";
import type { FlowContext } from "../context.js";
import { wasAnswered } from "./answered.js";

/** Turns a typed domain error into the person's language; anything else is a real bug. */
export function errorText(ctx: FlowContext, err: unknown): string | null {
  if (err instanceof DomainError) return ctx.t(`error-${err.reason}`, err.params);
  return null;
}

export async function replyError(ctx: FlowContext, err: unknown): Promise<void> {
  const text = errorText(ctx, err);
  if (text === null) throw err;
  await tellRefusal(ctx, text);
}

/**
 * A refusal as an alert on the press, or a message. A press that was already answered takes no
 * second answer (Telegram refuses it): the refusal then goes to the private chat, or, in a group,
 * nowhere (it is not for the whole group to read).
 */
export async function tellRefusal(ctx: FlowContext, text: string, opts: { reply_parameters?: ReturnType<typeof replyTo> } = {}): Promise<void> {
  if (ctx.callbackQuery && !wasAnswered(ctx.callbackQuery.id)) {
    await ctx.answerCallbackQuery({ text: text.slice(0, 200), show_alert: true }).catch(() => {});
  } else if (!ctx.callbackQuery || ctx.chat?.type === "private") {
    await ctx.reply(text, opts);
  }
}

export function deepLink(botUsername: string, payload: string) {
  return `https://t.me/${botUsername}?start=${payload}`;
}

export function groupDeepLink(botUsername: string, payload: string) {
  return `https://t.me/${botUsername}?startgroup=${payload}`;
}

/** "Silakan lanjutkan di chat pribadi dengan saya 👉" with a deep-link button (UX.md, In groups). */
export async function moveToPrivate(ctx: FlowContext, payload = "") {
  const kb = new InlineKeyboard().url(ctx.t("btn-open-private"), deepLink(ctx.deps.botUsername, payload || "mulai"));
  await ctx.reply(ctx.t("hint-use-private"), { reply_markup: kb, reply_parameters: replyTo(ctx) });
}

export function replyTo(ctx: FlowContext) {
  const id = ctx.msg?.message_id;
  return id ? { message_id: id, allow_sending_without_reply: true } : undefined;
}

/** Pages a list: ◀️ ▶️ buttons built with the caller's callback builder. */
export function pagerRow(kb: InlineKeyboard, page: number, pages: number, build: (page: number) => string) {
  if (pages <= 1) return kb;
  kb.row();
  if (page > 0) kb.text("◀️", build(page - 1));
  kb.text(`${page + 1}/${pages}`, build(page));
  if (page < pages - 1) kb.text("▶️", build(page + 1));
  return kb;
}

export function escapeHtml(s: string) {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
