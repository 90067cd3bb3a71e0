import { Composer, InlineKeyboard } from "grammy";
import { createConversation } from "@grammyjs/conversations";
import type { BotContext, Flow, FlowContext } from "../context.js";
import type { Feature } from "../feature.js";
import type { Deps } from "../../deps.js";
import type { Role } from "../../generated/prisma/enums.js";
import {
  addVillages,
  asksJabatan,
  createForum,
  createInvite,
  getForumTerms,
  parseVillageList,
  setForumTerms,
  type VillageInput,
} from "../../domain/forum/service.js";
import { COUNCIL_TERMS, VILLAGE_TERMS, deploymentTerms, validateCouncilTerm, type ForumTerms, type VillageTerm } from "../../domain/forum/terms.js";
import { applyForumTerms, translate, useTerms } from "../lib/terms.js";
import { askJabatan, jabatanLabel } from "../lib/jabatan.js";
import { DomainError } from "../../domain/errors.js";
import { loadAccess } from "../../domain/forum/people.js";
import { askChoice, askChoicePaged, askText, refusable } from "../lib/flow.js";
import { actorOf, currentForumId, forumChoices, type ForumScope } from "../lib/forum.js";
import { commandAndMenu } from "../lib/commands.js";
import { deepLink, escapeHtml, groupDeepLink } from "../lib/replies.js";
import { defineCallback, intId } from "../lib/callback.js";
import { formatDateTimeLong } from "../../lib/time.js";
import { listOpenCodes, OFFICIAL_GRANTABLE, revokeCode } from "../../domain/forum/membership.js";
import { pagerRow, replyError } from "../lib/replies.js";
import { villageWordAliases } from "../lib/commands.js";

export const forumCb = defineCallback("fsel", ["forum"] as const);
export const codesPageCb = defineCallback("kdp", ["forum", "page"] as const);
export const codeRevokeCb = defineCallback("kdx", ["forum", "invite"] as const);
export const codeRevokeOkCb = defineCallback("kdy", ["forum", "invite"] as const);
/** /istilah: change the forum's village word ("v") or council word ("c"). Admins only. */
export const termsCb = defineCallback("ist", ["forum", "what"] as const);

/** Asks which village word the forum uses (Desa, Kampung, …): one button per word. */
async function askVillageTerm(conversation: Flow, ctx: FlowContext, prompt: string): Promise<VillageTerm> {
  const lang = ctx.person?.language;
  // The deployment's own word first (DEFAULT_VILLAGE_TERM): "Kampung" in Lampung Tengah.
  const first = deploymentTerms(ctx.deps.config).village;
  const choices = [first, ...VILLAGE_TERMS.filter((v) => v !== first)].map((v) => ({ label: translate(lang, "term-desa-cap", { village: v, council: "BPD" }, { village: v, council: "BPD" }), value: v }));
  return (await askChoice(conversation, ctx, prompt, choices, { columns: 3 })) as VillageTerm;
}

/** Asks the council's name: BPD, BPK, or typed ("Bamus", "Tuha Peuet"). */
async function askCouncilTerm(conversation: Flow, ctx: FlowContext, village: VillageTerm): Promise<string> {
  // The prompt suggests the usual name for that word: BPK for a kampung, BPD otherwise.
  const suggested = village === "kampung" ? "BPK" : "BPD";
  const saved = ctx.terms;
  useTerms(ctx, { village, council: suggested });
  const prompt = ctx.t("forum-ask-council-term");
  useTerms(ctx, saved);
  const picked = await askChoice(
    conversation,
    ctx,
    prompt,
    [...COUNCIL_TERMS.map((c) => ({ label: c, value: c })), { label: ctx.t("btn-other"), value: "_other" }],
    { columns: 3 },
  );
  if (picked !== "_other") return picked;
  const typed = await askText(conversation, ctx, ctx.t("forum-ask-council-typed"), {
    min: 2,
    max: 30,
    validate: (text) => {
      try {
        validateCouncilTerm(text);
        return null;
      } catch {
        return { key: "error-council_term_bad" };
      }
    },
  });
  return validateCouncilTerm(typed);
}

/** Shows the parsed list back, with what could not be read, before anything is saved. */
function villagePreview(ctx: FlowContext, villages: VillageInput[], errors: ReturnType<typeof parseVillageList>["errors"]) {
  const lines = villages.map((v, i) => `${i + 1}. ${escapeHtml(v.name)}${v.kemendagriCode ? ` <code>${v.kemendagriCode}</code>` : ""}`);
  let text = ctx.t("forum-villages-preview", { count: villages.length }) + "\n" + lines.join("\n");
  if (errors.length) {
    text += "\n\n" + ctx.t("forum-villages-skipped") + "\n" + errors.map((e) => `• ${escapeHtml(e.text || "-")} — ${ctx.t(`village-parse-${e.reason}`)}`).join("\n");
  }
  return text.slice(0, 4000);
}

async function askVillages(conversation: Flow, ctx: FlowContext): Promise<VillageInput[] | null> {
  for (;;) {
    const text = await askText(conversation, ctx, ctx.t("forum-ask-villages"), { max: 6000 });
    const parsed = parseVillageList(text);
    if (parsed.villages.length === 0) {
      await ctx.reply(ctx.t("forum-villages-none"));
      continue;
    }
    const ok = await askChoice(
      conversation,
      ctx,
      villagePreview(ctx, parsed.villages, parsed.errors),
      [
        { label: ctx.t("btn-save"), value: "save" },
        { label: ctx.t("btn-retype"), value: "retry" },
      ],
    );
    if (ok === "save") return parsed.villages;
  }
}

function newForumFlow(deps: Deps) {
  return async (conversation: Flow, ctx: FlowContext) => {
    const name = await askText(conversation, ctx, ctx.t("forum-ask-name"), { min: 3, max: 120 });
    const zone = await askChoice(conversation, ctx, ctx.t("forum-ask-timezone"), [
      { label: "WIB", value: "Asia/Jakarta" },
      { label: "WITA", value: "Asia/Makassar" },
      { label: "WIT", value: "Asia/Jayapura" },
    ], { columns: 3 });
    const village = await askVillageTerm(conversation, ctx, ctx.t("forum-ask-village-term"));
    const council = await askCouncilTerm(conversation, ctx, village);
    const terms: ForumTerms = { village, council };
    // From here on the flow speaks the new forum's words ("Tuliskan daftar kampung").
    useTerms(ctx, terms);
    const villages = await askVillages(conversation, ctx);
    if (!villages) return;
    const result = await conversation.external(async (octx) => {
      try {
        const actor = actorOf(octx);
        const forum = await createForum(deps, actor, { name, timezone: zone, terms });
        // The creator became admin of the new forum in the same call; reload their rights.
        const fresh = { personId: actor.personId, access: await loadAccess(deps.prisma, actor.personId, actor.access.bootstrapAdmin) };
        const added = await addVillages(deps, fresh, forum.id, villages);
        return { ok: true as const, forumId: forum.id, name: forum.name, created: added.created.length };
      } catch (err) {
        if (err instanceof DomainError) return { ok: false as const, reason: err.reason, params: err.params };
        throw err;
      }
    });
    if (!result.ok) {
      await ctx.reply(ctx.t(`error-${result.reason}`, result.params));
      return;
    }
    await conversation.external((octx) => {
      octx.session.forumId = result.forumId;
    });
    const kb = new InlineKeyboard().text(ctx.t("menu-kodegabung"), "menu:kodegabung").text(ctx.t("menu-hubungkan"), "menu:hubungkan");
    await ctx.reply(ctx.t("forum-created", { name: escapeHtml(result.name), count: result.created }), { parse_mode: "HTML", reply_markup: kb });
  };
}

function addVillagesFlow(deps: Deps) {
  return async (conversation: Flow, ctx: FlowContext, forumId: number) => {
    const villages = await askVillages(conversation, ctx);
    if (!villages) return;
    const r = await refusable(conversation, async (octx) => {
      const res = await addVillages(deps, actorOf(octx), forumId, villages);
      return { ok: true as const, created: res.created.length, skipped: res.skipped };
    });
    if (!r.ok) return void (await ctx.reply(r.text));
    await ctx.reply(ctx.t("forum-villages-added", { count: r.created, skipped: r.skipped.length }));
  };
}

const INVITABLE: Role[] = ["perangkat_desa", "moderator", "admin_forum", "mitra", "warga"];

function inviteFlow(deps: Deps) {
  return async (conversation: Flow, ctx: FlowContext, forumId: number) => {
    // What this person may hand out: admins any role and village, officials their own village's
    // residents and officials. The domain checks it again when the code is made and redeemed.
    const scope = await conversation.external(async (octx) => {
      const admin = octx.access.isAdmin(forumId);
      const own = octx.access.officialVillages(forumId);
      const villages = await deps.prisma.village.findMany({
        where: { forumId, retiredAt: null, ...(admin ? {} : { id: { in: own } }) },
        orderBy: { name: "asc" },
        select: { id: true, name: true },
      });
      return { roles: admin ? INVITABLE : OFFICIAL_GRANTABLE, villages };
    });
    const role = (await askChoice(
      conversation,
      ctx,
      ctx.t("invite-ask-role"),
      scope.roles.map((r) => ({ label: ctx.t(`role-${r}`), value: r })),
    )) as Role;
    let villageId: number | null = null;
    if (role === "perangkat_desa" || role === "warga") {
      const choices = scope.villages.map((v) => ({ label: v.name, value: String(v.id) }));
      villageId = Number(choices.length === 1 ? choices[0]!.value : await askChoicePaged(conversation, ctx, ctx.t("invite-ask-village"), choices));
    }
    // The position of an official (Kepala Kampung, Ketua BPK, staf kecamatan, …): chosen now, or
    // asked of the person when they redeem the code.
    let title: string | null = null;
    if (asksJabatan(role)) {
      const who = ctx.t(`role-${role}`).toLowerCase();
      const picked = await askJabatan(conversation, ctx, role, ctx.t("jabatan-ask", { who }), [{ label: ctx.t("jabatan-btn-later"), value: "_later" }]);
      title = picked === "_later" ? null : picked;
    }
    const r = await refusable(conversation, async (octx) => {
      const inv = await createInvite(deps, actorOf(octx), { forumId, role, villageId, title });
      return { ok: true as const, code: inv.code, village: inv.village?.name ?? null, forum: inv.forum.name, expiresAt: inv.expiresAt.toISOString() };
    });
    if (!r.ok) return void (await ctx.reply(r.text));
    const forum = await conversation.external(() => deps.prisma.forum.findUniqueOrThrow({ where: { id: forumId }, select: { timezone: true } }));
    await ctx.reply(
      ctx.t("invite-created", {
        role: ctx.t(`role-${role}`),
        village: escapeHtml(r.village ?? "-"),
        hasVillage: r.village ? "yes" : "no",
        jabatan: jabatanLabel(ctx.t, title),
        hasJabatan: title ? "yes" : "no",
        code: r.code,
        link: deepLink(deps.botUsername, r.code),
        expires: formatDateTimeLong(new Date(r.expiresAt), forum.timezone as never, (ctx.person?.language ?? "id") as "id" | "en"),
      }),
      { parse_mode: "HTML", link_preview_options: { is_disabled: true } },
    );
  };
}

function groupCodeFlow(deps: Deps) {
  return async (conversation: Flow, ctx: FlowContext, forumId: number) => {
    const options = await conversation.external(async (octx) => {
      const all = await deps.prisma.village.findMany({ where: { forumId, retiredAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true } });
      const admin = octx.access.isAdmin(forumId);
      const own = octx.access.officialVillages(forumId);
      return { admin, villages: admin ? all : all.filter((v) => own.includes(v.id)) };
    });
    const choices = options.villages.map((v) => ({ label: v.name, value: String(v.id) }));
    if (options.admin) choices.push({ label: ctx.t("kecamatan-group"), value: "0" });
    if (choices.length === 0) return void (await ctx.reply(ctx.t("error-not_official_of_village")));
    const picked = choices.length === 1 ? choices[0]!.value : await askChoicePaged(conversation, ctx, ctx.t("group-code-ask-village"), choices);
    const villageId = picked === "0" ? null : Number(picked);
    const r = await refusable(conversation, async (octx) => {
      const inv = await createInvite(deps, actorOf(octx), { forumId, role: "warga", villageId, purpose: "group", ttlMs: 3 * 24 * 3600_000 });
      return { ok: true as const, code: inv.code, village: inv.village?.name ?? null };
    });
    if (!r.ok) return void (await ctx.reply(r.text));
    const kb = new InlineKeyboard().url(ctx.t("btn-add-to-group"), groupDeepLink(deps.botUsername, r.code));
    await ctx.reply(
      ctx.t("group-code-created", { code: r.code, village: escapeHtml(r.village ?? ctx.t("kecamatan")), hasVillage: r.village ? "yes" : "no" }),
      { parse_mode: "HTML", reply_markup: kb },
    );
  };
}

function termsFlow(deps: Deps) {
  return async (conversation: Flow, ctx: FlowContext, forumId: number, what: "v" | "c") => {
    const current = await conversation.external(() => getForumTerms(deps, forumId));
    useTerms(ctx, current);
    const change: Partial<ForumTerms> =
      what === "v"
        ? { village: await askVillageTerm(conversation, ctx, ctx.t("forum-ask-village-term")) }
        : { council: await askCouncilTerm(conversation, ctx, current.village) };
    const r = await refusable(conversation, async (octx) => {
      return { ok: true as const, terms: await setForumTerms(deps, actorOf(octx), forumId, change) };
    });
    if (!r.ok) return void (await ctx.reply(r.text));
    useTerms(ctx, r.terms);
    await ctx.reply(ctx.t("terms-saved"), { parse_mode: "HTML" });
  };
}

/** Asks which forum when a person belongs to several; returns null (after saying why) if none. */
export async function requireForum(ctx: FlowContext, scope: ForumScope = {}): Promise<number | null> {
  const id = await currentForumId(ctx, scope);
  if (id) {
    await applyForumTerms(ctx, id);
    return id;
  }
  const forums = await forumChoices(ctx, scope);
  if (forums.length === 0) {
    await ctx.reply(ctx.t("error-no_forum"));
    return null;
  }
  const kb = new InlineKeyboard();
  for (const f of forums) kb.text(f.name, forumCb.build({ forum: f.id })).row();
  await ctx.reply(ctx.t("forum-choose"), { reply_markup: kb });
  return null;
}

export const forumSetupFeature: Feature = {
  name: "forum-setup",
  commands: [
    { command: "forumbaru", scopes: ["private"], audience: "bootstrap" },
    { command: "forum", scopes: ["private"], audience: "all" },
    { command: "istilah", scopes: ["private"], audience: "admin_forum" },
    { command: "tambahdesa", scopes: ["private"], audience: "admin_forum" },
    ...villageWordAliases("tambahdesa", { scopes: ["private"], audience: "admin_forum" }, VILLAGE_TERMS),
    { command: "kodegabung", scopes: ["private"], audience: "official_or_admin" },
    // "undang" is the meeting invitation's word; the old name of this command still works.
    { command: "undang", scopes: ["private"], audience: "official_or_admin", aliasOf: "kodegabung" },
    { command: "kode", scopes: ["private"], audience: "official_or_admin" },
    { command: "tautkan", scopes: ["private"], audience: "official_or_admin", aliasOf: "hubungkan" },
    { command: "gabung", scopes: ["private"], audience: "all" },
  ],
  composer(deps) {
    const c = new Composer<BotContext>();
    const p = c.chatType("private");
    p.use(createConversation(newForumFlow(deps), "forum-new"));
    p.use(createConversation(addVillagesFlow(deps), "forum-add-villages"));
    p.use(createConversation(inviteFlow(deps), "forum-invite"));
    p.use(createConversation(groupCodeFlow(deps), "forum-group-code"));
    p.use(createConversation(termsFlow(deps), "forum-terms"));

    commandAndMenu(p as unknown as Composer<BotContext>, "forumbaru", async (ctx) => {
      if (!ctx.access.bootstrapAdmin) return ctx.reply(ctx.t("error-not_bootstrap_admin"));
      await ctx.conversation.enter("forum-new");
    });
    commandAndMenu(p as unknown as Composer<BotContext>, ["tambahdesa", ...VILLAGE_TERMS.filter((v) => v !== "desa").map((v) => `tambah${v}`)], async (ctx) => {
      const forumId = await requireForum(ctx);
      if (!forumId) return;
      if (!ctx.access.isAdmin(forumId)) return ctx.reply(ctx.t("error-not_admin"));
      await ctx.conversation.enter("forum-add-villages", forumId);
    });
    commandAndMenu(p as unknown as Composer<BotContext>, ["kodegabung", "undang"], async (ctx) => {
      const forumId = await requireForum(ctx);
      if (!forumId) return;
      if (!ctx.access.isAdmin(forumId) && !ctx.access.isOfficial(forumId)) return ctx.reply(ctx.t("error-not_official_of_village"));
      await ctx.conversation.enter("forum-invite", forumId);
    });

    // /istilah: the forum's words, with buttons to change them (admins only; checked again on save).
    commandAndMenu(p as unknown as Composer<BotContext>, "istilah", async (ctx) => {
      const forumId = await requireForum(ctx);
      if (!forumId) return;
      if (!ctx.access.isAdmin(forumId)) return ctx.reply(ctx.t("error-not_admin"));
      const forum = await deps.prisma.forum.findUniqueOrThrow({ where: { id: forumId }, select: { name: true } });
      const kb = new InlineKeyboard()
        .text(ctx.t("terms-btn-village"), termsCb.build({ forum: forumId, what: "v" }))
        .row()
        .text(ctx.t("terms-btn-council"), termsCb.build({ forum: forumId, what: "c" }));
      await ctx.reply(ctx.t("terms-current", { forum: escapeHtml(forum.name) }), { parse_mode: "HTML", reply_markup: kb });
    });
    p.callbackQuery(termsCb.filter, async (ctx) => {
      const d = termsCb.parse(ctx.callbackQuery.data)!;
      const forumId = intId(d.forum);
      if (!forumId || (d.what !== "v" && d.what !== "c")) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
      if (!ctx.access.isAdmin(forumId)) return ctx.answerCallbackQuery({ text: ctx.t("error-not_admin"), show_alert: true });
      await ctx.answerCallbackQuery();
      await ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => {});
      await ctx.conversation.enter("forum-terms", forumId, d.what);
    });

    // /kode: open codes the person may see, each with a button to cancel it.
    const showCodes = async (ctx: FlowContext, forumId: number, page: number) => {
      try {
        const r = await listOpenCodes(deps, actorOf(ctx), forumId, page);
        const forum = await deps.prisma.forum.findUniqueOrThrow({ where: { id: forumId }, select: { timezone: true } });
        const lang = (ctx.person?.language ?? "id") as "id" | "en";
        const kb = new InlineKeyboard();
        const lines = r.items.map((c, i) => {
          kb.text(ctx.t("codes-btn-revoke", { code: c.code }), codeRevokeCb.build({ forum: forumId, invite: c.id }));
          if (i % 2 === 1) kb.row();
          const what =
            c.purpose === "group"
              ? ctx.t("codes-what-group", { place: escapeHtml(c.villageName ?? ctx.t("kecamatan")) })
              : `${ctx.t(`role-${c.role}`)}${c.villageName ? ` · ${escapeHtml(c.villageName)}` : ""}`;
          return ctx.t("codes-line", { code: c.code, what, by: escapeHtml(c.createdByName), expires: formatDateTimeLong(c.expiresAt, forum.timezone as never, lang) });
        });
        kb.row();
        pagerRow(kb, page, r.pages, (pg) => codesPageCb.build({ forum: forumId, page: pg }));
        kb.row().text(ctx.t("codes-btn-new"), "menu:kodegabung");
        const text = r.total === 0 ? ctx.t("codes-empty") : `${ctx.t("codes-header", { count: r.total })}\n\n${lines.join("\n\n")}`;
        if (ctx.callbackQuery) await ctx.editMessageText(text, { parse_mode: "HTML", reply_markup: kb }).catch(() => ctx.reply(text, { parse_mode: "HTML", reply_markup: kb }));
        else await ctx.reply(text, { parse_mode: "HTML", reply_markup: kb });
      } catch (err) {
        await replyError(ctx, err);
      }
    };
    commandAndMenu(p as unknown as Composer<BotContext>, "kode", async (ctx) => {
      const forumId = await requireForum(ctx);
      if (forumId) await showCodes(ctx, forumId, 0);
    });
    p.callbackQuery(codesPageCb.filter, async (ctx) => {
      const d = codesPageCb.parse(ctx.callbackQuery.data)!;
      const forumId = intId(d.forum);
      if (!forumId || !/^\d{1,4}$/.test(d.page)) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
      await ctx.answerCallbackQuery();
      await showCodes(ctx, forumId, Number(d.page));
    });
    p.callbackQuery(codeRevokeCb.filter, async (ctx) => {
      const d = codeRevokeCb.parse(ctx.callbackQuery.data)!;
      const forumId = intId(d.forum);
      const inviteId = intId(d.invite);
      if (!forumId || !inviteId) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
      // Rights are checked again when the cancel is confirmed; here only whether the code is theirs to see.
      const inv = await deps.prisma.invite.findFirst({ where: { id: inviteId, forumId }, select: { code: true, villageId: true } });
      const visible = inv && (ctx.access.isAdmin(forumId) || (inv.villageId != null && ctx.access.isOfficialOf(forumId, inv.villageId)));
      if (!visible) return ctx.answerCallbackQuery({ text: ctx.t("error-invite_not_found"), show_alert: true });
      await ctx.answerCallbackQuery();
      const kb = new InlineKeyboard().text(ctx.t("codes-btn-revoke-confirm"), codeRevokeOkCb.build({ forum: forumId, invite: inviteId })).text(ctx.t("btn-cancel"), codesPageCb.build({ forum: forumId, page: 0 }));
      await ctx.editMessageText(ctx.t("codes-revoke-confirm", { code: inv.code }), { parse_mode: "HTML", reply_markup: kb }).catch(() => {});
    });
    p.callbackQuery(codeRevokeOkCb.filter, async (ctx) => {
      const d = codeRevokeOkCb.parse(ctx.callbackQuery.data)!;
      const forumId = intId(d.forum);
      const inviteId = intId(d.invite);
      if (!forumId || !inviteId) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
      try {
        const inv = await revokeCode(deps, actorOf(ctx), forumId, inviteId);
        await ctx.answerCallbackQuery({ text: ctx.t("codes-revoked-toast") });
        await ctx.editMessageText(ctx.t("codes-revoked", { code: inv.code }), { parse_mode: "HTML" }).catch(() => {});
      } catch (err) {
        await replyError(ctx, err);
      }
    });
    // /hubungkan in private (old name /tautkan): a code and a button that adds the bot to the group.
    commandAndMenu(p as unknown as Composer<BotContext>, ["hubungkan", "tautkan"], async (ctx) => {
      const forumId = await requireForum(ctx);
      if (!forumId) return;
      if (!ctx.access.isAdmin(forumId) && !ctx.access.isOfficial(forumId)) return ctx.reply(ctx.t("hint-hubungkan-not-official"), { parse_mode: "HTML" });
      await ctx.conversation.enter("forum-group-code", forumId);
    });
    commandAndMenu(p as unknown as Composer<BotContext>, "forum", async (ctx) => {
      const forums = ctx.access.forums();
      if (forums.length === 0) return ctx.reply(ctx.t("error-no_forum"));
      const current = await currentForumId(ctx);
      const kb = new InlineKeyboard();
      for (const f of forums) kb.text(`${f.id === current ? "✅ " : ""}${f.name}`, forumCb.build({ forum: f.id })).row();
      await ctx.reply(ctx.t("forum-choose"), { reply_markup: kb });
    });
    // The chooser lives in private chats, where the session is; a press elsewhere is forged.
    c.chatType("private").callbackQuery(forumCb.filter, async (ctx) => {
      const id = intId(forumCb.parse(ctx.callbackQuery.data)?.forum);
      // The forum id from the button is only a choice; membership (or a report filed there) decides.
      const choices = id ? await forumChoices(ctx, { asReporter: true }) : [];
      const forum = choices.find((f) => f.id === id);
      if (!forum) return ctx.answerCallbackQuery({ text: ctx.t("error-not_in_forum"), show_alert: true });
      ctx.session.forumId = forum.id;
      await applyForumTerms(ctx, forum.id);
      const name = forum.name;
      await ctx.answerCallbackQuery({ text: ctx.t("forum-switched", { name }) });
      await ctx.editMessageText(ctx.t("forum-switched", { name })).catch(() => {});
    });
    return c;
  },
};
