import type { User } from "grammy/types";
import type { Harness } from "./harness.js";

/** A private message from someone who has NOT (yet) agreed to the privacy notice. */
export async function sayRaw(h: Harness, user: User, text: string) {
  h.fake.userStartedBot(user.id);
  await h.send(h.fake.updates.text(user, "private", text));
}

/** Presses a button by label in a private chat (the newest message that has it). */
export async function pressIn(h: Harness, user: User, label: string | RegExp, chatId: number = user.id) {
  const msgs = h.fake.sent(chatId).filter((x) => !x.deleted);
  for (let i = msgs.length - 1; i >= 0; i--) {
    const m = msgs[i]!;
    const kb = (m.reply_markup as { inline_keyboard?: Array<Array<{ text: string; callback_data?: string }>> } | undefined)?.inline_keyboard ?? [];
    const b = kb.flat().find((x) => (typeof label === "string" ? x.text.includes(label) : label.test(x.text)) && x.callback_data);
    if (b) return h.send(h.fake.updates.callback(user, chatId, m.message_id, b.callback_data!));
  }
  throw new Error(`no button ${String(label)} in chat ${chatId}`);
}

/** Every document the bot sent to a chat: name and bytes. */
export function documentsSent(h: Harness, chatId: number): Array<{ filename: string; bytes: Buffer }> {
  return h.fake
    .callsTo("sendDocument")
    .filter((c) => c.ok && Number(c.params.chat_id) === chatId)
    .flatMap((c) => Object.values(c.files).map((f) => ({ filename: f.filename, bytes: f.bytes })));
}

export interface ScanHit {
  table: string;
  column: string;
  needle: string;
  rows: number;
}

export interface ScanResult {
  tables: number;
  columns: number;
  textColumns: number;
  numericColumns: number;
  hits: ScanHit[];
}

/**
 * Looks for every needle in every row of every table, generically: each text, JSON, array and enum
 * column of the public schema (listed from information_schema) is searched case-insensitively for
 * each text needle; each numeric column is compared with each numeric needle.
 */
export async function scanDatabase(h: Harness, needles: { texts: string[]; numbers: bigint[] }): Promise<ScanResult> {
  const cols = await h.db.sql.query<{ table_name: string; column_name: string; data_type: string; udt_name: string }>(
    `SELECT c.table_name, c.column_name, c.data_type, c.udt_name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema = 'public' ORDER BY c.table_name, c.ordinal_position`,
  );
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const hits: ScanHit[] = [];
  let textColumns = 0;
  let numericColumns = 0;
  for (const c of cols) {
    const isNumeric = ["bigint", "integer", "numeric", "smallint"].includes(c.data_type);
    const isText = !isNumeric && ["text", "character varying", "jsonb", "json", "ARRAY", "USER-DEFINED", "character"].includes(c.data_type);
    if (isText) {
      textColumns++;
      for (const n of [...needles.texts, ...needles.numbers.map(String)]) {
        const [{ n: rows }] = await h.db.sql.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${q(c.table_name)} WHERE ${q(c.column_name)}::text ILIKE $1`, [`%${n}%`]);
        if (Number(rows) > 0) hits.push({ table: c.table_name, column: c.column_name, needle: n, rows: Number(rows) });
      }
    } else if (isNumeric) {
      numericColumns++;
      for (const n of needles.numbers) {
        const [{ n: rows }] = await h.db.sql.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${q(c.table_name)} WHERE ${q(c.column_name)}::numeric = $1::numeric`, [String(n)]);
        if (Number(rows) > 0) hits.push({ table: c.table_name, column: c.column_name, needle: String(n), rows: Number(rows) });
      }
    }
  }
  return { tables: new Set(cols.map((c) => c.table_name)).size, columns: cols.length, textColumns, numericColumns, hits };
}
