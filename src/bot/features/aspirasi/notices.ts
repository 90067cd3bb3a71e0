import { jabatanAt, jabatanLabel } from "../../lib/jabatan.js";
import type { InlineKeyboard } from "grammy";
import type { Payload } from "../../../delivery/types.js";
import { GROUP_KEY } from "../../../domain/aspirasi/notices.js";
import { LIMITS, type CaseView, type Notice, type NoticeRenderer, type Recipient, type RenderedItem } from "../../../domain/aspirasi/index.js";
import { escapeHtml } from "../../lib/replies.js";
import { caseCard, fitHtml, handlerName, longDate, officialKeyboard, reporterKeyboard, status, trFor, type Tr } from "./render.js";

function message(text: string, kb?: InlineKeyboard): Payload {
  return {
    op: "send",
    method: "sendMessage",
    params: { text, parse_mode: "HTML", link_preview_options: { is_disabled: true }, ...(kb ? { reply_markup: { inline_keyboard: kb.inline_keyboard } } : {}) },
  };
}

/** Photos (without captions: nothing but the picture) and the point, before the card. */
function media(c: CaseView): Payload[] {
  const out: Payload[] = [];
  if (c.photos.length === 1) out.push({ op: "send", method: "sendPhoto", params: { photo: c.photos[0] } });
  else if (c.photos.length > 1) out.push({ op: "send", method: "sendMediaGroup", params: { media: c.photos.map((p) => ({ type: "photo", media: p })) } });
  if (c.latitude != null && c.longitude != null) out.push({ op: "send", method: "sendLocation", params: { latitude: c.latitude, longitude: c.longitude } });
  return out;
}

function canActFor(c: CaseView, villageKey: string | undefined): boolean {
  if (villageKey === "k") return true; // forum admins act for every village
  return !!c.handlerVillage && String(c.handlerVillage.id) === villageKey;
}

function card(tr: Tr, c: CaseView, header: string, to: Recipient): RenderedItem {
  const text = caseCard(tr, c, header);
  // In the officials' group: the card only; officials act on it in their private chat, where
  // rights are checked per person (the group's buttons would act for whoever pressed).
  if (to.villageKey === GROUP_KEY) return { payload: message(`${text}\n\n${tr.t("aspirasi-group-card-hint")}`), card: true };
  return { payload: message(text, officialKeyboard(tr, c, canActFor(c, to.villageKey))), card: true };
}

/** Texts queued for officials, admins and reporters, in each recipient's own language. */
export function createNoticeRenderer(): NoticeRenderer {
  return {
    render(n: Notice, to: Recipient): RenderedItem[] {
      const c = n.case;
      const tr = trFor(to.language, c.terms);
      // The locale texts put the ticket in <code> themselves.
      const ticket = escapeHtml(c.ticketNo);
      switch (n.kind) {
        case "new":
          return [...media(c).map((payload) => ({ payload })), card(tr, c, tr.t("aspirasi-card-new"), to)];
        case "forwarded": {
          const from = n.from ? escapeHtml(n.from.name) : tr.t("aspirasi-kecamatan");
          const note = n.note ? `\n${tr.t("aspirasi-note-line", { note: fitHtml(n.note, 800) })}` : "";
          return [
            ...media(c).map((payload) => ({ payload })),
            card(tr, c, tr.t("aspirasi-card-forwarded", { from }), to),
            ...(note ? [{ payload: message(note.trim()) }] : []),
          ];
        }
        case "reminder":
          return [
            {
              payload: message(
                `${tr.t("aspirasi-reminder", { ticket, date: longDate(tr, c.createdAt, c.zone), village: escapeHtml(c.originVillage.name) })}\n\n<blockquote>${fitHtml(c.text, 600)}</blockquote>`,
                officialKeyboard(tr, c, canActFor(c, to.villageKey)),
              ),
            },
          ];
        case "escalated":
          return [
            {
              payload: message(
                `${tr.t("aspirasi-escalated", {
                  ticket,
                  village: escapeHtml(c.originVillage.name),
                  handler: handlerName(tr, c),
                  date: longDate(tr, c.createdAt, c.zone),
                  status: status(tr, c.status),
                })}\n\n<blockquote>${fitHtml(c.text, 600)}</blockquote>`,
                officialKeyboard(tr, c, true),
              ),
            },
          ];
        case "reopened":
          return [
            {
              payload: message(
                `${tr.t("aspirasi-reopened-officials", { ticket })}\n<blockquote>${fitHtml(n.note, 1000)}</blockquote>`,
                officialKeyboard(tr, c, canActFor(c, to.villageKey)),
              ),
            },
          ];
        case "confirmed":
          return [{ payload: message(tr.t("aspirasi-confirmed-officials", { ticket })) }];
        case "reporter-message":
          // The sender is "the reporter" unless they chose to be named.
          return [
            {
              payload: message(
                `${tr.t("aspirasi-msg-from-reporter", { ticket, who: c.privacy === "named" && c.reporter ? escapeHtml(c.reporter.firstName) : tr.t("aspirasi-actor-reporter") })}\n<blockquote>${fitHtml(n.text, 2500)}</blockquote>`,
                officialKeyboard(tr, c, canActFor(c, to.villageKey), {}),
              ),
            },
          ];
        case "status": {
          const who = n.actor.village
            ? tr.t("aspirasi-actor-official", { name: escapeHtml(n.actor.name), role: jabatanAt(tr.t, n.actor.title, escapeHtml(n.actor.village)) })
            : tr.t("aspirasi-actor-admin", { name: escapeHtml(n.actor.name), role: n.actor.title ? jabatanLabel(tr.t, n.actor.title) : tr.t("aspirasi-kecamatan-cap") });
          const target = n.target ? escapeHtml(n.target) : tr.t("aspirasi-kecamatan");
          let text = tr.t(`aspirasi-to-reporter-${n.action}`, { ticket, target, who });
          if (n.note) text += `\n${tr.t(n.action === "reject" ? "aspirasi-reason-line" : "aspirasi-note-line", { note: fitHtml(n.note, 1000) })}`;
          if (n.action === "resolve") text += `\n\n${tr.t("aspirasi-to-reporter-resolve-ask", { days: LIMITS.reopenDays })}`;
          return [{ payload: message(text, reporterKeyboard(tr, c.id, { resolved: n.action === "resolve" })) }];
        }
        case "official-message": {
          const who = n.actor.village
            ? tr.t("aspirasi-actor-official", { name: escapeHtml(n.actor.name), role: jabatanAt(tr.t, n.actor.title, escapeHtml(n.actor.village)) })
            : tr.t("aspirasi-actor-admin", { name: escapeHtml(n.actor.name), role: n.actor.title ? jabatanLabel(tr.t, n.actor.title) : tr.t("aspirasi-kecamatan-cap") });
          return [{ payload: message(`${tr.t("aspirasi-msg-from-official", { ticket, who })}\n<blockquote>${fitHtml(n.text, 2500)}</blockquote>`, reporterKeyboard(tr, c.id)) }];
        }
      }
    },
    cardEdit(c: CaseView, recipientKey: string) {
      const [, , villageKey, lang] = recipientKey.split(":");
      const tr = trFor(lang, c.terms);
      const text = caseCard(tr, c, tr.t("aspirasi-card-current"));
      if (villageKey === GROUP_KEY) return { method: "editMessageText", params: { text: `${text}\n\n${tr.t("aspirasi-group-card-hint")}`, parse_mode: "HTML", link_preview_options: { is_disabled: true } } };
      return { method: "editMessageText", params: { text, parse_mode: "HTML", link_preview_options: { is_disabled: true }, reply_markup: { inline_keyboard: officialKeyboard(tr, c, canActFor(c, villageKey)).inline_keyboard } } };
    },
  };
}
