import { InlineKeyboard } from "grammy";
import type { AgreementView, FieldChange, HistoryEntry, ImportError, MatchView, PostView, ProfileView, Side } from "../../../domain/bursa/index.js";
import { formatNumber, formatRupiah } from "../../../lib/format.js";
import { formatDate, formatDateTimeShort, type ZoneName } from "../../../lib/time.js";
import { escapeHtml } from "../../lib/replies.js";
import { interestCb } from "./callbacks.js";
import { langOf, type T } from "./words.js";

const e = escapeHtml;

/** "Desa Sukajaya" (through the forum's village word). */
export function villageLabel(t: T, name: string) {
  return t("bursa-village-label", { name });
}

/** Who posted: "Desa Sukajaya" or "Mitra · Universitas X". Never a person. */
export function posterLabel(t: T, p: Pick<PostView, "villageName" | "partnerName">) {
  return p.villageName ? villageLabel(t, p.villageName) : t("bursa-mitra-label", { name: p.partnerName ?? "—" });
}

function line(icon: string, label: string, value: string) {
  return `${icon} ${label}: ${value}`;
}

export function profileText(t: T, p: ProfileView, lang: "id" | "en"): string {
  const d = p.data;
  const out = [t("bursa-profile-head", { name: e(p.villageName) })];
  const people: string[] = [];
  if (d.population !== null) people.push(t("bursa-profile-population", { n: formatNumber(d.population, lang) }));
  if (d.households !== null) people.push(t("bursa-profile-households", { n: formatNumber(d.households, lang) }));
  if (people.length) out.push(line("👥", t("bursa-field-people"), people.join(" · ")));
  const land: string[] = [];
  if (d.areaHa !== null) land.push(t("bursa-profile-area", { n: formatNumber(d.areaHa, lang) }));
  if (d.dusunCount !== null || d.dusun.length) {
    land.push(t("bursa-profile-dusun", { n: d.dusunCount ?? d.dusun.length }) + (d.dusun.length ? ` (${e(d.dusun.join(", "))})` : ""));
  }
  if (land.length) out.push(line("📐", t("bursa-field-land"), land.join(" · ")));
  if (d.commodities.length) out.push(line("🌾", t("bursa-field-commodities"), e(d.commodities.join(", "))));
  if (d.facilities.length) out.push(line("🏫", t("bursa-field-facilities"), e(d.facilities.join(", "))));
  if (p.enterprises.length) {
    out.push(`🏢 ${t("bursa-field-enterprises")}:`);
    for (const x of p.enterprises) {
      let s = `• ${t(`bursa-kind-${x.kind}`)} ${e(x.name)}`;
      if (x.units.length) s += ` — ${t("bursa-enterprise-units", { list: e(x.units.join(", ")) })}`;
      if (x.products.length) s += `; ${t("bursa-enterprise-products", { list: e(x.products.join(", ")) })}`;
      out.push(s);
    }
  }
  if (d.challenges) out.push(line("⚠️", t("bursa-field-challenges"), e(d.challenges)));
  if (p.peopleVisible && (d.contactName || d.contactPhone)) {
    out.push(line("📞", t("bursa-field-contact"), e([d.contactName, d.contactPhone].filter(Boolean).join(" · "))));
  }
  if (d.latitude !== null && d.longitude !== null) out.push(line("📍", t("bursa-field-point"), `${d.latitude}, ${d.longitude}`));
  if (out.length === 1) out.push(t("bursa-profile-empty"));
  if (p.updatedAt) out.push(`\n<i>${t("bursa-profile-updated", { date: formatDateTimeShort(p.updatedAt, p.zone, lang) })}</i>`);
  return out.join("\n");
}

export function fieldLabel(t: T, field: FieldChange["field"]) {
  return t(`bursa-field-${field}`);
}

export function historyText(t: T, villageName: string, entries: HistoryEntry[], zone: ZoneName, lang: "id" | "en") {
  if (entries.length === 0) return t("bursa-history-empty", { name: e(villageName) });
  const blocks = entries.map((h) => {
    const who = h.actorName ? e(h.actorName) : "—";
    const head = `<b>${formatDateTimeShort(h.at, zone, lang)}</b> · ${who} (${t(`bursa-source-${h.source === "upload" ? "upload" : "chat"}`)})`;
    const lines = h.changes.slice(0, 8).map((c) => `• ${fieldLabel(t, c.field)}: ${c.before ? e(cut(c.before)) : "—"} → ${c.after ? e(cut(c.after)) : "—"}`);
    if (h.changes.length > 8) lines.push(t("bursa-history-more", { n: h.changes.length - 8 }));
    return `${head}\n${lines.join("\n")}`;
  });
  return `${t("bursa-history-head", { name: e(villageName) })}\n\n${blocks.join("\n\n")}`.slice(0, 4000);
}

function cut(s: string, max = 120) {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

export function importErrorsText(t: T, errors: ImportError[]) {
  const shown = errors.slice(0, 15).map((x) => {
    const where =
      x.row === null
        ? t("bursa-import-where-sheet", { sheet: t(`bursa-sheet-${x.sheet}`) })
        : x.column
          ? t("bursa-import-where-cell", { sheet: t(`bursa-sheet-${x.sheet}`), row: x.row, column: e(x.column) })
          : t("bursa-import-where-row", { sheet: t(`bursa-sheet-${x.sheet}`), row: x.row });
    const value = x.value ? ` “${e(cut(x.value, 40))}”` : "";
    return `• ${where}:${value} ${t(`bursa-import-${x.reason}`)}`;
  });
  let text = `${t("bursa-import-rejected", { count: errors.length })}\n\n${shown.join("\n")}`;
  if (errors.length > 15) text += `\n${t("bursa-import-more", { n: errors.length - 15 })}`;
  return `${text}\n\n${t("bursa-import-fix")}`;
}

export function postCard(t: T, p: PostView, opts: { compact?: boolean } = {}): string {
  const head = t(p.kind === "kebutuhan" ? "bursa-post-head-need" : "bursa-post-head-offer", { who: e(posterLabel(t, p)) });
  const out = [head, `<b>${e(p.title)}</b>`];
  if (p.details && !opts.compact) out.push(e(p.details));
  out.push(line("🏷️", t("bursa-field-category"), e(t(`bursa-cat-${p.category}`))));
  if (p.quantity) out.push(line("🔢", t("bursa-field-quantity"), e(p.quantity)));
  if (p.periodText) out.push(line("📅", t("bursa-field-period"), e(p.periodText)));
  if (p.place && !opts.compact) out.push(line("📍", t("bursa-field-place"), e(p.place)));
  if (p.terms && !opts.compact) out.push(line("📝", t("bursa-field-terms"), e(p.terms)));
  if (p.status !== "terbuka") out.push(`<i>${t(`bursa-status-${p.status}`)}</i>`);
  return out.join("\n");
}

/** Why the bot thinks they fit: shared things, distance, overlapping time. */
export function matchReasons(t: T, m: MatchView, lang: "id" | "en") {
  const parts: string[] = [];
  const shared = m.shared.slice(0, 3).map((s) => (s.need === s.offer ? e(s.need) : `${e(s.need)} ⇄ ${e(s.offer)}`));
  if (shared.length) parts.push(shared.join(", "));
  if (m.distanceKm !== null) parts.push(t("bursa-match-distance", { km: formatNumber(m.distanceKm, lang, 1) }));
  if (m.overlapDays !== null && m.overlapDays > 0) parts.push(t("bursa-match-overlap"));
  return parts.length ? t("bursa-match-why", { why: parts.join(" · ") }) : "";
}

export function interestKeyboard(t: T, m: MatchView, side: Side) {
  return new InlineKeyboard().text(t("bursa-btn-interest"), interestCb.build({ match: m.id, side: side === "need" ? "n" : "o" }));
}

export function matchText(t: T, m: MatchView, side: Side, lang: "id" | "en") {
  const head = t(side === "need" ? "bursa-match-head-need" : "bursa-match-head-offer", { title: e(m[side].title) });
  const other = side === "need" ? m.offer : m.need;
  const parts = [head, "", postCard(t, other)];
  const why = matchReasons(t, m, lang);
  if (why) parts.push("", why);
  parts.push("", t("bursa-match-foot"));
  return parts.join("\n");
}

export function partiesText(a: AgreementView) {
  return a.parties.map((p) => e(p.name)).join(", ");
}

export function agreementText(t: T, a: AgreementView, lang: "id" | "en") {
  const day = (d: Date) => formatDate(d, a.zone, lang);
  const out = [t("bursa-ks-head", { number: a.number }), line("📌", t("bursa-ks-object"), e(a.object)), line("🤝", t("bursa-ks-parties"), partiesPlain(t, a))];
  if (a.valueRupiah !== null) out.push(line("💰", t("bursa-ks-value"), formatRupiah(a.valueRupiah)));
  if (a.startsOn || a.endsOn) out.push(line("📅", t("bursa-ks-period"), `${a.startsOn ? day(a.startsOn) : "…"} – ${a.endsOn ? day(a.endsOn) : "…"}`));
  out.push(line("🔖", t("bursa-ks-status"), t(`bursa-ks-status-${a.status}`)));
  out.push(line("📎", t("bursa-ks-document"), a.documentFileId ? `✅ ${e(a.documentName ?? t("bursa-ks-document-attached"))}` : t("bursa-ks-document-none")));
  if (a.evaluations.length) {
    out.push(line("🗓️", t("bursa-ks-evaluations"), a.evaluations.map((x) => `${day(x.dueOn)}${x.remindedAt ? " ✅" : ""}`).join("; ")));
  }
  return out.join("\n");
}

function partiesPlain(t: T, a: AgreementView) {
  return a.parties.map((p) => (p.kind === "village" ? e(villageLabel(t, p.name)) : e(p.name))).join(", ");
}

export { langOf };
