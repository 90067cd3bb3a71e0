import { Composer, InlineKeyboard, InputFile } from "grammy";
import { createConversation } from "@grammyjs/conversations";
import type { Deps } from "../../../deps.js";
import type { BotContext, Flow, FlowContext } from "../../context.js";
import {
  applyImport,
  changeEnterprises,
  ENTERPRISE_COLUMNS,
  ENTERPRISE_KINDS,
  findVillages,
  getProfile,
  ImportRejected,
  parseArea,
  parseCount,
  parseDusun,
  parseList,
  parsePhone,
  parsePoint,
  parseText,
  planImport,
  PROFILE_COLUMNS,
  profileHistory,
  templateRows,
  updateProfile,
  villagesWith,
  type EnterpriseKind,
  type Parsed,
  type ProfileData,
} from "../../../domain/bursa/index.js";
import { DomainError } from "../../../domain/errors.js";
import { findChatLink } from "../../../domain/forum/service.js";
import { buildXlsx } from "../../../lib/spreadsheet.js";
import { readCsv, readXlsx, SpreadsheetError, type ReadSheet } from "../../../lib/spreadsheet-read.js";
import { isZoneName } from "../../../lib/time.js";
import { intId } from "../../lib/callback.js";
import { commandAndMenu } from "../../lib/commands.js";
import { askChoice, FLOW_CANCEL, waitStep } from "../../lib/flow.js";
import { actorOf, currentForumId } from "../../lib/forum.js";
import { escapeHtml, replyError } from "../../lib/replies.js";
import { requireForum } from "../forum-setup.js";
import { profileCb, profilePickCb } from "./callbacks.js";
import { askValue, attempt, downloadFile, editOrReply } from "./common.js";
import { historyText, importErrorsText, profileText } from "./render.js";
import { langOf, tOf, type T } from "./words.js";

export const PROFILE_EDIT = "bursa-profile-edit";
export const PROFILE_UPLOAD = "bursa-profile-upload";
const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

const toKey = <V>(r: Parsed<V>): { ok: true; value: V } | { ok: false; key: string } => (r.ok ? r : { ok: false, key: `bursa-value-${r.reason}` });

function profileKeyboard(t: T, villageId: number, canEdit: boolean) {
  const kb = new InlineKeyboard();
  if (!canEdit) return kb;
  return kb
    .text(t("bursa-btn-edit"), profileCb.build({ village: villageId, act: "e" }))
    .text(t("bursa-btn-upload"), profileCb.build({ village: villageId, act: "u" }))
    .row()
    .text(t("bursa-btn-template"), profileCb.build({ village: villageId, act: "t" }))
    .text(t("bursa-btn-history"), profileCb.build({ village: villageId, act: "h" }));
}

/** Shows a profile; in a group never with contacts (the group is not the officials' room). */
async function showProfile(ctx: FlowContext, deps: Deps, forumId: number, villageId: number) {
  const t = tOf(ctx);
  try {
    const inGroup = ctx.chat?.type !== "private";
    const view = await getProfile(deps, actorOf(ctx), forumId, villageId, { inLinkedGroup: inGroup });
    await editOrReply(ctx, profileText(t, view, langOf(ctx.person?.language)), inGroup ? undefined : profileKeyboard(t, villageId, view.canEdit));
  } catch (err) {
    await replyError(ctx, err);
  }
}

/** The forum and village behind a pressed button, re-checked: the village must be in one of the person's forums. */
async function villageForPress(ctx: FlowContext, deps: Deps, villageId: number | null) {
  if (!villageId) return null;
  const v = await deps.prisma.village.findUnique({ where: { id: villageId }, select: { id: true, forumId: true, name: true } });
  if (!v || !ctx.access.inForum(v.forumId)) return null;
  return v;
}

// ------------------------------------------------------------------ guided editing

type Section = "people" | "land" | "commodities" | "facilities" | "enterprises" | "challenges" | "contact" | "point";
const SECTIONS: Section[] = ["people", "land", "commodities", "facilities", "enterprises", "challenges", "contact", "point"];

function current(t: T, v: string | number | null | string[]) {
  const s = Array.isArray(v) ? v.join(", ") : v === null ? "" : String(v);
  return s ? t("bursa-ask-current", { value: escapeHtml(s) }) : t("bursa-ask-current-none");
}

async function askPoint(conversation: Flow, ctx: FlowContext, prompt: string): Promise<{ latitude: number; longitude: number } | null> {
  const t = tOf(ctx);
  await ctx.reply(prompt, { parse_mode: "HTML", reply_markup: new InlineKeyboard().text(ctx.t("btn-cancel"), FLOW_CANCEL) });
  for (;;) {
    const c = await waitStep(conversation);
    if (c.callbackQuery) {
      await c.answerCallbackQuery({ text: c.t("flow-old-button") });
      continue;
    }
    const loc = c.message?.location ?? c.message?.venue?.location;
    const text = c.message?.text?.trim();
    if (!loc && text && /^[-–—]$/.test(text)) return null;
    const r = loc ? parsePoint(`${loc.latitude}, ${loc.longitude}`) : text ? parsePoint(text) : null;
    if (r?.ok) return r.value;
    await c.reply(t(r ? `bursa-value-${r.reason}` : "bursa-ask-point"), { parse_mode: "HTML" });
  }
}

async function editEnterprises(conversation: Flow, ctx: FlowContext, deps: Deps, forumId: number, villageId: number) {
  const t = tOf(ctx);
  const list = await conversation.external(async () =>
    (await deps.prisma.villageEnterprise.findMany({ where: { forumId, villageId }, orderBy: { id: "asc" } })).map((e) => ({ id: e.id, kind: e.kind, name: e.name })),
  );
  const choice = await askChoice(
    conversation,
    ctx,
    list.length ? t("bursa-ask-enterprise-action-list", { list: list.map((e) => `• ${t(`bursa-kind-${e.kind}`)} ${escapeHtml(e.name)}`).join("\n") }) : t("bursa-ask-enterprise-action"),
    [{ label: t("bursa-btn-enterprise-add"), value: "add" }, ...list.map((e) => ({ label: t("bursa-btn-enterprise-remove", { name: e.name.slice(0, 30) }), value: `rm:${e.id}` }))],
    { columns: 1 },
  );
  if (choice.startsWith("rm:")) {
    const r = await attempt(conversation, (octx) => changeEnterprises(deps, actorOf(octx), forumId, villageId, { removeId: Number(choice.slice(3)) }));
    await ctx.reply(r.ok ? t("bursa-saved") : r.text);
    return;
  }
  const kind = (await askChoice(conversation, ctx, t("bursa-ask-enterprise-kind"), ENTERPRISE_KINDS.map((k) => ({ label: t(`bursa-kind-${k}`), value: k })), { columns: 3 })) as EnterpriseKind;
  const name = await askValue(conversation, ctx, t("bursa-ask-enterprise-name"), (s) => toKey(parseText(s, 80)), null as string | null, { max: 80 });
  if (!name) return void (await ctx.reply(t("bursa-enterprise-name-needed")));
  const units = await askValue(conversation, ctx, t("bursa-ask-enterprise-units"), (s) => toKey(parseList(s)), [] as string[], { max: 1000 });
  const products = await askValue(conversation, ctx, t("bursa-ask-enterprise-products"), (s) => toKey(parseList(s)), [] as string[], { max: 1000 });
  const r = await attempt(conversation, (octx) => changeEnterprises(deps, actorOf(octx), forumId, villageId, { add: { kind, name, units, products } }));
  await ctx.reply(r.ok ? t("bursa-saved") : r.text);
}

function editFlow(deps: Deps) {
  return async (conversation: Flow, ctx: FlowContext, forumId: number, villageId: number) => {
    const t = tOf(ctx);
    for (;;) {
      const view = await attempt(conversation, async (octx) => {
        const p = await getProfile(deps, actorOf(octx), forumId, villageId);
        return { name: p.villageName, data: p.data, canEdit: p.canEdit, version: p.version };
      });
      if (!view.ok) return void (await ctx.reply(view.text));
      if (!view.value.canEdit) return void (await ctx.reply(t("error-profile_not_yours")));
      const { data, name, version } = view.value;
      const section = await askChoice(
        conversation,
        ctx,
        t("bursa-ask-section", { name: escapeHtml(name) }),
        [...SECTIONS.map((s) => ({ label: t(`bursa-section-${s}`), value: s })), { label: t("bursa-btn-done"), value: "done" }],
        { columns: 2, allowCancel: false },
      );
      if (section === "done") return void (await ctx.reply(t("bursa-edit-done", { name: escapeHtml(name) }), { parse_mode: "HTML" }));
      if (section === "enterprises") {
        await editEnterprises(conversation, ctx, deps, forumId, villageId);
        continue;
      }
      const patch: Partial<ProfileData> = {};
      const ask = <V>(key: string, now: string | number | null | string[], parse: (s: string) => Parsed<V>, empty: V, max = 1000) =>
        askValue(conversation, ctx, `${t(key)}\n${current(t, now)}`, (s) => toKey(parse(s)), empty, { max });
      switch (section as Section) {
        case "people":
          patch.population = await ask("bursa-ask-population", data.population, (s) => parseCount(s), null);
          patch.households = await ask("bursa-ask-households", data.households, (s) => parseCount(s), null);
          break;
        case "land": {
          patch.areaHa = await ask("bursa-ask-area", data.areaHa, parseArea, null);
          const dusun = await ask("bursa-ask-dusun", data.dusun.length ? data.dusun : data.dusunCount, parseDusun, { names: [], count: null } as { names: string[]; count: number | null });
          patch.dusun = dusun.names;
          patch.dusunCount = dusun.count;
          break;
        }
        case "commodities":
          patch.commodities = await ask("bursa-ask-commodities", data.commodities, parseList, []);
          break;
        case "facilities":
          patch.facilities = await ask("bursa-ask-facilities", data.facilities, parseList, []);
          break;
        case "challenges":
          patch.challenges = await ask("bursa-ask-challenges", data.challenges, (s) => parseText(s), null);
          break;
        case "contact":
          patch.contactName = await ask("bursa-ask-contact-name", data.contactName, (s) => parseText(s, 80), null, 80);
          patch.contactPhone = await ask("bursa-ask-contact-phone", data.contactPhone, parsePhone, null, 40);
          break;
        case "point": {
          const now = data.latitude !== null ? `${data.latitude}, ${data.longitude}` : null;
          const p = await askPoint(conversation, ctx, `${t("bursa-ask-point")}\n${current(t, now)}`);
          patch.latitude = p?.latitude ?? null;
          patch.longitude = p?.longitude ?? null;
          break;
        }
      }
      const r = await attempt(conversation, (octx) => updateProfile(deps, actorOf(octx), forumId, villageId, patch, version));
      if (!r.ok) await ctx.reply(r.text);
      else await ctx.reply(r.value.length ? t("bursa-saved") : t("bursa-unchanged"));
    }
  };
}

// ------------------------------------------------------------------ template and upload

async function sendTemplate(ctx: FlowContext, deps: Deps, forumId: number) {
  const t = tOf(ctx);
  try {
    const rows = await templateRows(deps, actorOf(ctx), forumId);
    const forum = await deps.prisma.forum.findUniqueOrThrow({ where: { id: forumId }, select: { timezone: true } });
    const zone = isZoneName(forum.timezone) ? forum.timezone : "Asia/Jakarta";
    const file = await buildXlsx(
      [
        { name: t("bursa-sheet-profil"), columns: PROFILE_COLUMNS.map((k) => ({ header: t(`bursa-col-${k}`), key: k, type: k === "contactPhone" ? ("text" as const) : undefined })), rows: rows.profileRows },
        { name: t("bursa-sheet-usaha"), columns: ENTERPRISE_COLUMNS.map((k) => ({ header: t(`bursa-col-e-${k}`), key: k })), rows: rows.enterpriseRows },
      ],
      { zone },
    );
    await ctx.replyWithDocument(new InputFile(file, `${t("bursa-template-file")}.xlsx`), { caption: t("bursa-template-caption"), parse_mode: "HTML" });
  } catch (err) {
    await replyError(ctx, err);
  }
}

async function readUpload(bytes: Buffer, fileName: string): Promise<ReadSheet[]> {
  if (/\.csv$/i.test(fileName)) return [readCsv(bytes)];
  return readXlsx(bytes);
}

function uploadFlow(deps: Deps) {
  return async (conversation: Flow, ctx: FlowContext, forumId: number) => {
    const t = tOf(ctx);
    await ctx.reply(t("bursa-upload-ask"), { parse_mode: "HTML", reply_markup: new InlineKeyboard().text(ctx.t("btn-cancel"), FLOW_CANCEL) });
    for (;;) {
      const c = await waitStep(conversation);
      const doc = c.message?.document;
      if (!doc) {
        if (c.callbackQuery) await c.answerCallbackQuery({ text: c.t("flow-old-button") });
        else await c.reply(t("bursa-upload-expect-file"));
        continue;
      }
      const name = doc.file_name ?? "";
      if (!/\.(xlsx|csv)$/i.test(name)) {
        await c.reply(t("bursa-upload-wrong-type"));
        continue;
      }
      if ((doc.file_size ?? 0) > MAX_UPLOAD_BYTES) {
        await c.reply(t("bursa-upload-too-big"));
        continue;
      }
      // Check everything first; nothing is written yet.
      const plan = await conversation.external(async (octx) => {
        try {
          const sheets = await readUpload(await downloadFile(deps, octx, doc.file_id), name);
          const p = await planImport(deps.prisma, actorOf(octx), forumId, sheets);
          return {
            ok: true as const,
            errors: p.errors,
            villages: [...new Set([...p.profiles.map((x) => x.villageName), ...p.enterprises.map((x) => x.villageName)])],
            enterprises: p.enterprises.reduce((n, x) => n + x.list.length, 0),
          };
        } catch (err) {
          if (err instanceof SpreadsheetError) return { ok: false as const, text: tOf(octx)(`bursa-upload-${err.reason}`) };
          if (err instanceof DomainError) return { ok: false as const, text: octx.t(`error-${err.reason}`, err.params) };
          throw err;
        }
      });
      if (!plan.ok) {
        await c.reply(plan.text);
        continue;
      }
      if (plan.errors.length) {
        await c.reply(importErrorsText(t, plan.errors), { parse_mode: "HTML" });
        continue;
      }
      const ok = await askChoice(
        conversation,
        ctx,
        t("bursa-upload-preview", { count: plan.villages.length, names: escapeHtml(plan.villages.slice(0, 20).join(", ")), enterprises: plan.enterprises }),
        [{ label: ctx.t("btn-save"), value: "save" }],
      );
      if (ok !== "save") return;
      const r = await conversation.external(async (octx) => {
        try {
          const sheets = await readUpload(await downloadFile(deps, octx, doc.file_id), name);
          const out = await applyImport(deps, actorOf(octx), forumId, sheets);
          return { ok: true as const, villages: out.villages, changed: out.changed.length };
        } catch (err) {
          // Someone changed rights or villages in between: the whole upload is refused again.
          if (err instanceof ImportRejected) return { ok: false as const, text: importErrorsText(tOf(octx), err.errors) };
          if (err instanceof DomainError) return { ok: false as const, text: octx.t(`error-${err.reason}`, err.params) };
          throw err;
        }
      });
      if (!r.ok) return void (await ctx.reply(r.text, { parse_mode: "HTML" }));
      return void (await ctx.reply(t("bursa-upload-done", { villages: r.villages, changed: r.changed })));
    }
  };
}

// ------------------------------------------------------------------ composer

export function profilComposer(deps: Deps) {
  const c = new Composer<BotContext>();
  const p = c.chatType("private") as unknown as Composer<BotContext>;
  p.use(createConversation(editFlow(deps), PROFILE_EDIT));
  p.use(createConversation(uploadFlow(deps), PROFILE_UPLOAD));

  const pickVillage = async (ctx: FlowContext, forumId: number) => {
    const t = tOf(ctx);
    const villages = await deps.prisma.village.findMany({ where: { forumId, retiredAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true } });
    if (villages.length === 0) return ctx.reply(t("bursa-no-villages"));
    const kb = new InlineKeyboard();
    villages.slice(0, 60).forEach((v, i) => {
      kb.text(v.name.slice(0, 30), profilePickCb.build({ village: v.id }));
      if (i % 2 === 1) kb.row();
    });
    await ctx.reply(t("bursa-profile-pick"), { reply_markup: kb });
  };

  const profil = async (ctx: BotContext) => {
    // A post as a channel or as the anonymous admin has nobody to show the profile as.
    if (!ctx.person) return;
    const t = tOf(ctx);
    const typed = (typeof ctx.match === "string" ? ctx.match : "").trim();
    const inGroup = ctx.chat?.type !== "private";
    const forumId = inGroup ? await currentForumId(ctx) : await requireForum(ctx);
    // In a group the forum is the group's (currentForumId checks the link); privately, the person's.
    if (!forumId) return;
    if (!inGroup && !ctx.access.inForum(forumId)) return ctx.reply(ctx.t("error-bursa_not_member"));
    if (typed) {
      const found = await findVillages(deps, forumId, typed);
      if (found.length === 0) return ctx.reply(t("bursa-profile-not-found", { name: typed }));
      if (found.length > 1) {
        const kb = new InlineKeyboard();
        found.slice(0, 10).forEach((v) => kb.text(v.name, profilePickCb.build({ village: v.id })).row());
        return ctx.reply(t("bursa-profile-which"), { reply_markup: inGroup ? undefined : kb });
      }
      return showProfile(ctx, deps, forumId, found[0]!.id);
    }
    if (inGroup) {
      const link = await findChatLink(deps, ctx.chat!.id);
      if (link?.active && link.villageId) return showProfile(ctx, deps, forumId, link.villageId);
      return ctx.reply(t("bursa-profile-usage"), { parse_mode: "HTML" });
    }
    const own = ctx.access.officialVillages(forumId);
    if (own.length === 1 && !ctx.access.isAdmin(forumId)) return showProfile(ctx, deps, forumId, own[0]!);
    await pickVillage(ctx, forumId);
  };
  commandAndMenu(p, "profil", profil);
  c.chatType(["group", "supergroup"]).command("profil", (ctx) => profil(ctx as unknown as BotContext));

  c.callbackQuery(profilePickCb.filter, async (ctx) => {
    const v = await villageForPress(ctx, deps, intId(profilePickCb.parse(ctx.callbackQuery.data)?.village));
    if (!v) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
    await ctx.answerCallbackQuery();
    await showProfile(ctx, deps, v.forumId, v.id);
  });
  p.callbackQuery(profileCb.filter, async (ctx) => {
    const data = profileCb.parse(ctx.callbackQuery.data)!;
    const v = await villageForPress(ctx, deps, intId(data.village));
    if (!v) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
    const t = tOf(ctx);
    const actor = actorOf(ctx);
    const editor = actor.access.canActForVillage(v.forumId, v.id);
    if (data.act !== "v" && !editor) return ctx.answerCallbackQuery({ text: ctx.t("error-profile_not_yours"), show_alert: true });
    await ctx.answerCallbackQuery();
    switch (data.act) {
      case "e":
        return ctx.conversation.enter(PROFILE_EDIT, v.forumId, v.id);
      case "u":
        return ctx.conversation.enter(PROFILE_UPLOAD, v.forumId);
      case "t":
        return sendTemplate(ctx, deps, v.forumId);
      case "h":
        try {
          const entries = await profileHistory(deps, actor, v.forumId, v.id);
          const forum = await deps.prisma.forum.findUniqueOrThrow({ where: { id: v.forumId }, select: { timezone: true } });
          return ctx.reply(historyText(t, v.name, entries, isZoneName(forum.timezone) ? forum.timezone : "Asia/Jakarta", langOf(ctx.person?.language)), { parse_mode: "HTML" });
        } catch (err) {
          return replyError(ctx, err);
        }
      default:
        return showProfile(ctx, deps, v.forumId, v.id);
    }
  });

  // /potensi kopi — in private chats and in village groups (village-level facts only).
  const potensi = async (ctx: BotContext) => {
    const t = tOf(ctx);
    const q = (typeof ctx.match === "string" ? ctx.match : "").trim();
    const forumId = ctx.chat?.type === "private" ? await requireForum(ctx) : await currentForumId(ctx);
    if (!forumId) return;
    if (!q) return ctx.reply(t("bursa-potensi-usage"), { parse_mode: "HTML" });
    try {
      const hits = await villagesWith(deps, actorOf(ctx), forumId, q.slice(0, 60), { inLinkedGroup: ctx.chat?.type !== "private" });
      if (hits.length === 0) return ctx.reply(t("bursa-potensi-none", { query: escapeHtml(q) }), { parse_mode: "HTML" });
      const lines = hits.slice(0, 40).map((h) => `• <b>${escapeHtml(h.villageName)}</b> — ${escapeHtml(h.hits.slice(0, 4).join(", "))}`);
      await ctx.reply(`${t("bursa-potensi-head", { query: escapeHtml(q), count: hits.length })}\n\n${lines.join("\n")}`, { parse_mode: "HTML" });
    } catch (err) {
      await replyError(ctx, err);
    }
  };
  commandAndMenu(p, "potensi", async (ctx) => {
    if (ctx.callbackQuery) return ctx.reply(tOf(ctx)("bursa-potensi-usage"), { parse_mode: "HTML" });
    return potensi(ctx);
  });
  c.chatType(["group", "supergroup"]).command("potensi", (ctx) => potensi(ctx as unknown as BotContext));
  return c;
}
