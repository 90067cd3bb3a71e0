import { Composer } from "grammy";
import { createConversation } from "@grammyjs/conversations";
import type { BotContext, FlowContext } from "../context.js";
import type { Feature } from "../feature.js";
import type { Deps } from "../../deps.js";
import { JOB_ESCALATE, JOB_VERIFY, escalateOverdue, remindUnverified } from "../../domain/aspirasi/index.js";
import { findChatLink, villageByReportKey } from "../../domain/forum/service.js";
import { commandAndMenu } from "../lib/commands.js";
import { currentForumId, forumChoices } from "../lib/forum.js";
import { moveToPrivate } from "../lib/replies.js";
import { requireForum } from "./forum-setup.js";
import { aspirasiDeps, aspirasiPayload } from "./aspirasi/common.js";

export { aspirasiPayload };
import { INTAKE, intakeFlow } from "./aspirasi/intake.js";
import { officialsComposer } from "./aspirasi/officials.js";
import { residentComposer } from "./aspirasi/resident.js";

export const aspirasiFeature: Feature = {
  name: "aspirasi",
  commands: [
    { command: "aspirasi", scopes: ["private", "group"], audience: "all" },
    // "Lapor" is what people say when they have something to report.
    { command: "lapor", scopes: ["private", "group"], audience: "all", aliasOf: "aspirasi" },
    { command: "aspirasiku", scopes: ["private"], audience: "all" },
    { command: "daftar_aspirasi", scopes: ["private", "group"], audience: "all" },
    { command: "aspirasi_masuk", scopes: ["private"], audience: "official_or_admin" },
    { command: "aspirasi_ekspor", scopes: ["private"], audience: "official_or_admin" },
    { command: "aspirasi_qr", scopes: ["private"], audience: "official_or_admin" },
    { command: "aspirasi_terlambat", scopes: ["private"], audience: "admin_forum" },
    { command: "aspirasi_klaster", scopes: ["private"], audience: "admin_forum" },
    { command: "aspirasi_atur", scopes: ["private"], audience: "admin_forum" },
  ],
  composer(deps) {
    const ad = aspirasiDeps(deps);
    const c = new Composer<BotContext>();
    const p = c.chatType("private") as unknown as Composer<BotContext>;
    p.use(createConversation(intakeFlow(deps, ad), INTAKE));

    // t.me/<bot>?start=aspirasi_<desa>: straight into the intake for that village.
    p.command("start", async (ctx, next) => {
      const m = ctx.match.trim().match(/^aspirasi_([A-Za-z0-9]{1,20})$/);
      if (!m) return next();
      const v = await villageByReportKey(deps, m[1]!);
      if (!v) return ctx.reply(ctx.t("aspirasi-link-unknown"));
      ctx.session.forumId = v.forumId;
      await ctx.conversation.enter(INTAKE, { forumId: v.forumId, villageId: v.id });
    });

    commandAndMenu(p, ["aspirasi", "lapor"], async (ctx: FlowContext & BotContext) => {
      const forumId = await currentForumId(ctx, { asReporter: true });
      if (!forumId) {
        if ((await forumChoices(ctx, { asReporter: true })).length === 0) return ctx.reply(ctx.t("aspirasi-no-forum"), { parse_mode: "HTML" });
        return void (await requireForum(ctx, { asReporter: true }));
      }
      await ctx.conversation.enter(INTAKE, { forumId, villageId: null });
    });
    // In a village group the intake continues privately, already knowing the village.
    c.chatType(["group", "supergroup"]).command(["aspirasi", "lapor"], async (ctx) => {
      const link = await findChatLink(deps, ctx.chat.id);
      await moveToPrivate(ctx, link?.active && link.villageId ? await aspirasiPayload(deps, link.forumId, link.villageId) : "");
    });

    c.use(residentComposer(deps, ad));
    c.use(officialsComposer(deps, ad));

    // A location sent outside any flow has nowhere to go: say how to use it. Another feature's
    // flow further down the chain may be waiting for one, so only when no flow is active.
    p.on("message:location", async (ctx, next) => {
      if (Object.keys(ctx.conversation.active()).length > 0) return next();
      await ctx.reply(ctx.t("aspirasi-location-outside"));
    });
    return c;
  },
  jobs(deps) {
    const ad = aspirasiDeps(deps);
    return {
      [JOB_VERIFY]: (job, jc) => remindUnverified(ad, job, jc),
      [JOB_ESCALATE]: (job, jc) => escalateOverdue(ad, job, jc),
    };
  },
};
