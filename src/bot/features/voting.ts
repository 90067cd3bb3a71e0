/**
 * Voting across villages (issue 7): /voting lists and creates votes; a vote's card in every
 * participating group takes presses (answered privately, as a callback answer); rahasia votes
 * are cast on a private ballot; a quick poll is Telegram's own poll in each group.
 */
import { Composer, InlineKeyboard, InputFile } from "grammy";
import { createConversation } from "@grammyjs/conversations";
import type { BotContext, FlowContext } from "../context.js";
import type { Feature } from "../feature.js";
import type { Deps } from "../../deps.js";
import { chatLinkOf } from "../lib/update-memo.js";
import {
  ballotFor,
  breakdown,
  castBallot,
  closeVote,
  exportData,
  extendVote,
  listVotes,
  recordPollUpdate,
  refreshCards,
  remindNonVoters,
  requestClose,
  sendQuickPolls,
  voteDetail,
  type BallotSource,
} from "../../domain/voting/index.js";
import { JOB } from "../../domain/voting/index.js";
import { DomainError } from "../../domain/errors.js";
import { intId } from "../lib/callback.js";
import { commandAndMenu } from "../lib/commands.js";
import { actorOf } from "../lib/forum.js";
import { deepLink, escapeHtml, pagerRow, replyError } from "../lib/replies.js";
import { truncate } from "../../lib/format.js";
import { requireForum } from "./forum-setup.js";
import {
  ballotCb,
  extendCb,
  listCb,
  manageCb,
  NEW_QUICK,
  NEW_VOTE,
  openBallotCb,
  voteOptionCb,
  voteSecretCb,
  voteVillagesCb,
} from "./voting/callbacks.js";
import {
  ballotKeyboard,
  ballotText,
  createRenderer,
  detailKeyboard,
  detailText,
  listText,
  longDate,
  optionNames,
  villagesText,
} from "./voting/render.js";
import { extendFlow, newVoteFlow, quickPollFlow } from "./voting/flows.js";
import { portFor, rememberApi } from "./voting/telegram.js";
import { exportFiles } from "./voting/export.js";

const PAGE = 8;
type Lang = "id" | "en";
const langOf = (ctx: FlowContext): Lang => (ctx.person?.language === "en" ? "en" : "id");
const tOf = (ctx: FlowContext) => ctx.t.bind(ctx) as (k: string, p?: Record<string, string | number>) => string;

async function editOrReply(ctx: FlowContext, text: string, kb?: InlineKeyboard) {
  if (ctx.callbackQuery?.message) {
    await ctx.editMessageText(text, { parse_mode: "HTML", reply_markup: kb }).catch(() => ctx.reply(text, { parse_mode: "HTML", reply_markup: kb }));
  } else {
    await ctx.reply(text, { parse_mode: "HTML", reply_markup: kb });
  }
}

/** Answers a press that cannot be acted on (forged, foreign, stale): nothing is counted. */
async function oldButton(ctx: FlowContext) {
  await ctx.answerCallbackQuery({ text: ctx.t("error-old-button") }).catch(() => {});
}

function canOrganise(ctx: FlowContext, forumId: number) {
  return ctx.access.isAdmin(forumId) || ctx.access.isOfficial(forumId);
}

async function showList(deps: Deps, ctx: FlowContext, forumId: number, page: number) {
  const r = await listVotes(deps, { forumId, actor: actorOf(ctx) }, page, PAGE);
  const forum = await deps.prisma.forum.findUniqueOrThrow({ where: { id: forumId }, select: { name: true, timezone: true } });
  const text = listText(tOf(ctx), ctx.t("vote-list-title", { forum: escapeHtml(forum.name) }), r.items, forum.timezone, langOf(ctx), page * PAGE);
  const kb = new InlineKeyboard();
  r.items.forEach((it, i) => {
    kb.text(`${page * PAGE + i + 1}. ${truncate(it.question, 28)}`, manageCb.build({ vote: it.id, act: "d" })).row();
  });
  pagerRow(kb, page, Math.max(1, Math.ceil(r.total / PAGE)), (pg) => listCb.build({ page: pg }));
  if (canOrganise(ctx, forumId)) kb.row().text(ctx.t("vote-btn-new"), NEW_VOTE).text(ctx.t("vote-btn-quick"), NEW_QUICK);
  await editOrReply(ctx, text, kb);
}

async function showDetail(deps: Deps, ctx: FlowContext, voteId: number) {
  const d = await voteDetail(deps, actorOf(ctx), voteId);
  await editOrReply(ctx, detailText(tOf(ctx), d.info, d.live, langOf(ctx)), detailKeyboard(tOf(ctx), d.info, d.manage));
}

/** Sends (or shows) the private ballot; the village is where the person pressed or is registered. */
async function showBallot(deps: Deps, ctx: FlowContext, voteId: number, from: BallotSource, opts: { chatId?: number } = {}) {
  const b = await ballotFor(deps, portFor(deps), { voteId, personId: ctx.person!.id, telegramUserId: BigInt(ctx.from!.id), from });
  const mask = b.current.reduce((m, i) => m | (1 << i), 0);
  const text = ballotText(tOf(ctx), b.vote, b.villageName, b.current, langOf(ctx));
  const kb = ballotKeyboard(tOf(ctx), b.vote, b.villageId, mask);
  if (opts.chatId !== undefined) await ctx.api.sendMessage(opts.chatId, text, { parse_mode: "HTML", reply_markup: kb });
  else await ctx.reply(text, { parse_mode: "HTML", reply_markup: kb });
  return b;
}

async function sendVillages(deps: Deps, ctx: FlowContext, voteId: number, chatId: number) {
  const b = await breakdown(
    deps,
    portFor(deps),
    { personId: ctx.person!.id, telegramUserId: BigInt(ctx.from!.id), access: ctx.access },
    voteId,
  );
  for (const part of villagesText(tOf(ctx), b.info, b.result, b.live, langOf(ctx))) {
    await ctx.api.sendMessage(chatId, part, { parse_mode: "HTML" });
  }
}

export const votingFeature: Feature = {
  name: "voting",
  commands: [{ command: "voting", scopes: ["private", "group"], audience: "all" }],
  composer(deps) {
    const c = new Composer<BotContext>();
    const p = c.chatType("private");
    p.use(createConversation(newVoteFlow(deps), "voting.new"));
    p.use(createConversation(quickPollFlow(deps), "voting.quick"));
    p.use(createConversation(extendFlow(deps), "voting.extend"));

    // Deep links from group cards: a private ballot (vb_<vote>_<village>) or the per-village view.
    p.command("start", async (ctx, next) => {
      const payload = ctx.match.trim();
      const b = payload.match(/^vb_(\d{1,10})_(\d{1,10})$/);
      const r = payload.match(/^vr_(\d{1,10})$/);
      if (!b && !r) return next();
      try {
        if (b) {
          const voteId = intId(b[1]);
          const villageId = intId(b[2]);
          if (!voteId || !villageId) return ctx.reply(ctx.t("error-vote_not_found"));
          await showBallot(deps, ctx, voteId, { villageId });
        } else {
          const voteId = intId(r![1]);
          if (!voteId) return ctx.reply(ctx.t("error-vote_not_found"));
          await sendVillages(deps, ctx, voteId, ctx.chat.id);
        }
      } catch (err) {
        await replyError(ctx, err);
      }
    });

    commandAndMenu(c, "voting", async (ctx) => {
      if (ctx.chat?.type !== "private") {
        // In a village group: that village's open and recent votes, for everyone to see.
        const link = await chatLinkOf(ctx);
        if (!link?.active || !link.village) return ctx.reply(ctx.t("group-not-linked"));
        const r = await listVotes(deps, { forumId: link.forumId, villageId: link.village.id }, 0, 10);
        const title = ctx.t("vote-list-title-village", { village: escapeHtml(link.village.name) });
        return ctx.reply(listText(tOf(ctx), title, r.items, link.forum.timezone, "id"), { parse_mode: "HTML" });
      }
      const forumId = await requireForum(ctx);
      if (forumId) await showList(deps, ctx, forumId, 0);
    });
    p.callbackQuery(listCb.filter, async (ctx) => {
      const d = listCb.parse(ctx.callbackQuery.data)!;
      if (!/^\d{1,4}$/.test(d.page)) return oldButton(ctx);
      const forumId = await requireForum(ctx);
      await ctx.answerCallbackQuery();
      if (forumId) await showList(deps, ctx, forumId, Number(d.page));
    });
    for (const [data, flow] of [
      [NEW_VOTE, "voting.new"],
      [NEW_QUICK, "voting.quick"],
    ] as const) {
      p.callbackQuery(data, async (ctx) => {
        await ctx.answerCallbackQuery();
        const forumId = await requireForum(ctx);
        if (!forumId) return;
        if (!canOrganise(ctx, forumId)) return ctx.reply(ctx.t("error-vote_not_organiser"));
        await ctx.conversation.enter(flow, forumId);
      });
    }

    // ---- presses on a group card
    c.callbackQuery(voteOptionCb.filter, async (ctx) => {
      const d = voteOptionCb.parse(ctx.callbackQuery.data)!;
      const voteId = intId(d.vote);
      const opt = /^\d{1,2}$/.test(d.opt) ? Number(d.opt) : null;
      if (!voteId || opt === null || !ctx.person || !ctx.chat || ctx.chat.type === "private") return oldButton(ctx);
      try {
        const r = await castBallot(deps, portFor(deps), {
          voteId,
          personId: ctx.person.id,
          telegramUserId: BigInt(ctx.from.id),
          from: { chatId: BigInt(ctx.chat.id), link: () => chatLinkOf(ctx) },
          choice: { press: opt },
        });
        const names = optionNames(r, r.choices);
        const key =
          r.status === "withdrawn"
            ? "vote-withdrawn"
            : r.multiple
              ? "vote-multi-now"
              : r.status === "unchanged"
                ? "vote-unchanged"
                : r.status === "changed"
                  ? "vote-changed"
                  : "vote-cast";
        await ctx.answerCallbackQuery({ text: ctx.t(key, { option: names, options: names }).slice(0, 200) });
      } catch (err) {
        await replyError(ctx, err);
      }
    });

    c.callbackQuery(voteSecretCb.filter, async (ctx) => {
      const voteId = intId(voteSecretCb.parse(ctx.callbackQuery.data)!.vote);
      if (!voteId || !ctx.person || !ctx.chat || ctx.chat.type === "private") return oldButton(ctx);
      try {
        if (ctx.person.canMessage) {
          try {
            await showBallot(deps, ctx, voteId, { chatId: BigInt(ctx.chat.id) }, { chatId: ctx.from.id });
            return ctx.answerCallbackQuery({ text: ctx.t("vote-ballot-sent-private") });
          } catch (err) {
            if (err instanceof DomainError) throw err;
            // Blocked the bot since: fall through to the link that opens the private chat.
          }
        }
        const b = await ballotFor(deps, portFor(deps), { voteId, personId: ctx.person.id, telegramUserId: BigInt(ctx.from.id), from: { chatId: BigInt(ctx.chat.id) } });
        await ctx.answerCallbackQuery({ url: deepLink(deps.botUsername, `vb_${voteId}_${b.villageId}`) });
      } catch (err) {
        await replyError(ctx, err);
      }
    });

    c.callbackQuery(voteVillagesCb.filter, async (ctx) => {
      const voteId = intId(voteVillagesCb.parse(ctx.callbackQuery.data)!.vote);
      if (!voteId || !ctx.person || !ctx.chat) return oldButton(ctx);
      try {
        if (ctx.chat.type === "private") {
          // Answered after the check: a refusal answers the press itself (a query is answered once).
          await sendVillages(deps, ctx, voteId, ctx.chat.id);
          return await ctx.answerCallbackQuery();
        }
        // Never in the group: the breakdown goes to the private chat (or a link to open it).
        if (ctx.person.canMessage) {
          try {
            await sendVillages(deps, ctx, voteId, ctx.from.id);
            return ctx.answerCallbackQuery({ text: ctx.t("vote-villages-sent-private") });
          } catch (err) {
            if (err instanceof DomainError) throw err;
          }
        }
        await ctx.answerCallbackQuery({ url: deepLink(deps.botUsername, `vr_${voteId}`) });
      } catch (err) {
        await replyError(ctx, err);
      }
    });

    // ---- the private ballot
    p.callbackQuery(openBallotCb.filter, async (ctx) => {
      const d = openBallotCb.parse(ctx.callbackQuery.data)!;
      const voteId = intId(d.vote);
      const villageId = intId(d.village);
      if (!voteId || !villageId || !ctx.person) return oldButton(ctx);
      try {
        await showBallot(deps, ctx, voteId, { villageId });
        await ctx.answerCallbackQuery();
      } catch (err) {
        await replyError(ctx, err);
      }
    });

    p.callbackQuery(ballotCb.filter, async (ctx) => {
      const d = ballotCb.parse(ctx.callbackQuery.data)!;
      const voteId = intId(d.vote);
      const villageId = intId(d.village);
      const mask = /^\d{1,4}$/.test(d.mask) ? Number(d.mask) : null;
      if (!voteId || !villageId || mask === null || mask >= 1 << 10 || !ctx.person) return oldButton(ctx);
      if (d.act === "c") {
        await ctx.answerCallbackQuery();
        return ctx.editMessageText(ctx.t("vote-ballot-cancelled")).catch(() => {});
      }
      if (/^\d$/.test(d.act)) {
        // Toggling only redraws this person's own ballot from its own buttons: no lookup, no leak.
        const rows = (ctx.callbackQuery.message?.reply_markup?.inline_keyboard ?? []) as Array<Array<{ text: string; callback_data?: string }>>;
        const single = rows.flat().some((b) => /^[🔘⚪]/u.test(b.text));
        const i = Number(d.act);
        const next = single ? 1 << i : mask ^ (1 << i);
        const kb = new InlineKeyboard();
        let found = false;
        for (const row of rows) {
          for (const b of row) {
            const bd = ballotCb.parse(b.callback_data);
            if (!bd) continue;
            if (/^\d$/.test(bd.act)) {
              const j = Number(bd.act);
              if (j === i) found = true;
              const on = (next & (1 << j)) !== 0;
              const label = b.text.replace(/^\S+\s/u, "");
              kb.text(`${single ? (on ? "🔘" : "⚪") : on ? "✅" : "⬜"} ${label}`, ballotCb.build({ vote: voteId, village: villageId, mask: next, act: j })).row();
            } else {
              kb.text(b.text, ballotCb.build({ vote: voteId, village: villageId, mask: next, act: bd.act }));
            }
          }
        }
        if (!found) return oldButton(ctx);
        await ctx.answerCallbackQuery();
        return ctx.editMessageReplyMarkup({ reply_markup: kb }).catch(() => {});
      }
      if (d.act !== "s") return oldButton(ctx);
      const choices = Array.from({ length: 10 }, (_, i) => i).filter((i) => (mask & (1 << i)) !== 0);
      if (choices.length === 0) return ctx.answerCallbackQuery({ text: ctx.t("vote-ballot-pick-first"), show_alert: true });
      try {
        const r = await castBallot(deps, portFor(deps), {
          voteId,
          personId: ctx.person.id,
          telegramUserId: BigInt(ctx.from.id),
          from: { villageId },
          choice: { set: choices },
        });
        await ctx.answerCallbackQuery();
        if (r.ballot === "rahasia") {
          // Not even the voter's own chat keeps the choice: the ballot message is replaced.
          await ctx.editMessageText(ctx.t("vote-ballot-done-secret")).catch(() => {});
        } else {
          await ctx.editMessageText(ctx.t("vote-ballot-done", { options: escapeHtml(optionNames(r, r.choices)) }), { parse_mode: "HTML" }).catch(() => {});
        }
      } catch (err) {
        await replyError(ctx, err);
        if (err instanceof DomainError && ["vote_closed", "vote_already_voted"].includes(err.reason)) {
          await ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => {});
        }
      }
    });

    // ---- organiser: detail, close, extend, export
    p.callbackQuery(manageCb.filter, async (ctx) => {
      const d = manageCb.parse(ctx.callbackQuery.data)!;
      const voteId = intId(d.vote);
      if (!voteId || !ctx.person) return oldButton(ctx);
      const t = tOf(ctx);
      try {
        switch (d.act) {
          case "d":
            await ctx.answerCallbackQuery();
            return await showDetail(deps, ctx, voteId);
          case "x": {
            // Rights are checked on the confirming press too; this only asks.
            await voteDetail(deps, actorOf(ctx), voteId);
            await ctx.answerCallbackQuery();
            const kb = new InlineKeyboard().text(t("vote-btn-close-yes"), manageCb.build({ vote: voteId, act: "X" })).text(t("vote-btn-back"), manageCb.build({ vote: voteId, act: "d" }));
            return await editOrReply(ctx, t("vote-close-confirm"), kb);
          }
          case "X":
            await requestClose(deps, actorOf(ctx), voteId);
            await ctx.answerCallbackQuery();
            return await editOrReply(ctx, t("vote-closing"));
          case "e": {
            const det = await voteDetail(deps, actorOf(ctx), voteId);
            if (!det.manage) return ctx.answerCallbackQuery({ text: t("error-vote_not_organiser_of"), show_alert: true });
            await ctx.answerCallbackQuery();
            const kb = new InlineKeyboard()
              .text(`+${t("vote-btn-1h")}`, extendCb.build({ vote: voteId, hours: 1 }))
              .text(`+${t("vote-btn-1d")}`, extendCb.build({ vote: voteId, hours: 24 }))
              .row()
              .text(`+${t("vote-btn-3d")}`, extendCb.build({ vote: voteId, hours: 72 }))
              .text(`+${t("vote-btn-7d")}`, extendCb.build({ vote: voteId, hours: 168 }))
              .row()
              .text(t("vote-btn-extend-type"), manageCb.build({ vote: voteId, act: "t" }))
              .text(t("vote-btn-back"), manageCb.build({ vote: voteId, act: "d" }));
            const current = det.info.closesAt ? longDate(det.info.closesAt, det.info, langOf(ctx)) : t("vote-card-closes-manual");
            return await editOrReply(ctx, t("vote-extend-menu", { current }), kb);
          }
          case "t":
            await ctx.answerCallbackQuery();
            return await ctx.conversation.enter("voting.extend", voteId);
          case "c":
          case "s": {
            const data = await exportData(deps, actorOf(ctx), voteId);
            await ctx.answerCallbackQuery();
            for (const f of await exportFiles(t, data, d.act === "c" ? "csv" : "xlsx")) {
              await ctx.replyWithDocument(new InputFile(f.bytes, f.filename), { caption: t("vote-export-caption", { question: truncate(data.info.question, 200) }) });
            }
            return;
          }
          default:
            return oldButton(ctx);
        }
      } catch (err) {
        await replyError(ctx, err);
      }
    });

    p.callbackQuery(extendCb.filter, async (ctx) => {
      const d = extendCb.parse(ctx.callbackQuery.data)!;
      const voteId = intId(d.vote);
      const hours = [1, 24, 72, 168].includes(Number(d.hours)) ? Number(d.hours) : null;
      if (!voteId || !hours || !ctx.person) return oldButton(ctx);
      try {
        const det = await voteDetail(deps, actorOf(ctx), voteId);
        const now = deps.clock.now().getTime();
        const from = det.info.closesAt ? Math.max(now, new Date(det.info.closesAt).getTime()) : now;
        const info = await extendVote(deps, actorOf(ctx), voteId, new Date(from + hours * 3600_000));
        await ctx.answerCallbackQuery();
        await editOrReply(ctx, ctx.t("vote-extended", { date: longDate(info.closesAt!, info, langOf(ctx)) }), new InlineKeyboard().text(ctx.t("vote-btn-back"), manageCb.build({ vote: voteId, act: "d" })));
      } catch (err) {
        await replyError(ctx, err);
      }
    });

    // ---- quick polls: Telegram reports each copy's counts (only for polls the bot sent)
    c.on("poll", async (ctx, next) => {
      const poll = ctx.poll;
      const ours = await recordPollUpdate(deps, { id: poll.id, counts: poll.options.map((o) => o.voter_count), voters: poll.total_voter_count });
      if (!ours) await next();
    });
    return c;
  },

  jobs(deps) {
    const render = createRenderer();
    return {
      [JOB.close]: async (job, { tx, afterCommit }) => {
        const byId = typeof job.payload.byId === "number" ? job.payload.byId : null;
        await closeVote(deps, tx, Number(job.ownerId), { render, port: portFor(deps), byId });
        afterCommit(() => deps.delivery.kick());
      },
      [JOB.refresh]: async (job, { tx, afterCommit }) => {
        await refreshCards(deps, tx, Number(job.ownerId), render);
        afterCommit(() => deps.delivery.kick());
      },
      [JOB.remind]: async (job, { tx, afterCommit }) => {
        await remindNonVoters(deps, tx, Number(job.ownerId), render);
        afterCommit(() => deps.delivery.kick());
      },
      [JOB.sendPolls]: async (job, { tx, afterCommit }) => {
        await sendQuickPolls(deps, tx, Number(job.ownerId), portFor(deps), render, afterCommit);
      },
    };
  },

  setup(deps, api) {
    rememberApi(deps, api);
  },
};
