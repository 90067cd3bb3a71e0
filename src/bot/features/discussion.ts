import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import type { Feature } from "../feature.js";
import { closeTopic, flushChat, flushJob, JOB, migrateDiscussionChat, OWNER, relayAlbum } from "../../domain/discussion/index.js";
import { groupComposer } from "./discussion/group.js";
import { privateComposer } from "./discussion/private.js";
import { groupRenderer } from "./discussion/render.js";

/**
 * Forum antar desa: topics posted to the village groups, replies relayed between them (through
 * the delivery outbox, paced per group with digests), moderation across all groups, notulen.
 */
export const discussionFeature: Feature = {
  name: "discussion",
  commands: [
    { command: "topik", scopes: ["private", "group"], audience: "all" },
    { command: "tutuptopik", scopes: ["private"], audience: "moderator" },
    { command: "ringkasan", scopes: ["private", "group"], audience: "all" },
    { command: "hapus", scopes: ["group"], audience: "all" },
    { command: "sembunyikan", scopes: ["group"], audience: "moderator" },
    { command: "bisukan", scopes: ["group"], audience: "moderator" },
    { command: "bukabisu", scopes: ["group"], audience: "moderator" },
  ],
  composer(deps) {
    const renderer = groupRenderer();
    const c = new Composer<BotContext>();
    // Telegram announces a group → supergroup upgrade in the new chat too; topics follow it.
    c.on("message:migrate_from_chat_id", async (ctx, next) => {
      await migrateDiscussionChat(deps, BigInt(ctx.msg.migrate_from_chat_id), BigInt(ctx.chat.id));
      await next();
    });
    c.use(privateComposer(deps, renderer));
    c.use(groupComposer(deps, renderer));
    return c;
  },
  setup(deps) {
    // A send that finds the group upgraded (the queue re-sends to the new id): topics follow.
    deps.delivery.setHooks({ onChatMigrated: (oldId, newId) => migrateDiscussionChat(deps, oldId, newId).then(() => {}) });
  },
  jobs(deps) {
    const renderer = groupRenderer();
    return {
      // A group's send budget has room again: its waiting messages go out (alone or as a digest).
      [JOB.flush]: async (job, { tx, afterCommit }) => {
        const chatId = BigInt(String(job.payload.chatId));
        if (!(await flushJob(deps, tx, chatId, job.id))) return;
        afterCommit(() => {
          flushChat(deps, renderer, chatId).catch((err) => deps.logger.error({ err, jobId: String(job.id) }, "discussion: flush failed"));
        });
      },
      // The items of an album had time to arrive: they go out together as one album.
      [JOB.album]: async (job, { tx, afterCommit }) => {
        const sent = await relayAlbum(deps, renderer, tx, BigInt(String(job.payload.chatId)), String(job.payload.groupId));
        if (sent > 0) afterCommit(() => deps.delivery.kick());
      },
      // The end date set when the topic was opened.
      [JOB.close]: async (job, { tx, afterCommit }) => {
        await closeTopic(deps, renderer, null, { forumId: job.forumId, topicId: Number(job.ownerId) }, null, tx);
        afterCommit(() => deps.delivery.kick());
      },
      // A notice the bot had to post in a group instead of privately is removed again.
      [JOB.cleanup]: async (job, { tx, afterCommit }) => {
        await deps.delivery.enqueue(
          { forumId: job.forumId, ownerKind: OWNER.notice, ownerId: job.ownerId, items: [{ chatId: BigInt(String(job.payload.chatId)), payload: { op: "delete", messageId: Number(job.payload.messageId) } }] },
          tx,
        );
        afterCommit(() => deps.delivery.kick());
      },
    };
  },
};
