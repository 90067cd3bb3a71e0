import { Composer, InlineKeyboard, InputFile } from "grammy";
import { createConversation } from "@grammyjs/conversations";
import type { Deps } from "../../../deps.js";
import type { BotContext, Flow, FlowContext } from "../../context.js";
import {
  addEvaluation,
  agreementsForReport,
  attachDocument,
  createAgreement,
  getAgreement,
  listAgreements,
  loadMatch,
  nextStatuses,
  parsePeriod,
  parseRupiah,
  setAgreementStatus,
  canMediate,
  sidesOf,
  AGREEMENT_STATUSES,
  type AgreementStatus,
  type AgreementView,
  type PartyInput,
} from "../../../domain/bursa/index.js";
import { buildCsv, buildXlsx, type SheetColumn } from "../../../lib/spreadsheet.js";
import { formatDate, isZoneName, type ZoneName } from "../../../lib/time.js";
import { intId } from "../../lib/callback.js";
import { commandAndMenu } from "../../lib/commands.js";
import { askChoice, askText, FLOW_CANCEL, waitStep } from "../../lib/flow.js";
import { actorOf } from "../../lib/forum.js";
import { escapeHtml, pagerRow, replyError } from "../../lib/replies.js";
import { requireForum } from "../forum-setup.js";
import { askMulti, askTextOrSkip } from "../musyawarah/steps.js";
import { agreementCb, agreementListCb, agreementStatusCb } from "./callbacks.js";
import { attempt, editOrReply } from "./common.js";
import { bursaDepsOf } from "./deps.js";
import { agreementText, villageLabel } from "./render.js";
import { langOf, tOf, type T } from "./words.js";

export const AGREEMENT_FLOW = "bursa-agreement";
export const AGREEMENT_DOC_FLOW = "bursa-agreement-doc";
export const AGREEMENT_EVAL_FLOW = "bursa-agreement-eval";
const PAGE = 6;
const DAY = 24 * 3600_000;

async function zoneOf(deps: Deps, forumId: number): Promise<ZoneName> {
  const f = await deps.prisma.forum.findUnique({ where: { id: forumId }, select: { timezone: true } });
  return isZoneName(f?.timezone) ? f!.timezone as ZoneName : "Asia/Jakarta";
}

function canRecord(ctx: FlowContext, forumId: number) {
  return ctx.access.isAdmin(forumId) || ctx.access.isOfficial(forumId);
}

async function showList(ctx: FlowContext, deps: Deps, forumId: number, page: number) {
  const t = tOf(ctx);
  const { total, agreements } = await listAgreements(deps, actorOf(ctx), forumId, { skip: page * PAGE, take: PAGE });
  const kb = new InlineKeyboard();
  agreements.forEach((a) => kb.text(`${a.number} · ${a.object}`.slice(0, 60), agreementCb.build({ id: a.id, act: "v" })).row());
  pagerRow(kb, page, Math.max(1, Math.ceil(total / PAGE)), (pg) => agreementListCb.build({ page: pg }));
  kb.row();
  if (canRecord(ctx, forumId)) kb.text(t("bursa-btn-ks-new"), "bkn");
  if (ctx.access.isAdmin(forumId)) kb.text(t("bursa-btn-ks-export"), "bke");
  const lines = agreements.map((a) => `<code>${a.number}</code> ${escapeHtml(a.object)} — ${t(`bursa-ks-status-${a.status}`)}`);
  await editOrReply(ctx, total === 0 ? t("bursa-ks-list-empty") : `${t("bursa-ks-list-head", { count: total })}\n\n${lines.join("\n")}`, kb);
}

async function showAgreement(ctx: FlowContext, deps: Deps, forumId: number, id: number) {
  const t = tOf(ctx);
  const { view, canManage } = await getAgreement(deps, actorOf(ctx), forumId, id);
  const kb = new InlineKeyboard();
  if (canManage) {
    if (nextStatuses(view.status).length) kb.text(t("bursa-btn-ks-status"), agreementCb.build({ id, act: "s" }));
    kb.text(t("bursa-btn-ks-document"), agreementCb.build({ id, act: "d" })).row();
    if (view.status !== "selesai" && view.status !== "batal") kb.text(t("bursa-btn-ks-evaluation"), agreementCb.build({ id, act: "e" }));
  }
  if (view.documentFileId) kb.text(t("bursa-btn-ks-file"), agreementCb.build({ id, act: "f" }));
  kb.row().text(t("bursa-btn-back"), agreementListCb.build({ page: 0 }));
  await editOrReply(ctx, agreementText(t, view, langOf(ctx.person?.language)), kb);
}

/** A day typed in Indonesian ("1 Maret 2027", "01/03/2027"): its start, or null if not understood. */
function parseDay(text: string, now: Date, zone: ZoneName): Date | null {
  const r = parsePeriod(text, now, zone);
  return r.ok && r.period?.start && r.period.end && r.period.end.getTime() - r.period.start.getTime() <= DAY ? r.period.start : null;
}

function agreementFlow(deps: Deps) {
  return async (conversation: Flow, ctx: FlowContext, forumId: number, matchId: number | null) => {
    const t = tOf(ctx);
    const info = await conversation.external(async (octx) => {
      const zone = await zoneOf(deps, forumId);
      const villages = await deps.prisma.village.findMany({ where: { forumId, retiredAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true } });
      let fromMatch: { villageIds: number[]; mitra: Array<{ id: number; name: string }>; object: string } | null = null;
      if (matchId) {
        const m = await loadMatch(deps.prisma, forumId, matchId);
        const actor = actorOf(octx);
        // From the mediator's view, or by someone of one of the pair's sides.
        if (m && (canMediate(actor, forumId) || (await sidesOf(deps.prisma, actor, m)).length)) {
          const rows = await deps.prisma.bursaPost.findMany({ where: { forumId, id: { in: [m.need.id, m.offer.id] }, villageId: null }, select: { authorId: true, partnerName: true } });
          fromMatch = {
            villageIds: [m.need.villageId, m.offer.villageId].filter((x): x is number => x !== null),
            mitra: rows.map((r) => ({ id: r.authorId, name: r.partnerName ?? "—" })),
            object: m.need.title,
          };
        }
      }
      return { zone, villages, fromMatch, allowed: canRecord(octx, forumId), admin: octx.access.isAdmin(forumId), own: octx.access.officialVillages(forumId) };
    });
    if (!info.allowed) return void (await ctx.reply(ctx.t("error-agreement_not_party")));
    const names = new Map(info.villages.map((v) => [v.id, v.name]));
    let parties: PartyInput[] = [];
    let labels: string[] = [];
    if (info.fromMatch) {
      parties = [...info.fromMatch.villageIds.map((villageId) => ({ villageId })), ...info.fromMatch.mitra.map((m) => ({ personId: m.id }))];
      labels = [...info.fromMatch.villageIds.map((v) => villageLabel(t, names.get(v) ?? "—")), ...info.fromMatch.mitra.map((m) => m.name)];
      const ok = await askChoice(conversation, ctx, t("bursa-ks-ask-parties-match", { parties: escapeHtml(labels.join(", ")) }), [
        { label: t("bursa-btn-continue"), value: "ok" },
        { label: t("bursa-btn-repick"), value: "pick" },
      ]);
      if (ok === "pick") parties = [];
    }
    if (parties.length === 0) {
      const ids = (
        await askMulti(conversation, ctx, t("bursa-ks-ask-villages"), info.villages.map((v) => ({ label: v.name, value: String(v.id) })), {
          min: 1,
          selected: info.admin ? [] : info.own.map(String),
        })
      ).map(Number);
      const others = await askTextOrSkip(conversation, ctx, t("bursa-ks-ask-others"), { max: 300 });
      const otherNames = (others ?? "").split(/[,;\n]+/).map((s) => s.trim()).filter(Boolean);
      parties = [...ids.map((villageId) => ({ villageId })), ...otherNames.map((name) => ({ name }))];
      labels = [...ids.map((v) => villageLabel(t, names.get(v) ?? "—")), ...otherNames];
    }
    const object = await askText(conversation, ctx, t("bursa-ks-ask-object"), { min: 5, max: 300 });
    let value: number | null = null;
    for (;;) {
      const typed = await askTextOrSkip(conversation, ctx, t("bursa-ks-ask-value"), { max: 40 });
      if (!typed) break;
      const r = parseRupiah(typed);
      if (r.ok) {
        value = r.value;
        break;
      }
      await ctx.reply(t(`bursa-value-${r.reason}`));
    }
    const now = new Date(await conversation.external(() => deps.clock.now().toISOString()));
    let startsOn: Date | null = null;
    let endsOn: Date | null = null;
    for (;;) {
      const typed = await askTextOrSkip(conversation, ctx, t("bursa-ks-ask-period"), { max: 100 });
      if (!typed) break;
      const r = parsePeriod(typed, now, info.zone);
      if (r.ok && r.period) {
        startsOn = r.period.start;
        endsOn = r.period.end ? new Date(r.period.end.getTime() - DAY) : null;
        break;
      }
      await ctx.reply(t("error-bursa_period_unparsed"), { parse_mode: "HTML" });
    }
    let evaluations: Date[] = [];
    for (;;) {
      const typed = await askTextOrSkip(conversation, ctx, t("bursa-ks-ask-evaluations"), { max: 300 });
      if (!typed) break;
      const items = typed.split(/[;\n]+|,(?!\d)/).map((s) => s.trim()).filter(Boolean);
      const days = items.map((s) => parseDay(s, now, info.zone));
      const badIdx = days.findIndex((d) => d === null);
      if (badIdx >= 0) {
        await ctx.reply(t("bursa-ks-evaluation-bad", { text: escapeHtml(items[badIdx]!) }), { parse_mode: "HTML" });
        continue;
      }
      evaluations = days as Date[];
      break;
    }
    const draft: AgreementView = {
      id: 0, forumId, number: "—", object, valueRupiah: value, startsOn, endsOn, status: "draf", documentFileId: null, documentName: null,
      parties: labels.map((name, i) => ({ id: i, villageId: null, personId: null, name, kind: "other" as const })),
      evaluations: evaluations.map((d, i) => ({ id: i, dueOn: d, remindedAt: null })),
      matchId, createdAt: now, zone: info.zone,
    };
    await ctx.reply(`${t("bursa-ks-preview")}\n\n${agreementText(t, draft, langOf(ctx.person?.language)).replace("—", t("bursa-ks-number-pending"))}`, { parse_mode: "HTML" });
    await askChoice(conversation, ctx, t("bursa-ks-confirm"), [{ label: ctx.t("btn-save"), value: "save" }]);
    const r = await attempt(conversation, async (octx) => {
      const a = await createAgreement(bursaDepsOf(deps), actorOf(octx), { forumId, object, parties, valueRupiah: value, startsOn, endsOn, evaluations, matchId });
      return { id: a.id, number: a.number };
    });
    if (!r.ok) return void (await ctx.reply(r.text));
    await ctx.reply(t("bursa-ks-saved", { number: r.value.number }), {
      parse_mode: "HTML",
      reply_markup: new InlineKeyboard().text(t("bursa-btn-ks-document"), agreementCb.build({ id: r.value.id, act: "d" })).text(t("bursa-btn-ks-open"), agreementCb.build({ id: r.value.id, act: "v" })),
    });
  };
}

function documentFlow(deps: Deps) {
  return async (conversation: Flow, ctx: FlowContext, forumId: number, id: number) => {
    const t = tOf(ctx);
    await ctx.reply(t("bursa-ks-ask-document"), { reply_markup: new InlineKeyboard().text(ctx.t("btn-cancel"), FLOW_CANCEL) });
    for (;;) {
      const c = await waitStep(conversation);
      const doc = c.message?.document;
      const photo = c.message?.photo?.at(-1);
      if (!doc && !photo) {
        if (c.callbackQuery) await c.answerCallbackQuery({ text: c.t("flow-old-button") });
        else await c.reply(t("bursa-ks-document-expect"));
        continue;
      }
      const file = doc ? { fileId: doc.file_id, name: doc.file_name ?? null } : { fileId: photo!.file_id, name: null };
      const r = await attempt(conversation, async (octx) => ({ number: (await attachDocument(bursaDepsOf(deps), actorOf(octx), forumId, id, file)).number }));
      return void (await ctx.reply(r.ok ? t("bursa-ks-document-saved", { number: r.value.number }) : r.text, { parse_mode: "HTML" }));
    }
  };
}

function evaluationFlow(deps: Deps) {
  return async (conversation: Flow, ctx: FlowContext, forumId: number, id: number) => {
    const t = tOf(ctx);
    const zone = await conversation.external(() => zoneOf(deps, forumId));
    for (;;) {
      const typed = await askText(conversation, ctx, t("bursa-ks-ask-evaluation"), { max: 60 });
      const now = new Date(await conversation.external(() => deps.clock.now().toISOString()));
      const day = parseDay(typed, now, zone);
      if (!day) {
        await ctx.reply(t("bursa-ks-evaluation-bad", { text: escapeHtml(typed) }), { parse_mode: "HTML" });
        continue;
      }
      const r = await attempt(conversation, async (octx) => ({ number: (await addEvaluation(bursaDepsOf(deps), actorOf(octx), forumId, id, day)).number }));
      return void (await ctx.reply(r.ok ? t("bursa-ks-evaluation-saved", { date: formatDate(day, zone, langOf(ctx.person?.language)) }) : r.text));
    }
  };
}

function exportColumns(t: T): SheetColumn[] {
  return [
    { header: t("bursa-ks-col-number"), key: "number" },
    { header: t("bursa-ks-col-object"), key: "object" },
    { header: t("bursa-ks-col-parties"), key: "parties" },
    { header: t("bursa-ks-col-value"), key: "value", type: "number" },
    { header: t("bursa-ks-col-start"), key: "start", type: "text" },
    { header: t("bursa-ks-col-end"), key: "end", type: "text" },
    { header: t("bursa-ks-col-status"), key: "status" },
    { header: t("bursa-ks-col-document"), key: "document" },
    { header: t("bursa-ks-col-evaluations"), key: "evaluations" },
  ];
}

async function sendExport(ctx: FlowContext, deps: Deps, forumId: number) {
  const t = tOf(ctx);
  const lang = langOf(ctx.person?.language);
  const { zone, agreements } = await agreementsForReport(deps, actorOf(ctx), forumId);
  const day = (d: Date | null) => (d ? formatDate(d, zone, lang) : "");
  const rows = agreements.map((a) => ({
    number: a.number,
    object: a.object,
    parties: a.parties.map((p) => (p.kind === "village" ? villageLabel(t, p.name) : p.name)).join("; "),
    value: a.valueRupiah,
    start: day(a.startsOn),
    end: day(a.endsOn),
    status: t(`bursa-ks-status-${a.status}`),
    document: a.documentFileId ? t("bursa-ks-yes") : t("bursa-ks-no"),
    evaluations: a.evaluations.map((e) => day(e.dueOn)).join("; "),
  }));
  const cols = exportColumns(t);
  const counts = AGREEMENT_STATUSES.map((s) => `${t(`bursa-ks-status-${s}`)}: ${agreements.filter((a) => a.status === s).length}`).join(" · ");
  const base = t("bursa-ks-export-file");
  await ctx.replyWithDocument(new InputFile(await buildXlsx([{ name: t("bursa-ks-export-sheet"), columns: cols, rows }], { zone }), `${base}.xlsx`), {
    caption: t("bursa-ks-export-caption", { count: agreements.length, counts }),
  });
  await ctx.replyWithDocument(new InputFile(buildCsv(cols, rows, { zone }), `${base}.csv`));
}

async function forumOfAgreement(deps: Deps, ctx: FlowContext, id: number | null) {
  if (!id) return null;
  const a = await deps.prisma.agreement.findUnique({ where: { id }, select: { forumId: true } });
  return a && ctx.access.inForum(a.forumId) ? a.forumId : null;
}

export function kerjasamaComposer(deps: Deps) {
  const c = new Composer<BotContext>();
  const p = c.chatType("private") as unknown as Composer<BotContext>;
  p.use(createConversation(agreementFlow(deps), AGREEMENT_FLOW));
  p.use(createConversation(documentFlow(deps), AGREEMENT_DOC_FLOW));
  p.use(createConversation(evaluationFlow(deps), AGREEMENT_EVAL_FLOW));

  commandAndMenu(p, "kerjasama", async (ctx) => {
    const forumId = await requireForum(ctx);
    if (!forumId) return;
    try {
      await showList(ctx, deps, forumId, 0);
    } catch (err) {
      await replyError(ctx, err);
    }
  });
  commandAndMenu(p, "kerjasama_ekspor", async (ctx) => {
    const forumId = await requireForum(ctx);
    if (!forumId) return;
    try {
      await sendExport(ctx, deps, forumId);
    } catch (err) {
      await replyError(ctx, err);
    }
  });
  p.callbackQuery("bke", async (ctx) => {
    await ctx.answerCallbackQuery();
    const forumId = await requireForum(ctx);
    if (!forumId) return;
    await sendExport(ctx, deps, forumId).catch((err) => replyError(ctx, err));
  });
  p.callbackQuery("bkn", async (ctx) => {
    await ctx.answerCallbackQuery();
    const forumId = await requireForum(ctx);
    if (!forumId) return;
    if (!canRecord(ctx, forumId)) return ctx.reply(ctx.t("error-agreement_not_party"));
    await ctx.conversation.enter(AGREEMENT_FLOW, forumId, null);
  });
  p.callbackQuery(agreementListCb.filter, async (ctx) => {
    const page = Number(agreementListCb.parse(ctx.callbackQuery.data)!.page);
    const forumId = await requireForum(ctx);
    if (!forumId || !Number.isInteger(page) || page < 0 || page > 999) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
    await ctx.answerCallbackQuery();
    await showList(ctx, deps, forumId, page).catch((err) => replyError(ctx, err));
  });
  p.callbackQuery(agreementCb.filter, async (ctx) => {
    const data = agreementCb.parse(ctx.callbackQuery.data)!;
    const id = intId(data.id);
    const forumId = await forumOfAgreement(deps, ctx, id);
    if (!forumId) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
    const t = tOf(ctx);
    try {
      const { view, canManage } = await getAgreement(deps, actorOf(ctx), forumId, id!);
      if (data.act === "f") {
        await ctx.answerCallbackQuery();
        if (!view.documentFileId) return ctx.reply(t("bursa-ks-document-none"));
        return ctx.replyWithDocument(view.documentFileId, { caption: `${view.number}` }).catch(() => ctx.replyWithPhoto(view.documentFileId!, { caption: view.number }));
      }
      if (data.act !== "v" && !canManage) return ctx.answerCallbackQuery({ text: ctx.t("error-agreement_not_manager"), show_alert: true });
      await ctx.answerCallbackQuery();
      if (data.act === "s") {
        const kb = new InlineKeyboard();
        nextStatuses(view.status).forEach((s) => kb.text(t(`bursa-ks-status-${s}`), agreementStatusCb.build({ id: view.id, status: s })));
        kb.row().text(t("bursa-btn-back"), agreementCb.build({ id: view.id, act: "v" }));
        return editOrReply(ctx, t("bursa-ks-ask-status", { number: view.number, status: t(`bursa-ks-status-${view.status}`) }), kb);
      }
      if (data.act === "d") return ctx.conversation.enter(AGREEMENT_DOC_FLOW, forumId, view.id);
      if (data.act === "e") return ctx.conversation.enter(AGREEMENT_EVAL_FLOW, forumId, view.id);
      return showAgreement(ctx, deps, forumId, view.id);
    } catch (err) {
      await replyError(ctx, err);
    }
  });
  p.callbackQuery(agreementStatusCb.filter, async (ctx) => {
    const data = agreementStatusCb.parse(ctx.callbackQuery.data)!;
    const id = intId(data.id);
    const forumId = await forumOfAgreement(deps, ctx, id);
    if (!forumId || !(AGREEMENT_STATUSES as readonly string[]).includes(data.status)) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
    try {
      const view = await setAgreementStatus(bursaDepsOf(deps), actorOf(ctx), forumId, id!, data.status as AgreementStatus);
      await ctx.answerCallbackQuery({ text: tOf(ctx)("bursa-ks-status-changed", { status: tOf(ctx)(`bursa-ks-status-${view.status}`) }) });
      await showAgreement(ctx, deps, forumId, view.id);
    } catch (err) {
      await replyError(ctx, err);
    }
  });
  return c;
}
