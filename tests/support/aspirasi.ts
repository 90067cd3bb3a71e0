import { reportKeyOf } from "../../src/domain/forum/service.js";
import type { User } from "grammy/types";
import type { Harness } from "./harness.js";
import { lastText, press, say, type ForumFixture } from "./world.js";
import { aspirasiDeps } from "../../src/bot/features/aspirasi/common.js";
import { createAspiration, type AspirationPrivacy } from "../../src/domain/aspirasi/index.js";

export const ROAD = "Jalan desa di RT 03 rusak parah dan berlubang, mohon segera diperbaiki sebelum musim hujan";
export const IRRIGATION = "Saluran irigasi sawah tersumbat sehingga petani kesulitan air untuk menanam padi";
export const POSYANDU = "Posyandu di dusun dua kekurangan timbangan bayi dan obat-obatan dasar untuk balita";

export interface FileOptions {
  /** "link": the poster's deep link for the village (default); "command": /aspirasi. */
  via?: "link" | "command";
  /** Village index to pick when the bot asks (the reporter has no home village yet). */
  village?: number;
  category?: string;
  text?: string;
  photos?: number;
  location?: { latitude: number; longitude: number } | string;
  privacy?: "Dengan nama" | "Anonim" | "Rahasia";
  /** Press ✅ Kirim at the end (default true). */
  send?: boolean;
}

/** Drives the whole intake conversation as a resident would, returning the ticket number. */
export async function fileAspiration(h: Harness, f: ForumFixture, user: User, o: FileOptions = {}): Promise<string> {
  if ((o.via ?? "link") === "link") await say(h, user, `/start aspirasi_${f.villages[o.village ?? 0]!.reportKey}`);
  else await say(h, user, "/aspirasi");
  if (/desa mana/.test(lastText(h, user.id))) await press(h, user, user.id, f.villages[o.village ?? 0]!.name);
  await press(h, user, user.id, o.category ?? "Infrastruktur");
  await say(h, user, o.text ?? ROAD);
  if (/serupa/.test(lastText(h, user.id))) await press(h, user, user.id, "Tetap kirim");
  for (let i = 0; i < (o.photos ?? 0); i++) await h.send(h.fake.updates.photo(user, "private"));
  if ((o.photos ?? 0) < 3) await press(h, user, user.id, (o.photos ?? 0) > 0 ? "Lanjut" : "Lewati");
  if (typeof o.location === "string") await say(h, user, o.location);
  else if (o.location) await h.send(h.fake.updates.location(user, "private", o.location));
  else await press(h, user, user.id, "Lewati");
  await press(h, user, user.id, o.privacy ?? "Dengan nama");
  if (o.send === false) return "";
  await press(h, user, user.id, "Kirim");
  const m = lastText(h, user.id).match(/ASP-[A-Z0-9]+-\d{4}-\d{4}/);
  if (!m) throw new Error(`no ticket in: ${lastText(h, user.id)}`);
  await h.flush();
  return m[0];
}

/** A stored aspiration made through the domain (fast arrangement for lists, exports, deadlines). */
export async function anAspiration(
  h: Harness,
  f: ForumFixture,
  reporter: User,
  o: { village?: number; category?: string; text?: string; privacy?: AspirationPrivacy; photos?: string[] } = {},
) {
  const person = await h.app.deps.prisma.person.findUniqueOrThrow({ where: { telegramUserId: BigInt(reporter.id) } });
  const v = await createAspiration(aspirasiDeps(h.app.deps), person.id, {
    forumId: f.id,
    villageId: f.villages[o.village ?? 0]!.id,
    category: o.category ?? "Infrastruktur",
    text: o.text ?? ROAD,
    photos: o.photos ?? [],
    privacy: o.privacy ?? "named",
  });
  await h.flush();
  return v;
}

/** Presses a button on the newest message in `chatId` whose text contains `ticket`. */
export async function pressOn(h: Harness, user: User, chatId: number, ticket: string, label: string | RegExp) {
  const msgs = h.fake.sent(chatId).filter((m) => !m.deleted && ((m.text ?? m.caption ?? "") as string).includes(ticket));
  for (let i = msgs.length - 1; i >= 0; i--) {
    const kb = (msgs[i]!.reply_markup as { inline_keyboard?: Array<Array<{ text: string; callback_data?: string }>> } | undefined)?.inline_keyboard ?? [];
    const b = kb.flat().find((x) => (typeof label === "string" ? x.text.includes(label) : label.test(x.text)) && x.callback_data);
    if (b) {
      await h.send(h.fake.updates.callback(user, chatId, msgs[i]!.message_id, b.callback_data!));
      return;
    }
  }
  throw new Error(`no button ${String(label)} on a message about ${ticket} in chat ${chatId}`);
}

/** The last answerCallbackQuery text (toasts and alerts). */
export function lastToast(h: Harness): string {
  return (h.fake.callsTo("answerCallbackQuery").at(-1)?.params.text ?? "") as string;
}

/** Every cell of an .xlsx as text. */
export async function xlsxCells(bytes: Buffer): Promise<string[][]> {
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  const out: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => {
    const vals = (row.values as unknown[]).slice(1).map((v) => (v instanceof Date ? v.toISOString() : v == null ? "" : String(v)));
    out.push(vals);
  });
  return out;
}

/**
 * Everything the bot sent anywhere except to `reporterId` itself — messages, buttons, captions,
 * toasts, and the contents of exported files — as searchable text.
 */
export async function everythingNotTo(h: Harness, reporterId: number): Promise<string[]> {
  const out: string[] = [];
  for (const c of h.fake.calls) {
    if (String(c.params?.chat_id) === String(reporterId)) continue;
    // Toasts answering the reporter's own presses (the query id starts with their user id).
    if (c.method === "answerCallbackQuery" && String(c.params?.callback_query_id).startsWith(String(reporterId))) continue;
    out.push(`${c.method} ${JSON.stringify(c.params)}`);
    for (const [name, f] of Object.entries(c.files ?? {})) {
      if (f.filename.endsWith(".xlsx")) out.push(`${name} ${JSON.stringify(await xlsxCells(f.bytes))}`);
      else if (f.filename.endsWith(".csv")) out.push(`${name} ${f.bytes.toString("utf8")}`);
    }
  }
  return out;
}

/** The documents (by extension) the bot sent to a chat, newest last. */
export function documentsTo(h: Harness, chatId: number, ext: string) {
  return h.fake.calls
    .filter((c) => c.method === "sendDocument" && String(c.params.chat_id) === String(chatId))
    .flatMap((c) => Object.values(c.files ?? {}))
    .filter((f) => f.filename.endsWith(ext));
}
