import { groupPort, readsApi } from "../lib/telegram.js";
import { Composer, InlineKeyboard, InputFile } from "grammy";
import { useTerms } from "../lib/terms.js";
import { createConversation } from "@grammyjs/conversations";
import type { BotContext, FlowContext } from "../context.js";
import type { Feature } from "../feature.js";
import type { Deps } from "../../deps.js";
import { DomainError } from "../../domain/errors.js";
import { findChatLink } from "../../domain/forum/service.js";
import { chatLinkOf } from "../lib/update-memo.js";
import { meetingJobHandlers } from "../../domain/musyawarah/jobs.js";
import {
  canOrganise,
  checkIn,
  checkInByToken,
  checkInCandidates,
  checkInQr,
  getForInvitee,
  getManaged,
  listManageable,
  markPresent,
  setOpenCheckIn,
  setRsvp,
  stopSeries,
  upcomingForGroup,
  upcomingForPerson,
} from "../../domain/musyawarah/service.js";
import { isZoneName, formatDateTimeLong, formatTime } from "../../lib/time.js";
import { checkInWindow } from "../../domain/musyawarah/dates.js";
import { commandAndMenu } from "../lib/commands.js";
import { actorOf } from "../lib/forum.js";
import { deepLink, escapeHtml, pagerRow, replyTo, tellRefusal } from "../lib/replies.js";
import { intId } from "../lib/callback.js";
import { requireForum } from "./forum-setup.js";
import { ANSWER_CODES, checkInCb, delegateCb, listCb, manageCb, markCb, markPageCb, rsvpCb, viewCb, type AnswerCode } from "./musyawarah/callbacks.js";
import { meetingDepsOf } from "./musyawarah/deps.js";
import { attendanceWorkbook } from "./musyawarah/export.js";
import { cancelFlow, createMeetingFlow, delegateFlow, minutesFlow, rescheduleFlow } from "./musyawarah/flows.js";
import {
  answerLabel,
  detailKeyboard,
  detailText,
  invitationKeyboard,
  invitationText,
  langOf,
  scheduleLines,
  type T,
} from "./musyawarah/render.js";
import { audit } from "../../domain/privasi/audit.js";
import { qrPng } from "../../lib/qr.js";

const LIST_PAGE = 6;
const MARK_PAGE = 8;

const tOf = (ctx: FlowContext): T => (key, params) => ctx.t(key, params);

/**
 * A domain error in the person's words; dates carried as ISO strings (deadline, opening time)
 * are shown in the meeting's zone.
 */
function meetingErrorText(ctx: FlowContext, err: unknown): string | null {
  if (!(err instanceof DomainError)) return null;
  const params: Record<string, string | number> = { ...err.params };
  const zone = isZoneName(params.zone) ? params.zone : "Asia/Jakarta";
  for (const k of ["deadline", "opensAt"]) {
    if (typeof params[k] === "string" && /^\d{4}-\d{2}-\d{2}T/.test(params[k] as string)) {
      params[k] = formatDateTimeLong(new Date(params[k] as string), zone, langOf(ctx.person?.language));
    }
  }
  return ctx.t(`error-${err.reason}`, params);
}

async function replyMeetingError(ctx: FlowContext, err: unknown) {
  const text = meetingErrorText(ctx, err);
  if (text === null) throw err;
  await tellRefusal(ctx, text, { reply_parameters: replyTo(ctx) });
}

async function editOrReply(ctx: FlowContext, text: string, kb?: InlineKeyboard) {
  const opts = { parse_mode: "HTML" as const, reply_markup: kb, link_preview_options: { is_disabled: true } };
  if (ctx.callbackQuery?.message) {
    await ctx.editMessageText(text, opts).catch(async (err) => {
      if (!/not modified/i.test(String(err))) await ctx.reply(text, opts);
    });
  } else {
    await ctx.reply(text, opts);
  }
}

export const musyawarahFeature: Feature = {
  name: "musyawarah",
  commands: [
    { command: "musyawarah", scopes: ["private"], audience: "official_or_admin" },
    { command: "jadwal", scopes: ["private", "group"], audience: "all" },
    { command: "hadir", scopes: ["private", "group"], audience: "all" },
  ],
  jobs(deps: Deps) {
    return meetingJobHandlers(meetingDepsOf(deps));
  },
  composer(deps) {
    const md = meetingDepsOf(deps);
    const c = new Composer<BotContext>();
    const p = c.chatType("private");
    p.use(createConversation(createMeetingFlow(deps), "meeting-create"));
    p.use(createConversation(rescheduleFlow(deps), "meeting-reschedule"));
    p.use(createConversation(cancelFlow(deps), "meeting-cancel"));
    p.use(createConversation(minutesFlow(deps), "meeting-minutes"));
    p.use(createConversation(delegateFlow(deps), "meeting-delegate"));

    // ------------------------------------------------------------ organiser: list and create

    const showList = async (ctx: FlowContext, page: number) => {
      const actor = actorOf(ctx);
      const { total, meetings } = await listManageable(deps, actor, { skip: page * LIST_PAGE, take: LIST_PAGE });
      const lang = langOf(ctx.person?.language);
      const kb = new InlineKeyboard();
      meetings.forEach((m) => kb.text(`${m.status === "cancelled" ? "🚫 " : ""}${m.title}`.slice(0, 60), manageCb.build({ meeting: m.id, act: "v" })).row());
      pagerRow(kb, page, Math.max(1, Math.ceil(total / LIST_PAGE)), (pg) => listCb.build({ page: pg }));
      if (actor.access.forumIds().some((f) => canOrganise(actor.access, f))) kb.row().text(ctx.t("musyawarah-btn-new"), "mnew");
      const lines = meetings.map((m) => scheduleLines(tOf(ctx), lang, m));
      const text = total === 0 ? ctx.t("musyawarah-list-empty") : `${ctx.t("musyawarah-list-header", { count: total })}\n\n${lines.join("\n")}`;
      await editOrReply(ctx, text, kb);
    };

    const startCreate = async (ctx: BotContext) => {
      const forumId = await requireForum(ctx);
      if (!forumId) return;
      if (!canOrganise(ctx.access, forumId)) return ctx.reply(ctx.t("error-meeting_not_organiser"));
      await ctx.conversation.enter("meeting-create", forumId);
    };

    commandAndMenu(p as unknown as Composer<BotContext>, "musyawarah", async (ctx) => {
      if (!ctx.access.forumIds().some((f) => canOrganise(ctx.access, f))) return ctx.reply(ctx.t("error-meeting_not_organiser"));
      await showList(ctx, 0);
    });
    p.callbackQuery("mnew", async (ctx) => {
      await ctx.answerCallbackQuery();
      await startCreate(ctx);
    });
    p.callbackQuery(listCb.filter, async (ctx) => {
      const page = Number(listCb.parse(ctx.callbackQuery.data)!.page);
      if (!Number.isInteger(page) || page < 0 || page > 999) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
      await ctx.answerCallbackQuery();
      await showList(ctx, page);
    });

    // ------------------------------------------------------------ organiser: one meeting

    const showDetail = async (ctx: FlowContext, meetingId: number) => {
      const { view, attendance } = await getManaged(deps, actorOf(ctx), meetingId);
      useTerms(ctx, view.terms);
      const now = deps.clock.now();
      await editOrReply(ctx, detailText(tOf(ctx), langOf(ctx.person?.language), view, attendance, now), detailKeyboard(tOf(ctx), view, now));
    };

    const showMarkList = async (ctx: FlowContext, meetingId: number, page: number) => {
      const { view, attendance } = await getManaged(deps, actorOf(ctx), meetingId);
      useTerms(ctx, view.terms);
      const names = new Map(view.villages.map((v) => [v.id, v.name]));
      const rows = attendance.rows;
      const pages = Math.max(1, Math.ceil(rows.length / MARK_PAGE));
      const pg = Math.min(page, pages - 1);
      const kb = new InlineKeyboard();
      rows.slice(pg * MARK_PAGE, (pg + 1) * MARK_PAGE).forEach((r) => {
        const village = r.villageId ? ` · ${names.get(r.villageId) ?? ""}` : "";
        kb.text(`${r.checkedInAt ? "☑️" : "▫️"} ${r.name}${village}`.slice(0, 60), markCb.build({ meeting: view.id, invitee: r.inviteeId, page: pg })).row();
      });
      pagerRow(kb, pg, pages, (x) => markPageCb.build({ meeting: view.id, page: x }));
      kb.row().text(ctx.t("musyawarah-btn-back"), manageCb.build({ meeting: view.id, act: "v" }));
      const text = rows.length ? ctx.t("musyawarah-mark-header", { title: escapeHtml(view.title) }) : ctx.t("musyawarah-mark-empty");
      await editOrReply(ctx, text, kb);
    };

    c.callbackQuery(manageCb.filter, async (ctx) => {
      const d = manageCb.parse(ctx.callbackQuery.data)!;
      const id = intId(d.meeting);
      if (!id) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
      if (ctx.chat?.type !== "private") return ctx.answerCallbackQuery({ text: ctx.t("hint-use-private"), show_alert: true });
      try {
        const actor = actorOf(ctx);
        switch (d.act) {
          case "v":
            await showDetail(ctx, id);
            return void (await ctx.answerCallbackQuery().catch(() => {}));
          case "mark":
            await showMarkList(ctx, id, 0);
            return void (await ctx.answerCallbackQuery().catch(() => {}));
          case "resched":
          case "cancel":
          case "minutes": {
            // Rights are checked before the flow starts, and again by the domain when it acts.
            await getManaged(deps, actor, id);
            await ctx.answerCallbackQuery();
            const flow = { resched: "meeting-reschedule", cancel: "meeting-cancel", minutes: "meeting-minutes" }[d.act];
            return void (await ctx.conversation.enter(flow, id));
          }
          case "open":
          case "close": {
            await setOpenCheckIn(md, actor, id, d.act === "open");
            await ctx.answerCallbackQuery({ text: ctx.t(d.act === "open" ? "musyawarah-opened" : "musyawarah-closed") });
            return void (await showDetail(ctx, id));
          }
          case "qr": {
            const qr = await checkInQr(md, actor, id, (n) => deps.random.code(n));
            useTerms(ctx, qr.terms);
            await ctx.answerCallbackQuery();
            const lang = langOf(ctx.person?.language);
            const link = deepLink(deps.botUsername, `hadir_${qr.token}`);
            await ctx.replyWithPhoto(new InputFile(await qrPng(link, 720), `qr-hadir-${id}.png`), {
              caption: ctx.t("musyawarah-qr-caption", {
                title: escapeHtml(qr.title),
                opensAt: formatDateTimeLong(new Date(qr.opensAt), qr.zone, lang),
                until: formatDateTimeLong(new Date(qr.expiresAt), qr.zone, lang),
                link,
              }),
              parse_mode: "HTML",
            });
            return;
          }
          case "stop":
            await stopSeries(md, actor, id);
            await ctx.answerCallbackQuery({ text: ctx.t("musyawarah-series-stopped"), show_alert: true });
            return void (await showDetail(ctx, id));
          case "export": {
            const { view, attendance } = await getManaged(deps, actor, id);
            useTerms(ctx, view.terms);
            await ctx.answerCallbackQuery();
            const lang = langOf(ctx.person?.language);
            const file = await attendanceWorkbook(tOf(ctx), lang, view, attendance);
            // The attendance list names people: its download is audited.
            await audit(deps.prisma, { forumId: view.forumId, actorId: actor.personId, action: "meeting.export", target: `meeting:${view.id}`, details: { rows: attendance.rows.length }, at: deps.clock.now() });
            await ctx.replyWithDocument(new InputFile(file, `daftar-hadir-${view.id}.xlsx`), {
              caption: ctx.t("musyawarah-export-caption", { title: escapeHtml(view.title) }),
              parse_mode: "HTML",
            });
            return;
          }
          default:
            return void (await ctx.answerCallbackQuery({ text: ctx.t("error-old-button") }));
        }
      } catch (err) {
        await replyMeetingError(ctx, err);
      }
    });

    p.callbackQuery(markPageCb.filter, async (ctx) => {
      const d = markPageCb.parse(ctx.callbackQuery.data)!;
      const id = intId(d.meeting);
      const page = Number(d.page);
      if (!id || !Number.isInteger(page) || page < 0 || page > 999) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
      try {
        await showMarkList(ctx, id, page);
        await ctx.answerCallbackQuery();
      } catch (err) {
        await replyMeetingError(ctx, err);
      }
    });

    p.callbackQuery(markCb.filter, async (ctx) => {
      const d = markCb.parse(ctx.callbackQuery.data)!;
      const id = intId(d.meeting);
      const inviteeId = intId(d.invitee);
      const page = Number(d.page);
      if (!id || !inviteeId || !Number.isInteger(page) || page < 0) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
      try {
        const actor = actorOf(ctx);
        const { attendance } = await getManaged(deps, actor, id);
        const row = attendance.rows.find((r) => r.inviteeId === inviteeId);
        if (!row) return ctx.answerCallbackQuery({ text: ctx.t("error-meeting_invitee_not_found"), show_alert: true });
        await markPresent(md, actor, id, inviteeId, !row.checkedInAt);
        await ctx.answerCallbackQuery({ text: ctx.t(row.checkedInAt ? "musyawarah-unmarked" : "musyawarah-marked", { name: row.name }) });
        await showMarkList(ctx, id, page);
      } catch (err) {
        await replyMeetingError(ctx, err);
      }
    });

    // ------------------------------------------------------------ invitees: answers, delegate, check-in

    c.callbackQuery(rsvpCb.filter, async (ctx) => {
      const d = rsvpCb.parse(ctx.callbackQuery.data)!;
      if (d.meeting === "0") return ctx.answerCallbackQuery({ text: ctx.t("musyawarah-preview-only") });
      const id = intId(d.meeting);
      if (!id || !(d.a in ANSWER_CODES) || !ctx.person) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
      const inGroup = ctx.chat?.type !== "private";
      try {
        const r = await setRsvp(md, actorOf(ctx), id, ANSWER_CODES[d.a as AnswerCode], inGroup ? await groupVia(ctx) : {});
        const label = answerLabel(tOf(ctx), r.answer);
        if (r.answer !== "delegate") {
          return void (await ctx.answerCallbackQuery({ text: ctx.t(r.previous === r.answer ? "musyawarah-rsvp-same" : "musyawarah-rsvp-saved", { answer: label }) }));
        }
        if (!inGroup) {
          await ctx.answerCallbackQuery({ text: ctx.t("musyawarah-rsvp-saved", { answer: label }) });
          return void (await ctx.conversation.enter("meeting-delegate", id, r.title));
        }
        // Who represents them is personal: asked in the private chat, never in the group.
        if (ctx.person.canMessage) {
          await ctx.answerCallbackQuery({ text: ctx.t("musyawarah-rsvp-delegate-group"), show_alert: true });
          const kb = new InlineKeyboard().text(ctx.t("musyawarah-btn-write-delegate"), delegateCb.build({ meeting: id }));
          await ctx.api
            .sendMessage(ctx.from.id, ctx.t("musyawarah-delegate-ask-private", { title: escapeHtml(r.title) }), { parse_mode: "HTML", reply_markup: kb })
            .catch(() => {});
        } else {
          await ctx.answerCallbackQuery({ url: deepLink(deps.botUsername, `mw_${id}`) });
        }
      } catch (err) {
        await replyMeetingError(ctx, err);
      }
    });

    const enterDelegate = async (ctx: BotContext, id: number) => {
      try {
        const { view, own } = await getForInvitee(deps, actorOf(ctx), id);
        useTerms(ctx, view.terms);
        if (view.status === "cancelled") return ctx.reply(ctx.t("error-meeting_cancelled"));
        if (!own) return ctx.reply(ctx.t("error-meeting_not_invited"));
        await ctx.conversation.enter("meeting-delegate", id, view.title);
      } catch (err) {
        await replyMeetingError(ctx, err);
      }
    };
    p.callbackQuery(delegateCb.filter, async (ctx) => {
      const id = intId(delegateCb.parse(ctx.callbackQuery.data)!.meeting);
      if (!id) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
      await ctx.answerCallbackQuery();
      await enterDelegate(ctx, id);
    });

    // The venue's QR code: t.me/<bot>?start=hadir_<token>. Anything after hadir_ is looked up, so a
    // forged or mistyped code gets a clear refusal instead of the menu.
    p.command("start").filter(
      (ctx) => /^hadir_[A-Za-z0-9_-]{0,58}$/.test(ctx.match.trim()),
      async (ctx) => {
        try {
          const r = await checkInByToken(md, actorOf(ctx), ctx.match.trim().slice("hadir_".length));
          useTerms(ctx, r.terms);
          const lang = langOf(ctx.person?.language);
          await ctx.reply(
            r.already
              ? ctx.t("musyawarah-checkin-already", { title: escapeHtml(r.title), time: formatTime(new Date(r.checkedInAt), r.zone, lang) })
              : ctx.t("musyawarah-checkin-done", { name: escapeHtml(ctx.person?.firstName ?? ""), title: escapeHtml(r.title) }),
            { parse_mode: "HTML" },
          );
        } catch (err) {
          await replyMeetingError(ctx, err);
        }
      },
    );

    // Deep links: t.me/<bot>?start=mw_<id> (name a delegate), mv_<id> (see an invitation).
    p.command("start").filter(
      (ctx) => /^m[wv]_\d{1,10}$/.test(ctx.match.trim()),
      async (ctx) => {
        const [kind, raw] = ctx.match.trim().split("_");
        const id = intId(raw);
        if (!id) return;
        if (kind === "mw") return enterDelegate(ctx, id);
        await showInvitation(ctx, id);
      },
    );

    /** Where a group press came from; the service asks Telegram about membership only when it matters. */
    const groupVia = async (ctx: FlowContext) => ({
      groupChatId: ctx.chat!.id,
      link: () => chatLinkOf(ctx),
      groupMember: async () => (await groupPort(readsApi(deps)).presence(BigInt(ctx.chat!.id), BigInt(ctx.from!.id))) === "in",
    });

    const doCheckIn = async (ctx: FlowContext, id: number) => {
      const inGroup = ctx.chat?.type !== "private";
      const r = await checkIn(md, actorOf(ctx), id, inGroup ? await groupVia(ctx) : {});
      const lang = langOf(ctx.person?.language);
      return r.already
        ? ctx.t("musyawarah-checkin-already", { title: escapeHtml(r.title), time: formatTime(new Date(r.checkedInAt), r.zone, lang) })
        : ctx.t("musyawarah-checkin-done", { name: escapeHtml(ctx.person?.firstName ?? ""), title: escapeHtml(r.title) });
    };

    c.callbackQuery(checkInCb.filter, async (ctx) => {
      const d = checkInCb.parse(ctx.callbackQuery.data)!;
      if (d.meeting === "0") return ctx.answerCallbackQuery({ text: ctx.t("musyawarah-preview-only") });
      const id = intId(d.meeting);
      if (!id || !ctx.person) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
      try {
        const text = await doCheckIn(ctx, id);
        await ctx.answerCallbackQuery({ text: text.replace(/<[^>]+>/g, "").slice(0, 200) });
      } catch (err) {
        await replyMeetingError(ctx, err);
      }
    });

    commandAndMenu(c, "hadir", async (ctx) => {
      if (!ctx.person) return;
      const inGroup = ctx.chat?.type !== "private";
      try {
        const candidates = await checkInCandidates(deps, actorOf(ctx), inGroup ? { groupChatId: ctx.chat!.id } : {});
        if (candidates.length === 0) {
          // Too early for a meeting of today: say when its list opens rather than just "none".
          const next = inGroup
            ? await (async () => {
                const link = await findChatLink(deps, ctx.chat!.id);
                return link?.active ? (await upcomingForGroup(deps, link.forumId, link.villageId, 1))[0] : undefined;
              })()
            : (await upcomingForPerson(deps, actorOf(ctx), 1))[0]?.view;
          const now = deps.clock.now();
          if (next && next.startsAt.getTime() - now.getTime() < 24 * 3600_000) {
            const opensAt = formatDateTimeLong(checkInWindow(next).opensAt, next.zone, langOf(ctx.person.language));
            return ctx.reply(`<b>${escapeHtml(next.title)}</b>: ${ctx.t("error-meeting_checkin_not_open", { opensAt })}`, { parse_mode: "HTML", reply_parameters: replyTo(ctx) });
          }
          return ctx.reply(ctx.t(inGroup ? "musyawarah-checkin-none-group" : "musyawarah-checkin-none"), { reply_parameters: replyTo(ctx) });
        }
        if (candidates.length === 1) {
          const text = await doCheckIn(ctx, candidates[0]!.id);
          return ctx.reply(text, { parse_mode: "HTML", reply_parameters: replyTo(ctx) });
        }
        const kb = new InlineKeyboard();
        for (const m of candidates.slice(0, 8)) kb.text(m.title.slice(0, 60), checkInCb.build({ meeting: m.id })).row();
        await ctx.reply(ctx.t("musyawarah-checkin-choose"), { reply_markup: kb, reply_parameters: replyTo(ctx) });
      } catch (err) {
        await replyMeetingError(ctx, err);
      }
    });

    // ------------------------------------------------------------ schedule

    const showInvitation = async (ctx: FlowContext, id: number) => {
      try {
        const { view, attendance, own } = await getForInvitee(deps, actorOf(ctx), id);
        useTerms(ctx, view.terms);
        const now = deps.clock.now();
        const t = tOf(ctx);
        if (ctx.callbackQuery) await ctx.answerCallbackQuery();
        await ctx.reply(invitationText(t, langOf(ctx.person?.language), view, attendance, now, own ? { rsvp: own.rsvp, delegateName: own.delegateName } : null), {
          parse_mode: "HTML",
          link_preview_options: { is_disabled: true },
          reply_markup: invitationKeyboard(t, view, now),
        });
      } catch (err) {
        await replyMeetingError(ctx, err);
      }
    };
    p.callbackQuery(viewCb.filter, async (ctx) => {
      const id = intId(viewCb.parse(ctx.callbackQuery.data)!.meeting);
      if (!id) return ctx.answerCallbackQuery({ text: ctx.t("error-old-button") });
      await showInvitation(ctx, id);
    });

    commandAndMenu(c, "jadwal", async (ctx) => {
      const lang = langOf(ctx.person?.language);
      const t = tOf(ctx);
      if (ctx.chat?.type !== "private") {
        const link = await findChatLink(deps, ctx.chat!.id);
        if (!link?.active) return ctx.reply(ctx.t("musyawarah-group-not-linked"));
        const name = link.village ? ctx.t("musyawarah-schedule-village", { name: link.village.name }) : ctx.t("musyawarah-schedule-kecamatan");
        const list = await upcomingForGroup(deps, link.forumId, link.villageId);
        if (list.length === 0) return ctx.reply(ctx.t("musyawarah-schedule-empty-group", { name: escapeHtml(name) }), { parse_mode: "HTML" });
        const text = [ctx.t("musyawarah-schedule-group-header", { name: escapeHtml(name) }), "", ...list.map((m) => scheduleLines(t, lang, m))].join("\n");
        return ctx.reply(text, { parse_mode: "HTML", link_preview_options: { is_disabled: true } });
      }
      if (!ctx.person) return;
      const list = await upcomingForPerson(deps, actorOf(ctx));
      if (list.length === 0) return ctx.reply(ctx.t("musyawarah-schedule-empty-private"));
      const kb = new InlineKeyboard();
      list.forEach(({ view }, i) => kb.text(`${i + 1}. ${view.title}`.slice(0, 60), viewCb.build({ meeting: view.id })).row());
      const text = [
        ctx.t("musyawarah-schedule-private-header"),
        "",
        ...list.map(({ view, invitee }) => scheduleLines(t, lang, view, invitee?.rsvp ?? null)),
        "",
        ctx.t("musyawarah-schedule-hint"),
      ].join("\n");
      await ctx.reply(text, { parse_mode: "HTML", reply_markup: kb, link_preview_options: { is_disabled: true } });
    });

    return c;
  },
};
