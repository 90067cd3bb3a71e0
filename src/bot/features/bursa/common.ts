import { InlineKeyboard } from "grammy";
import type { Deps } from "../../../deps.js";
import type { Flow, FlowContext } from "../../context.js";
import { FLOW_CANCEL, waitStep, refusable } from "../../lib/flow.js";
import { tOf } from "./words.js";

export type Outcome<T> = { ok: true; value: T } | { ok: false; text: string };

/** A domain call inside conversation.external; a typed error comes back as the person's text. */
export async function attempt<T>(conversation: Flow, fn: (octx: FlowContext) => Promise<T>): Promise<Outcome<T>> {
  return refusable(conversation, async (octx) => {
    return { ok: true as const, value: await fn(octx) };
  });
}

export async function editOrReply(ctx: FlowContext, text: string, kb?: InlineKeyboard) {
  const opts = { parse_mode: "HTML" as const, reply_markup: kb, link_preview_options: { is_disabled: true } };
  if (ctx.callbackQuery?.message) {
    await ctx.editMessageText(text, opts).catch(async (err) => {
      if (!/not modified/i.test(String(err))) await ctx.reply(text, opts);
    });
  } else {
    await ctx.reply(text, opts);
  }
}

const CLEAR = /^[-–—]$|^(kosong|hapus|kosongkan|tidak ada)$/i;

/**
 * Asks for a value with today's value shown; "-" empties it. `parse` turns text into a value or a
 * locale key explaining what is wrong; asked again until it passes.
 */
export async function askValue<V>(
  conversation: Flow,
  ctx: FlowContext,
  prompt: string,
  parse: (text: string) => { ok: true; value: V } | { ok: false; key: string },
  empty: V,
  opts: { max?: number } = {},
): Promise<V> {
  const t = tOf(ctx);
  await ctx.reply(prompt, { parse_mode: "HTML", reply_markup: new InlineKeyboard().text(ctx.t("btn-cancel"), FLOW_CANCEL) });
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
    if (opts.max && text.length > opts.max) {
      await c.reply(c.t("flow-text-too-long", { max: opts.max, length: text.length }));
      continue;
    }
    if (CLEAR.test(text)) return empty;
    const r = parse(text);
    if (r.ok) return r.value;
    await c.reply(t(r.key), { parse_mode: "HTML" });
  }
}

/** A file the person sent, downloaded through the Bot API (getFile, then the file URL). */
export async function downloadFile(deps: Deps, ctx: FlowContext, fileId: string): Promise<Buffer> {
  const f = await ctx.api.getFile(fileId);
  if (!f.file_path) throw new Error("getFile returned no file_path");
  const url = `${deps.config.TELEGRAM_API_ROOT}/file/bot${deps.config.BOT_TOKEN}/${f.file_path}`;
  const res = await fetch(url);
  if (!res.ok) throw new Error(`file download failed: ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}
