import { InlineKeyboard } from "grammy";
import { DomainError } from "../../domain/errors.js";
import type { Flow, FlowContext } from "../context.js";
import { errorText } from "./replies.js";

/**
 * Small helpers for guided flows (grammY conversations v2). Each asks one thing, shows buttons for
 * closed choices, always offers ❌ Batal, and leaves the flow when the person types another command.
 * Remember: anything with side effects or reading the database goes in conversation.external(),
 * and externals must return JSON-safe values (no BigInt, Dates come back as strings).
 */
export const FLOW_CANCEL = "flow:cancel";
const CHOICE = /^fc:(\d+):(.{1,40})$/;

/** What a flow step reads when the domain refused: the refusal, in the person's words. */
export interface Refused {
  ok: false;
  text: string;
}

/**
 * Domain work inside a flow (outside the replay, as conversation.external): a refusal of the
 * domain (DomainError) comes back as `{ ok: false, text }` for the flow to say, anything else throws.
 */
export function refusable<T>(conversation: Flow, work: (octx: FlowContext) => Promise<T>): Promise<T | Refused> {
  return conversation.external(async (octx) => {
    try {
      return await work(octx);
    } catch (err) {
      if (err instanceof DomainError) return { ok: false as const, text: errorText(octx, err)! };
      throw err;
    }
  });
}

export function cancelButton(ctx: FlowContext) {
  return new InlineKeyboard().text(ctx.t("btn-cancel"), FLOW_CANCEL);
}

/** Waits for the next update of this person, handling ❌ Batal and other commands. */
export async function waitStep(conversation: Flow): Promise<FlowContext> {
  for (;;) {
    const c = await conversation.wait();
    if (c.callbackQuery?.data === FLOW_CANCEL) {
      await c.answerCallbackQuery();
      await c.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => {});
      await c.reply(c.t("flow-cancelled"));
      return conversation.halt();
    }
    const text = c.message?.text;
    if (text && /^\/[a-z]/i.test(text)) {
      // Another command: leave this flow and let that command run.
      return conversation.halt({ next: true });
    }
    return c;
  }
}

export interface AskTextOptions {
  min?: number;
  max?: number;
  keyboard?: InlineKeyboard;
  /** Extra validation; return a locale key (with params) to reject. */
  validate?: (text: string) => { key: string; params?: Record<string, string | number> } | null;
}

export async function askText(conversation: Flow, ctx: FlowContext, prompt: string, opts: AskTextOptions = {}): Promise<string> {
  await ctx.reply(prompt, { reply_markup: opts.keyboard ?? cancelButton(ctx), parse_mode: "HTML" });
  for (;;) {
    const c = await waitStep(conversation);
    if (c.callbackQuery) {
      await c.answerCallbackQuery({ text: c.t("flow-expect-text") });
      continue;
    }
    const text = c.message?.text?.trim();
    if (!text) {
      await c.reply(c.t("flow-expect-text"));
      continue;
    }
    const min = opts.min ?? 1;
    const max = opts.max ?? 4000;
    if (text.length < min) {
      await c.reply(c.t("flow-text-too-short", { min }));
      continue;
    }
    if (text.length > max) {
      await c.reply(c.t("flow-text-too-long", { max, length: text.length }));
      continue;
    }
    const bad = opts.validate?.(text);
    if (bad) {
      await c.reply(c.t(bad.key, bad.params ?? {}));
      continue;
    }
    return text;
  }
}

export interface Choice {
  label: string;
  value: string;
}

/**
 * Asks for one of `choices` with buttons; typed text matching a label also counts. Presses on
 * buttons of an older question are told so and ignored.
 */
export async function askChoice(
  conversation: Flow,
  ctx: FlowContext,
  prompt: string,
  choices: Choice[],
  opts: { columns?: number; allowCancel?: boolean } = {},
): Promise<string> {
  const kb = new InlineKeyboard();
  const columns = opts.columns ?? 2;
  choices.forEach((ch, i) => {
    kb.text(ch.label, `fc:${i}:${ch.value}`.slice(0, 64));
    if ((i + 1) % columns === 0) kb.row();
  });
  if (opts.allowCancel !== false) kb.row().text(ctx.t("btn-cancel"), FLOW_CANCEL);
  const question = await ctx.reply(prompt, { reply_markup: kb, parse_mode: "HTML" });
  for (;;) {
    const c = await waitStep(conversation);
    const data = c.callbackQuery?.data;
    if (data) {
      const m = data.match(CHOICE);
      if (!m || c.callbackQuery!.message?.message_id !== question.message_id) {
        await c.answerCallbackQuery({ text: c.t("flow-old-button") });
        continue;
      }
      const chosen = choices[Number(m[1])];
      if (!chosen) {
        await c.answerCallbackQuery({ text: c.t("flow-old-button") });
        continue;
      }
      await c.answerCallbackQuery();
      await c.editMessageText(`${prompt}\n\n✅ ${escape(chosen.label)}`, { parse_mode: "HTML", reply_markup: undefined }).catch(() => {});
      return chosen.value;
    }
    const typed = c.message?.text?.trim().toLowerCase();
    const byText = typed ? choices.find((ch) => ch.label.toLowerCase().replace(/^\P{L}+/u, "").trim() === typed.replace(/^\P{L}+/u, "").trim()) : undefined;
    if (byText) return byText.value;
    await c.reply(c.t("flow-use-buttons"));
  }
}

function escape(s: string) {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Like askChoice, for long lists (villages): pages of `pageSize` with ◀️ ▶️. */
export async function askChoicePaged(
  conversation: Flow,
  ctx: FlowContext,
  prompt: string,
  choices: Choice[],
  opts: { pageSize?: number; columns?: number } = {},
): Promise<string> {
  const pageSize = opts.pageSize ?? 12;
  if (choices.length <= pageSize) return askChoice(conversation, ctx, prompt, choices, { columns: opts.columns ?? 2 });
  const pages = Math.ceil(choices.length / pageSize);
  const keyboard = (page: number) => {
    const kb = new InlineKeyboard();
    choices.slice(page * pageSize, (page + 1) * pageSize).forEach((ch, j) => {
      const i = page * pageSize + j;
      kb.text(ch.label, `fc:${i}:${ch.value}`.slice(0, 64));
      if ((j + 1) % (opts.columns ?? 2) === 0) kb.row();
    });
    kb.row();
    if (page > 0) kb.text("◀️", `fp:${page - 1}`);
    kb.text(`${page + 1}/${pages}`, `fp:${page}`);
    if (page < pages - 1) kb.text("▶️", `fp:${page + 1}`);
    kb.row().text(ctx.t("btn-cancel"), FLOW_CANCEL);
    return kb;
  };
  const question = await ctx.reply(prompt, { reply_markup: keyboard(0), parse_mode: "HTML" });
  for (;;) {
    const c = await waitStep(conversation);
    const data = c.callbackQuery?.data;
    if (!data) {
      const typed = c.message?.text?.trim().toLowerCase();
      const hit = typed ? choices.find((ch) => ch.label.toLowerCase() === typed) : undefined;
      if (hit) return hit.value;
      await c.reply(c.t("flow-use-buttons"));
      continue;
    }
    if (c.callbackQuery!.message?.message_id !== question.message_id) {
      await c.answerCallbackQuery({ text: c.t("flow-old-button") });
      continue;
    }
    const nav = data.match(/^fp:(\d+)$/);
    if (nav) {
      await c.answerCallbackQuery();
      const page = Math.min(pages - 1, Number(nav[1]));
      await c.editMessageReplyMarkup({ reply_markup: keyboard(page) }).catch(() => {});
      continue;
    }
    const m = data.match(CHOICE);
    const chosen = m ? choices[Number(m[1])] : undefined;
    if (!chosen) {
      await c.answerCallbackQuery({ text: c.t("flow-old-button") });
      continue;
    }
    await c.answerCallbackQuery();
    await c.editMessageText(`${prompt}\n\n✅ ${escape(chosen.label)}`, { parse_mode: "HTML", reply_markup: undefined }).catch(() => {});
    return chosen.value;
  }
}
