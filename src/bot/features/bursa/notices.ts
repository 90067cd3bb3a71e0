import type { InlineKeyboard } from "grammy";
import type { Payload } from "../../../delivery/types.js";
import type { BursaNotices, Contact, MatchView, Side } from "../../../domain/bursa/index.js";
import { formatDate } from "../../../lib/time.js";
import { escapeHtml } from "../../lib/replies.js";
import { agreementText, interestKeyboard, matchText, posterLabel } from "./render.js";
import { langOf, tFor } from "./words.js";

function message(text: string, kb?: InlineKeyboard): Payload {
  return {
    op: "send",
    method: "sendMessage",
    params: { text: text.slice(0, 4096), parse_mode: "HTML", link_preview_options: { is_disabled: true }, ...(kb ? { reply_markup: { inline_keyboard: kb.inline_keyboard } } : {}) },
  };
}

function contactLine(c: Contact, t: ReturnType<typeof tFor>) {
  const who = escapeHtml(c.name) + (c.username ? ` (@${escapeHtml(c.username)})` : "");
  return `• ${who} · ${escapeHtml(posterLabel(t, c.sideLabel))}`;
}

/** Notices queued for the people of each side, in their own language. */
export function createBursaNotices(): BursaNotices {
  return {
    matchFound(to, m: MatchView, side: Side) {
      const t = tFor(to.language, to.terms);
      return message(matchText(t, m, side, langOf(to.language)), interestKeyboard(t, m, side));
    },
    interest(to, m, interestedSide) {
      const t = tFor(to.language, to.terms);
      const mine: Side = interestedSide === "need" ? "offer" : "need";
      const text = t(interestedSide === "need" ? "bursa-interest-from-need" : "bursa-interest-from-offer", {
        who: escapeHtml(posterLabel(t, m[interestedSide])),
        title: escapeHtml(m[mine].title),
        other: escapeHtml(m[interestedSide].title),
      });
      return message(text, interestKeyboard(t, m, mine));
    },
    bothInterested(to, m, side, contacts) {
      const t = tFor(to.language, to.terms);
      const other: Side = side === "need" ? "offer" : "need";
      const lines = [
        t("bursa-both-head"),
        "",
        `📥 ${escapeHtml(m.need.title)} · ${escapeHtml(posterLabel(t, m.need))}`,
        `📤 ${escapeHtml(m.offer.title)} · ${escapeHtml(posterLabel(t, m.offer))}`,
        "",
        contacts.length ? t("bursa-both-contacts", { who: escapeHtml(posterLabel(t, m[other])) }) : t("bursa-both-no-contact"),
        ...contacts.map((c) => contactLine(c, t)),
        "",
        t("bursa-both-foot"),
      ];
      return message(lines.join("\n"));
    },
    evaluationReminder(to, a, dueOn, late) {
      const t = tFor(to.language, to.terms);
      const lang = langOf(to.language);
      const head = t("bursa-eval-reminder", { number: a.number, date: formatDate(dueOn, a.zone, lang) });
      return message(`${head}${late ? `\n${t("bursa-eval-late")}` : ""}\n\n${agreementText(t, a, lang)}\n\n${t("bursa-eval-foot")}`);
    },
  };
}
