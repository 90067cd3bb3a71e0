/**
 * iCalendar (.ics) invitations for musyawarah/meetings, built with the `ics` package.
 * Times are written in UTC ("DTSTART:20261207T020000Z" for 09.00 WIB), which every calendar
 * app converts to the reader's zone; no VTIMEZONE needed.
 */
import { createRequire } from "node:module";
import type { EventAttributes } from "ics";

// `ics` (with its schema validator, ~9 MB) is loaded with the first invitation rather than at
// start-up; it is CommonJS, so `require` keeps buildIcs synchronous.
type IcsModule = typeof import("ics");
let icsModule: IcsModule | null = null;
const loadIcs = () => (icsModule ??= createRequire(import.meta.url)("ics") as IcsModule);

export interface IcsEvent {
  /** Stable id: the same uid with a higher `sequence` updates/cancels the earlier invitation. */
  uid: string;
  title: string;
  description?: string;
  location?: string;
  start: Date;
  end: Date;
  url?: string;
  organizerName?: string;
  /** ORGANIZER needs an address (RFC 5546); a non-routable placeholder is used if omitted. */
  organizerEmail?: string;
  /** Increase on every change (0 for the first invitation). */
  sequence?: number;
  cancelled?: boolean;
  geo?: { lat: number; lon: number };
  /** DTSTAMP; defaults to the current time. Pass it for reproducible output. */
  timestamp?: Date;
}

export const ICS_PRODUCT_ID = "-//Forum Desa//Bot//ID";
const PLACEHOLDER_EMAIL = "noreply@forum-desa.invalid";

/**
 * Returns the text of a VCALENDAR with one VEVENT (CRLF line endings, lines folded at 75
 * octets). METHOD:REQUEST / STATUS:CONFIRMED normally; METHOD:CANCEL / STATUS:CANCELLED when
 * `cancelled`. Send as a document named e.g. "undangan.ics" with MIME type text/calendar.
 */
export function buildIcs(ev: IcsEvent): string {
  if (!(ev.start instanceof Date) || Number.isNaN(ev.start.getTime())) throw new TypeError("invalid start");
  if (!(ev.end instanceof Date) || Number.isNaN(ev.end.getTime())) throw new TypeError("invalid end");
  if (ev.end.getTime() <= ev.start.getTime()) throw new RangeError("end must be after start");

  // `timestamp` (DTSTAMP) is supported by ics 3.12 but missing from its type definitions.
  const attrs: EventAttributes & { timestamp: number } = {
    productId: ICS_PRODUCT_ID,
    method: ev.cancelled ? "CANCEL" : "REQUEST",
    uid: ev.uid,
    sequence: ev.sequence ?? 0,
    title: ev.title,
    // Numbers (epoch ms) are written as UTC: no dependence on the server's TZ.
    start: ev.start.getTime(),
    end: ev.end.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    endInputType: "utc",
    endOutputType: "utc",
    timestamp: (ev.timestamp ?? new Date()).getTime(),
    status: ev.cancelled ? "CANCELLED" : "CONFIRMED",
    organizer: { name: ev.organizerName ?? "Forum Desa", email: ev.organizerEmail ?? PLACEHOLDER_EMAIL },
    ...(ev.description ? { description: ev.description } : {}),
    ...(ev.location ? { location: ev.location } : {}),
    ...(ev.url ? { url: ev.url } : {}),
    ...(ev.geo ? { geo: { lat: ev.geo.lat, lon: ev.geo.lon } } : {}),
  };
  const { error, value } = loadIcs().createEvent(attrs);
  if (error || !value) throw error ?? new Error("ics: no output");
  return value;
}
