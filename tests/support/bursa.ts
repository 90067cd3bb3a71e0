import ExcelJS from "exceljs";
import type { User } from "grammy/types";
import type { Harness } from "./harness.js";
import type { ForumFixture } from "./world.js";
import { actorFor } from "./musyawarah.js";
import { bursaDepsOf } from "../../src/bot/features/bursa/deps.js";
import { createAgreement, createPost, type AgreementInput, type PostInput } from "../../src/domain/bursa/index.js";

export { actorFor };

/** A need or offer posted through the domain (fast arrangement), as `user` would post it. */
export async function aPost(h: Harness, f: ForumFixture, user: User, o: Partial<PostInput> & { village?: number | null } = {}) {
  const r = await createPost(bursaDepsOf(h.app.deps), await actorFor(h, user), {
    forumId: f.id,
    kind: o.kind ?? "penawaran",
    villageId: o.village === null ? null : f.villages[o.village ?? 1]!.id,
    partnerName: o.partnerName,
    category: o.category ?? "alat",
    title: o.title ?? "traktor roda dua bisa disewa harian",
    details: o.details,
    quantity: o.quantity,
    periodText: o.periodText,
    place: o.place,
    terms: o.terms,
  });
  await h.flush();
  return r;
}

export async function anAgreement(h: Harness, f: ForumFixture, user: User, o: Partial<AgreementInput> = {}) {
  return createAgreement(bursaDepsOf(h.app.deps), await actorFor(h, user), {
    forumId: f.id,
    object: o.object ?? "Sewa traktor untuk olah lahan 25 ha",
    parties: o.parties ?? [{ villageId: f.villages[0]!.id }, { villageId: f.villages[1]!.id }],
    valueRupiah: o.valueRupiah ?? 15_000_000,
    startsOn: o.startsOn ?? null,
    endsOn: o.endsOn ?? null,
    evaluations: o.evaluations ?? [],
    matchId: o.matchId ?? null,
  });
}

/** Sets a village's point directly (arrangement for distances). */
export async function setPoint(h: Harness, f: ForumFixture, village: number, latitude: number, longitude: number) {
  const villageId = f.villages[village]!.id;
  await h.app.deps.prisma.villageProfile.upsert({
    where: { forumId_villageId: { forumId: f.id, villageId } },
    create: { forumId: f.id, villageId, latitude, longitude, dusun: [], commodities: [], facilities: [] },
    update: { latitude, longitude },
  });
}

export type Cell = string | number | null;

/** An .xlsx with the given sheets (first row = headers), as an official would save it. */
export async function xlsx(sheets: Array<{ name: string; rows: Cell[][] }>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const r of s.rows) ws.addRow(r);
  }
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export const PROFILE_HEADER = ["Desa", "Jumlah Penduduk", "Jumlah KK", "Luas (ha)", "Dusun (nama atau jumlah)", "Komoditas dan Potensi", "Fasilitas", "Tantangan Utama", "Nama Kontak", "Telepon Kontak", "Lintang", "Bujur"];
export const ENTERPRISE_HEADER = ["Desa", "Jenis", "Nama", "Unit Usaha", "Produk dan Layanan"];

/** Sends a file as a document in the private chat with the bot. */
export async function sendFile(h: Harness, user: User, fileName: string, bytes: Buffer) {
  h.fake.userStartedBot(user.id);
  await h.send(h.fake.updates.document(user, "private", { file_name: fileName, bytes }));
}
