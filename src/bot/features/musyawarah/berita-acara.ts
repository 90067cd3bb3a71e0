/**
 * The berita acara of a musyawarah as a printable A4 PDF, with what a real one holds: where and
 * when, who chaired and who took the minutes, how many were invited and came, the quorum, how the
 * decisions were taken (mufakat, or suara terbanyak with the count and the ½ + 1 check against
 * those present), the decisions, a signature block, and the daftar hadir attached on its own page
 * with a column to sign. Always in Indonesian with the forum's words: it is one official document.
 */
import { formatDate, formatTime, weekdayName, zoneLabel, zonedParts, monthName } from "../../../lib/time.js";
import { PdfWriter, printable } from "../../../lib/pdf.js";
import { requiredCount, HALF_PLUS_ONE } from "../../../domain/voting/tally.js";
import type { Attendance, MeetingView } from "../../../domain/musyawarah/types.js";
import { jabatanAt, jabatanLabel } from "../../lib/jabatan.js";
import { tFor, type T } from "../../lib/terms.js";

/** Rows left blank in the daftar hadir when nobody signed the list in the bot (a paper list). */
const BLANK_ROWS = 15;

function plain(s: string): string {
  return s.replace(/<[^>]+>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
}

/** "berita-acara-penetapan-rkp-kampung-2027-2026-12-07.pdf" */
export function beritaAcaraFilename(m: MeetingView): string {
  const slug = m.title.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40) || "musyawarah";
  const p = zonedParts(m.startsAt, m.zone);
  return `berita-acara-${slug}-${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}.pdf`;
}

/** "Suara terbanyak: setuju 9, tidak setuju 3, abstain 1 — lebih dari separuh (½ + 1) dari 13 yang hadir menyetujui." */
export function decisionMethodText(t: T, m: MeetingView, present: number): string {
  if (m.decisionMethod !== "suara") return t("musyawarah-ba-method-mufakat");
  const votesFor = m.votesFor ?? 0;
  const votesAgainst = m.votesAgainst ?? 0;
  const votesAbstain = m.votesAbstain ?? 0;
  // ½ + 1 of those present (the daftar hadir); without a list in the bot, of those who voted.
  const base = present > 0 ? present : votesFor + votesAgainst + votesAbstain;
  const required = requiredCount(HALF_PLUS_ONE, base);
  return t(votesFor >= required ? "musyawarah-ba-method-vote-passed" : "musyawarah-ba-method-vote-failed", {
    votesFor,
    votesAgainst,
    votesAbstain,
    base,
    required,
  });
}

export async function buildBeritaAcara(m: MeetingView, att: Attendance): Promise<Buffer> {
  const t = tFor("id", m.terms);
  const kind = t(`musyawarah-kind-${m.kind}`);
  const start = zonedParts(m.startsAt, m.zone);
  const pdf = await PdfWriter.open({ title: `${t("musyawarah-ba-title")} ${kind}: ${m.title}`, subject: kind, creationDate: m.minutesAt ?? m.startsAt });
  const place = m.place ?? t("musyawarah-ba-place-none");
  const named = att.rows.filter((r) => r.source !== "group" && r.source !== "walk_in");
  const present = att.rows.filter((r) => r.checkedInAt);

  pdf.title(t("musyawarah-ba-title"), 16).title(kind.toLocaleUpperCase("id-ID"), 13);
  pdf.centered(`“${m.title}”`);
  pdf.centered(t("musyawarah-ba-number"), 10).gap();

  pdf.paragraph(
    plain(
      t("musyawarah-ba-opening", {
        day: weekdayName(start.weekday, "id"),
        date: `${start.day} ${monthName(start.month, "id")} ${start.year}`,
        start: formatTime(m.startsAt, m.zone, "id"),
        end: formatTime(m.endsAt, m.zone, "id"),
        zone: zoneLabel(m.zone),
        place,
        kind,
        title: m.title,
      }),
    ),
  );

  if (m.agenda.length) {
    pdf.heading(t("musyawarah-ba-agenda"));
    pdf.numbered(m.agenda);
  }

  pdf.heading(t("musyawarah-ba-facts"));
  const q = att.quorum;
  const unit = t(q.unit === "villages" ? "musyawarah-unit-villages" : "musyawarah-unit-people");
  const chair = m.chairName ? `${m.chairName}${m.chairTitle ? ` (${plain(jabatanLabel(t, m.chairTitle))})` : ""}` : "—";
  pdf.facts([
    [t("musyawarah-ba-place"), place],
    [t("musyawarah-ba-time"), `${formatDate(m.startsAt, m.zone, "id")}, ${formatTime(m.startsAt, m.zone, "id")}–${formatTime(m.endsAt, m.zone, "id")} ${zoneLabel(m.zone)}`],
    [t("musyawarah-ba-chair"), chair],
    [t("musyawarah-ba-secretary"), m.secretaryName ?? "—"],
    [t("musyawarah-ba-invited"), plain(t("musyawarah-ba-invited-value", { people: named.length, villages: m.villages.length }))],
    [t("musyawarah-ba-present"), plain(t("musyawarah-ba-present-value", { people: present.length }))],
    [t("musyawarah-ba-quorum"), plain(t(q.reached ? "musyawarah-ba-quorum-reached" : "musyawarah-ba-quorum-not", { rule: t(`musyawarah-quorum-${q.rule}`), present: q.present, total: q.total, unit, required: q.required }))],
    [t("musyawarah-ba-method"), plain(decisionMethodText(t, m, present.length))],
  ]);

  if (m.minutesText) {
    pdf.heading(t("musyawarah-ba-proceedings"));
    for (const para of m.minutesText.split(/\n{2,}/)) pdf.paragraph(para.trim());
  }

  pdf.heading(t("musyawarah-ba-decisions"));
  pdf.numbered(
    (m.decisions ?? "")
      .split(/\r?\n/)
      .map((l) => l.replace(/^\s*(\d+[.)]|[-•*])\s*/, "").trim())
      .filter(Boolean),
  );
  pdf.gap(0.5).paragraph(t("musyawarah-ba-closing"));

  // Signatures: the chair and the minute-taker; for a village's own musyawarah its head knows of
  // it. One row, so place, date and every signature stay together on one page.
  pdf.gap();
  pdf.ensureRoom(190);
  const where = m.villageName ? m.villageName : m.place ?? "";
  pdf.paragraph(plain(t("musyawarah-ba-signed-at", { place: where, date: `${start.day} ${monthName(start.month, "id")} ${start.year}` })));
  pdf.gap(0.5);
  pdf.signatures([
    { caption: [t("musyawarah-ba-sign-chair")], name: m.chairName, position: m.chairTitle ? plain(jabatanLabel(t, m.chairTitle)) : null },
    { caption: [t("musyawarah-ba-sign-secretary")], name: m.secretaryName, position: null },
    ...(m.villageName ? [{ caption: [t("musyawarah-ba-sign-knows"), plain(t("musyawarah-ba-sign-head", { village: m.villageName }))], name: null }] : []),
  ]);

  // Lampiran: the daftar hadir, with room to sign.
  pdf.newPage();
  pdf.title(t("musyawarah-ba-attendance-title"), 13);
  pdf.centered(`${kind}: “${m.title}”`, 10);
  pdf.centered(`${formatDate(m.startsAt, m.zone, "id")} · ${place}`, 10).gap();
  const villages = new Map(m.villages.map((v) => [v.id, v.name]));
  const rows = present.map((r, i) => [
    String(i + 1),
    r.name,
    r.villageId !== null ? (villages.get(r.villageId) ?? "") : t("kecamatan"),
    r.title ? plain(r.villageId !== null && villages.has(r.villageId) ? jabatanAt(t, r.title, villages.get(r.villageId)!) : jabatanLabel(t, r.title)) : t(`musyawarah-x-source-${r.source}`),
    r.checkedInAt ? formatTime(r.checkedInAt, m.zone, "id") : "",
    "",
  ]);
  // No list was signed in the bot (a paper one was used): empty numbered rows to fill by hand.
  if (rows.length === 0) for (let i = 0; i < BLANK_ROWS; i++) rows.push([String(i + 1), "", "", "", "", ""]);
  pdf.table(
    [
      { header: t("musyawarah-x-no"), width: 5, align: "right" },
      { header: t("musyawarah-x-name"), width: 22 },
      { header: t("musyawarah-x-village"), width: 16 },
      { header: t("musyawarah-ba-col-position"), width: 25 },
      { header: t("musyawarah-x-checkin"), width: 10, align: "center" },
      { header: t("musyawarah-ba-col-signature"), width: 22 },
    ],
    rows,
    { minRowHeight: 24 },
  );
  pdf.pageNumbers((page, pages) => printable(t("musyawarah-ba-page", { page, pages })));
  return pdf.finish();
}
