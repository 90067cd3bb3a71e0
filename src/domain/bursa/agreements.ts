import { termsOf } from "../forum/terms.js";
/**
 * Kesepakatan kerja sama: parties (villages of the forum, mitra, outside parties), object, value,
 * period, status (draf → ditandatangani → berjalan → selesai, or batal), the signed document as a
 * Telegram file_id, and evaluation dates. Each evaluation reminds the parties once, the day
 * before at 08.00 in the forum's zone, through the job table (claimed with SKIP LOCKED, and
 * marked in the same transaction that queues the reminder: never twice, never lost).
 */
import { Conflict, InvalidInput, NotAllowed, NotFound } from "../errors.js";
import { dateInZone, isZoneName, zonedParts, type ZoneName } from "../../lib/time.js";
import type { EnqueueItem } from "../../delivery/types.js";
import type { DueJob, JobContext } from "../../jobs/scheduler.js";
import { JOB_EVALUATION, OWNER, requireMember, type Actor, type AgreementStatus, type AgreementView, type BursaDeps, type Db, type Recipient } from "./types.js";
import { audit } from "../privasi/audit.js";

export const AGREEMENT_LIMITS = { object: [5, 300], partyName: 100, parties: 10, evaluations: 12, value: 1e13 } as const;
const TX = { timeout: 30_000, maxWait: 10_000 };
/** Reminders go out at this hour, the day before the evaluation. */
export const REMINDER_HOUR = 8;

const NEXT: Record<AgreementStatus, AgreementStatus[]> = {
  draf: ["ditandatangani", "batal"],
  ditandatangani: ["berjalan", "selesai", "batal"],
  berjalan: ["selesai", "batal"],
  selesai: [],
  batal: [],
};

export function nextStatuses(s: AgreementStatus): AgreementStatus[] {
  return NEXT[s];
}

export type PartyInput = { villageId: number } | { personId: number } | { name: string };

export interface AgreementInput {
  forumId: number;
  object: string;
  parties: PartyInput[];
  valueRupiah?: number | null;
  startsOn?: Date | null;
  endsOn?: Date | null;
  evaluations?: Date[];
  matchId?: number | null;
}

async function zoneOf(db: Db, forumId: number): Promise<ZoneName> {
  const f = await db.forum.findUnique({ where: { id: forumId }, select: { timezone: true } });
  if (!f) throw new NotFound("forum_not_found");
  return isZoneName(f.timezone) ? f.timezone : "Asia/Jakarta";
}

/** 00:00 of the day in the zone (agreements work in whole days). */
function dayOf(d: Date, zone: ZoneName): Date {
  const p = zonedParts(d, zone);
  return dateInZone({ year: p.year, month: p.month, day: p.day }, zone)!;
}

/** When an evaluation's reminder is due: the day before at 08.00, or now if that has passed. */
export function reminderDueAt(dueOn: Date, zone: ZoneName, now: Date): Date {
  const p = zonedParts(new Date(dueOn.getTime() - 24 * 3600_000), zone);
  const at = dateInZone({ year: p.year, month: p.month, day: p.day, hour: REMINDER_HOUR }, zone)!;
  return at.getTime() > now.getTime() ? at : now;
}

/** Admins see every agreement; officials those of their villages; mitra those they are party to. */
function visibleWhere(actor: Actor, forumId: number) {
  if (actor.access.isAdmin(forumId)) return { forumId };
  const own = actor.access.officialVillages(forumId);
  return {
    forumId,
    parties: { some: { OR: [...(own.length ? [{ villageId: { in: own } }] : []), { personId: actor.personId }] } },
  };
}

/** Who may change an agreement: forum admins, and perangkat desa of a party village. */
function canManage(actor: Actor, a: { forumId: number; parties: Array<{ villageId: number | null }> }) {
  return actor.access.isAdmin(a.forumId) || a.parties.some((p) => p.villageId !== null && actor.access.isOfficialOf(a.forumId, p.villageId));
}

type Row = NonNullable<Awaited<ReturnType<typeof loadRow>>>;

async function loadRow(db: Db, forumId: number, id: number) {
  return db.agreement.findFirst({
    where: { id, forumId },
    include: { parties: { orderBy: { id: "asc" } }, evaluations: { orderBy: { dueOn: "asc" } } },
  });
}

function toView(a: Row, zone: ZoneName): AgreementView {
  return {
    id: a.id,
    forumId: a.forumId,
    number: a.number,
    object: a.object,
    valueRupiah: a.valueRupiah === null ? null : Number(a.valueRupiah),
    startsOn: a.startsOn,
    endsOn: a.endsOn,
    status: a.status,
    documentFileId: a.documentFileId,
    documentName: a.documentName,
    parties: a.parties.map((p) => ({ id: p.id, villageId: p.villageId, personId: p.personId, name: p.name, kind: p.villageId !== null ? "village" : p.personId !== null ? "mitra" : "other" })),
    evaluations: a.evaluations.map((e) => ({ id: e.id, dueOn: e.dueOn, remindedAt: e.remindedAt })),
    matchId: a.matchId,
    createdAt: a.createdAt,
    zone,
  };
}

async function requireVisible(db: Db, actor: Actor, forumId: number, id: number) {
  requireMember(actor, forumId);
  const a = await db.agreement.findFirst({ where: { id, ...visibleWhere(actor, forumId) }, select: { id: true } });
  if (!a) throw new NotFound("agreement_not_found");
  return (await loadRow(db, forumId, id))!;
}

async function requireManageable(db: Db, actor: Actor, forumId: number, id: number) {
  const a = await requireVisible(db, actor, forumId, id);
  if (!canManage(actor, a)) throw new NotAllowed("agreement_not_manager");
  return a;
}

async function event(db: Db, a: { id: number; forumId: number }, actorId: number | null, kind: string, details: object = {}) {
  await db.agreementEvent.create({ data: { agreementId: a.id, forumId: a.forumId, actorId, kind, details } });
}

async function scheduleEvaluation(d: BursaDeps, tx: Db, e: { id: number; forumId: number; dueOn: Date }, zone: ZoneName, now: Date) {
  await d.jobs.schedule({ kind: JOB_EVALUATION, ownerId: e.id, forumId: e.forumId, dueAt: reminderDueAt(e.dueOn, zone, now) }, tx);
}

function validateValue(v: number | null | undefined) {
  if (v === null || v === undefined) return null;
  if (!Number.isFinite(v) || v < 0 || !Number.isInteger(v)) throw new InvalidInput("agreement_value_bad");
  if (v > AGREEMENT_LIMITS.value) throw new InvalidInput("agreement_value_bad");
  return BigInt(v);
}

export async function createAgreement(d: BursaDeps, actor: Actor, input: AgreementInput) {
  const { forumId } = input;
  requireMember(actor, forumId);
  const object = input.object.replace(/\s+/g, " ").trim();
  if (object.length < AGREEMENT_LIMITS.object[0]) throw new InvalidInput("agreement_object_short");
  if (object.length > AGREEMENT_LIMITS.object[1]) throw new InvalidInput("agreement_object_long", { max: AGREEMENT_LIMITS.object[1] });
  if (input.parties.length < 2) throw new InvalidInput("agreement_parties_few");
  if (input.parties.length > AGREEMENT_LIMITS.parties) throw new InvalidInput("agreement_parties_many", { max: AGREEMENT_LIMITS.parties });
  const value = validateValue(input.valueRupiah);
  const now = d.clock.now();
  if (input.startsOn && input.endsOn && input.endsOn.getTime() < input.startsOn.getTime()) throw new InvalidInput("agreement_period_bad");
  const evaluations = [...new Set((input.evaluations ?? []).map((x) => x.getTime()))];
  if (evaluations.length > AGREEMENT_LIMITS.evaluations) throw new InvalidInput("agreement_evaluations_many", { max: AGREEMENT_LIMITS.evaluations });

  const r = await d.prisma.$transaction(async (tx) => {
    const zone = await zoneOf(tx, forumId);
    const villageIds = input.parties.flatMap((p) => ("villageId" in p ? [p.villageId] : []));
    if (new Set(villageIds).size !== villageIds.length) throw new InvalidInput("agreement_party_twice");
    const villages = await tx.village.findMany({ where: { forumId, id: { in: villageIds } }, select: { id: true, name: true } });
    if (villages.length !== villageIds.length) throw new NotFound("village_not_found");
    // A perangkat desa records agreements their own village is party to.
    if (!actor.access.isAdmin(forumId) && !villageIds.some((v) => actor.access.isOfficialOf(forumId, v))) throw new NotAllowed("agreement_not_party");
    const personIds = input.parties.flatMap((p) => ("personId" in p ? [p.personId] : []));
    const mitra = await tx.person.findMany({ where: { id: { in: personIds }, memberships: { some: { forumId, role: "mitra" } } }, select: { id: true, firstName: true } });
    if (mitra.length !== new Set(personIds).size) throw new NotFound("person_not_in_forum");
    if (input.matchId) {
      const m = await tx.bursaMatch.findFirst({ where: { id: input.matchId, forumId } });
      if (!m) throw new NotFound("bursa_match_not_found");
    }
    const parties = input.parties.map((p) => {
      if ("villageId" in p) return { villageId: p.villageId, personId: null, name: villages.find((v) => v.id === p.villageId)!.name };
      if ("personId" in p) return { villageId: null, personId: p.personId, name: mitra.find((x) => x.id === p.personId)!.firstName };
      const name = p.name.replace(/\s+/g, " ").trim();
      if (name.length < 2 || name.length > AGREEMENT_LIMITS.partyName) throw new InvalidInput("agreement_party_name_bad", { max: AGREEMENT_LIMITS.partyName });
      return { villageId: null, personId: null, name };
    });
    const year = zonedParts(now, zone).year;
    const count = await tx.agreement.count({ where: { forumId, number: { startsWith: `KS-${year}-` } } });
    const number = `KS-${year}-${String(count + 1).padStart(3, "0")}`;
    const a = await tx.agreement.create({
      data: {
        forumId,
        number,
        object,
        valueRupiah: value,
        startsOn: input.startsOn ? dayOf(input.startsOn, zone) : null,
        endsOn: input.endsOn ? dayOf(input.endsOn, zone) : null,
        matchId: input.matchId ?? null,
        createdById: actor.personId,
        createdAt: now,
        parties: { create: parties.map((p) => ({ ...p, forumId })) },
      },
    });
    for (const t of evaluations) {
      const dueOn = dayOf(new Date(t), zone);
      if (dueOn.getTime() < dayOf(now, zone).getTime()) throw new InvalidInput("agreement_evaluation_past");
      const e = await tx.agreementEvaluation.create({ data: { agreementId: a.id, forumId, dueOn } });
      await scheduleEvaluation(d, tx, { id: e.id, forumId, dueOn }, zone, now);
    }
    if (input.matchId) await tx.bursaMatch.updateMany({ where: { id: input.matchId, forumId, agreementId: null }, data: { agreementId: a.id } });
    await event(tx, a, actor.personId, "created", { number });
    return toView((await loadRow(tx, forumId, a.id))!, zone);
  }, TX);
  return r;
}

export async function getAgreement(d: Pick<BursaDeps, "prisma">, actor: Actor, forumId: number, id: number) {
  const a = await requireVisible(d.prisma, actor, forumId, id);
  return { view: toView(a, await zoneOf(d.prisma, forumId)), canManage: canManage(actor, a) };
}

export async function listAgreements(d: Pick<BursaDeps, "prisma">, actor: Actor, forumId: number, opts: { skip?: number; take?: number } = {}) {
  requireMember(actor, forumId);
  const where = visibleWhere(actor, forumId);
  const zone = await zoneOf(d.prisma, forumId);
  const [total, rows] = await Promise.all([
    d.prisma.agreement.count({ where }),
    d.prisma.agreement.findMany({
      where,
      orderBy: { id: "desc" },
      skip: opts.skip ?? 0,
      take: opts.take ?? 6,
      include: { parties: { orderBy: { id: "asc" } }, evaluations: { orderBy: { dueOn: "asc" } } },
    }),
  ]);
  return { total, agreements: rows.map((r) => toView(r, zone)) };
}

export async function setAgreementStatus(d: BursaDeps, actor: Actor, forumId: number, id: number, status: AgreementStatus) {
  return d.prisma.$transaction(async (tx) => {
    const a = await requireManageable(tx, actor, forumId, id);
    if (!NEXT[a.status].includes(status)) throw new Conflict("agreement_status_bad");
    const updated = await tx.agreement.updateMany({ where: { id: a.id, status: a.status }, data: { status } });
    if (updated.count !== 1) throw new Conflict("agreement_changed");
    // Finished or cancelled: no more evaluation reminders.
    if (status === "selesai" || status === "batal") for (const e of a.evaluations) await d.jobs.cancel(JOB_EVALUATION, e.id, tx);
    await event(tx, a, actor.personId, "status", { from: a.status, to: status });
    return toView((await loadRow(tx, forumId, a.id))!, await zoneOf(tx, forumId));
  }, TX);
}

/** The signed document, as Telegram keeps it (a file_id the bot can send again). */
export async function attachDocument(d: BursaDeps, actor: Actor, forumId: number, id: number, file: { fileId: string; name: string | null }) {
  if (!file.fileId || file.fileId.length > 300) throw new InvalidInput("agreement_document_bad");
  return d.prisma.$transaction(async (tx) => {
    const a = await requireManageable(tx, actor, forumId, id);
    await tx.agreement.update({ where: { id: a.id }, data: { documentFileId: file.fileId, documentName: file.name?.slice(0, 200) ?? null } });
    await event(tx, a, actor.personId, "document", { replaced: a.documentFileId !== null });
    return toView((await loadRow(tx, forumId, a.id))!, await zoneOf(tx, forumId));
  }, TX);
}

export async function addEvaluation(d: BursaDeps, actor: Actor, forumId: number, id: number, date: Date) {
  const now = d.clock.now();
  return d.prisma.$transaction(async (tx) => {
    const a = await requireManageable(tx, actor, forumId, id);
    if (a.status === "selesai" || a.status === "batal") throw new Conflict("agreement_closed");
    if (a.evaluations.length >= AGREEMENT_LIMITS.evaluations) throw new InvalidInput("agreement_evaluations_many", { max: AGREEMENT_LIMITS.evaluations });
    const zone = await zoneOf(tx, forumId);
    const dueOn = dayOf(date, zone);
    if (dueOn.getTime() < dayOf(now, zone).getTime()) throw new InvalidInput("agreement_evaluation_past");
    if (a.evaluations.some((e) => e.dueOn.getTime() === dueOn.getTime())) throw new Conflict("agreement_evaluation_twice");
    const e = await tx.agreementEvaluation.create({ data: { agreementId: a.id, forumId, dueOn } });
    await scheduleEvaluation(d, tx, { id: e.id, forumId, dueOn }, zone, now);
    await event(tx, a, actor.personId, "evaluation", { dueOn: dueOn.toISOString() });
    return toView((await loadRow(tx, forumId, a.id))!, zone);
  }, TX);
}

/** The people to remind: perangkat desa of the party villages and the mitra party, once each. */
async function partyRecipients(db: Db, a: Row): Promise<Recipient[]> {
  const villageIds = a.parties.map((p) => p.villageId).filter((x): x is number => x !== null);
  const personIds = a.parties.map((p) => p.personId).filter((x): x is number => x !== null);
  const people = await db.person.findMany({
    where: {
      canMessage: true,
      OR: [
        ...(villageIds.length ? [{ memberships: { some: { forumId: a.forumId, role: "perangkat_desa" as const, villageId: { in: villageIds } } } }] : []),
        ...(personIds.length ? [{ id: { in: personIds }, memberships: { some: { forumId: a.forumId } } }] : []),
      ],
    },
    select: { id: true, telegramUserId: true, language: true },
    orderBy: { id: "asc" },
  });
  const terms = termsOf(await db.forum.findUnique({ where: { id: a.forumId }, select: { villageTerm: true, councilTerm: true } }));
  return people.map((p) => ({ personId: p.id, chatId: p.telegramUserId, language: p.language, terms }));
}

/**
 * Job `bursa.evaluation` (owner: the evaluation's id). Runs inside the job's transaction: the
 * evaluation is marked reminded with a conditional update, so a second run — another instance,
 * a retry after a crash — finds it marked and sends nothing.
 */
export async function remindEvaluation(d: BursaDeps, job: DueJob, ctx: JobContext) {
  const tx = ctx.tx;
  const e = await tx.agreementEvaluation.findUnique({ where: { id: Number(job.ownerId) } });
  if (!e || e.remindedAt) return;
  const a = await loadRow(tx, e.forumId, e.agreementId);
  if (!a || a.status === "selesai" || a.status === "batal") return;
  const zone = await zoneOf(tx, a.forumId);
  const recipients = await partyRecipients(tx, a);
  const marked = await tx.agreementEvaluation.updateMany({ where: { id: e.id, remindedAt: null }, data: { remindedAt: ctx.now, recipients: recipients.length } });
  if (marked.count !== 1) return;
  const view = toView(a, zone);
  // Late when the bot was down past the evaluation day itself.
  const late = ctx.now.getTime() >= e.dueOn.getTime() + 24 * 3600_000;
  const items: EnqueueItem[] = recipients.map((to) => ({ chatId: to.chatId, recipientKey: `e:${e.id}:${to.personId}`, payload: d.notices.evaluationReminder(to, view, e.dueOn, late) }));
  if (items.length) {
    await d.delivery.enqueue({ forumId: a.forumId, ownerKind: OWNER.evaluation, ownerId: e.id, items }, tx);
    ctx.afterCommit(() => d.delivery.kick());
  }
  await event(tx, a, null, "reminded", { evaluationId: e.id, recipients: recipients.length });
}

/** Every agreement of the forum for the kecamatan's report (admins only). */
/** The forum's agreements for the export (parties named, mitra included): the export is audited. */
export async function agreementsForReport(d: Pick<BursaDeps, "prisma" | "clock">, actor: Actor, forumId: number) {
  requireMember(actor, forumId);
  if (!actor.access.isAdmin(forumId)) throw new NotAllowed("not_admin");
  const zone = await zoneOf(d.prisma, forumId);
  const rows = await d.prisma.agreement.findMany({
    where: { forumId },
    orderBy: { id: "asc" },
    include: { parties: { orderBy: { id: "asc" } }, evaluations: { orderBy: { dueOn: "asc" } } },
  });
  await audit(d.prisma, { forumId, actorId: actor.personId, action: "agreement.export", target: `forum:${forumId}`, details: { rows: rows.length }, at: d.clock.now() });
  return { zone, agreements: rows.map((r) => toView(r, zone)) };
}
