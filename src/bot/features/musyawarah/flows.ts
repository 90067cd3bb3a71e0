import { InlineKeyboard, InputFile } from "grammy";
import { termsOf, type ForumTerms } from "../../../domain/forum/terms.js";
import { useTerms } from "../../lib/terms.js";
import { jabatanLabel } from "../../lib/jabatan.js";
import { beritaAcaraFilename, buildBeritaAcara } from "./berita-acara.js";
import type { Deps } from "../../../deps.js";
import type { Flow, FlowContext } from "../../context.js";
import { DomainError } from "../../../domain/errors.js";
import { FLOW_CANCEL, askChoice, askText, waitStep } from "../../lib/flow.js";
import { actorOf } from "../../lib/forum.js";
import { errorText, escapeHtml } from "../../lib/replies.js";
import { describeRecurrence, formatDateTimeLong, type Recurrence, type ZoneName } from "../../../lib/time.js";
import {
  DEFAULT_REMINDERS,
  REMINDER_CHOICES,
  defaultRsvpDeadline,
  recurrenceChoices,
} from "../../../domain/musyawarah/dates.js";
import { computeQuorum } from "../../../domain/musyawarah/quorum.js";
import { zoneOf } from "../../../domain/musyawarah/repo.js";
import {
  cancelMeeting,
  canOrganise,
  countReach,
  createMeeting,
  findPeople,
  getManaged,
  parseAgenda,
  parseDuration,
  recordMinutes,
  rescheduleMeeting,
  setDelegate,
  validateAgenda,
  validateBeritaAcara,
  validateTitle,
} from "../../../domain/musyawarah/service.js";
import {
  MEETING_KINDS,
  QUORUM_RULES,
  audienceVillages,
  emptyAudience,
  type Attendance,
  type Audience,
  type DecisionMethod,
  type MeetingKind,
  type MeetingView,
  type QuorumRule,
} from "../../../domain/musyawarah/types.js";
import { askChoiceOrText, askMulti, askPlace, askTextOrSkip, askWhen, meetingDateOptions } from "./steps.js";
import { askDate, dateSettingsOf } from "../../lib/date-step.js";
import { formatBefore, formatDuration, invitationKeyboard, invitationText, kindLabel, langOf, minutesText, type T } from "./render.js";
import { meetingDepsOf } from "./deps.js";

/** Runs a domain validator for askText: a DomainError becomes its locale key. */
function check(fn: () => unknown): { key: string; params?: Record<string, string | number> } | null {
  try {
    fn();
    return null;
  } catch (err) {
    if (err instanceof DomainError) return { key: `error-${err.reason}`, params: err.params };
    throw err;
  }
}

/** Runs a domain call inside conversation.external; a DomainError comes back as text. */
async function attempt<R>(octx: FlowContext, fn: () => Promise<R>): Promise<{ ok: true; value: R } | { ok: false; text: string }> {
  try {
    return { ok: true, value: await fn() };
  } catch (err) {
    const text = errorText(octx, err);
    if (text === null) throw err;
    return { ok: false, text };
  }
}

const tOf = (ctx: FlowContext): T => (key, params) => ctx.t(key, params);

const emptyAttendance = (rule: QuorumRule, villageIds: number[]): Attendance => ({
  rows: [],
  counts: { yes: 0, no: 0, delegate: 0, pending: 0, checkedIn: 0 },
  quorum: computeQuorum(rule, [], villageIds),
});

interface FlowInfo {
  allowed: boolean;
  admin: boolean;
  own: number[];
  villages: Array<{ id: number; name: string }>;
  zone: ZoneName;
  hasKecamatan: boolean;
  personName: string;
  personTitle: string | null;
  terms: ForumTerms;
}

async function askPersons(conversation: Flow, ctx: FlowContext, deps: Deps, forumId: number): Promise<number[]> {
  for (;;) {
    const text = await askTextOrSkip(conversation, ctx, ctx.t("musyawarah-ask-persons"), { max: 1000 });
    if (text === null) return [];
    const tokens = text.split(/[,;\n]+/).map((s) => s.trim()).filter(Boolean).slice(0, 50);
    const r = await conversation.external(() => findPeople(deps.prisma, forumId, tokens));
    if (r.found.length === 0) {
      await ctx.reply(ctx.t("musyawarah-persons-none"));
      continue;
    }
    const lines = [ctx.t("musyawarah-persons-found", { names: escapeHtml(r.found.map((p) => p.name).join(", ")) })];
    if (r.missing.length) lines.push(ctx.t("musyawarah-persons-missing", { names: escapeHtml(r.missing.join(", ")) }));
    const ok = await askChoice(conversation, ctx, lines.join("\n"), [
      { label: ctx.t("musyawarah-btn-use"), value: "use" },
      { label: ctx.t("musyawarah-btn-retype"), value: "retype" },
    ]);
    if (ok === "use") return r.found.map((p) => p.id);
  }
}

async function askAudience(conversation: Flow, ctx: FlowContext, deps: Deps, forumId: number, info: FlowInfo): Promise<Audience> {
  for (;;) {
    const kinds = [
      { label: ctx.t("musyawarah-aud-groups"), value: "groups" },
      { label: ctx.t("musyawarah-aud-officials"), value: "officials" },
      { label: ctx.t("musyawarah-aud-bpd"), value: "bpd" },
      { label: ctx.t("musyawarah-aud-persons"), value: "persons" },
      ...(info.admin && info.hasKecamatan ? [{ label: ctx.t("musyawarah-aud-kecamatan"), value: "kecamatan" }] : []),
    ];
    const types = new Set(await askMulti(conversation, ctx, ctx.t("musyawarah-ask-audience"), kinds, { min: 1, columns: 1 }));
    let villages: number[] = [];
    if (types.has("groups") || types.has("officials") || types.has("bpd")) {
      // A perangkat desa is offered only their own village(s): other villages are the admin's to invite.
      const offered = info.admin ? info.villages : info.villages.filter((v) => info.own.includes(v.id));
      villages =
        offered.length === 1
          ? [offered[0]!.id]
          : (
              await askMulti(
                conversation,
                ctx,
                ctx.t("musyawarah-ask-villages"),
                offered.map((v) => ({ label: v.name, value: String(v.id) })),
                { min: 1, all: offered.length > 2 ? ctx.t("musyawarah-btn-all") : undefined },
              )
            ).map(Number);
    }
    const persons = types.has("persons") ? await askPersons(conversation, ctx, deps, forumId) : [];
    const audience: Audience = {
      ...emptyAudience(),
      groups: types.has("groups") ? villages : [],
      officials: types.has("officials") ? villages : [],
      bpd: types.has("bpd") ? villages : [],
      persons,
      kecamatan: types.has("kecamatan"),
    };
    if (audienceVillages(audience).length || audience.persons.length || audience.kecamatan) return audience;
    await ctx.reply(ctx.t("error-meeting_no_invitees"));
  }
}

/** The preview exactly as recipients will see it (its buttons only say it is a preview), then send or adjust. */
async function previewStep(conversation: Flow, ctx: FlowContext, preview: { text: string; settings: string; view: MeetingView; now: Date }): Promise<"send" | "settings"> {
  await ctx.reply(ctx.t("musyawarah-preview-header"), { parse_mode: "HTML" });
  await ctx.reply(preview.text, {
    parse_mode: "HTML",
    link_preview_options: { is_disabled: true },
    reply_markup: invitationKeyboard(tOf(ctx), preview.view, preview.now),
  });
  const kb = new InlineKeyboard()
    .text(ctx.t("musyawarah-btn-send"), "my:send")
    .row()
    .text(ctx.t("musyawarah-btn-settings"), "my:set")
    .text(ctx.t("btn-cancel"), FLOW_CANCEL);
  const q = await ctx.reply(preview.settings, { parse_mode: "HTML", reply_markup: kb });
  for (;;) {
    const c = await waitStep(conversation);
    const data = c.callbackQuery?.data;
    if (!data) {
      await c.reply(c.t("flow-use-buttons"));
      continue;
    }
    if (/^(mr|mc):0(:|$)/.test(data)) {
      await c.answerCallbackQuery({ text: c.t("musyawarah-preview-only") });
      continue;
    }
    if ((data === "my:send" || data === "my:set") && c.callbackQuery!.message?.message_id === q.message_id) {
      await c.answerCallbackQuery();
      await c.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => {});
      return data === "my:send" ? "send" : "settings";
    }
    await c.answerCallbackQuery({ text: c.t("flow-old-button") });
  }
}

export function createMeetingFlow(deps: Deps) {
  return async (conversation: Flow, ctx: FlowContext, forumId: number) => {
    const md = meetingDepsOf(deps);
    const info: FlowInfo = await conversation.external(async (octx) => {
      const [villages, forum, kecamatan] = await Promise.all([
        deps.prisma.village.findMany({ where: { forumId, retiredAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
        deps.prisma.forum.findUnique({ where: { id: forumId }, select: { timezone: true, villageTerm: true, councilTerm: true } }),
        deps.prisma.chatLink.count({ where: { forumId, active: true, kind: "kecamatan_group" } }),
      ]);
      const admin = octx.access.isAdmin(forumId);
      const position = await deps.prisma.membership.findFirst({
        where: { forumId, personId: octx.person?.id ?? -1, title: { not: null }, role: admin ? "admin_forum" : "perangkat_desa" },
        select: { title: true },
      });
      return {
        allowed: canOrganise(octx.access, forumId),
        admin: octx.access.isAdmin(forumId),
        own: octx.access.officialVillages(forumId),
        villages,
        zone: zoneOf(forum?.timezone),
        hasKecamatan: kecamatan > 0,
        personName: octx.person?.firstName ?? "—",
        personTitle: position?.title ?? null,
        terms: termsOf(forum),
      };
    });
    if (!info.allowed) return void (await ctx.reply(ctx.t("error-meeting_not_organiser")));
    useTerms(ctx, info.terms);
    const t = tOf(ctx);
    const lang = langOf(ctx.person?.language);

    const kinds = MEETING_KINDS.filter((k) => info.admin || k !== "mad");
    const kind = (await askChoice(conversation, ctx, ctx.t("musyawarah-ask-kind"), kinds.map((k) => ({ label: kindLabel(t, k), value: k })), { columns: 1 })) as MeetingKind;
    let villageId: number | null = null;
    if (!info.admin) {
      const own = info.villages.filter((v) => info.own.includes(v.id));
      villageId = own.length > 1 ? Number(await askChoice(conversation, ctx, ctx.t("musyawarah-ask-village"), own.map((v) => ({ label: v.name, value: String(v.id) })))) : (own[0]?.id ?? null);
    }
    const title = validateTitle(await askText(conversation, ctx, ctx.t("musyawarah-ask-title"), { max: 150, validate: (s) => check(() => validateTitle(s)) }));
    const agenda = validateAgenda(
      parseAgenda(await askText(conversation, ctx, ctx.t("musyawarah-ask-agenda"), { max: 2500, validate: (s) => check(() => validateAgenda(parseAgenda(s))) })),
    );
    const startsAt = await askWhen(conversation, ctx, { forumId, zone: info.zone }, ctx.t("musyawarah-ask-when"));
    const duration = Number(
      await askChoiceOrText(
        conversation,
        ctx,
        ctx.t("musyawarah-ask-duration"),
        [60, 90, 120, 180, 240, 360].map((m) => ({ label: formatDuration(t, m), value: String(m) })),
        (text) => {
          const n = parseDuration(text);
          return n !== null && n >= 15 && n <= 720 ? { value: String(n) } : { error: "musyawarah-duration-bad" };
        },
        { columns: 3 },
      ),
    );
    const place = await askPlace(conversation, ctx);
    const audience = await askAudience(conversation, ctx, deps, forumId, info);

    const now0 = new Date(await conversation.external(() => deps.clock.now().toISOString()));
    let deadline: Date | null = defaultRsvpDeadline(startsAt, now0);
    let quorumRule: QuorumRule = kind === "mad" ? "all_villages" : "two_thirds";
    let reminders = [...DEFAULT_REMINDERS];
    let recurrence: Recurrence | null = null;
    const reach = await conversation.external(() => countReach(deps.prisma, forumId, audience));
    const names = new Map(info.villages.map((v) => [v.id, v.name]));

    for (;;) {
      const now = new Date(await conversation.external(() => deps.clock.now().toISOString()));
      const view: MeetingView = {
        id: 0,
        forumId,
        zone: info.zone,
        kind,
        title,
        agenda,
        startsAt,
        endsAt: new Date(startsAt.getTime() + duration * 60_000),
        place: place.place,
        latitude: place.latitude,
        longitude: place.longitude,
        rsvpDeadline: deadline,
        quorumRule,
        reminderMinutes: reminders,
        recurrence,
        seriesId: null,
        status: "scheduled",
        openCheckIn: false,
        sequence: 0,
        cancelReason: null,
        organizerId: ctx.person?.id ?? 0,
        organizerName: info.personName,
        organizerTitle: info.personTitle,
        terms: info.terms,
        villageId,
        villageName: villageId ? (names.get(villageId) ?? null) : null,
        villages: audienceVillages(audience)
          .map((id) => ({ id, name: names.get(id) ?? "—", viaGroup: audience.groups.includes(id) }))
          .sort((a, b) => a.name.localeCompare(b.name, "id")),
        audience,
        minutesText: null,
        minutesFileId: null,
        minutesFileName: null,
        decisions: null,
        chairName: null,
        chairTitle: null,
        secretaryName: null,
        decisionMethod: null,
        votesFor: null,
        votesAgainst: null,
        votesAbstain: null,
        minutesAt: null,
      };
      const att = emptyAttendance(quorumRule, view.villages.map((v) => v.id));
      let settings = ctx.t("musyawarah-preview-settings", {
        groups: reach.groups,
        persons: reach.persons,
        deadline: deadline ? formatDateTimeLong(deadline, info.zone, lang) : ctx.t("musyawarah-deadline-none"),
        quorum: ctx.t(`musyawarah-quorum-${quorumRule}`),
        reminders: reminders.length ? reminders.map((m) => formatBefore(t, m)).join(", ") : ctx.t("musyawarah-reminders-none"),
        recurrence: recurrence ? describeRecurrence(recurrence, lang) : ctx.t("musyawarah-recurrence-none"),
      });
      if (reach.groups + reach.persons === 0) settings += `\n\n${ctx.t("musyawarah-preview-no-recipients")}`;
      const action = await previewStep(conversation, ctx, { text: invitationText(t, lang, view, att, now, null), settings, view, now });
      if (action === "send") break;

      const which = await askChoice(conversation, ctx, ctx.t("musyawarah-ask-setting"), [
        { label: ctx.t("musyawarah-set-deadline"), value: "deadline" },
        { label: ctx.t("musyawarah-set-quorum"), value: "quorum" },
        { label: ctx.t("musyawarah-set-reminders"), value: "reminders" },
        { label: ctx.t("musyawarah-set-recurrence"), value: "recurrence" },
      ]);
      if (which === "deadline") {
        const options = [
          { label: ctx.t("musyawarah-deadline-1d"), value: String(startsAt.getTime() - 24 * 3600_000) },
          { label: ctx.t("musyawarah-deadline-3h"), value: String(startsAt.getTime() - 3 * 3600_000) },
        ].filter((o) => Number(o.value) > now.getTime());
        // Answers are taken until a time before the start that has not passed yet.
        const base = meetingDateOptions(ctx, await dateSettingsOf(conversation, deps, forumId));
        const picked = await askDate(conversation, ctx, ctx.t("musyawarah-ask-deadline"), {
          ...base,
          zone: info.zone,
          confirmKey: "tanggal-confirm",
          choices: [...options, { label: ctx.t("musyawarah-deadline-start"), value: "none" }],
          onChoice: (value) => (value === "none" ? null : new Date(Number(value))),
          validate: (date, at) => (date.getTime() <= at.getTime() || date.getTime() > startsAt.getTime() ? ctx.t("musyawarah-deadline-bad") : null),
        });
        deadline = picked.date;
      } else if (which === "quorum") {
        quorumRule = (await askChoice(
          conversation,
          ctx,
          ctx.t("musyawarah-ask-quorum"),
          QUORUM_RULES.map((q) => ({ label: ctx.t(`musyawarah-quorum-${q}`), value: q })),
          { columns: 1 },
        )) as QuorumRule;
      } else if (which === "reminders") {
        reminders = (
          await askMulti(
            conversation,
            ctx,
            ctx.t("musyawarah-ask-reminders"),
            REMINDER_CHOICES.map((m) => ({ label: formatBefore(t, m), value: String(m) })),
            { selected: reminders.map(String), min: 0 },
          )
        ).map(Number);
      } else {
        const rules = recurrenceChoices(startsAt, info.zone);
        const picked = await askChoice(
          conversation,
          ctx,
          ctx.t("musyawarah-ask-recurrence"),
          [{ label: ctx.t("musyawarah-btn-no-repeat"), value: "none" }, ...rules.map((r, i) => ({ label: describeRecurrence(r, lang), value: String(i) }))],
          { columns: 1 },
        );
        recurrence = picked === "none" ? null : rules[Number(picked)]!;
      }
    }

    const r = await conversation.external((octx) =>
      attempt(octx, () =>
        createMeeting(md, actorOf(octx), {
          forumId,
          kind,
          title,
          agenda,
          startsAt,
          durationMinutes: duration,
          place: place.place,
          latitude: place.latitude,
          longitude: place.longitude,
          audience,
          rsvpDeadline: deadline,
          quorumRule,
          reminderMinutes: reminders,
          recurrence,
          villageId,
        }),
      ),
    );
    if (!r.ok) return void (await ctx.reply(r.text));
    await ctx.reply(ctx.t("musyawarah-created", { title: escapeHtml(title), groups: r.value.groups, persons: r.value.persons }), { parse_mode: "HTML" });
  };
}

/** Loads what a management flow needs, or says why not. */
async function managedInfo(conversation: Flow, deps: Deps, meetingId: number) {
  return conversation.external((octx) =>
    attempt(octx, async () => {
      const { view } = await getManaged(deps, actorOf(octx), meetingId);
      return { title: view.title, forumId: view.forumId, zone: view.zone, startsAt: view.startsAt.toISOString(), recurring: view.recurrence !== null, status: view.status };
    }),
  );
}

export function rescheduleFlow(deps: Deps) {
  return async (conversation: Flow, ctx: FlowContext, meetingId: number) => {
    const info = await managedInfo(conversation, deps, meetingId);
    if (!info.ok) return void (await ctx.reply(info.text));
    const lang = langOf(ctx.person?.language);
    const current = formatDateTimeLong(new Date(info.value.startsAt), info.value.zone, lang);
    const startsAt = await askWhen(conversation, ctx, { forumId: info.value.forumId, zone: info.value.zone }, ctx.t("musyawarah-ask-new-when", { when: current }));
    const keep = await askChoice(conversation, ctx, ctx.t("musyawarah-ask-keep-rsvp"), [
      { label: ctx.t("musyawarah-btn-keep"), value: "keep" },
      { label: ctx.t("musyawarah-btn-reset"), value: "reset" },
    ]);
    const r = await conversation.external((octx) =>
      attempt(octx, async () => {
        const res = await rescheduleMeeting(meetingDepsOf(deps), actorOf(octx), meetingId, { startsAt, keepRsvp: keep === "keep" });
        return { groups: res.groups, persons: res.persons };
      }),
    );
    if (!r.ok) return void (await ctx.reply(r.text));
    await ctx.reply(
      ctx.t("musyawarah-rescheduled", { when: formatDateTimeLong(startsAt, info.value.zone, lang), groups: r.value.groups, persons: r.value.persons }),
      { parse_mode: "HTML" },
    );
  };
}

export function cancelFlow(deps: Deps) {
  return async (conversation: Flow, ctx: FlowContext, meetingId: number) => {
    const info = await managedInfo(conversation, deps, meetingId);
    if (!info.ok) return void (await ctx.reply(info.text));
    const lang = langOf(ctx.person?.language);
    let stopSeries = false;
    if (info.value.recurring) {
      stopSeries =
        (await askChoice(conversation, ctx, ctx.t("musyawarah-ask-cancel-scope"), [
          { label: ctx.t("musyawarah-btn-cancel-one"), value: "one" },
          { label: ctx.t("musyawarah-btn-cancel-all"), value: "all" },
        ])) === "all";
    }
    const reason = await askTextOrSkip(conversation, ctx, ctx.t("musyawarah-ask-cancel-reason"), { max: 300 });
    const sure = await askChoice(
      conversation,
      ctx,
      ctx.t("musyawarah-confirm-cancel", { title: escapeHtml(info.value.title), when: formatDateTimeLong(new Date(info.value.startsAt), info.value.zone, lang) }),
      [
        { label: ctx.t("musyawarah-btn-confirm-cancel"), value: "yes" },
        { label: ctx.t("musyawarah-btn-keep-meeting"), value: "no" },
      ],
      { allowCancel: false },
    );
    if (sure !== "yes") return void (await ctx.reply(ctx.t("musyawarah-not-cancelled")));
    const r = await conversation.external((octx) =>
      attempt(octx, async () => {
        const res = await cancelMeeting(meetingDepsOf(deps), actorOf(octx), meetingId, { reason, stopSeries });
        return { groups: res.groups, persons: res.persons };
      }),
    );
    if (!r.ok) return void (await ctx.reply(r.text));
    await ctx.reply(ctx.t("musyawarah-cancelled", { title: escapeHtml(info.value.title), groups: r.value.groups, persons: r.value.persons }), { parse_mode: "HTML" });
  };
}

/** "Sutrisno, Ketua BPK" → name and position; the position is optional. */
export function parseNameAndTitle(text: string): { name: string; title: string | null } | null {
  const [name, ...rest] = text.split(",");
  const n = (name ?? "").replace(/\s+/g, " ").trim();
  const title = rest.join(",").replace(/\s+/g, " ").trim() || null;
  if (n.length < 2 || n.length > 80 || !/^[\p{L}][\p{L}\p{N} .'’()-]*$/u.test(n) || (title && title.length > 80)) return null;
  return { name: n, title };
}

/** "9 3 1" or "9 3" → setuju, tidak setuju, abstain. */
export function parseVoteCounts(text: string): { votesFor: number; votesAgainst: number; votesAbstain: number } | null {
  const m = text.trim().match(/^(\d{1,5})[\s,;/-]+(\d{1,5})(?:[\s,;/-]+(\d{1,5}))?$/);
  if (!m) return null;
  const r = { votesFor: Number(m[1]), votesAgainst: Number(m[2]), votesAbstain: Number(m[3] ?? 0) };
  return r.votesFor + r.votesAgainst > 0 ? r : null;
}

/**
 * The berita acara, one question at a time: who chaired, who took the minutes, the notes (or a
 * scanned document), how the decisions were taken (mufakat, or suara terbanyak with the count),
 * the decisions; then the PDF itself as a preview, and only then is it sent to everyone invited.
 */
export function minutesFlow(deps: Deps) {
  return async (conversation: Flow, ctx: FlowContext, meetingId: number) => {
    const loaded = await conversation.external((octx) =>
      attempt(octx, async () => {
        const { view, attendance } = await getManaged(deps, actorOf(octx), meetingId);
        const me = octx.person!;
        const mine = await deps.prisma.membership.findFirst({
          where: { forumId: view.forumId, personId: me.id, title: { not: null }, ...(view.villageId ? { role: "perangkat_desa" as const, villageId: view.villageId } : {}) },
          select: { title: true },
        });
        return { title: view.title, terms: view.terms, present: attendance.counts.checkedIn, myName: me.firstName, myTitle: mine?.title ?? null };
      }),
    );
    if (!loaded.ok) return void (await ctx.reply(loaded.text));
    const base = loaded.value;
    useTerms(ctx, base.terms);
    const t = tOf(ctx);
    const me = `${base.myName}${base.myTitle ? `, ${jabatanLabel(t, base.myTitle).replace(/&amp;/g, "&")}` : ""}`;

    const chairText = await askChoiceOrText(
      conversation,
      ctx,
      ctx.t("musyawarah-ask-chair", { title: escapeHtml(base.title) }),
      [{ label: `👤 ${me}`.slice(0, 60), value: "_me" }],
      (text) => (parseNameAndTitle(text) ? { value: text } : { error: "error-meeting_chair_bad" }),
      { columns: 1 },
    );
    const chair = chairText === "_me" ? { name: base.myName, title: base.myTitle } : parseNameAndTitle(chairText)!;
    const secretaryText = await askChoiceOrText(
      conversation,
      ctx,
      ctx.t("musyawarah-ask-secretary"),
      [{ label: `👤 ${base.myName}`.slice(0, 60), value: "_me" }],
      (text) => (parseNameAndTitle(text) ? { value: text } : { error: "error-meeting_secretary_bad" }),
      { columns: 1 },
    );
    const secretaryName = secretaryText === "_me" ? base.myName : parseNameAndTitle(secretaryText)!.name;

    // Jalannya musyawarah: typed notes, a scanned document, or nothing.
    await ctx.reply(ctx.t("musyawarah-ask-minutes", { title: escapeHtml(base.title) }), {
      parse_mode: "HTML",
      reply_markup: new InlineKeyboard().text(ctx.t("musyawarah-btn-skip"), "mn:skip").row().text(ctx.t("btn-cancel"), FLOW_CANCEL),
    });
    let text: string | null = null;
    let fileId: string | null = null;
    let fileName: string | null = null;
    for (;;) {
      const c = await waitStep(conversation);
      if (c.callbackQuery) {
        if (c.callbackQuery.data === "mn:skip") {
          await c.answerCallbackQuery();
          await c.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => {});
          break;
        }
        await c.answerCallbackQuery({ text: c.t("flow-old-button") });
        continue;
      }
      const doc = c.message?.document;
      if (doc) {
        fileId = doc.file_id;
        fileName = doc.file_name ?? null;
        break;
      }
      const typed = c.message?.text?.trim();
      if (typed) {
        if (typed.length > 3500) {
          await c.reply(c.t("error-meeting_minutes_long", { max: 3500 }));
          continue;
        }
        text = typed;
        break;
      }
      await c.reply(c.t("musyawarah-minutes-expect"));
    }

    const method = (await askChoice(
      conversation,
      ctx,
      ctx.t("musyawarah-ask-method"),
      [
        { label: ctx.t("musyawarah-btn-mufakat"), value: "mufakat" },
        { label: ctx.t("musyawarah-btn-suara"), value: "suara" },
      ],
      { columns: 1 },
    )) as DecisionMethod;
    let votes = { votesFor: null as number | null, votesAgainst: null as number | null, votesAbstain: null as number | null };
    if (method === "suara") {
      const typed = await askText(conversation, ctx, ctx.t("musyawarah-ask-votes", { present: base.present }), {
        max: 40,
        validate: (s) => {
          const v = parseVoteCounts(s);
          if (!v) return { key: "error-meeting_votes_bad" };
          if (base.present > 0 && v.votesFor + v.votesAgainst + v.votesAbstain > base.present) return { key: "error-meeting_votes_over_present", params: { present: base.present } };
          return null;
        },
      });
      votes = parseVoteCounts(typed)!;
    }
    const decisions = await askText(conversation, ctx, ctx.t("musyawarah-ask-decisions"), { min: 3, max: 1500 });

    const input = { text, fileId, fileName, decisions, chairName: chair.name, chairTitle: chair.title, secretaryName, decisionMethod: method, ...votes };
    // The PDF exactly as everyone will get it, sent once (outside the replay log).
    const preview = await conversation.external((octx) =>
      attempt(octx, async () => {
        const b = validateBeritaAcara(input);
        const { view, attendance } = await getManaged(deps, actorOf(octx), meetingId);
        const draft: MeetingView = { ...view, minutesText: text, minutesFileId: fileId, minutesFileName: fileName, decisions, minutesAt: deps.clock.now(), ...b };
        const pdf = await buildBeritaAcara(draft, attendance);
        const lang = langOf(octx.person?.language);
        await octx.reply(octx.t("musyawarah-minutes-preview"), { parse_mode: "HTML" });
        await octx.replyWithDocument(new InputFile(pdf, beritaAcaraFilename(draft)), {
          caption: minutesText(tOf(octx), lang, draft, { caption: true, present: attendance.counts.checkedIn }),
          parse_mode: "HTML",
        });
        return true;
      }),
    );
    if (!preview.ok) return void (await ctx.reply(preview.text));
    const ok = await askChoice(conversation, ctx, ctx.t("musyawarah-confirm-minutes"), [{ label: ctx.t("musyawarah-btn-send-minutes"), value: "send" }]);
    if (ok !== "send") return;
    const r = await conversation.external((octx) => attempt(octx, () => recordMinutes(meetingDepsOf(deps), actorOf(octx), meetingId, input)));
    if (!r.ok) return void (await ctx.reply(r.text));
    await ctx.reply(ctx.t("musyawarah-minutes-sent", { groups: r.value.groups, persons: r.value.persons }));
  };
}

export function delegateFlow(deps: Deps) {
  return async (conversation: Flow, ctx: FlowContext, meetingId: number, title: string) => {
    const name = await askText(conversation, ctx, ctx.t("musyawarah-delegate-ask", { title: escapeHtml(title) }), { min: 2, max: 80 });
    const r = await conversation.external((octx) => attempt(octx, () => setDelegate(meetingDepsOf(deps), actorOf(octx), meetingId, name)));
    if (!r.ok) return void (await ctx.reply(r.text));
    await ctx.reply(ctx.t("musyawarah-delegate-saved", { name: escapeHtml(r.value.delegateName), title: escapeHtml(r.value.title) }), { parse_mode: "HTML" });
  };
}
