import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../support/db.js";
import { PERSON_REFERENCES, erasureHash, replaceLast } from "../../src/domain/privasi/erase.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => db?.close());

describe("erasure: what it must cover", () => {
  it("knows every column of the schema that holds a person's id (a new one fails here until erase.ts handles it)", async () => {
    const cols = await db.sql.query<{ t: string; c: string }>(
      `SELECT table_name AS t, column_name AS c FROM information_schema.columns
        WHERE table_schema = 'public' AND data_type IN ('integer', 'bigint')
          AND (column_name ~ '(^|_)(person|author|reporter|organizer|actor)_id$' OR column_name ~ '_by_id$')`,
    );
    expect(cols.map((r) => `${r.t}.${r.c}`).sort()).toEqual(Object.keys(PERSON_REFERENCES).sort());
  });

  it("keeps in the audit log a keyed hash, not something one can reverse by trying Telegram ids", () => {
    const a = erasureHash("123:token-a", 7_123_456_789n);
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(a).toBe(erasureHash("123:token-a", 7_123_456_789n));
    expect(a).not.toBe(erasureHash("123:token-b", 7_123_456_789n));
    expect(a).not.toContain("7123456789");
  });

  it("replaces only the signature at the end of an announcement, keeping formatting in place", () => {
    const part = { text: "Budi dari PU datang Senin.\n\n— Budi, perangkat Desa Sukajaya", entities: [{ type: "bold", offset: 0, length: 4 }, { type: "italic", offset: 28, length: 33 }] };
    const out = replaceLast(part, "Budi", "Warga (dihapus)");
    expect(out.text).toBe("Budi dari PU datang Senin.\n\n— Warga (dihapus), perangkat Desa Sukajaya");
    expect(out.entities).toEqual([{ type: "bold", offset: 0, length: 4 }, { type: "italic", offset: 28, length: 44 }]);
  });
});
