import { InlineKeyboard } from "grammy";
import type { Flow, FlowContext } from "../../context.js";
import type { Deps } from "../../../deps.js";
import { DomainError } from "../../../domain/errors.js";
import type { AspirasiDeps } from "../../../domain/aspirasi/index.js";
import { FLOW_CANCEL, waitStep } from "../../lib/flow.js";
import { errorText } from "../../lib/replies.js";
import { reportKeyOf } from "../../../domain/forum/service.js";
import { createNoticeRenderer } from "./notices.js";

const cache = new WeakMap<Deps, AspirasiDeps>();

/** The aspirasi domain's dependencies, built once per app. */
export function aspirasiDeps(deps: Deps): AspirasiDeps {
  let ad = cache.get(deps);
  if (!ad) {
    // delivery and jobs are read lazily: a restart swaps them on a new Deps object anyway.
    ad = { prisma: deps.prisma, clock: deps.clock, delivery: deps.delivery, jobs: deps.jobs, notices: createNoticeRenderer() };
    cache.set(deps, ad);
  }
  return ad;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; text: string; reason: string };

/** Runs a domain call outside the replay log, turning typed errors into the person's language. */
export async function run<T>(conversation: Flow, fn: (octx: FlowContext) => Promise<T>): Promise<Outcome<T>> {
  return conversation.external(async (octx) => {
    try {
      return { ok: true as const, value: await fn(octx) };
    } catch (err) {
      if (err instanceof DomainError) return { ok: false as const, text: errorText(octx, err)!, reason: err.reason };
      throw err;
    }
  });
}

const SKIP = "aspi:skip";

/**
 * Asks for a text that may be skipped (⏭️ Lewati) or must be given (`required`), with ❌ Batal.
 * Returns null when skipped.
 */
export async function askNote(
  conversation: Flow,
  ctx: FlowContext,
  prompt: string,
  opts: { required?: boolean; min?: number; max: number },
): Promise<string | null> {
  const kb = new InlineKeyboard();
  if (!opts.required) kb.text(ctx.t("aspirasi-btn-skip"), SKIP);
  kb.text(ctx.t("btn-cancel"), FLOW_CANCEL);
  const q = await ctx.reply(prompt, { parse_mode: "HTML", reply_markup: kb });
  for (;;) {
    const c = await waitStep(conversation);
    if (c.callbackQuery) {
      if (c.callbackQuery.data === SKIP && !opts.required && c.callbackQuery.message?.message_id === q.message_id) {
        await c.answerCallbackQuery();
        await c.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => {});
        return null;
      }
      await c.answerCallbackQuery({ text: c.t("flow-expect-text") });
      continue;
    }
    const text = c.message?.text?.trim();
    if (!text) {
      await c.reply(c.t("flow-expect-text"));
      continue;
    }
    if (opts.min && text.length < opts.min) {
      await c.reply(c.t("flow-text-too-short", { min: opts.min }));
      continue;
    }
    if (text.length > opts.max) {
      await c.reply(c.t("flow-text-too-long", { max: opts.max, length: text.length }));
      continue;
    }
    return text;
  }
}

export async function editOrReply(ctx: FlowContext, text: string, kb?: InlineKeyboard) {
  const markup = kb ?? new InlineKeyboard();
  if (ctx.callbackQuery?.message) {
    await ctx.editMessageText(text, { parse_mode: "HTML", reply_markup: markup, link_preview_options: { is_disabled: true } }).catch(async (err) => {
      if (!/not modified/i.test(String(err))) await ctx.reply(text, { parse_mode: "HTML", reply_markup: markup, link_preview_options: { is_disabled: true } });
    });
  } else {
    await ctx.reply(text, { parse_mode: "HTML", reply_markup: markup, link_preview_options: { is_disabled: true } });
  }
}

/** Deep-link payload of a village's aspirasi poster: aspirasi_<the village's random report key>. */
export async function aspirasiPayload(deps: Deps, forumId: number, villageId: number) {
  return `aspirasi_${await reportKeyOf(deps, forumId, villageId)}`;
}
