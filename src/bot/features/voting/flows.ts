import { termsOf, type ForumTerms } from "../../../domain/forum/terms.js";
import { HALF_PLUS_ONE, TWO_THIRDS, isThreshold, type Threshold } from "../../../domain/voting/index.js";
import { useTerms } from "../../lib/terms.js";
/**
 * Guided flows (grammY conversations v2): a formal vote, a quick poll, extending a deadline.
 * One question per message, buttons for closed choices, ❌ Batal everywhere; every database read,
 * clock reading and domain call happens inside conversation.external().
 */
import { InlineKeyboard } from "grammy";
import type { Deps } from "../../../deps.js";
import type { Flow, FlowContext } from "../../context.js";
import { DomainError } from "../../../domain/errors.js";
import {
  createQuickPoll,
  createVote,
  extendVote,
  organiserVillages,
  parseOptions,
  usableReminders,
} from "../../../domain/voting/index.js";
import { LIMITS, type Ballot, type Counting, type Eligibility, type VoteInfo } from "../../../domain/voting/index.js";
import { askChoice, askText, FLOW_CANCEL, waitStep, type Choice, refusable } from "../../lib/flow.js";
import { actorOf } from "../../lib/forum.js";
import { escapeHtml } from "../../lib/replies.js";
import type { ZoneName } from "../../../lib/time.js";
import { askDate, dateSettingsOf } from "../../lib/date-step.js";
import { cardKeyboard, cardText, createRenderer, longDate, reminderLabel, rulesLine } from "./render.js";
import { manageCb, NEW_VOTE } from "./callbacks.js";

type Lang = "id" | "en";
const lang = (ctx: FlowContext): Lang => (ctx.person?.language === "en" ? "en" : "id");

/** Several choices with ✅ toggles (paged), "Semua" and ✅ Selesai. Returns values in list order. */
export async function askMulti(
  conversation: Flow,
  ctx: FlowContext,
  prompt: string,
  choices: Choice[],
  opts: { min?: number; allLabel?: string; pageSize?: number } = {},
): Promise<string[]> {
  const selected = new Set<string>();
  const pageSize = opts.pageSize ?? 10;
  const pages = Math.max(1, Math.ceil(choices.length / pageSize));
  const min = opts.min ?? 1;
  let page = 0;
  const keyboard = () => {
    const kb = new InlineKeyboard();
    choices.slice(page * pageSize, (page + 1) * pageSize).forEach((ch, j) => {
      kb.text(`${selected.has(ch.value) ? "✅ " : ""}${ch.label}`, `vms:${page * pageSize + j}`);
      if (j % 2 === 1) kb.row();
    });
    kb.row();
    if (pages > 1) {
      if (page > 0) kb.text("◀️", `vmp:${page - 1}`);
      kb.text(`${page + 1}/${pages}`, `vmp:${page}`);
      if (page < pages - 1) kb.text("▶️", `vmp:${page + 1}`);
      kb.row();
    }
    if (opts.allLabel) kb.text(opts.allLabel, "vma");
    kb.text(ctx.t("vote-btn-done"), "vmd").row().text(ctx.t("btn-cancel"), FLOW_CANCEL);
    return kb;
  };
  const question = await ctx.reply(prompt, { reply_markup: keyboard(), parse_mode: "HTML" });
  const ordered = () => choices.filter((c) => selected.has(c.value));
  for (;;) {
    const c = await waitStep(conversation);
    const data = c.callbackQuery?.data;
    if (!data) {
      await c.reply(c.t("flow-use-buttons"));
      continue;
    }
    if (c.callbackQuery!.message?.message_id !== question.message_id) {
      await c.answerCallbackQuery({ text: c.t("flow-old-button") });
      continue;
    }
    if (data === "vmd") {
      if (selected.size < min) {
        await c.answerCallbackQuery({ text: c.t("vote-pick-at-least-one"), show_alert: true });
        continue;
      }
      await c.answerCallbackQuery();
      const chosen = ordered().map((x) => escapeHtml(x.label)).join(", ") || "—";
      await c.editMessageText(`${prompt}\n\n✅ ${chosen}`.slice(0, 4000), { parse_mode: "HTML", reply_markup: undefined }).catch(() => {});
      return ordered().map((x) => x.value);
    }
    if (data === "vma") {
      const all = selected.size === choices.length;
      selected.clear();
      if (!all) for (const ch of choices) selected.add(ch.value);
    } else if (/^vmp:\d+$/.test(data)) {
      page = Math.min(pages - 1, Number(data.slice(4)));
    } else if (/^vms:\d+$/.test(data)) {
      const ch = choices[Number(data.slice(4))];
      if (!ch) {
        await c.answerCallbackQuery({ text: c.t("flow-old-button") });
        continue;
      }
      if (selected.has(ch.value)) selected.delete(ch.value);
      else selected.add(ch.value);
    } else {
      await c.answerCallbackQuery({ text: c.t("flow-old-button") });
      continue;
    }
    await c.answerCallbackQuery();
    await c.editMessageReplyMarkup({ reply_markup: keyboard() }).catch(() => {});
  }
}

/** Answer options, one per line, or the "Setuju / Tidak setuju" button. */
async function askOptions(conversation: Flow, ctx: FlowContext): Promise<string[]> {
  const kb = new InlineKeyboard().text(ctx.t("vote-btn-yes-no"), "vfo:yn").row().text(ctx.t("btn-cancel"), FLOW_CANCEL);
  const question = await ctx.reply(ctx.t("vote-ask-options"), { reply_markup: kb, parse_mode: "HTML" });
  for (;;) {
    const c = await waitStep(conversation);
    if (c.callbackQuery) {
      if (c.callbackQuery.data === "vfo:yn" && c.callbackQuery.message?.message_id === question.message_id) {
        await c.answerCallbackQuery();
        await c.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => {});
        return [c.t("vote-yes"), c.t("vote-no")];
      }
      await c.answerCallbackQuery({ text: c.t("flow-old-button") });
      continue;
    }
    const text = c.message?.text;
    if (!text) {
      await c.reply(c.t("flow-expect-text"));
      continue;
    }
    try {
      return parseOptions(text);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      await c.reply(c.t(`error-${err.reason}`, err.params));
    }
  }
}

/**
 * A closing time: preset buttons or typed Indonesian ("besok 17.00", "Jumat 09.00"), a typed one
 * confirmed through the shared date step. Returns an ISO string, or null for "closed by hand"
 * when allowed.
 */
async function askDeadline(
  conversation: Flow,
  ctx: FlowContext,
  prompt: string,
  opts: { forumId: number; timezone: string; manual: boolean; from?: string | null },
): Promise<string | null> {
  const presets: Array<[string, number]> = [
    ["vote-btn-1h", 3600_000],
    ["vote-btn-1d", 24 * 3600_000],
    ["vote-btn-3d", 3 * 24 * 3600_000],
    ["vote-btn-7d", 7 * 24 * 3600_000],
  ];
  const choices = presets.map(([key], i) => ({ label: opts.from ? `+${ctx.t(key)}` : ctx.t(key), value: String(i) }));
  if (opts.manual) choices.push({ label: ctx.t("vote-btn-manual"), value: "m" });
  const settings = await dateSettingsOf(conversation, ctx.deps, opts.forumId);
  const zone = opts.timezone as ZoneName;
  const { date, typed } = await askDate(conversation, ctx, prompt, {
    ...settings,
    zone,
    choices,
    onChoice: (value, now) => {
      if (value === "m") return null;
      const base = opts.from && new Date(opts.from).getTime() > now.getTime() ? new Date(opts.from) : now;
      return new Date(base.getTime() + presets[Number(value)]![1]);
    },
    validate: (at, now) => {
      const ms = at.getTime() - now.getTime();
      if (ms < LIMITS.minDurationMs) return ctx.t("vote-deadline-past");
      if (ms > LIMITS.maxDurationMs) return ctx.t("vote-deadline-far");
      if (opts.from && at.getTime() <= new Date(opts.from).getTime()) return ctx.t("error-vote_extend_earlier");
      return null;
    },
  });
  if (!date) return null;
  // A typed date was echoed and confirmed already; a preset says what it came to.
  if (!typed) await ctx.reply(ctx.t("vote-deadline-chosen", { date: longDate(date.toISOString(), { timezone: opts.timezone } as VoteInfo, lang(ctx)) }));
  return date.toISOString();
}

/** Quorum buttons: the thresholds villages use, stored as exact fractions. */
const QUORUM_BUTTONS: Record<string, Threshold | null> = { "vq:0": null, "vq:h": HALF_PLUS_ONE, "vq:t": TWO_THIRDS };

/** "60", "60%" → 60/100; "2/3", "3/4" → that fraction; anything else → null. */
export function parseThreshold(text: string): Threshold | null {
  const pct = text.match(/^(\d{1,3})\s*%?$/);
  if (pct) {
    const n = Number(pct[1]);
    return n >= 1 && n <= 100 ? { num: n, den: 100, above: false } : null;
  }
  const frac = text.replace(/\s+/g, "").match(/^(\d{1,3})\/(\d{1,3})$/);
  if (frac) {
    const t = { num: Number(frac[1]), den: Number(frac[2]), above: false };
    return isThreshold(t) ? t : null;
  }
  return null;
}

async function askQuorum(conversation: Flow, ctx: FlowContext): Promise<Threshold | null> {
  const kb = new InlineKeyboard()
    .text(ctx.t("vote-btn-no-quorum"), "vq:0")
    .row()
    .text(ctx.t("vote-btn-half-plus-one"), "vq:h")
    .text(ctx.t("vote-btn-two-thirds"), "vq:t")
    .row()
    .text(ctx.t("btn-cancel"), FLOW_CANCEL);
  const question = await ctx.reply(ctx.t("vote-ask-quorum"), { reply_markup: kb, parse_mode: "HTML" });
  for (;;) {
    const c = await waitStep(conversation);
    if (c.callbackQuery) {
      const data = c.callbackQuery.data ?? "";
      if (!(data in QUORUM_BUTTONS) || c.callbackQuery.message?.message_id !== question.message_id) {
        await c.answerCallbackQuery({ text: c.t("flow-old-button") });
        continue;
      }
      await c.answerCallbackQuery();
      await c.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => {});
      return QUORUM_BUTTONS[data]!;
    }
    const typed = parseThreshold(c.message?.text?.trim() ?? "");
    if (!typed) {
      await c.reply(c.t("vote-quorum-bad"), { parse_mode: "HTML" });
      continue;
    }
    return typed;
  }
}

type Setup =
  | { ok: true; timezone: string; terms: ForumTerms; villages: Array<{ id: number; name: string; groups: number }> }
  | { ok: false; text: string };

async function loadSetup(conversation: Flow, deps: Deps, forumId: number): Promise<Setup> {
  return refusable(conversation, async (octx) => {
    const r = await organiserVillages(deps, actorOf(octx), forumId);
    const forum = await deps.prisma.forum.findUniqueOrThrow({ where: { id: forumId }, select: { timezone: true, villageTerm: true, councilTerm: true } });
    return { ok: true as const, timezone: forum.timezone, terms: termsOf(forum), villages: r.villages };
  });
}

async function askVillages(conversation: Flow, ctx: FlowContext, setup: Extract<Setup, { ok: true }>): Promise<number[]> {
  const available = setup.villages.filter((v) => v.groups > 0);
  if (available.length === 1) return [available[0]!.id];
  const missing = setup.villages.filter((v) => v.groups === 0).map((v) => escapeHtml(v.name));
  let prompt = ctx.t("vote-ask-villages");
  if (missing.length) prompt += `\n\n${ctx.t("vote-villages-no-group", { villages: missing.slice(0, 30).join(", ") })}`;
  const ids = await askMulti(
    conversation,
    ctx,
    prompt,
    available.map((v) => ({ label: v.name, value: String(v.id) })),
    { allLabel: ctx.t("vote-btn-all"), min: 1 },
  );
  return ids.map(Number);
}

export function newVoteFlow(deps: Deps) {
  return async (conversation: Flow, ctx: FlowContext, forumId: number) => {
    const setup = await loadSetup(conversation, deps, forumId);
    if (!setup.ok) return void (await ctx.reply(setup.text));
    useTerms(ctx, setup.terms);
    if (!setup.villages.some((v) => v.groups > 0)) return void (await ctx.reply(ctx.t("vote-no-villages-available")));

    const question = await askText(conversation, ctx, ctx.t("vote-ask-question"), { min: LIMITS.questionMin, max: LIMITS.questionMax });
    const options = await askOptions(conversation, ctx);
    const multiple =
      (await askChoice(conversation, ctx, ctx.t("vote-ask-multiple"), [
        { label: ctx.t("vote-btn-single"), value: "single" },
        { label: ctx.t("vote-btn-multi"), value: "multi" },
      ])) === "multi";
    const ballot = (await askChoice(conversation, ctx, ctx.t("vote-ask-ballot"), [
      { label: ctx.t("vote-btn-terbuka"), value: "terbuka" },
      { label: ctx.t("vote-btn-rahasia"), value: "rahasia" },
    ])) as Ballot;
    const villageIds = await askVillages(conversation, ctx, setup);
    const counting: Counting =
      villageIds.length > 1
        ? ((await askChoice(
            conversation,
            ctx,
            ballot === "rahasia" ? `${ctx.t("vote-ask-counting")}\n${ctx.t("vote-ask-counting-secret-note")}` : ctx.t("vote-ask-counting"),
            [
              { label: ctx.t("vote-btn-per_orang"), value: "per_orang" },
              { label: ctx.t("vote-btn-satu_desa"), value: "satu_desa" },
            ],
            { columns: 1 },
          )) as Counting)
        : "per_orang";
    const eligibility = (await askChoice(
      conversation,
      ctx,
      ctx.t("vote-ask-eligibility"),
      [
        { label: ctx.t("vote-btn-anggota_grup"), value: "anggota_grup" },
        { label: ctx.t("vote-btn-warga_terdaftar"), value: "warga_terdaftar" },
        { label: ctx.t("vote-btn-perangkat_desa"), value: "perangkat_desa" },
      ],
      { columns: 1 },
    )) as Eligibility;
    const closesAt = await askDeadline(conversation, ctx, ctx.t("vote-ask-deadline"), { forumId, timezone: setup.timezone, manual: true });
    const quorum = await askQuorum(conversation, ctx);
    let reminderMinutes: number[] = [];
    if (closesAt) {
      const now = new Date(await conversation.external(() => deps.clock.now().toISOString()));
      const fitting = usableReminders([60, 180, 1440], new Date(closesAt), now).sort((a, b) => a - b);
      if (fitting.length) {
        const picked = await askMulti(
          conversation,
          ctx,
          ctx.t("vote-ask-reminders"),
          fitting.map((m) => ({ label: reminderLabel(ctx.t.bind(ctx), m), value: String(m) })),
          { min: 0 },
        );
        reminderMinutes = picked.map(Number);
      }
    }

    // Preview: the card exactly as the groups will get it (its buttons do nothing yet).
    const chosen = setup.villages.filter((v) => villageIds.includes(v.id));
    const info: VoteInfo = {
      id: 0, forumId, kind: "formal", question: question.replace(/\s+/g, " ").trim(), options, multiple, ballot, counting, eligibility,
      closesAt, quorum, reminderMinutes, state: "open", closedAt: null, createdById: ctx.person?.id ?? 0, timezone: setup.timezone, terms: setup.terms,
      villages: chosen.map((v) => ({ id: v.id, name: v.name })),
    };
    const t = ctx.t.bind(ctx);
    const groups = chosen.reduce((n, v) => n + v.groups, 0);
    await ctx.reply(ctx.t("vote-preview-intro"));
    await ctx.reply(cardText(t, info, { ballots: 0, totals: ballot === "terbuka" ? options.map(() => 0) : null }, "id"), {
      parse_mode: "HTML",
      reply_markup: cardKeyboard(t, info),
    });
    const confirm = await askChoice(
      conversation,
      ctx,
      ctx.t("vote-preview-confirm", { groups, villages: chosen.length, rules: escapeHtml(rulesLine(t, info)) }),
      [{ label: ctx.t("vote-btn-send"), value: "send" }],
    );
    if (confirm !== "send") return;
    const r = await refusable(conversation, async (octx) => {
      const res = await createVote(
        deps,
        actorOf(octx),
        { forumId, question, options, multiple, ballot, counting, eligibility, villageIds, closesAt: closesAt ? new Date(closesAt) : null, quorum, reminderMinutes },
        createRenderer(),
      );
      return { ok: true as const, id: res.vote.id, groups: res.groups };
    });
    if (!r.ok) return void (await ctx.reply(r.text));
    await ctx.reply(ctx.t("vote-created", { groups: r.groups }), {
      reply_markup: new InlineKeyboard().text(ctx.t("vote-btn-open-detail"), manageCb.build({ vote: r.id, act: "d" })),
    });
  };
}

export function quickPollFlow(deps: Deps) {
  return async (conversation: Flow, ctx: FlowContext, forumId: number) => {
    const setup = await loadSetup(conversation, deps, forumId);
    if (!setup.ok) return void (await ctx.reply(setup.text));
    useTerms(ctx, setup.terms);
    if (!setup.villages.some((v) => v.groups > 0)) return void (await ctx.reply(ctx.t("vote-no-villages-available")));
    // Says plainly what a native poll cannot promise, and offers the formal vote instead.
    const go = await askChoice(
      conversation,
      ctx,
      ctx.t("vote-quick-intro"),
      [
        { label: ctx.t("vote-btn-quick-go"), value: "quick" },
        { label: ctx.t("vote-btn-formal-instead"), value: "formal" },
      ],
      { columns: 1 },
    );
    if (go === "formal") {
      await ctx.reply(ctx.t("vote-formal-instead"), { reply_markup: new InlineKeyboard().text(ctx.t("vote-btn-new"), NEW_VOTE) });
      return;
    }
    const question = await askText(conversation, ctx, ctx.t("vote-ask-question"), { min: LIMITS.questionMin, max: LIMITS.questionMax });
    const options = await askOptions(conversation, ctx);
    const multiple =
      (await askChoice(conversation, ctx, ctx.t("vote-ask-multiple"), [
        { label: ctx.t("vote-btn-single"), value: "single" },
        { label: ctx.t("vote-btn-multi"), value: "multi" },
      ])) === "multi";
    const villageIds = await askVillages(conversation, ctx, setup);
    const closesAt = (await askDeadline(conversation, ctx, ctx.t("vote-ask-deadline-quick"), { forumId, timezone: setup.timezone, manual: false }))!;
    const chosen = setup.villages.filter((v) => villageIds.includes(v.id));
    const groups = chosen.reduce((n, v) => n + v.groups, 0);
    const confirm = await askChoice(
      conversation,
      ctx,
      ctx.t("vote-quick-preview", {
        question: escapeHtml(question),
        options: options.map((o) => `◯ ${escapeHtml(o)}`).join("\n"),
        date: longDate(closesAt, { timezone: setup.timezone } as VoteInfo, lang(ctx)),
        groups,
      }),
      [{ label: ctx.t("vote-btn-send"), value: "send" }],
    );
    if (confirm !== "send") return;
    const r = await refusable(conversation, async (octx) => {
      const res = await createQuickPoll(deps, actorOf(octx), { forumId, question, options, multiple, villageIds, closesAt: new Date(closesAt) });
      return { ok: true as const, id: res.vote.id, groups: res.groups };
    });
    if (!r.ok) return void (await ctx.reply(r.text));
    await ctx.reply(ctx.t("vote-quick-created", { groups: r.groups, date: longDate(closesAt, { timezone: setup.timezone } as VoteInfo, lang(ctx)) }), {
      reply_markup: new InlineKeyboard().text(ctx.t("vote-btn-open-detail"), manageCb.build({ vote: r.id, act: "d" })),
    });
  };
}

export function extendFlow(deps: Deps) {
  return async (conversation: Flow, ctx: FlowContext, voteId: number) => {
    const v = await conversation.external(async () => {
      const row = await deps.prisma.vote.findUnique({ where: { id: voteId }, select: { forumId: true, closesAt: true } });
      if (!row) return null;
      const forum = await deps.prisma.forum.findUniqueOrThrow({ where: { id: row.forumId }, select: { timezone: true } });
      return { forumId: row.forumId, timezone: forum.timezone, closesAt: row.closesAt?.toISOString() ?? null };
    });
    if (!v) return void (await ctx.reply(ctx.t("error-vote_not_found")));
    const at = (await askDeadline(conversation, ctx, ctx.t("vote-extend-ask"), { forumId: v.forumId, timezone: v.timezone, manual: false, from: v.closesAt }))!;
    const r = await refusable(conversation, async (octx) => {
      const info = await extendVote(deps, actorOf(octx), voteId, new Date(at));
      return { ok: true as const, date: longDate(info.closesAt!, info, lang(octx)) };
    });
    await ctx.reply(r.ok ? ctx.t("vote-extended", { date: r.date }) : r.text);
  };
}


