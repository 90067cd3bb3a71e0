/**
 * Everything people see of a vote: group cards, private ballots, results (text + bar chart),
 * reminders, lists. Rendering takes a translate function, so the same code serves a person's
 * ctx.t and a job's translate(language, …) — group messages are always in Indonesian.
 */
import { InlineKeyboard } from "grammy";
import type { SendSpec, VoteInfo, LiveCounts, VotingRenderer } from "../../../domain/voting/index.js";
import { MIN_SECRET_CELL, type PublishedResult, type PublishedVillage } from "../../../domain/voting/index.js";
import type { VoteListItem } from "../../../domain/voting/index.js";
import { formatDateTimeLong, formatDateTimeShort, type ZoneName } from "../../../lib/time.js";
import { formatNumber, formatPercent, splitText, truncate } from "../../../lib/format.js";
import { renderBarChartPng, type BarDatum } from "../../../lib/chart.js";
import { escapeHtml } from "../../lib/replies.js";
import { tFor as termsT } from "../../lib/terms.js";
import { requiredCount, type Threshold } from "../../../domain/voting/index.js";
import type { LegacyQuorum, PublishedResult as Published } from "../../../domain/voting/index.js";
import { ballotCb, manageCb, openBallotCb, voteOptionCb, voteSecretCb, voteVillagesCb } from "./callbacks.js";

export type T = (key: string, params?: Record<string, string | number>) => string;
type Lang = "id" | "en";

/** Texts about a vote, in one language and the vote's forum's words (Kampung, BPK). */
export const tFor = (language: string | null | undefined, v: Pick<VoteInfo, "terms">): T => termsT(language, v.terms);
const langOf = (language: string | null | undefined): Lang => (language === "en" ? "en" : "id");

const zone = (v: VoteInfo) => v.timezone as ZoneName;
export const longDate = (iso: string, v: VoteInfo, lang: Lang) => formatDateTimeLong(new Date(iso), zone(v), lang);
export const shortDate = (iso: string, tz: string, lang: Lang) => formatDateTimeShort(new Date(iso), tz as ZoneName, lang);

/** Option label on a button: numbered, cut to fit a phone's width. */
function optionButton(i: number, option: string, max = 30) {
  return `${i + 1}. ${truncate(option, max)}`;
}

export function optionNames(v: Pick<VoteInfo, "options">, choices: number[], max = 40) {
  return choices.map((i) => truncate(v.options[i] ?? "?", max)).join(", ");
}

/** "Terbuka · satu jawaban · dihitung per orang · anggota grup desa · kuorum 50%" */
export function rulesLine(t: T, v: VoteInfo) {
  if (v.kind === "quick") return t("vote-rule-quick");
  const parts = [
    t(`vote-rule-${v.ballot}`),
    t(v.multiple ? "vote-rule-multi" : "vote-rule-single"),
    t(`vote-rule-${v.counting}`),
    t(`vote-rule-${v.eligibility}`),
  ];
  if (v.quorum) parts.push(t("vote-rule-quorum", { quorum: thresholdLabel(t, v.quorum) }));
  return parts.join(" · ");
}

// ---------------------------------------------------------------- group card

export function cardText(t: T, v: VoteInfo, live: LiveCounts, lang: Lang = "id") {
  const closed = v.state === "closed";
  const lines = [t(closed ? "vote-card-title-closed" : "vote-card-title"), `<b>${escapeHtml(v.question)}</b>`, ""];
  v.options.forEach((o, i) => {
    if (live.totals) {
      const count = live.totals[i] ?? 0;
      const percent = live.ballots ? formatPercent(count / live.ballots, 0, lang) : "0%";
      lines.push(t("vote-option-count", { n: i + 1, option: escapeHtml(o), count: formatNumber(count, lang), percent }));
    } else {
      lines.push(t("vote-option-line", { n: i + 1, option: escapeHtml(o) }));
    }
  });
  lines.push("", t("vote-card-ballots", { count: formatNumber(live.ballots, lang) }));
  if (closed) lines.push(t("vote-card-closed", { date: longDate(v.closedAt ?? v.closesAt ?? new Date(0).toISOString(), v, lang) }));
  else if (v.closesAt) lines.push(t("vote-card-closes", { date: longDate(v.closesAt, v, lang) }));
  else lines.push(t("vote-card-closes-manual"));
  lines.push(`<i>${escapeHtml(rulesLine(t, v))}</i>`);
  if (!closed) {
    lines.push("");
    lines.push(t(v.ballot === "rahasia" ? "vote-card-hint-secret" : v.multiple ? "vote-card-hint-multi" : "vote-card-hint-single"));
    // Said before anyone votes, so a village knows it needs 3 ballots to count (publish.ts).
    if (v.kind === "formal" && v.ballot === "rahasia" && v.counting === "satu_desa") lines.push(t("vote-card-secret-village-note", { min: MIN_SECRET_CELL }));
  }
  return lines.join("\n");
}

export function cardKeyboard(t: T, v: VoteInfo): InlineKeyboard | undefined {
  if (v.state === "closed") return undefined;
  const kb = new InlineKeyboard();
  if (v.ballot === "rahasia") {
    kb.text(t("vote-btn-secret"), voteSecretCb.build({ vote: v.id })).text(t("vote-btn-villages"), voteVillagesCb.build({ vote: v.id }));
    return kb;
  }
  // Two short options per row; long ones get a row each (UX: 2–3 buttons per row at most).
  const short = v.options.every((o) => o.length <= 14);
  v.options.forEach((o, i) => {
    kb.text(optionButton(i, o), voteOptionCb.build({ vote: v.id, opt: i }));
    if (!short || i % 2 === 1) kb.row();
  });
  kb.row().text(t("vote-btn-villages"), voteVillagesCb.build({ vote: v.id }));
  return kb;
}

// ---------------------------------------------------------------- private ballot

export function ballotText(t: T, v: VoteInfo, villageName: string, current: number[], lang: Lang) {
  const lines = [t("vote-ballot-title", { village: escapeHtml(villageName) }), `<b>${escapeHtml(v.question)}</b>`, ""];
  lines.push(t(v.multiple ? "vote-ballot-hint-multi" : "vote-ballot-hint-single"));
  if (v.ballot === "rahasia") lines.push(t("vote-ballot-secret-note"));
  else if (current.length) lines.push(t("vote-ballot-current", { options: escapeHtml(optionNames(v, current)) }));
  if (v.closesAt) lines.push(t("vote-card-closes", { date: longDate(v.closesAt, v, lang) }));
  return lines.join("\n");
}

export function ballotKeyboard(t: T, v: VoteInfo, villageId: number, mask: number) {
  const kb = new InlineKeyboard();
  v.options.forEach((o, i) => {
    const on = (mask & (1 << i)) !== 0;
    const mark = v.multiple ? (on ? "✅" : "⬜") : on ? "🔘" : "⚪";
    kb.text(`${mark} ${optionButton(i, o, 34)}`, ballotCb.build({ vote: v.id, village: villageId, mask, act: i })).row();
  });
  kb.text(t("vote-btn-submit"), ballotCb.build({ vote: v.id, village: villageId, mask, act: "s" }));
  kb.text(t("btn-cancel"), ballotCb.build({ vote: v.id, village: villageId, mask, act: "c" }));
  return kb;
}

// ---------------------------------------------------------------- results

function baseLabel(t: T, v: VoteInfo) {
  if (v.kind === "quick" || v.eligibility === "anggota_grup") return t("vote-base-anggota");
  return t(v.eligibility === "perangkat_desa" ? "vote-base-perangkat" : "vote-base-warga");
}

function outcomeLine(t: T, v: VoteInfo, r: PublishedResult) {
  const name = (i: number) => `<b>${escapeHtml(v.options[i] ?? "?")}</b>`;
  const o = r.outcome;
  if (o.kind === "withheld") return t(o.reason === "open" ? "vote-outcome-withheld-open" : "vote-outcome-withheld-few", { ballots: r.ballots, min: MIN_SECRET_CELL });
  if (o.kind === "none") return t(r.counting === "satu_desa" && r.ballots > 0 ? "vote-outcome-village-none" : "vote-outcome-none");
  if (r.counting === "satu_desa") {
    if (o.kind === "winner") return t("vote-outcome-village-winner", { option: name(o.option), votes: o.votes, villages: r.villages.length });
    return t("vote-outcome-village-tie", { options: o.options.map(name).join(", "), votes: o.votes });
  }
  if (o.kind === "winner") return t("vote-outcome-winner", { option: name(o.option), votes: formatNumber(o.votes) });
  return t("vote-outcome-tie", { options: o.options.map(name).join(", "), votes: formatNumber(o.votes) });
}

/** "2/3", "½ + 1", "60%", "3/4": a threshold as people write it. */
export function thresholdLabel(t: T, q: Threshold | LegacyQuorum): string {
  if ("percent" in q) return `${q.percent}%`;
  if (q.above && q.num * 2 === q.den) return t("vote-quorum-half-plus-one");
  if (q.den === 100) return `${q.num}%`;
  return `${q.num}/${q.den}`;
}

function quorumLine(t: T, r: PublishedResult, lang: Lang) {
  const q = r.quorum;
  if (!q) return null;
  const quorum = thresholdLabel(t, q);
  if (r.base === null || r.turnout === null) return t("vote-quorum-unknown", { quorum });
  // A result stored before exact fractions: its percent, counted the same way now.
  const required = "percent" in q ? requiredCount({ num: q.percent, den: 100, above: false }, r.base) : (q.required ?? requiredCount(q, r.base));
  const params = { quorum, ballots: formatNumber(r.ballots, lang), base: formatNumber(r.base, lang), required: formatNumber(required, lang) };
  return t(q.reached ? "vote-quorum-reached" : "vote-quorum-missed", params);
}

/** "Lebih dari separuh (½ + 1)": the leading option against those who voted (or villages that took part). */
function majorityLine(t: T, v: VoteInfo, r: Published, lang: Lang) {
  const m = r.majority;
  if (!m || m.base === 0) return null;
  const unit = t(r.counting === "satu_desa" ? "vote-majority-unit-villages" : "vote-majority-unit-people");
  const params = { votes: formatNumber(m.votes, lang), base: formatNumber(m.base, lang), required: formatNumber(m.required, lang), unit };
  if (m.reached && m.option !== null) return t("vote-majority-yes", { ...params, option: `<b>${escapeHtml(v.options[m.option] ?? "?")}</b>` });
  return t("vote-majority-no", params);
}

/**
 * Above this many villages a group gets its own village's line and a button for the rest
 * (privately) instead of a table spread over several messages.
 */
export const COMPACT_OVER = 20;

/** What one village's line says after its turnout: counts, or why they are not shown. */
function villageDetail(t: T, r: PublishedResult, vr: PublishedVillage, lang: Lang) {
  if (vr.ballots === 0) return t("vote-village-none");
  if (vr.withheld === "open") return t("vote-villages-secret-open");
  if (vr.withheld === "small") return t(r.counting === "satu_desa" ? "vote-village-hidden-no-vote" : "vote-village-hidden", { min: MIN_SECRET_CELL });
  if (vr.withheld === "pooled" || !vr.counts) return t("vote-village-pooled", { min: MIN_SECRET_CELL });
  return vr.counts.map((c, i) => `${i + 1}: ${formatNumber(c, lang)}`).join(" · ");
}

/**
 * The results: outcome, quorum, totals, then one line per village — or, with `onlyVillage`, only
 * that village's line and a pointer to the rest. Split to Telegram's limit.
 */
export function resultsText(t: T, v: VoteInfo, r: PublishedResult, lang: Lang, onlyVillage?: number): string[] {
  const lines = [t(v.kind === "quick" ? "vote-results-title-quick" : "vote-results-title"), `<b>${escapeHtml(v.question)}</b>`, ""];
  lines.push(outcomeLine(t, v, r));
  const maj = majorityLine(t, v, r, lang);
  if (maj) lines.push(maj);
  const q = quorumLine(t, r, lang);
  if (q) lines.push(q);
  lines.push("");
  lines.push(
    t("vote-results-totals", {
      ballots: formatNumber(r.ballots, lang),
      turnout: r.turnout !== null ? t("vote-results-turnout", { percent: formatPercent(r.turnout, 1, lang) }) : "",
    }),
  );
  const totals = r.totals;
  v.options.forEach((o, i) => {
    if (!totals) return void lines.push(t("vote-option-line", { n: i + 1, option: escapeHtml(o) }));
    const count = totals[i] ?? 0;
    lines.push(t("vote-option-count", { n: i + 1, option: escapeHtml(o), count: formatNumber(count, lang), percent: r.ballots ? formatPercent(count / r.ballots, 1, lang) : "0%" }));
  });
  if (r.totalsWithheld === "few_ballots" || r.totalsWithheld === "protects_small") lines.push(`<i>${t(`vote-results-totals-withheld-${r.totalsWithheld}`, { min: MIN_SECRET_CELL })}</i>`);
  const compact = onlyVillage !== undefined;
  lines.push("", t(compact ? "vote-results-your-village" : "vote-results-villages"));
  for (const vr of compact ? r.villages.filter((x) => x.villageId === onlyVillage) : r.villages) {
    const head =
      vr.base !== null
        ? t("vote-village-line", {
            village: escapeHtml(vr.name),
            ballots: formatNumber(vr.ballots, lang),
            base: formatNumber(vr.base, lang),
            baseLabel: baseLabel(t, v),
            turnout: vr.turnout !== null ? formatPercent(vr.turnout, 1, lang) : "–",
          })
        : t("vote-village-line-nobase", { village: escapeHtml(vr.name), ballots: formatNumber(vr.ballots, lang) });
    let detail = villageDetail(t, r, vr, lang);
    // Satu desa satu suara: the village's own decision, where it has one that may be shown.
    if (vr.vote?.length === 1) detail += ` ${t("vote-village-top", { option: escapeHtml(truncate(v.options[vr.vote[0]!] ?? "?", 40)) })}`;
    if (vr.vote && vr.vote.length > 1) detail += ` ${t("vote-village-tie", { options: vr.vote.map((i) => String(i + 1)).join(", ") })}`;
    lines.push(`${head} — ${detail}`);
  }
  if (compact) lines.push(t("vote-results-more-villages", { n: r.villages.length - 1 }));
  if (r.villageVotes) {
    const parts = r.villageVotes.map((n, i) => `${i + 1}: ${n}`);
    if (r.villagesTied) parts.push(t("vote-village-summary-tied", { n: r.villagesTied }));
    if (r.villagesWithout) parts.push(t("vote-village-summary-without", { n: r.villagesWithout }));
    if (r.villagesTooFew) parts.push(t("vote-village-summary-too-few", { n: r.villagesTooFew, min: MIN_SECRET_CELL }));
    lines.push("", t("vote-village-summary", { summary: parts.join(" · ") }));
  }
  lines.push("");
  if (v.closedAt) lines.push(t("vote-results-closed-at", { date: longDate(v.closedAt, v, lang) }));
  lines.push(`<i>${escapeHtml(rulesLine(t, v))}</i>`);
  if (v.kind === "quick") lines.push(`<i>${t("vote-quick-caveat")}</i>`);
  // A vote informs the musyawarah; it does not decide for it.
  lines.push("", t("vote-results-bahan"));
  return splitText(lines.join("\n"), 4000);
}

/** Caption of the chart photo (≤ 1024 characters): question, outcome, quorum. */
function resultCaption(t: T, v: VoteInfo, r: PublishedResult, lang: Lang) {
  const lines = [t(v.kind === "quick" ? "vote-results-title-quick" : "vote-results-title"), `<b>${escapeHtml(truncate(v.question, 300))}</b>`, outcomeLine(t, v, r)];
  const maj = majorityLine(t, v, r, lang);
  if (maj) lines.push(maj);
  const q = quorumLine(t, r, lang);
  if (q) lines.push(q);
  lines.push(`<i>${t("vote-results-bahan-short")}</i>`);
  return lines.join("\n").slice(0, 1000);
}

/**
 * What the chart draws, from published figures only: per village, one bar segment per option
 * (what no poll bot shows) when every village may be itemised; otherwise the totals per option;
 * and when even the totals are withheld, ballots per village.
 */
export function chartData(t: T, v: VoteInfo, r: PublishedResult): { bars: BarDatum[]; stacked: boolean; valueTitle: string } {
  const shown = r.villages.every((x) => x.counts !== null);
  if (r.totals && shown && r.villages.length > 1 && r.villages.length <= 40) {
    const bars = r.villages.flatMap((vr) => v.options.map((o, i) => ({ label: vr.name, group: `${i + 1}. ${o}`, value: vr.counts![i] ?? 0 })));
    return { bars, stacked: true, valueTitle: t("vote-chart-axis") };
  }
  const totals = r.totals;
  if (totals) return { bars: v.options.map((o, i) => ({ label: `${i + 1}. ${o}`, value: totals[i] ?? 0 })), stacked: false, valueTitle: t("vote-chart-axis") };
  return { bars: r.villages.map((vr) => ({ label: vr.name, value: vr.ballots })), stacked: false, valueTitle: t("vote-chart-axis-ballots") };
}

export async function resultChart(t: T, v: VoteInfo, r: PublishedResult): Promise<Buffer> {
  const data = chartData(t, v, r);
  return renderBarChartPng({
    title: t("vote-chart-title", { question: v.question }),
    subtitle: t("vote-chart-subtitle", { ballots: formatNumber(r.ballots), villages: r.villages.length }),
    bars: data.bars,
    stacked: data.stacked,
    orientation: "horizontal",
    valueTitle: data.valueTitle,
  });
}

export function exportKeyboard(t: T, voteId: number) {
  return new InlineKeyboard().text(t("vote-btn-csv"), manageCb.build({ vote: voteId, act: "c" })).text(t("vote-btn-xlsx"), manageCb.build({ vote: voteId, act: "s" }));
}

// ---------------------------------------------------------------- renderer for the domain

/** Charts are drawn once per vote and language, even when results go to hundreds of groups. */
const chartCache = new Map<string, Buffer>();

export function createRenderer(): VotingRenderer {
  return {
    card(vote, live) {
      const t = tFor("id", vote);
      return { text: cardText(t, vote, live, "id"), reply_markup: cardKeyboard(t, vote) };
    },
    async results(vote, result, audience) {
      const t = tFor(audience.language, vote);
      const lang = langOf(audience.language);
      const key = `${vote.id}:${lang}:${vote.closedAt}:${vote.terms.village}`;
      let png = chartCache.get(key);
      if (!png) {
        png = await resultChart(t, vote, result);
        if (chartCache.size > 20) chartCache.clear();
        chartCache.set(key, png);
      }
      const out: SendSpec[] = [
        {
          method: "sendPhoto",
          params: { caption: resultCaption(t, vote, result, lang), parse_mode: "HTML" },
          files: { photo: { base64: png.toString("base64"), filename: `hasil-voting-${vote.id}.png` } },
        },
      ];
      const compact = !audience.organiser && result.villages.length > COMPACT_OVER;
      const parts = resultsText(t, vote, result, lang, compact ? audience.villageId : undefined);
      parts.forEach((text, i) => {
        const last = i === parts.length - 1;
        let markup: InlineKeyboard | undefined;
        if (last && audience.organiser) markup = exportKeyboard(t, vote.id);
        if (last && compact) markup = new InlineKeyboard().text(t("vote-btn-villages"), voteVillagesCb.build({ vote: vote.id }));
        out.push({
          method: "sendMessage",
          params: {
            text: last && audience.organiser && vote.kind === "formal" ? `${text}\n\n${t("vote-results-organiser-note")}` : text,
            parse_mode: "HTML",
            ...(markup ? { reply_markup: markup } : {}),
          },
        });
      });
      return out;
    },
    quickPollNote(vote, group) {
      const t = tFor("id", vote);
      const village = vote.villages.find((v) => v.id === group.villageId)?.name ?? "";
      return {
        method: "sendMessage",
        params: {
          text: t("vote-quick-group-note", { village: escapeHtml(village), date: vote.closesAt ? longDate(vote.closesAt, vote, "id") : "–" }),
          parse_mode: "HTML",
          // Not forwardable either, so no copy of the note travels without the poll.
          protect_content: true,
        },
      };
    },
    reminder(vote, person) {
      const t = tFor(person.language, vote);
      const lang = langOf(person.language);
      return {
        method: "sendMessage",
        params: {
          text: t("vote-reminder", { question: escapeHtml(vote.question), date: vote.closesAt ? longDate(vote.closesAt, vote, lang) : "–" }),
          parse_mode: "HTML",
          reply_markup: new InlineKeyboard().text(t("vote-btn-open-ballot"), openBallotCb.build({ vote: vote.id, village: person.villageId })),
        },
      };
    },
  };
}

// ---------------------------------------------------------------- lists and details (private)

export function listText(t: T, title: string, items: VoteListItem[], tz: string, lang: Lang, offset = 0) {
  if (items.length === 0) return `${title}\n\n${t("vote-list-empty")}`;
  const lines = [title];
  const open = items.filter((i) => i.state === "open");
  const closed = items.filter((i) => i.state === "closed");
  let n = offset;
  const line = (i: VoteListItem) => {
    n++;
    const q = `${i.kind === "quick" ? "⚡ " : ""}${escapeHtml(truncate(i.question, 70))}`;
    const ballots = formatNumber(i.ballots, lang);
    if (i.state === "closed") return t("vote-list-item-closed", { n, question: q, ballots, date: shortDate(i.closedAt!, tz, lang) });
    if (i.closesAt) return t("vote-list-item-open", { n, question: q, ballots, date: shortDate(i.closesAt, tz, lang) });
    return t("vote-list-item-open-manual", { n, question: q, ballots });
  };
  if (open.length) lines.push("", t("vote-list-open"), ...open.map(line));
  if (closed.length) lines.push("", t("vote-list-closed"), ...closed.map(line));
  return lines.join("\n");
}

export function detailText(t: T, v: VoteInfo, live: LiveCounts, lang: Lang) {
  const lines = [cardText(t, v, live, lang)];
  lines.push("", t("vote-detail-villages", { villages: v.villages.map((x) => escapeHtml(x.name)).join(", ") }));
  if (v.reminderMinutes.length && v.state === "open") {
    lines.push(t("vote-detail-reminders", { list: v.reminderMinutes.map((m) => reminderLabel(t, m)).join(", ") }));
  }
  return lines.join("\n");
}

export function reminderLabel(t: T, minutes: number) {
  if (minutes % 1440 === 0) return t("vote-before-days", { n: minutes / 1440 });
  if (minutes % 60 === 0) return t("vote-before-hours", { n: minutes / 60 });
  return t("vote-before-minutes", { n: minutes });
}

export function detailKeyboard(t: T, v: VoteInfo, manage: boolean) {
  const kb = new InlineKeyboard();
  if (manage && v.state === "open") {
    kb.text(t("vote-btn-close"), manageCb.build({ vote: v.id, act: "x" })).text(t("vote-btn-extend"), manageCb.build({ vote: v.id, act: "e" })).row();
  }
  if (manage && (v.ballot === "terbuka" || v.kind === "quick" || v.state === "closed")) {
    kb.text(t("vote-btn-csv"), manageCb.build({ vote: v.id, act: "c" })).text(t("vote-btn-xlsx"), manageCb.build({ vote: v.id, act: "s" })).row();
  }
  kb.text(t("vote-btn-villages"), voteVillagesCb.build({ vote: v.id }));
  return kb;
}

/** Per-village figures for someone who asked (live in terbuka; ballots only in an open rahasia vote). */
export function villagesText(t: T, v: VoteInfo, r: PublishedResult, live: boolean, lang: Lang) {
  const lines = [t("vote-villages-title"), `<b>${escapeHtml(v.question)}</b>`, ""];
  for (const vr of r.villages) {
    const detail = villageDetail(t, r, vr, lang);
    lines.push(`${t("vote-village-line-nobase", { village: escapeHtml(vr.name), ballots: formatNumber(vr.ballots, lang) })} — ${detail}`);
  }
  lines.push("", v.options.map((o, i) => `${i + 1}. ${escapeHtml(o)}`).join("\n"));
  if (live) lines.push("", t(v.state === "open" ? "vote-villages-live" : "vote-villages-final"));
  return splitText(lines.join("\n"), 4000);
}
