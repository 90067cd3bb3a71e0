import { buildXlsx, type SheetSpec } from "../../../lib/spreadsheet.js";
import { formatDateTimeLong, type Locale } from "../../../lib/time.js";
import type { Attendance, MeetingView } from "../../../domain/musyawarah/types.js";
import { answerLabel, kindLabel, quorumLine, type T } from "./render.js";

/** Strips the HTML of a rendered line for a spreadsheet cell. */
const plain = (s: string) => s.replace(/<[^>]+>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");

/** The daftar hadir as a workbook: everyone listed, a summary per village, and the meeting's facts. */
export async function attendanceWorkbook(t: T, lang: Locale, m: MeetingView, att: Attendance): Promise<Buffer> {
  const villageName = new Map(m.villages.map((v) => [v.id, v.name]));
  const list: SheetSpec = {
    name: t("musyawarah-x-sheet-list"),
    columns: [
      { header: t("musyawarah-x-no"), key: "no", type: "number", width: 5 },
      { header: t("musyawarah-x-name"), key: "name" },
      { header: t("musyawarah-x-village"), key: "village" },
      { header: t("musyawarah-x-source"), key: "source" },
      { header: t("musyawarah-x-answer"), key: "answer" },
      { header: t("musyawarah-x-delegate"), key: "delegate" },
      { header: t("musyawarah-x-checkin"), key: "checkin", type: "date" },
      { header: t("musyawarah-x-marked"), key: "marked" },
    ],
    rows: [...att.rows]
      .sort((a, b) => (villageName.get(a.villageId ?? 0) ?? "~").localeCompare(villageName.get(b.villageId ?? 0) ?? "~", "id") || a.name.localeCompare(b.name, "id"))
      .map((r, i) => ({
        no: i + 1,
        name: r.name,
        village: r.villageId ? (villageName.get(r.villageId) ?? "") : "",
        source: t(`musyawarah-x-source-${r.source}`),
        answer: plain(answerLabel(t, r.rsvp)).replace(/^\P{L}+/u, ""),
        delegate: r.delegateName ?? "",
        checkin: r.checkedInAt,
        marked: r.checkedInAt ? t(r.markedByOrganiser ? "musyawarah-x-marked-organiser" : "musyawarah-x-marked-self") : "",
      })),
  };
  const villages: SheetSpec = {
    name: t("musyawarah-x-sheet-villages"),
    columns: [
      { header: t("musyawarah-x-village"), key: "village" },
      { header: t("musyawarah-x-people"), key: "people", type: "number" },
      { header: t("musyawarah-x-yes"), key: "yes", type: "number" },
      { header: t("musyawarah-x-no-answer"), key: "no", type: "number" },
      { header: t("musyawarah-x-delegates"), key: "delegate", type: "number" },
      { header: t("musyawarah-x-pending"), key: "pending", type: "number" },
      { header: t("musyawarah-x-present"), key: "present", type: "number" },
    ],
    rows: m.villages.map((v) => {
      const rows = att.rows.filter((r) => r.villageId === v.id);
      const n = (pred: (r: (typeof rows)[number]) => boolean) => rows.filter(pred).length;
      return {
        village: v.name,
        people: rows.length,
        yes: n((r) => r.rsvp === "yes"),
        no: n((r) => r.rsvp === "no"),
        delegate: n((r) => r.rsvp === "delegate"),
        pending: n((r) => r.rsvp === "pending"),
        present: n((r) => r.checkedInAt !== null),
      };
    }),
  };
  const summary: SheetSpec = {
    name: t("musyawarah-x-sheet-summary"),
    columns: [
      { header: t("musyawarah-x-field"), key: "k" },
      { header: t("musyawarah-x-value"), key: "v", type: "text" },
    ],
    rows: [
      { k: t("musyawarah-x-title"), v: m.title },
      { k: t("musyawarah-x-kind"), v: kindLabel(t, m.kind) },
      { k: t("musyawarah-x-when"), v: formatDateTimeLong(m.startsAt, m.zone, lang) },
      { k: t("musyawarah-x-place"), v: m.place ?? "" },
      { k: t("musyawarah-x-organizer"), v: m.organizerName },
      { k: t("musyawarah-x-quorum"), v: plain(quorumLine(t, att.quorum)).replace(/^\P{L}+/u, "") },
    ],
  };
  return buildXlsx([list, villages, summary], { zone: m.zone });
}
