/**
 * /laporan: a month's cooperation measures (the chosen month, the month before, the same month a
 * year earlier) as a summary, charts and a spreadsheet — perangkat desa for their own village,
 * forum admins and kecamatan staff for every village. /indikator: the yearly indicators (IDM and
 * the forum's own) entered step by step or imported from a spreadsheet. The monthly job
 * (laporan/monthly.ts) sends the report by itself. Rights are checked on every command and press
 * (src/domain/laporan), never taken from a button.
 */
import { Composer, InlineKeyboard, InputFile } from "grammy";
import { createConversation } from "@grammyjs/conversations";
import type { BotContext, Flow, FlowContext } from "../context.js";
import type { Feature } from "../feature.js";
import type { Deps } from "../../deps.js";
import { DomainError, NotAllowed } from "../../domain/errors.js";
import { parseMonthKey, type Month } from "../../domain/laporan/measures.js";
import { lastCompleteMonth, monthAllowed, reportFor, reportScope } from "../../domain/laporan/report.js";
import {
  IDM_SCORE,
  IDM_STATUS,
  IDM_STATUSES,
  INDICATOR_NAME_MAX,
  cleanIndicatorName,
  customIndicatorKeys,
  idmStatusOf,
  indicatorVillages,
  loadIndicators,
  planIndicatorImport,
  readNumber,
  saveIndicators,
  type ImportCellError,
} from "../../domain/laporan/indicators.js";
import { isZoneName, zonedParts, type ZoneName } from "../../lib/time.js";
import { formatNumber } from "../../lib/format.js";
import { askChoice, askChoicePaged, askText, FLOW_CANCEL, waitStep, refusable } from "../lib/flow.js";
import { actorOf } from "../lib/forum.js";
import { commandAndMenu } from "../lib/commands.js";
import { intId } from "../lib/callback.js";
import { errorText, escapeHtml, replyError } from "../lib/replies.js";
import { langOf, type T } from "../lib/terms.js";
import { requireForum } from "./forum-setup.js";
import { downloadFile } from "./bursa/common.js";
import { ensureMonthlyJob, ensureMonthlyJobs, MONTHLY_JOB, monthlyHandler } from "./laporan/monthly.js";
import { indicatorLabel, renderReport } from "./laporan/render.js";
import { indikatorCb, laporanCb, monthKeyboard } from "./laporan/callbacks.js";

const IND_ACTS = ["e", "t", "i"] as const;
const FLOW_EDIT = "indikator-edit";
const FLOW_IMPORT = "indikator-import";
const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

const lang = (ctx: FlowContext) => langOf(ctx.person?.language);
const tOf = (ctx: FlowContext): T => (key, params) => ctx.t(key, params ?? {});

async function zoneOf(deps: Deps, forumId: number): Promise<ZoneName> {
  const f = await deps.prisma.forum.findUnique({ where: { id: forumId }, select: { timezone: true } });
  return f && isZoneName(f.timezone) ? f.timezone : "Asia/Jakarta";
}

/** Builds and sends one report to the person in front of us (a direct reply, not a fan-out). */
async function sendReport(ctx: FlowContext, deps: Deps, forumId: number, month: Month) {
  const report = await reportFor(deps, actorOf(ctx), forumId, month);
  const zone = report.zone;
  const l = lang(ctx);
  const r = await renderReport(tOf(ctx), l, report);
  await ctx.reply(r.summary, { parse_mode: "HTML", reply_markup: monthKeyboard(lang(ctx), forumId, lastCompleteMonth(deps.clock.now(), zone), month) });
  for (const c of r.charts) await ctx.replyWithPhoto(new InputFile(c.bytes, c.filename));
  await ctx.replyWithDocument(new InputFile(r.xlsx.bytes, r.xlsx.filename), { caption: ctx.t("laporan-xlsx-caption") });
  // A forum created since start-up gets its monthly run here at the latest.
  await ensureMonthlyJob(deps, forumId);
}

// ---------------------------------------------------------------- /indikator

async function indicatorScreen(ctx: FlowContext, deps: Deps, forumId: number): Promise<{ text: string; kb: InlineKeyboard }> {
  const zone = await zoneOf(deps, forumId);
  const year = zonedParts(deps.clock.now(), zone).year;
  const all = await deps.prisma.village.findMany({ where: { forumId }, select: { id: true, name: true }, orderBy: { name: "asc" } });
  const ids = indicatorVillages(actorOf(ctx), forumId, all.map((v) => v.id));
  const villages = all.filter((v) => ids.includes(v.id));
  // The latest year with any value, so last year's IDM shows until this year's is entered.
  const latest = await deps.prisma.villageIndicator.findFirst({ where: { forumId, villageId: { in: ids } }, orderBy: { year: "desc" }, select: { year: true } });
  const table = await loadIndicators(deps.prisma, forumId, latest?.year ?? year, ids);
  const t = tOf(ctx);
  const lines = villages.slice(0, 40).map((v) => {
    const vals = table.values.get(v.id);
    const parts = table.keys
      .filter((k) => vals?.has(k))
      .map((k) => {
        const x = vals!.get(k)!;
        const shown = k === IDM_STATUS ? t(`indikator-status-${x}`) : typeof x === "number" ? formatNumber(x, lang(ctx), 4) : String(x);
        return `${escapeHtml(indicatorLabel(t, k))}: ${escapeHtml(shown)}`;
      });
    return `• <b>${escapeHtml(v.name)}</b> — ${parts.length ? parts.join(" · ") : t("indikator-none")}`;
  });
  if (villages.length > 40) lines.push(t("indikator-more", { count: villages.length - 40 }));
  const text = t("indikator-screen", { year: String(table.year), lines: lines.join("\n") });
  const kb = new InlineKeyboard()
    .text(t("indikator-btn-enter"), indikatorCb.build({ forum: forumId, act: "e" }))
    .row()
    .text(t("indikator-btn-template"), indikatorCb.build({ forum: forumId, act: "t" }))
    .text(t("indikator-btn-import"), indikatorCb.build({ forum: forumId, act: "i" }));
  return { text, kb };
}

function templateLabels(t: T) {
  return { year: [t("indikator-col-year"), "tahun", "year"], score: [t("indikator-idm-score"), "skor idm", "idm score", IDM_SCORE], status: [t("indikator-idm-status"), "status idm", "idm status", IDM_STATUS] };
}

async function sendTemplate(ctx: FlowContext, deps: Deps, forumId: number) {
  const zone = await zoneOf(deps, forumId);
  const year = zonedParts(deps.clock.now(), zone).year;
  const all = await deps.prisma.village.findMany({ where: { forumId }, select: { id: true, name: true }, orderBy: { name: "asc" } });
  const ids = indicatorVillages(actorOf(ctx), forumId, all.map((v) => v.id));
  const table = await loadIndicators(deps.prisma, forumId, year, ids);
  const t = tOf(ctx);
  const { buildXlsx } = await import("../../lib/spreadsheet.js");
  const columns = [
    { header: t("laporan-col-village"), key: "village" },
    { header: t("indikator-col-year"), key: "year", type: "number" as const },
    ...table.keys.map((k, i) => ({ header: indicatorLabel(t, k), key: `k${i}` })),
  ];
  const rows = all
    .filter((v) => ids.includes(v.id))
    .map((v) => {
      const out: Record<string, string | number | null> = { village: v.name, year };
      table.keys.forEach((k, i) => {
        const x = table.values.get(v.id)?.get(k);
        out[`k${i}`] = x === undefined ? null : k === IDM_STATUS ? t(`indikator-status-${x}`) : x;
      });
      return out;
    });
  const file = await buildXlsx([{ name: t("laporan-sheet-indicators"), columns, rows }], { zone });
  await ctx.replyWithDocument(new InputFile(file, `indikator-${year}.xlsx`), { caption: t("indikator-template-caption"), parse_mode: "HTML" });
}

type Outcome<V> = { ok: true; value: V } | { ok: false; text: string };
async function save<V>(conversation: Flow, fn: (octx: FlowContext) => Promise<V>): Promise<Outcome<V>> {
  return refusable(conversation, async (octx) => {
    return { ok: true as const, value: await fn(octx) };
  });
}

function editFlow(deps: Deps) {
  return async (conversation: Flow, ctx: FlowContext, forumId: number) => {
    const t = tOf(ctx);
    const setup = await conversation.external(async (octx) => {
      const all = await deps.prisma.village.findMany({ where: { forumId }, select: { id: true, name: true }, orderBy: { name: "asc" } });
      const ids = indicatorVillages(actorOf(octx), forumId, all.map((v) => v.id));
      const zone = await zoneOf(deps, forumId);
      return {
        villages: all.filter((v) => ids.includes(v.id)),
        custom: await customIndicatorKeys(deps.prisma, forumId),
        admin: octx.access.isAdmin(forumId),
        year: zonedParts(deps.clock.now(), zone).year,
      };
    });
    if (setup.villages.length === 0) return void (await ctx.reply(t("error-indikator_not_allowed")));
    const villageId =
      setup.villages.length === 1
        ? setup.villages[0]!.id
        : Number(await askChoicePaged(conversation, ctx, t("indikator-ask-village"), setup.villages.map((v) => ({ label: v.name, value: String(v.id) }))));
    const year = Number(
      await askChoice(conversation, ctx, t("indikator-ask-year"), [setup.year, setup.year - 1, setup.year - 2].map((y) => ({ label: String(y), value: String(y) })), { columns: 3 }),
    );
    const choices = [
      { label: t("indikator-idm-score"), value: IDM_SCORE },
      { label: t("indikator-idm-status"), value: IDM_STATUS },
      ...setup.custom.map((k, i) => ({ label: k, value: `c${i}` })),
    ];
    if (setup.admin) choices.push({ label: t("indikator-btn-new"), value: "new" });
    const picked = await askChoice(conversation, ctx, t("indikator-ask-which"), choices, { columns: 2 });
    let key = picked;
    if (picked === "new") {
      key = cleanIndicatorName(await askText(conversation, ctx, t("indikator-ask-name", { max: INDICATOR_NAME_MAX }), { min: 2, max: INDICATOR_NAME_MAX }));
    } else if (picked.startsWith("c")) {
      key = setup.custom[Number(picked.slice(1))]!;
    }
    let value: string | number;
    if (key === IDM_STATUS) {
      value = await askChoice(conversation, ctx, t("indikator-ask-status"), IDM_STATUSES.map((s) => ({ label: t(`indikator-status-${s}`), value: s })), { columns: 2 });
    } else if (key === IDM_SCORE) {
      const typed = await askText(conversation, ctx, t("indikator-ask-score"), {
        max: 20,
        validate: (s) => {
          const n = readNumber(s);
          return n == null || n < 0 || n > 1 ? { key: "error-indikator_idm_score_bad" } : null;
        },
      });
      value = readNumber(typed)!;
    } else {
      value = await askText(conversation, ctx, t("indikator-ask-value", { name: escapeHtml(key) }), { max: 100 });
    }
    const r = await save(conversation, (octx) => saveIndicators(deps, actorOf(octx), forumId, year, [{ villageId, key, value }], "manual"));
    if (!r.ok) return void (await ctx.reply(r.text));
    const villageName = setup.villages.find((v) => v.id === villageId)!.name;
    const hint = key === IDM_SCORE && typeof value === "number" ? `\n${t("indikator-score-hint", { status: t(`indikator-status-${idmStatusOf(value)}`) })}` : "";
    await ctx.reply(t("indikator-saved", { name: escapeHtml(indicatorLabel(t, key)), village: escapeHtml(villageName), year: String(year) }) + hint, { parse_mode: "HTML" });
  };
}

function importErrors(t: T, errors: ImportCellError[]): string {
  const lines = errors.slice(0, 10).map((e) => t("indikator-import-error-line", { row: e.row, column: escapeHtml(e.column), reason: t(`indikator-import-${e.reason.replace(/_/g, "-")}`) }));
  if (errors.length > 10) lines.push(t("indikator-more", { count: errors.length - 10 }));
  return `${t("indikator-import-errors")}\n${lines.join("\n")}`;
}

function importFlow(deps: Deps) {
  return async (conversation: Flow, ctx: FlowContext, forumId: number) => {
    const t = tOf(ctx);
    await ctx.reply(t("indikator-import-ask"), { parse_mode: "HTML", reply_markup: new InlineKeyboard().text(ctx.t("btn-cancel"), FLOW_CANCEL) });
    for (;;) {
      const c = await waitStep(conversation);
      const doc = c.message?.document;
      if (!doc) {
        if (c.callbackQuery) await c.answerCallbackQuery({ text: c.t("flow-old-button") });
        else await c.reply(t("indikator-import-expect-file"));
        continue;
      }
      const name = doc.file_name ?? "";
      if (!/\.(xlsx|csv)$/i.test(name)) {
        await c.reply(t("indikator-import-wrong-type"));
        continue;
      }
      if ((doc.file_size ?? 0) > MAX_UPLOAD_BYTES) {
        await c.reply(t("indikator-import-too-big"));
        continue;
      }
      const out = await conversation.external(async (octx) => {
        const ot = tOf(octx);
        try {
          const { readCsv, readXlsx } = await import("../../lib/spreadsheet-read.js");
          const bytes = await downloadFile(deps, octx, doc.file_id);
          const sheets = /\.csv$/i.test(name) ? [readCsv(bytes)] : await readXlsx(bytes);
          const zone = await zoneOf(deps, forumId);
          const plan = await planIndicatorImport(deps.prisma, actorOf(octx), forumId, sheets[0]?.rows ?? [], templateLabels(ot), zonedParts(deps.clock.now(), zone).year);
          if (plan.errors.length) return { ok: false as const, text: importErrors(ot, plan.errors) };
          if (plan.values === 0) return { ok: false as const, text: ot("indikator-import-empty") };
          // The plan checked every cell; each year is then saved in one transaction (rights checked again).
          let changed = 0;
          for (const [year, values] of [...plan.byYear].sort((a, b) => a[0] - b[0])) changed += await saveIndicators(deps, actorOf(octx), forumId, year, values, "import");
          return { ok: true as const, text: ot("indikator-import-done", { villages: plan.villages, values: plan.values, changed }) };
        } catch (err) {
          if (err instanceof DomainError) return { ok: false as const, text: errorText(octx, err)! };
          if (err instanceof Error && "reason" in err && typeof (err as { reason: unknown }).reason === "string") return { ok: false as const, text: ot(`indikator-import-file-${(err as { reason: string }).reason.replace(/_/g, "-")}`) };
          throw err;
        }
      });
      await c.reply(out.text, { parse_mode: "HTML" });
      if (out.ok) return;
    }
  };
}

// ---------------------------------------------------------------- composer

export const laporanFeature: Feature = {
  name: "laporan",
  commands: [
    { command: "laporan", scopes: ["private"], audience: "official_or_admin" },
    { command: "indikator", scopes: ["private"], audience: "official_or_admin" },
  ],
  composer(deps) {
    const c = new Composer<BotContext>();
    const p = c.chatType("private") as unknown as Composer<BotContext>;
    p.use(createConversation(editFlow(deps), FLOW_EDIT));
    p.use(createConversation(importFlow(deps), FLOW_IMPORT));

    commandAndMenu(p, "laporan", async (ctx) => {
      const forumId = await requireForum(ctx);
      if (!forumId) return;
      try {
        reportScope(actorOf(ctx), forumId);
        await ctx.replyWithChatAction("upload_document").catch(() => {});
        await sendReport(ctx, deps, forumId, lastCompleteMonth(deps.clock.now(), await zoneOf(deps, forumId)));
      } catch (err) {
        await replyError(ctx, err);
      }
    });

    p.callbackQuery(laporanCb.filter, async (ctx) => {
      const d = laporanCb.parse(ctx.callbackQuery.data)!;
      const forumId = intId(d.forum);
      const month = parseMonthKey(d.month);
      if (!forumId || !month) return ctx.answerCallbackQuery({ text: ctx.t("flow-old-button") });
      try {
        // Rights come from the person's current roles in that forum, never from the button.
        reportScope(actorOf(ctx), forumId);
        if (!monthAllowed(month, deps.clock.now(), await zoneOf(deps, forumId))) throw new NotAllowed("laporan_month_bad");
        await ctx.answerCallbackQuery();
        await sendReport(ctx, deps, forumId, month);
      } catch (err) {
        await replyError(ctx, err);
      }
    });

    commandAndMenu(p, "indikator", async (ctx) => {
      const forumId = await requireForum(ctx);
      if (!forumId) return;
      if (!ctx.access.isAdmin(forumId) && !ctx.access.isOfficial(forumId)) return ctx.reply(ctx.t("error-indikator_not_allowed"));
      const { text, kb } = await indicatorScreen(ctx, deps, forumId);
      await ctx.reply(text, { parse_mode: "HTML", reply_markup: kb });
    });

    p.callbackQuery(indikatorCb.filter, async (ctx) => {
      const d = indikatorCb.parse(ctx.callbackQuery.data)!;
      const forumId = intId(d.forum);
      const act = IND_ACTS.find((a) => a === d.act);
      if (!forumId || !act) return ctx.answerCallbackQuery({ text: ctx.t("flow-old-button") });
      if (!ctx.access.isAdmin(forumId) && !ctx.access.isOfficial(forumId)) return ctx.answerCallbackQuery({ text: ctx.t("error-indikator_not_allowed"), show_alert: true });
      await ctx.answerCallbackQuery();
      if (act === "t") return sendTemplate(ctx, deps, forumId);
      await ctx.conversation.enter(act === "e" ? FLOW_EDIT : FLOW_IMPORT, forumId);
    });
    return c;
  },
  jobs(deps) {
    return { [MONTHLY_JOB]: monthlyHandler(deps) };
  },
  async onStart(deps) {
    // The first link of each forum's monthly chain; every run schedules the next in its own transaction.
    await ensureMonthlyJobs(deps);
  },
};
