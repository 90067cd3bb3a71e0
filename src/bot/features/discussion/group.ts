import { termsOf } from "../../../domain/forum/terms.js";
import { Composer, InlineKeyboard, InputFile } from "grammy";
import type { Deps } from "../../../deps.js";
import {
  applyEdit,
  contentOf,
  listTopics,
  muteAuthor,
  MUTE_CHOICES,
  parseMuteArgs,
  relayIncoming,
  removeRelayed,
  resolveAnswered,
  transcriptFor,
  unmuteAuthor,
  type AlbumPart,
  type DiscussionRenderer,
} from "../../../domain/discussion/index.js";
import { NotAllowed, NotFound } from "../../../domain/errors.js";
import { findChatLink } from "../../../domain/forum/service.js";
import { chatLinkOf } from "../../lib/update-memo.js";
import { displayName } from "../../../domain/forum/people.js";
import { hasConsent } from "../../../domain/privasi/consent.js";
import type { BotContext, FlowContext } from "../../context.js";
import { actorOf } from "../../lib/forum.js";
import { errorText, escapeHtml, tellRefusal } from "../../lib/replies.js";
import { intId } from "../../lib/callback.js";
import { intervalLabel, longDate, muteCb, noticeTo, tellPrivately } from "./shared.js";
import { transcriptFile, transcriptSummary } from "./transcript.js";
import { tFor } from "./render.js";
import { audit } from "../../../domain/privasi/audit.js";

/** The message a command answers, or a hint to reply first. */
async function answeredId(ctx: FlowContext, command: string): Promise<number | null> {
  const id = ctx.msg?.reply_to_message?.message_id;
  if (id && !ctx.msg?.reply_to_message?.forum_topic_created) return id;
  await tellPrivately(ctx, ctx.t("discussion-reply-needed", { command }));
  return null;
}

/** Errors of a group command go to the person, not to the whole group. */
async function tellError(ctx: FlowContext, err: unknown) {
  const text = errorText(ctx, err);
  if (text === null) throw err;
  await tellPrivately(ctx, text);
}

/** The command message itself is transient; removing it needs admin rights, so it may stay. */
async function dropCommand(ctx: FlowContext) {
  await ctx.deleteMessage().catch(() => {});
}

/** The file with the count per village as its caption (or after it, past Telegram's 1024). */
export async function sendTranscript(ctx: FlowContext, file: { filename: string; bytes: Buffer }, summary: string) {
  const fits = summary.replace(/<[^>]+>/g, "").length <= 1000;
  const reply = ctx.chat?.type !== "private" && ctx.msg ? { reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true } } : {};
  await ctx.replyWithDocument(new InputFile(file.bytes, file.filename), { ...(fits ? { caption: summary, parse_mode: "HTML" as const } : {}), ...reply });
  if (!fits) await ctx.reply(summary, { parse_mode: "HTML" });
}

/** An album item (a photo, video, document or audio sharing a media_group_id): its group and file. */
function albumPart(msg: NonNullable<FlowContext["msg"]>): AlbumPart | null {
  const groupId = msg.media_group_id;
  if (!groupId) return null;
  const fileId = msg.photo?.at(-1)?.file_id ?? msg.video?.file_id ?? msg.document?.file_id ?? msg.audio?.file_id;
  return fileId ? { groupId, fileId } : null;
}

export function groupComposer(deps: Deps, renderer: DiscussionRenderer) {
  const c = new Composer<BotContext>();
  const groups = c.chatType(["group", "supergroup"]);

  // A reply within a topic: relay it. Everything else (local chatter, other features' buttons and
  // cards) goes on to the next handler untouched.
  groups.on("message", async (ctx, next) => {
    const msg = ctx.msg;
    if (!ctx.person || !ctx.from || ctx.from.is_bot) return next();
    const text = msg.text ?? msg.caption;
    if (text?.startsWith("/")) return next();
    const reply = msg.reply_to_message;
    const threadId = msg.is_topic_message ? (msg.message_thread_id ?? null) : null;
    if (!reply && !threadId) return next();
    const person = ctx.person;
    const access = ctx.access;
    const outcome = await relayIncoming(deps, renderer, {
      chatId: ctx.chat.id,
      messageId: msg.message_id,
      replyToMessageId: reply && !reply.forum_topic_created ? reply.message_id : null,
      threadId,
      personId: person.id,
      // The name Telegram shows on the message the person chose to post in the group: it is the
      // relay's attribution whether or not they agreed to the bot keeping their profile (docs/privasi.md).
      authorName: displayName({ firstName: ctx.from.first_name }),
      // Telegram only guarantees mentions of users who have contacted the bot; a link to the
      // person's profile only with their consent.
      authorLinkUserId: person.canMessage && hasConsent(person) ? Number(person.telegramUserId) : null,
      homeVillageId: (forumId) => access.homeVillage(forumId),
      content: contentOf(msg),
      album: albumPart(msg),
      chatLink: () => chatLinkOf(ctx),
    });
    switch (outcome.status) {
      case "not_ours":
      case "outside":
        return next();
      case "relayed":
      case "duplicate":
        return;
      case "closed":
        await tellPrivately(ctx, ctx.t("discussion-closed-notice", { title: escapeHtml(outcome.topicTitle) }));
        return;
      case "unsupported":
        await tellPrivately(ctx, ctx.t("discussion-unsupported"));
        return;
      case "muted":
        if (outcome.notify) {
          await tellPrivately(
            ctx,
            ctx.t("discussion-muted-notice", {
              until: longDate(outcome.until, outcome.timezone, person.language),
              reason: escapeHtml(outcome.reason ?? ctx.t("discussion-mute-default-reason")),
            }),
          );
        }
        return;
      case "slow":
        await tellPrivately(
          ctx,
          ctx.t("discussion-slow-notice", {
            title: escapeHtml(outcome.topicTitle),
            interval: intervalLabel(ctx.t.bind(ctx), outcome.intervalSeconds),
            wait: outcome.waitSeconds,
          }),
        );
        return;
    }
  });

  // The author edited a relayed message: every copy follows, under the rules of a new message.
  groups.on("edited_message", async (ctx, next) => {
    if (!ctx.person) return next();
    const m = ctx.editedMessage;
    const person = ctx.person;
    const r = await applyEdit(deps, renderer, { chatId: ctx.chat.id, messageId: m.message_id, personId: person.id, content: contentOf(m) });
    switch (r.status) {
      case "ignored":
        return next();
      case "muted":
        if (r.notify) {
          await tellPrivately(
            ctx,
            ctx.t("discussion-muted-edit-notice", {
              until: longDate(r.until, r.timezone, person.language),
              reason: escapeHtml(r.reason ?? ctx.t("discussion-mute-default-reason")),
            }),
          );
        }
        return;
      case "edited":
        if (r.held) {
          await tellPrivately(
            ctx,
            ctx.t("discussion-slow-edit-notice", {
              title: escapeHtml(r.held.topicTitle),
              interval: intervalLabel(ctx.t.bind(ctx), r.held.intervalSeconds),
              wait: r.held.waitSeconds,
            }),
          );
        }
        return;
    }
  });

  const remove = (mode: "delete" | "hide", command: string) => async (ctx: FlowContext) => {
    const target = await answeredId(ctx, command);
    if (target === null) return;
    try {
      const r = await removeRelayed(deps, renderer, actorOf(ctx), { chatId: ctx.chat!.id, messageId: target, mode });
      await dropCommand(ctx);
      for (const personId of r.hiddenAuthors) {
        const link = await findChatLink(deps, ctx.chat!.id);
        if (link) await noticeTo(deps, link.forumId, personId, "discussion-hidden-you", () => ({ title: escapeHtml(r.topicTitle) }));
      }
      await tellPrivately(ctx, ctx.t("discussion-removed-done", { count: r.removed, title: escapeHtml(r.topicTitle) }));
    } catch (err) {
      await tellError(ctx, err);
    }
  };
  groups.command("hapus", remove("delete", "hapus"));
  groups.command("sembunyikan", remove("hide", "sembunyikan"));

  const doMute = async (ctx: FlowContext, messageId: number, minutes: number, reason: string | null) => {
    const r = await muteAuthor(deps, actorOf(ctx), { chatId: ctx.chat!.id, messageId, minutes, reason });
    const forum = await deps.prisma.forum.findUniqueOrThrow({ where: { id: r.forumId }, select: { name: true } });
    const told = await noticeTo(deps, r.forumId, r.personId, "discussion-muted-you", (lang) => ({
      forum: escapeHtml(forum.name),
      until: longDate(r.until, r.timezone, lang),
      reason: escapeHtml(r.reason ?? ctx.t("discussion-mute-default-reason")),
    }));
    await tellPrivately(
      ctx,
      ctx.t("discussion-mute-done", { name: escapeHtml(r.authorName), until: longDate(r.until, r.timezone, ctx.person?.language), told: told ? "yes" : "no" }),
    );
  };

  groups.command("bisukan", async (ctx) => {
    const target = await answeredId(ctx, "bisukan");
    if (target === null) return;
    const args = ctx.match.trim();
    if (args) {
      const parsed = parseMuteArgs(args);
      if (!parsed) return void (await tellPrivately(ctx, ctx.t("discussion-mute-usage")));
      try {
        await doMute(ctx, target, parsed.minutes, parsed.reason);
        await dropCommand(ctx);
      } catch (err) {
        await tellError(ctx, err);
      }
      return;
    }
    // No duration typed: buttons, checked again on press. The rights check comes first so that
    // a resident trying it does not get a keyboard in the group.
    const answered = await resolveAnswered(deps, ctx.chat.id, target, null);
    const relay = answered?.relayId ? await deps.prisma.relayMessage.findUnique({ where: { id: answered.relayId } }) : null;
    if (!relay) return void (await tellError(ctx, new NotFound("relay_not_found")));
    if (!ctx.access.canModerate(relay.forumId)) return void (await tellError(ctx, new NotAllowed("not_moderator")));
    const labels = ["discussion-btn-30m", "discussion-btn-2h", "discussion-btn-1d", "discussion-btn-1w"];
    const kb = new InlineKeyboard();
    MUTE_CHOICES.forEach((min, i) => {
      kb.text(ctx.t(labels[i]!), muteCb.build({ msg: target, min }));
      if (i % 2 === 1) kb.row();
    });
    kb.row().text(ctx.t("btn-cancel"), muteCb.build({ msg: target, min: 0 }));
    await ctx.reply(ctx.t("discussion-mute-ask", { name: escapeHtml(relay.authorName) }), {
      parse_mode: "HTML",
      reply_markup: kb,
      reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true },
    });
  });

  groups.callbackQuery(muteCb.filter, async (ctx) => {
    const p = muteCb.parse(ctx.callbackQuery.data)!;
    const messageId = intId(p.msg);
    const minutes = Number(p.min);
    if (!messageId || !Number.isInteger(minutes)) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
    if (minutes === 0) {
      await ctx.answerCallbackQuery();
      await ctx.deleteMessage().catch(() => {});
      return;
    }
    try {
      await doMute(ctx, messageId, minutes, null);
      await ctx.answerCallbackQuery();
      // The prompt was for the moderator only: it goes once answered.
      await ctx.deleteMessage().catch(() => {});
    } catch (err) {
      const text = errorText(ctx, err);
      if (text === null) throw err;
      await tellRefusal(ctx, text);
    }
  });

  groups.command("bukabisu", async (ctx) => {
    const target = await answeredId(ctx, "bukabisu");
    if (target === null) return;
    try {
      const r = await unmuteAuthor(deps, actorOf(ctx), { chatId: ctx.chat.id, messageId: target });
      const forum = await deps.prisma.forum.findUniqueOrThrow({ where: { id: r.forumId }, select: { name: true } });
      await noticeTo(deps, r.forumId, r.personId, "discussion-unmuted-you", () => ({ forum: escapeHtml(forum.name) }));
      await dropCommand(ctx);
      await tellPrivately(ctx, ctx.t("discussion-unmute-done", { name: escapeHtml(r.authorName) }));
    } catch (err) {
      await tellError(ctx, err);
    }
  });

  // `/topik` in a group: what this group takes part in, for everyone there.
  groups.command("topik", async (ctx) => {
    // Said to the whole group, so in the group's language rather than the asker's.
    const link = await findChatLink(deps, ctx.chat.id);
    const t = tFor("id", termsOf(link?.forum));
    if (!link?.active) return ctx.reply(t("group-not-linked"));
    const topics = await listTopics(deps, link.forumId, { villageId: link.villageId ?? undefined });
    if (topics.length === 0) return ctx.reply(t("discussion-group-list-empty"));
    const zone = link.forum.timezone;
    const lines = topics.slice(0, 20).map((tp) => {
      let line = t("discussion-list-line", { title: escapeHtml(tp.title), messages: tp.messages });
      if (tp.endsAt) line += ` · ${t("discussion-list-until", { date: longDate(tp.endsAt, zone, "id") })}`;
      return line;
    });
    await ctx.reply([t("discussion-group-list-header"), ...lines, "", t("discussion-group-list-hint")].join("\n"), { parse_mode: "HTML" });
  });

  // `/ringkasan` answering a topic card or message: the notulen for the whole group.
  groups.command("ringkasan", async (ctx) => {
    const replyTo = ctx.msg.reply_to_message;
    const threadId = ctx.msg.is_topic_message ? (ctx.msg.message_thread_id ?? null) : null;
    const answered = await resolveAnswered(deps, ctx.chat.id, replyTo && !replyTo.forum_topic_created ? replyTo.message_id : null, threadId);
    if (!answered) return void (await tellPrivately(ctx, ctx.t("discussion-transcript-reply-hint")));
    try {
      const tr = await transcriptFor(deps, { chatId: ctx.chat.id }, answered.topicId);
      const file = transcriptFile(tr, "id", deps.clock.now());
      await auditTranscript(deps, ctx.person?.id ?? null, answered.topicId, { chatId: ctx.chat.id });
      await sendTranscript(ctx, file, transcriptSummary(tr, "id"));
    } catch (err) {
      await tellError(ctx, err);
    }
  });

  return c;
}

/** The notulen name the people who wrote: each download is audited (who asked, which topic, where). */
export async function auditTranscript(deps: Deps, personId: number | null, topicId: number, where: { chatId?: number }) {
  const topic = await deps.prisma.topic.findUnique({ where: { id: topicId }, select: { forumId: true } });
  if (!topic) return;
  await audit(deps.prisma, { forumId: topic.forumId, actorId: personId, action: "discussion.export", target: `topic:${topicId}`, details: { inGroup: where.chatId !== undefined }, at: deps.clock.now() });
}
