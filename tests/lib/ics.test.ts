import { describe, expect, it } from "vitest";
import { buildIcs } from "../../src/lib/ics.js";
import { parseIndonesianDateTime } from "../../src/lib/time.js";

/** Unfolds RFC 5545 lines and returns [name(with params), value] pairs. */
function parseIcs(text: string): Array<[string, string]> {
  expect(text.includes("\r\n")).toBe(true);
  for (const raw of text.split("\r\n")) expect(Buffer.byteLength(raw, "utf8")).toBeLessThanOrEqual(75);
  const unfolded = text.replace(/\r\n[ \t]/g, "").split("\r\n").filter(Boolean);
  return unfolded.map((l) => {
    const i = l.indexOf(":");
    return [l.slice(0, i), l.slice(i + 1)];
  });
}
const get = (props: Array<[string, string]>, name: string) => props.filter(([k]) => k.split(";")[0] === name).map(([, v]) => v);

const base = {
  uid: "musy-42@forum-desa",
  title: "Musyawarah Desa: Jalan tani antar desa",
  description: "Agenda: 1) perbaikan jalan, 2) anggaran; tempat: balai desa.\nMohon hadir tepat waktu.",
  location: "Balai Desa Sukajaya, Jl. Raya No. 1",
  start: new Date("2026-12-07T09:00:00+07:00"),
  end: new Date("2026-12-07T11:00:00+07:00"),
  url: "https://t.me/forumdesa_bot?start=musy_42",
  organizerName: "Pak Budi · Desa Sukajaya",
  timestamp: new Date("2026-11-28T03:00:00Z"),
};

describe("buildIcs", () => {
  it("writes a REQUEST with UTC times", () => {
    const props = parseIcs(buildIcs({ ...base, geo: { lat: -6.9175, lon: 107.6191 } }));
    expect(props[0]).toEqual(["BEGIN", "VCALENDAR"]);
    expect(props.at(-1)).toEqual(["END", "VCALENDAR"]);
    expect(get(props, "METHOD")).toEqual(["REQUEST"]);
    expect(get(props, "PRODID")).toEqual(["-//Forum Desa//Bot//ID"]);
    expect(get(props, "DTSTART")).toEqual(["20261207T020000Z"]); // 09.00 WIB
    expect(get(props, "DTEND")).toEqual(["20261207T040000Z"]);
    expect(get(props, "DTSTAMP")).toEqual(["20261128T030000Z"]);
    expect(get(props, "UID")).toEqual(["musy-42@forum-desa"]);
    expect(get(props, "SEQUENCE")).toEqual(["0"]);
    expect(get(props, "STATUS")).toEqual(["CONFIRMED"]);
    expect(get(props, "SUMMARY")).toEqual(["Musyawarah Desa: Jalan tani antar desa"]);
    expect(get(props, "DESCRIPTION")[0]).toBe(
      "Agenda: 1) perbaikan jalan\\, 2) anggaran\\; tempat: balai desa.\\nMohon hadir tepat waktu.",
    );
    expect(get(props, "LOCATION")[0]).toBe("Balai Desa Sukajaya\\, Jl. Raya No. 1");
    expect(get(props, "URL")).toEqual(["https://t.me/forumdesa_bot?start=musy_42"]);
    expect(get(props, "GEO")).toEqual(["-6.9175;107.6191"]);
    const org = props.find(([k]) => k.startsWith("ORGANIZER"))!;
    expect(org[0]).toContain("CN=");
    expect(org[0]).toContain("Pak Budi · Desa Sukajaya");
    expect(org[1].toLowerCase()).toMatch(/^mailto:/);
    expect(props.filter(([k, v]) => k === "BEGIN" && v === "VEVENT")).toHaveLength(1);
  });

  it("writes a CANCEL with a higher sequence", () => {
    const props = parseIcs(buildIcs({ ...base, sequence: 2, cancelled: true }));
    expect(get(props, "METHOD")).toEqual(["CANCEL"]);
    expect(get(props, "STATUS")).toEqual(["CANCELLED"]);
    expect(get(props, "SEQUENCE")).toEqual(["2"]);
    expect(get(props, "UID")).toEqual(["musy-42@forum-desa"]);
  });

  it("converts times parsed in WITA and WIT to UTC", () => {
    const now = new Date("2026-11-28T10:00:00+07:00");
    const wita = parseIndonesianDateTime("7 Desember 2026 pukul 09.00", now, "Asia/Makassar");
    const wit = parseIndonesianDateTime("7 Desember 2026 pukul 09.00", now, "Asia/Jayapura");
    if (!wita.ok || !wit.ok) throw new Error("parse failed");
    const a = parseIcs(buildIcs({ uid: "a", title: "A", start: wita.date, end: new Date(wita.date.getTime() + 3600_000) }));
    const b = parseIcs(buildIcs({ uid: "b", title: "B", start: wit.date, end: new Date(wit.date.getTime() + 3600_000) }));
    expect(get(a, "DTSTART")).toEqual(["20261207T010000Z"]);
    expect(get(b, "DTSTART")).toEqual(["20261207T000000Z"]);
    expect(get(b, "DTEND")).toEqual(["20261207T010000Z"]);
  });

  it("folds long lines and keeps minimal events valid", () => {
    const long = "Pembahasan ".repeat(40);
    const text = buildIcs({ uid: "x", title: long.trim(), start: base.start, end: base.end });
    const props = parseIcs(text);
    expect(get(props, "SUMMARY")[0]).toBe(long.trim());
    expect(get(props, "LOCATION")).toEqual([]);
    expect(get(props, "DESCRIPTION")).toEqual([]);
  });

  it("rejects end before start", () => {
    expect(() => buildIcs({ uid: "x", title: "x", start: base.end, end: base.start })).toThrow();
  });
});
