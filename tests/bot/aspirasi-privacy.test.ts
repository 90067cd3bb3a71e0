import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { User } from "grammy/types";
import { createHarness, T0, type Harness } from "../support/harness.js";
import { aForum, lastText, press, say, texts, type ForumFixture } from "../support/world.js";
import { anAspiration, documentsTo, everythingNotTo, fileAspiration, pressOn, xlsxCells, ROAD } from "../support/aspirasi.js";

let h: Harness;
const DAY = 24 * 3600_000;
/** The whole-life scenarios send ~60 updates; on a loaded 2-core runner that can pass 30 s. */
const LONG = 120_000;

beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await h.reset();
  h.clock.set(T0); // the harness keeps the clock across tests
});

afterEach(() => vi.restoreAllMocks());

const prisma = () => h.app.deps.prisma;

/** Every log line written from now on (the app keeps one logger across restarts), as JSON. */
function captureLogs(): string[] {
  const lines: string[] = [];
  const logger = h.app.deps.logger as unknown as Record<string, (...a: unknown[]) => void>;
  const json = (v: unknown) =>
    JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? String(x) : x instanceof Error ? { message: x.message, stack: x.stack, ...(x as object) } : x));
  for (const level of ["fatal", "error", "warn", "info", "debug", "trace"]) {
    vi.spyOn(logger, level).mockImplementation((...args: unknown[]) => void lines.push(json(args)));
  }
  return lines;
}

/** A reporter whose name, username and id are easy to find anywhere they leak. */
function distinctiveReporter(): User {
  return h.fake.addUser({ id: 987654321, first_name: "Rahasiawati", last_name: "Sulistyaningsih", username: "pelapor_rahasia" });
}
const needles = (u: User) => [u.first_name, u.last_name!, u.username!, String(u.id)];

/**
 * The whole life of one ticket with everything an official or admin can see of it: the card,
 * photos and place, verification, messages both ways, forwarding, the list and detail views,
 * reminders and escalation, reopening, the public list in the group, and the exports.
 */
async function everyView(f: ForumFixture, reporter: User, privacy: "Dengan nama" | "Anonim" | "Rahasia") {
  const budi = await f.official(0, "Budi");
  const sari = await f.official(1, "Sari");
  const ticket = await fileAspiration(h, f, reporter, { village: 0, photos: 1, location: { latitude: -5.1, longitude: 105.2 }, privacy });
  const id = (await prisma().aspiration.findFirstOrThrow({ where: { ticketNo: ticket } })).id;

  h.clock.advance(4 * DAY); // past the verification deadline
  await h.tick();
  await pressOn(h, budi, budi.id, ticket, "Detail");
  await pressOn(h, budi, budi.id, ticket, "Foto & lokasi");
  await pressOn(h, budi, budi.id, ticket, "Verifikasi");
  await pressOn(h, budi, budi.id, ticket, "Balas");
  await say(h, budi, "Terima kasih, kami cek ke lokasi besok pagi");
  await h.flush();
  await pressOn(h, reporter, reporter.id, ticket, "Balas");
  await say(h, reporter, "Baik, lubang terbesar ada di depan masjid");
  await h.flush();
  await pressOn(h, budi, budi.id, ticket, "Teruskan");
  await press(h, budi, budi.id, f.villages[1]!.name);
  await press(h, budi, budi.id, "Lewati");
  await h.flush();
  await say(h, sari, "/aspirasi_masuk");
  await pressOn(h, sari, sari.id, "Aspirasi masuk", ticket.replace("ASP-", ""));
  await pressOn(h, sari, sari.id, ticket, "Selesai");
  await press(h, sari, sari.id, "Lewati");
  await h.flush();
  await pressOn(h, reporter, reporter.id, ticket, "Buka kembali");
  await say(h, reporter, "Masih ada satu lubang besar yang belum ditambal");
  await h.flush();
  h.clock.advance(15 * DAY); // past the 14-day deadline: escalated to the admins
  await h.tick();
  await say(h, f.admin, "/aspirasi_terlambat");
  await say(h, f.admin, "/aspirasi_klaster");
  await pressOn(h, f.admin, f.admin.id, ticket, "Detail");
  // Public list in the village group, and the exports of an official and an admin.
  await h.send(h.fake.updates.command(budi, f.villages[0]!.group, "daftar_aspirasi"));
  await say(h, budi, "/aspirasi_ekspor");
  await press(h, budi, budi.id, "Semua");
  await press(h, budi, budi.id, "Semua waktu");
  await say(h, f.admin, "/aspirasi_ekspor");
  await press(h, f.admin, f.admin.id, "Semua desa");
  await press(h, f.admin, f.admin.id, "Semua");
  await press(h, f.admin, f.admin.id, "Semua waktu");
  return { budi, sari, ticket, id };
}

describe("anonymity", () => {
  it("an anonim reporter's name, username and id reach no official or admin: not in a message, button, toast or export", async () => {
    const f = await aForum(h);
    const reporter = distinctiveReporter();
    const logs = captureLogs();
    // One rejected delivery to an official, so the queue writes a log line about this ticket.
    h.fake.fail("sendMessage", { code: 400, description: "Bad Request: message is too long" }, { where: (p) => String(p.text ?? "").includes("Pengingat") });
    const { budi, ticket } = await everyView(f, reporter, "Anonim");

    // The scenario really happened (so the scan below scans something).
    expect(texts(h, budi.id).join("\n")).toContain("Pelapor: 🙈 Anonim");
    expect(texts(h, budi.id).join("\n")).toContain("Pesan dari Pelapor");
    expect(texts(h, f.admin.id).join("\n")).toContain("belum selesai melewati batas waktu");
    expect(texts(h, f.villages[0]!.group.id).join("\n")).toContain(ticket);
    expect(documentsTo(h, budi.id, ".xlsx")).toHaveLength(1);
    expect(documentsTo(h, f.admin.id, ".csv")).toHaveLength(1);

    const seen = (await everythingNotTo(h, reporter.id)).join("\n");
    for (const n of needles(reporter)) expect(seen, `leaked "${n}"`).not.toContain(n);
    expect(logs.join("\n")).toContain("delivery: rejected");
    for (const n of needles(reporter)) expect(logs.join("\n"), `logged "${n}"`).not.toContain(n);
  }, LONG);

  it("a rahasia reporter is hidden the same way, and the aspiration stays out of the public list and the export's content", async () => {
    const f = await aForum(h);
    const reporter = distinctiveReporter();
    const { budi, ticket } = await everyView(f, reporter, "Rahasia");
    const seen = (await everythingNotTo(h, reporter.id)).join("\n");
    for (const n of needles(reporter)) expect(seen, `leaked "${n}"`).not.toContain(n);

    expect(texts(h, f.villages[0]!.group.id).join("\n")).not.toContain(ticket);
    const rows = await xlsxCells(documentsTo(h, budi.id, ".xlsx")[0]!.bytes);
    const row = rows.find((r) => r[0] === ticket)!;
    expect(row).toBeDefined();
    expect(row.join("|")).not.toContain("RT 03");
    expect(row).toContain("(dirahasiakan)");
    expect(row).toContain("Rahasia");
  }, LONG);

  it("a named reporter is shown to officials (the scan above would catch it)", async () => {
    const f = await aForum(h, { villages: ["Sukajaya", "Sidorejo"] });
    const reporter = distinctiveReporter();
    const budi = await f.official(0, "Budi");
    await fileAspiration(h, f, reporter, { village: 0, privacy: "Dengan nama" });
    expect(lastText(h, budi.id)).toContain("Pelapor: Rahasiawati (@pelapor_rahasia)");
    const seen = (await everythingNotTo(h, reporter.id)).join("\n");
    expect(seen).toContain("Rahasiawati");
  });
});

describe("secrecy in public lists", () => {
  it("a rahasia aspiration is never offered as a similar one, while an anonim one is — without its reporter", async () => {
    const f = await aForum(h);
    const a = await f.resident(0, "Wati");
    const b = await f.resident(0, "Yono");
    await anAspiration(h, f, a, { privacy: "rahasia" });
    const c = await f.resident(0, "Eko");
    const seen = await anAspiration(h, f, b, { privacy: "anonim", text: `${ROAD} dekat sekolah` });
    await say(h, c, "/aspirasi");
    await press(h, c, c.id, "Infrastruktur");
    await say(h, c, "Jalan di RT 03 rusak dan berlubang parah, mohon diperbaiki segera");
    const offer = lastText(h, c.id);
    expect(offer).toContain("serupa");
    expect(offer).toContain(seen.ticketNo);
    expect(offer).not.toContain("-0001"); // the rahasia one
    expect(offer).not.toContain("Yono");
  });
});
