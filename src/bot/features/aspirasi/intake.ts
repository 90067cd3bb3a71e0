import { useTerms } from "../../lib/terms.js";
import { InlineKeyboard } from "grammy";
import type { Flow, FlowContext } from "../../context.js";
import type { Deps } from "../../../deps.js";
import {
  LIMITS,
  checkDailyLimit,
  createAspiration,
  findSimilar,
  supportAspiration,
  validateDescription,
  type AspirasiDeps,
  type AspirationPrivacy,
  type SimilarItem,
} from "../../../domain/aspirasi/index.js";
import { forumInfo } from "../../../domain/aspirasi/repository.js";
import { askChoice, askChoicePaged, cancelButton, FLOW_CANCEL, waitStep } from "../../lib/flow.js";
import { errorText, escapeHtml } from "../../lib/replies.js";
import { fitHtml, longDate, summary, trOf } from "./render.js";
import { run } from "./common.js";

export const INTAKE = "aspirasi-new";

export interface IntakeArgs {
  forumId: number;
  /** Known from a deep link (poster at the balai desa). */
  villageId: number | null;
}

interface Draft {
  villageId: number;
  category: string;
  text: string;
  photos: string[];
  latitude: number | null;
  longitude: number | null;
  locationText: string | null;
  privacy: AspirationPrivacy;
}

const NEXT = "aspi:next";

/** The guided intake: one question per message, buttons for closed choices, ❌ Batal everywhere. */
export function intakeFlow(deps: Deps, ad: AspirasiDeps) {
  return async (conversation: Flow, ctx: FlowContext, args: IntakeArgs) => {
    const tr = trOf(ctx);
    const setup = await run(conversation, async (octx) => {
      await checkDailyLimit(ad, octx.person!.id, args.forumId);
      const forum = await forumInfo(deps.prisma, args.forumId);
      const villages = await deps.prisma.village.findMany({ where: { forumId: args.forumId, retiredAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true } });
      // The person's village, or (for a reporter who belongs to no village) where they last reported:
      // a convenience only, it grants nothing.
      const last = await deps.prisma.aspiration.findFirst({ where: { forumId: args.forumId, reporterId: octx.person!.id }, orderBy: { id: "desc" }, select: { originVillageId: true } });
      const home = octx.access.homeVillage(args.forumId) ?? last?.originVillageId ?? null;
      return { categories: forum?.settings.categories ?? [], verifyDays: forum?.settings.verifyDays ?? 3, zone: forum?.zone ?? "Asia/Jakarta", villages, home, terms: forum?.terms ?? octx.terms };
    });
    if (!setup.ok) return void (await ctx.reply(setup.text));
    // A reporter from a village's QR poster may belong to no forum yet: speak that forum's words.
    useTerms(ctx, setup.value.terms);
    const { categories, villages, zone } = setup.value;
    const villageName = (id: number) => villages.find((v) => v.id === id)?.name ?? "?";

    const askVillage = async () =>
      Number(await askChoicePaged(conversation, ctx, tr.t("aspirasi-ask-village"), villages.map((v) => ({ label: v.name, value: String(v.id) }))));

    const askCategory = async () => {
      const i = await askChoice(conversation, ctx, tr.t("aspirasi-ask-category"), categories.map((c, i) => ({ label: c, value: String(i) })));
      return categories[Number(i)]!;
    };

    const askDescription = async (): Promise<string> => {
      await ctx.reply(tr.t("aspirasi-ask-text", { min: LIMITS.minWords, max: LIMITS.maxChars }), { parse_mode: "HTML", reply_markup: cancelButton(ctx) });
      for (;;) {
        const c = await waitStep(conversation);
        if (c.callbackQuery) {
          await c.answerCallbackQuery({ text: c.t("flow-old-button") });
          continue;
        }
        if (c.message?.photo) {
          await c.reply(c.t("aspirasi-text-photo"));
          continue;
        }
        const text = c.message?.text;
        if (!text) {
          await c.reply(c.t("aspirasi-text-expected"));
          continue;
        }
        try {
          return validateDescription(text);
        } catch (err) {
          await c.reply(errorText(c, err) ?? c.t("aspirasi-text-expected"));
        }
      }
    };

    const askPhotos = async (): Promise<string[]> => {
      const photos: string[] = [];
      const kb = () => new InlineKeyboard().text(ctx.t(photos.length ? "aspirasi-btn-next" : "aspirasi-btn-skip"), NEXT).text(ctx.t("btn-cancel"), FLOW_CANCEL);
      const first = await ctx.reply(tr.t("aspirasi-ask-photos", { max: LIMITS.maxPhotos }), { parse_mode: "HTML", reply_markup: kb() });
      const mine = new Set([first.message_id]);
      for (;;) {
        const c = await waitStep(conversation);
        if (c.callbackQuery) {
          if (c.callbackQuery.data === NEXT && mine.has(c.callbackQuery.message?.message_id ?? 0)) {
            await c.answerCallbackQuery();
            return photos;
          }
          await c.answerCallbackQuery({ text: c.t("flow-old-button") });
          continue;
        }
        const photo = c.message?.photo?.at(-1);
        if (photo) {
          if (photos.length >= LIMITS.maxPhotos) {
            await c.reply(c.t("aspirasi-photos-full", { max: LIMITS.maxPhotos }));
            continue;
          }
          photos.push(photo.file_id);
          if (photos.length >= LIMITS.maxPhotos) {
            await c.reply(c.t("aspirasi-photo-received-last", { n: photos.length, max: LIMITS.maxPhotos }));
            return photos;
          }
          const ack = await c.reply(c.t("aspirasi-photo-received", { n: photos.length, max: LIMITS.maxPhotos }), { reply_markup: kb() });
          mine.add(ack.message_id);
          continue;
        }
        if (c.message?.document) {
          await c.reply(c.t("aspirasi-photo-as-document"));
          continue;
        }
        await c.reply(c.t("aspirasi-photo-expected"));
      }
    };

    const askLocation = async (): Promise<Pick<Draft, "latitude" | "longitude" | "locationText">> => {
      const kb = new InlineKeyboard().text(ctx.t("aspirasi-btn-skip"), NEXT).text(ctx.t("btn-cancel"), FLOW_CANCEL);
      const q = await ctx.reply(tr.t("aspirasi-ask-location"), { parse_mode: "HTML", reply_markup: kb });
      for (;;) {
        const c = await waitStep(conversation);
        if (c.callbackQuery) {
          if (c.callbackQuery.data === NEXT && c.callbackQuery.message?.message_id === q.message_id) {
            await c.answerCallbackQuery();
            return { latitude: null, longitude: null, locationText: null };
          }
          await c.answerCallbackQuery({ text: c.t("flow-old-button") });
          continue;
        }
        if (c.message?.photo) {
          await c.reply(c.t("aspirasi-photo-late", { max: LIMITS.maxPhotos }));
          continue;
        }
        const loc = c.message?.venue?.location ?? c.message?.location;
        if (loc) {
          await c.reply(c.t("aspirasi-location-received"));
          return { latitude: loc.latitude, longitude: loc.longitude, locationText: c.message?.venue?.title ?? null };
        }
        const text = c.message?.text?.trim();
        if (text && text.length >= 3 && text.length <= 300) return { latitude: null, longitude: null, locationText: text };
        await c.reply(c.t(text ? "aspirasi-location-text-length" : "aspirasi-location-expected"));
      }
    };

    const askPrivacy = async () =>
      (await askChoice(
        conversation,
        ctx,
        tr.t("aspirasi-ask-privacy"),
        [
          { label: tr.t("aspirasi-privacy-named"), value: "named" },
          { label: tr.t("aspirasi-privacy-anonim"), value: "anonim" },
          { label: tr.t("aspirasi-privacy-rahasia"), value: "rahasia" },
        ],
        { columns: 1 },
      )) as AspirationPrivacy;

    /** Offers to support a similar open aspiration instead; true when the person did so. */
    const offerSimilar = async (d: Pick<Draft, "villageId" | "category" | "text">): Promise<boolean> => {
      const similar = await conversation.external(() =>
        findSimilar(ad, { forumId: args.forumId, villageId: d.villageId, category: d.category, text: d.text }).then((xs) => xs.map((x) => ({ ...x }))),
      );
      if (similar.length === 0) return false;
      const lines = similar.map((s: SimilarItem, i) =>
        tr.t("aspirasi-similar-line", { n: i + 1, ticket: s.ticketNo, village: escapeHtml(s.village), status: tr.t(`aspirasi-status-${s.status}`), support: s.supportCount, text: summary(s.text, 140) }),
      );
      const choice = await askChoice(
        conversation,
        ctx,
        `${tr.t("aspirasi-similar-header")}\n\n${lines.join("\n\n")}`,
        [
          ...similar.map((s, i) => ({ label: tr.t("aspirasi-btn-support-n", { n: i + 1 }), value: `s${s.id}` })),
          { label: tr.t("aspirasi-btn-send-mine"), value: "mine" },
        ],
        { columns: similar.length + 1 > 3 ? 2 : 1 },
      );
      if (choice === "mine") return false;
      const id = Number(choice.slice(1));
      const r = await run(conversation, (octx) => supportAspiration(ad, octx.person!.id, args.forumId, id));
      if (!r.ok) {
        await ctx.reply(r.text);
        return false;
      }
      await ctx.reply(tr.t(r.value.already ? "aspirasi-support-already" : "aspirasi-support-instead", { ticket: r.value.ticketNo, count: r.value.count }), { parse_mode: "HTML" });
      return true;
    };

    const summaryText = (d: Draft) => {
      const loc = [d.locationText ? escapeHtml(d.locationText) : "", d.latitude != null ? tr.t("aspirasi-summary-point") : ""].filter(Boolean).join(" · ");
      return tr.t("aspirasi-summary", {
        village: escapeHtml(villageName(d.villageId)),
        category: escapeHtml(d.category),
        text: fitHtml(d.text, 3000),
        photos: d.photos.length,
        location: loc || tr.t("aspirasi-summary-none"),
        privacy: tr.t(`aspirasi-privacy-${d.privacy}`),
        privacyHint: tr.t(`aspirasi-privacy-${d.privacy}-hint`),
      });
    };

    // ---- the conversation itself ----
    let villageId = args.villageId ?? setup.value.home;
    if (villageId && !villages.some((v) => v.id === villageId)) villageId = null;
    if (villageId) await ctx.reply(tr.t("aspirasi-start-known", { village: escapeHtml(villageName(villageId)) }), { parse_mode: "HTML" });
    else {
      await ctx.reply(tr.t("aspirasi-start"), { parse_mode: "HTML" });
      villageId = await askVillage();
    }
    const category = await askCategory();
    const text = await askDescription();
    if (await offerSimilar({ villageId, category, text })) return;
    const photos = await askPhotos();
    const place = await askLocation();
    const privacy = await askPrivacy();
    const draft: Draft = { villageId, category, text, photos, ...place, privacy };

    for (;;) {
      const action = await askChoice(
        conversation,
        ctx,
        summaryText(draft),
        [
          { label: tr.t("aspirasi-btn-send"), value: "send" },
          { label: tr.t("aspirasi-btn-edit"), value: "edit" },
        ],
      );
      if (action === "edit") {
        const field = await askChoice(conversation, ctx, tr.t("aspirasi-ask-edit"), [
          { label: tr.t("aspirasi-field-village"), value: "village" },
          { label: tr.t("aspirasi-field-category"), value: "category" },
          { label: tr.t("aspirasi-field-text"), value: "text" },
          { label: tr.t("aspirasi-field-photos"), value: "photos" },
          { label: tr.t("aspirasi-field-location"), value: "location" },
          { label: tr.t("aspirasi-field-privacy"), value: "privacy" },
        ]);
        if (field === "village") draft.villageId = await askVillage();
        else if (field === "category") draft.category = await askCategory();
        else if (field === "text") draft.text = await askDescription();
        else if (field === "photos") draft.photos = await askPhotos();
        else if (field === "location") Object.assign(draft, await askLocation());
        else if (field === "privacy") draft.privacy = await askPrivacy();
        if ((field === "village" || field === "category" || field === "text") && (await offerSimilar(draft))) return;
        continue;
      }
      const r = await run(conversation, async (octx) => {
        const v = await createAspiration(ad, octx.person!.id, { forumId: args.forumId, ...draft });
        octx.session.forumId = args.forumId;
        return { ticketNo: v.ticketNo, verifyDueAt: v.verifyDueAt.toISOString() };
      });
      if (!r.ok) {
        await ctx.reply(r.text);
        // Limits and a vanished village end the flow; a rule the draft broke can be fixed.
        if (["aspirasi_daily_limit", "village_not_found", "forum_not_found"].includes(r.reason)) return;
        continue;
      }
      await ctx.reply(tr.t("aspirasi-created", { ticket: r.value.ticketNo, date: longDate(tr, r.value.verifyDueAt, zone as never), days: setup.value.verifyDays }), {
        parse_mode: "HTML",
        reply_markup: new InlineKeyboard().text(ctx.t("menu-aspirasiku"), "menu:aspirasiku"),
      });
      return;
    }
  };
}
