import { Composer, InlineKeyboard } from "grammy";
import { createConversation } from "@grammyjs/conversations";
import type { BotContext, Flow, FlowContext } from "../context.js";
import type { Deps } from "../../deps.js";
import type { Feature } from "../feature.js";
import type { Role } from "../../generated/prisma/enums.js";
import { asksJabatan, getForumTerms, getMemberInForum, grantRole, listMembers, revokeRole, ROLES, setMembershipTitle } from "../../domain/forum/service.js";
import { askJabatan, jabatanLabel } from "../lib/jabatan.js";
import { defineCallback, intId } from "../lib/callback.js";
import { NotAllowed } from "../../domain/errors.js";
import { escapeHtml, pagerRow, replyError } from "../lib/replies.js";
import { actorOf } from "../lib/forum.js";
import { commandAndMenu } from "../lib/commands.js";
import { requireForum } from "./forum-setup.js";
import { refusable } from "../lib/flow.js";

const PAGE = 8;
export const membersPageCb = defineCallback("ang", ["forum", "page"] as const);
export const rolePeopleCb = defineCallback("prl", ["forum", "page"] as const);
export const rolePersonCb = defineCallback("prp", ["forum", "person"] as const);
export const roleAddCb = defineCallback("pra", ["forum", "person", "role"] as const);
export const roleVillageCb = defineCallback("prv", ["forum", "person", "role", "village"] as const);
export const roleRevokeCb = defineCallback("prx", ["forum", "membership"] as const);
export const roleRevokeOkCb = defineCallback("pry", ["forum", "membership"] as const);
/** /peran → 🏷️: change the position on one membership (admins; checked again on save). */
export const roleJabatanCb = defineCallback("prj", ["forum", "membership"] as const);

type Member = Awaited<ReturnType<typeof listMembers>>["people"][number];

/** "Perangkat kampung · Sukajaya (Kepala Kampung)": role, village and position, HTML-escaped. */
function roleWithJabatan(ctx: FlowContext, m: Member["memberships"][number]) {
  return `${ctx.t(`role-${m.role}`)}${m.village ? ` · ${escapeHtml(m.village.name)}` : ""}${m.title ? ` (${jabatanLabel(ctx.t, m.title)})` : ""}`;
}

function describe(ctx: FlowContext, p: Member) {
  return ctx.t("members-line", {
    name: escapeHtml(p.firstName),
    username: p.username ? ` (@${escapeHtml(p.username)})` : "",
    roles: p.memberships.map((m) => roleWithJabatan(ctx, m)).join(", "),
  });
}

function memberJabatanFlow(deps: Deps) {
  return async (conversation: Flow, ctx: FlowContext, forumId: number, membershipId: number) => {
    const m = await conversation.external(async () => {
      const row = await deps.prisma.membership.findFirst({ where: { id: membershipId, forumId }, include: { person: { select: { firstName: true } } } });
      return row ? { role: row.role, name: row.person.firstName, terms: await getForumTerms(deps, forumId) } : null;
    });
    if (!m) return void (await ctx.reply(ctx.t("error-membership_not_found")));
    ctx.terms = m.terms;
    const picked = await askJabatan(conversation, ctx, m.role, ctx.t("jabatan-ask", { who: escapeHtml(m.name) }));
    const r = await refusable(conversation, async (octx) => {
      return { ok: true as const, title: (await setMembershipTitle(deps, actorOf(octx), forumId, membershipId, picked)).title };
    });
    if (!r.ok) return void (await ctx.reply(r.text));
    await ctx.reply(ctx.t("jabatan-saved", { jabatan: jabatanLabel(ctx.t, r.title) }), { parse_mode: "HTML" });
  };
}

async function editOrReply(ctx: FlowContext, text: string, kb?: InlineKeyboard) {
  if (ctx.callbackQuery) {
    await ctx.answerCallbackQuery().catch(() => {});
    await ctx.editMessageText(text, { parse_mode: "HTML", reply_markup: kb }).catch(() => ctx.reply(text, { parse_mode: "HTML", reply_markup: kb }));
  } else {
    await ctx.reply(text, { parse_mode: "HTML", reply_markup: kb });
  }
}

export const membersFeature: Feature = {
  name: "members",
  commands: [
    { command: "anggota", scopes: ["private"], audience: "official_or_admin" },
    { command: "peran", scopes: ["private"], audience: "admin_forum" },
  ],
  composer(deps) {
    const c = new Composer<BotContext>();
    const p = c.chatType("private");
    p.use(createConversation(memberJabatanFlow(deps), "member-jabatan"));

    const showMembers = async (ctx: FlowContext, forumId: number, page: number) => {
      try {
        const r = await listMembers(deps, actorOf(ctx), forumId, { skip: page * PAGE, take: PAGE });
        const pages = Math.max(1, Math.ceil(r.total / PAGE));
        const text = `${ctx.t("members-header", { count: r.total })}\n\n${r.people.map((m) => describe(ctx, m)).join("\n")}`;
        const kb = pagerRow(new InlineKeyboard(), page, pages, (pg) => membersPageCb.build({ forum: forumId, page: pg }));
        await editOrReply(ctx, text, kb);
      } catch (err) {
        await replyError(ctx, err);
      }
    };
    commandAndMenu(p as unknown as Composer<BotContext>, "anggota", async (ctx) => {
      const forumId = await requireForum(ctx);
      if (forumId) await showMembers(ctx, forumId, 0);
    });
    c.callbackQuery(membersPageCb.filter, async (ctx) => {
      const d = membersPageCb.parse(ctx.callbackQuery.data)!;
      const forumId = intId(d.forum);
      if (!forumId || !/^\d{1,4}$/.test(d.page)) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
      await showMembers(ctx, forumId, Number(d.page));
    });

    // /peran: pick a person → see roles → revoke one or add one.
    const pickPerson = async (ctx: FlowContext, forumId: number, page: number) => {
      try {
        if (!ctx.access.isAdmin(forumId)) throw new NotAllowed("not_admin");
        const r = await listMembers(deps, actorOf(ctx), forumId, { skip: page * PAGE, take: PAGE });
        const kb = new InlineKeyboard();
        r.people.forEach((m, i) => {
          kb.text(m.firstName + (m.username ? ` @${m.username}` : ""), rolePersonCb.build({ forum: forumId, person: m.id }));
          if (i % 2 === 1) kb.row();
        });
        pagerRow(kb, page, Math.max(1, Math.ceil(r.total / PAGE)), (pg) => rolePeopleCb.build({ forum: forumId, page: pg }));
        await editOrReply(ctx, ctx.t("roles-pick-person"), kb);
      } catch (err) {
        await replyError(ctx, err);
      }
    };
    commandAndMenu(p as unknown as Composer<BotContext>, "peran", async (ctx) => {
      const forumId = await requireForum(ctx);
      if (forumId) await pickPerson(ctx, forumId, 0);
    });
    c.callbackQuery(rolePeopleCb.filter, async (ctx) => {
      const d = rolePeopleCb.parse(ctx.callbackQuery.data)!;
      const forumId = intId(d.forum);
      if (!forumId || !/^\d{1,4}$/.test(d.page)) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
      await pickPerson(ctx, forumId, Number(d.page));
    });

    const showPerson = async (ctx: FlowContext, forumId: number, personId: number) => {
      const person = await getMemberInForum(deps, actorOf(ctx), forumId, personId);
      const kb = new InlineKeyboard();
      for (const m of person.memberships) {
        const label = `${ctx.t(`role-${m.role}`)}${m.village ? ` · ${m.village.name}` : ""}`;
        kb.text(`❌ ${label}`.slice(0, 60), roleRevokeCb.build({ forum: forumId, membership: m.id }));
        if (asksJabatan(m.role)) kb.text(ctx.t("roles-btn-jabatan", { role: label }).slice(0, 60), roleJabatanCb.build({ forum: forumId, membership: m.id }));
        kb.row();
      }
      kb.text(ctx.t("roles-btn-add"), roleAddCb.build({ forum: forumId, person: personId, role: "-" }));
      const roles = person.memberships.map((m) => `• ${roleWithJabatan(ctx, m)}`).join("\n");
      await editOrReply(ctx, ctx.t("roles-person", { name: escapeHtml(person.firstName), roles }), kb);
    };
    c.callbackQuery(rolePersonCb.filter, async (ctx) => {
      const d = rolePersonCb.parse(ctx.callbackQuery.data)!;
      const forumId = intId(d.forum);
      const personId = intId(d.person);
      if (!forumId || !personId) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
      try {
        await showPerson(ctx, forumId, personId);
      } catch (err) {
        await replyError(ctx, err);
      }
    });

    c.callbackQuery(roleAddCb.filter, async (ctx) => {
      const d = roleAddCb.parse(ctx.callbackQuery.data)!;
      const forumId = intId(d.forum);
      const personId = intId(d.person);
      if (!forumId || !personId) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
      try {
        if (d.role === "-") {
          await getMemberInForum(deps, actorOf(ctx), forumId, personId); // rights check before showing choices
          const kb = new InlineKeyboard();
          ROLES.forEach((r, i) => {
            kb.text(ctx.t(`role-${r}`), roleAddCb.build({ forum: forumId, person: personId, role: r }));
            if (i % 2 === 1) kb.row();
          });
          return editOrReply(ctx, ctx.t("roles-pick-role"), kb);
        }
        const role = d.role as Role;
        if (!ROLES.includes(role)) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
        if (role === "perangkat_desa" || role === "warga") {
          await getMemberInForum(deps, actorOf(ctx), forumId, personId);
          const villages = await deps.prisma.village.findMany({ where: { forumId, retiredAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true } });
          const kb = new InlineKeyboard();
          villages.slice(0, 90).forEach((v, i) => {
            kb.text(v.name, roleVillageCb.build({ forum: forumId, person: personId, role, village: v.id }));
            if (i % 3 === 2) kb.row();
          });
          return editOrReply(ctx, ctx.t("roles-pick-village"), kb);
        }
        await grantRole(deps, actorOf(ctx), { forumId, personId, role });
        await ctx.answerCallbackQuery({ text: ctx.t("roles-granted") });
        await showPerson(ctx, forumId, personId);
      } catch (err) {
        await replyError(ctx, err);
      }
    });
    c.callbackQuery(roleVillageCb.filter, async (ctx) => {
      const d = roleVillageCb.parse(ctx.callbackQuery.data)!;
      const forumId = intId(d.forum);
      const personId = intId(d.person);
      const villageId = intId(d.village);
      const role = d.role as Role;
      if (!forumId || !personId || !villageId || !ROLES.includes(role)) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
      try {
        await grantRole(deps, actorOf(ctx), { forumId, personId, role, villageId });
        await ctx.answerCallbackQuery({ text: ctx.t("roles-granted") });
        await showPerson(ctx, forumId, personId);
      } catch (err) {
        await replyError(ctx, err);
      }
    });
    c.callbackQuery(roleRevokeCb.filter, async (ctx) => {
      const d = roleRevokeCb.parse(ctx.callbackQuery.data)!;
      const forumId = intId(d.forum);
      const membershipId = intId(d.membership);
      if (!forumId || !membershipId) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
      if (!ctx.access.isAdmin(forumId)) return ctx.answerCallbackQuery({ text: ctx.t("error-not_admin"), show_alert: true });
      const kb = new InlineKeyboard()
        .text(ctx.t("roles-btn-revoke-confirm"), roleRevokeOkCb.build({ forum: forumId, membership: membershipId }))
        .text(ctx.t("btn-cancel"), rolePeopleCb.build({ forum: forumId, page: 0 }));
      await editOrReply(ctx, ctx.t("roles-revoke-confirm"), kb);
    });
    p.callbackQuery(roleJabatanCb.filter, async (ctx) => {
      const d = roleJabatanCb.parse(ctx.callbackQuery.data)!;
      const forumId = intId(d.forum);
      const membershipId = intId(d.membership);
      if (!forumId || !membershipId) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
      if (!ctx.access.isAdmin(forumId)) return ctx.answerCallbackQuery({ text: ctx.t("error-not_admin"), show_alert: true });
      await ctx.answerCallbackQuery();
      await ctx.conversation.enter("member-jabatan", forumId, membershipId);
    });
    c.callbackQuery(roleRevokeOkCb.filter, async (ctx) => {
      const d = roleRevokeOkCb.parse(ctx.callbackQuery.data)!;
      const forumId = intId(d.forum);
      const membershipId = intId(d.membership);
      if (!forumId || !membershipId) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
      try {
        const m = await revokeRole(deps, actorOf(ctx), forumId, membershipId);
        await ctx.answerCallbackQuery({ text: ctx.t("roles-revoked") });
        const stillMember = await deps.prisma.membership.count({ where: { forumId, personId: m.personId } });
        if (stillMember) await showPerson(ctx, forumId, m.personId);
        else await editOrReply(ctx, ctx.t("roles-revoked"));
      } catch (err) {
        await replyError(ctx, err);
      }
    });
    return c;
  },
};
