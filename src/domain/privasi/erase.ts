/**
 * /hapusdata: a person's data erased (UU PDP pasal 8 and 43), in one transaction.
 *
 * - The person row stays only as a tombstone, "Warga (dihapus)", with a random negative token in
 *   place of the Telegram id (real ids are positive) and no name, username or consent: the forum's
 *   own records that were acts of office (a vote created, an announcement sent, a role granted)
 *   keep pointing at it, so they still read "by Warga (dihapus)" and nothing dangles.
 * - What was the person's own is unlinked row by row, never re-pointed at the tombstone (a shared
 *   id would tie an anonymous aspiration to a relayed message whose Telegram copy shows the name):
 *   aspirations stay with the village with no reporter; relayed messages keep their text under
 *   "Warga (dihapus)"; RSVPs, attendance and ballots still count but belong to nobody (person id =
 *   minus the row's own id, which matches no person and keeps the unique keys unique).
 * - Memberships, claims, consents, mutes and supports (their count stays) are deleted.
 * - The outbox: rows to the person's chat lose the chat and the content; delivered copies that carry
 *   the person's name, username or id are emptied (nothing reads a delivered row's content again);
 *   unsent copies of their own relayed messages are cancelled.
 * - The audit log forgets the person (actor and target become null/"erased") and gains one row per
 *   forum saying a deletion happened, with a keyed hash of the Telegram id and counts.
 * Nothing of another person is changed: every statement is keyed by this person's id or rows.
 */
import { createHmac, randomBytes } from "node:crypto";
import type { Prisma } from "../../infra/db.js";
import { Conflict, NotFound } from "../errors.js";
import { audit } from "./audit.js";
import { OWNER as DISCUSSION_OWNER } from "../discussion/types.js";
import { OWNER as ASPIRATION_OWNER } from "../aspirasi/service.js";

/**
 * Every column that holds a person's id, and what an erasure does to it (a test checks this list
 * against the database, so a new column that names a person cannot be forgotten here):
 * - deleted: the row is the person's own and goes;
 * - unlinked: the row stays (it counts) and its person id becomes minus the row's own id;
 * - nulled: the reference is set to null (the row stays, belonging to nobody);
 * - office: an act done in a role (created a vote, granted a role, organised a meeting); it keeps
 *   pointing at the tombstone "Warga (dihapus)" so the forum's records stay whole.
 */
export const PERSON_REFERENCES: Record<string, "deleted" | "unlinked" | "nulled" | "office"> = {
  "memberships.person_id": "deleted",
  "memberships.granted_by_id": "office",
  "village_claims.person_id": "deleted",
  "village_claims.decided_by_id": "office",
  "invites.created_by_id": "office",
  "invites.used_by_id": "office",
  "invites.revoked_by_id": "office",
  "chat_links.linked_by_id": "office",
  "forums.created_by_id": "office",
  "audit_logs.actor_id": "nulled",
  "privacy_consents.person_id": "deleted",
  "broadcasts.author_id": "office",
  "broadcasts.cancelled_by_id": "office",
  "topics.created_by_id": "office",
  "topics.closed_by_id": "office",
  "relay_messages.author_id": "unlinked",
  "relay_messages.moderated_by_id": "office",
  "discussion_mutes.person_id": "deleted",
  "discussion_mutes.created_by_id": "office",
  "discussion_mutes.lifted_by_id": "office",
  "aspirations.reporter_id": "unlinked",
  // As the reporter: nulled; as an official answering: office.
  "aspiration_events.actor_id": "nulled",
  "aspiration_supports.person_id": "deleted",
  "meetings.organizer_id": "office",
  "meeting_invitees.person_id": "unlinked",
  "meeting_invitees.checked_in_by_id": "office",
  "votes.created_by_id": "office",
  "votes.closed_by_id": "office",
  "vote_participations.person_id": "unlinked",
  "village_profiles.updated_by_id": "office",
  "village_indicators.updated_by_id": "office",
  "village_profile_changes.actor_id": "office",
  "bursa_posts.author_id": "office",
  "bursa_matches.need_interest_by_id": "office",
  "bursa_matches.offer_interest_by_id": "office",
  "bursa_matches.mediated_by_id": "office",
  "agreements.created_by_id": "office",
  "agreement_parties.person_id": "nulled",
  "agreement_events.actor_id": "office",
};

export const ERASED_NAME = "Warga (dihapus)";
export const ERASED_PARTY = "Mitra (dihapus)";

/**
 * The id kept in the audit log after an erasure: HMAC-SHA256 of the Telegram id under a key derived
 * from the bot's token. It proves a deletion to the person who knows their id (the bot can compute
 * it again) and, unlike a plain hash, cannot be reversed by trying every possible Telegram id.
 */
export function erasureHash(secret: string, telegramUserId: bigint): string {
  const key = createHmac("sha256", "forumdesa:erasure").update(secret).digest();
  return createHmac("sha256", key).update(`tg:${telegramUserId}`).digest("hex").slice(0, 32);
}

export interface EraseDeps {
  prisma: Prisma;
  clock: { now(): Date };
  /** Secret for the keyed hash (the bot token). */
  hashSecret: string;
}

export interface EraseResult {
  personId: number;
  forums: number;
  aspirations: number;
  relays: number;
  rsvps: number;
  ballots: number;
  memberships: number;
  deliveries: number;
  hash: string;
}

/** Forums where the person is the only admin: erasing them would leave the forum with nobody to run it. */
export async function soleAdminForums(db: Pick<Prisma, "membership">, personId: number): Promise<Array<{ id: number; name: string }>> {
  const mine = await db.membership.findMany({ where: { personId, role: "admin_forum" }, select: { forumId: true, forum: { select: { name: true } } } });
  const out: Array<{ id: number; name: string }> = [];
  for (const m of mine) {
    const others = await db.membership.count({ where: { forumId: m.forumId, role: "admin_forum", personId: { not: personId } } });
    if (others === 0) out.push({ id: m.forumId, name: m.forum.name });
  }
  return out;
}

type Part = { text: string; entities?: Array<{ offset: number; length: number; [k: string]: unknown }> };

/** Replaces the last `name` in a part (the signature sits at the end), keeping entities in place. */
export function replaceLast(part: Part, name: string, by: string): Part {
  const at = part.text.lastIndexOf(name);
  if (!name || at < 0) return part;
  const delta = by.length - name.length;
  const end = at + name.length;
  const entities = (part.entities ?? []).map((e) => {
    if (e.offset >= end) return { ...e, offset: e.offset + delta };
    if (e.offset + e.length > at) return { ...e, length: Math.max(0, e.length + delta) };
    return e;
  });
  return { ...part, text: part.text.slice(0, at) + by + part.text.slice(end), ...(part.entities ? { entities } : {}) };
}

export async function erasePerson(d: EraseDeps, personId: number): Promise<EraseResult> {
  const person = await d.prisma.person.findUnique({ where: { id: personId } });
  if (!person || person.erasedAt) throw new NotFound("privasi_nothing_to_erase");
  const sole = await soleAdminForums(d.prisma, personId);
  if (sole.length) throw new Conflict("privasi_sole_admin", { forum: sole.map((f) => f.name).join(", ") });
  const now = d.clock.now();
  const tg = person.telegramUserId;
  const hash = erasureHash(d.hashSecret, tg);
  // What identifies this person, and nobody else, in delivered copies: the Telegram id, the
  // username, the full name. Never the first name alone — another "Budi" is not this one.
  const fullName = person.lastName ? `${person.firstName} ${person.lastName}` : null;
  const marks = [String(tg), person.username, fullName].filter((x): x is string => !!x && x.length >= 3);

  return d.prisma.$transaction(
    async (tx) => {
      const P = personId;
      const forumRows = await tx.$queryRaw<Array<{ forum_id: number }>>`
        SELECT forum_id FROM memberships WHERE person_id = ${P}
        UNION SELECT forum_id FROM aspirations WHERE reporter_id = ${P}
        UNION SELECT forum_id FROM relay_messages WHERE author_id = ${P}
        UNION SELECT forum_id FROM meeting_invitees WHERE person_id = ${P}
        UNION SELECT forum_id FROM vote_participations WHERE person_id = ${P}
        UNION SELECT forum_id FROM village_claims WHERE person_id = ${P}
        UNION SELECT forum_id FROM aspiration_supports WHERE person_id = ${P}`;
      const forumIds = forumRows.map((r) => r.forum_id).sort((a, b) => a - b);

      // Relayed messages: the text stays with the topic, under "Warga (dihapus)", linked to nobody.
      const relays = (await tx.$queryRaw<Array<{ id: number }>>`
        UPDATE relay_messages SET author_id = -id, author_name = ${ERASED_NAME} WHERE author_id = ${P} RETURNING id`).map((r) => r.id);
      // Aspirations: a public matter of the village; the reporter link goes.
      const aspirations = (await tx.$queryRaw<Array<{ id: number }>>`
        UPDATE aspirations SET reporter_id = -id WHERE reporter_id = ${P} RETURNING id`).map((r) => r.id);
      await tx.$executeRaw`UPDATE aspiration_events SET actor_id = NULL WHERE actor_id = ${P} AND actor_role = 'reporter'`;
      // Supports: the count on the aspiration stays, who supported goes.
      await tx.$executeRaw`DELETE FROM aspiration_supports WHERE person_id = ${P}`;
      // RSVPs and attendance: counted, belonging to nobody. The delegate's name was given by the person.
      const rsvps = await tx.$executeRaw`UPDATE meeting_invitees SET person_id = -id, delegate_name = NULL WHERE person_id = ${P}`;
      // Ballots of open votes keep their choices (the totals must not change), unlinked.
      const ballots = await tx.$executeRaw`UPDATE vote_participations SET person_id = -id WHERE person_id = ${P}`;
      const claims = (await tx.$queryRaw<Array<{ id: number }>>`DELETE FROM village_claims WHERE person_id = ${P} RETURNING id`).map((r) => r.id);
      await tx.$executeRaw`DELETE FROM discussion_mutes WHERE person_id = ${P}`;
      const memberships = await tx.$executeRaw`DELETE FROM memberships WHERE person_id = ${P}`;
      // Codes they issued and nobody used die with their roles.
      await tx.$executeRaw`UPDATE invites SET revoked_at = ${now}, revoke_reason = 'issuer_erased' WHERE created_by_id = ${P} AND used_by_id IS NULL AND revoked_at IS NULL`;
      await tx.$executeRaw`UPDATE agreement_parties SET person_id = NULL, name = ${ERASED_PARTY} WHERE person_id = ${P}`;
      await tx.$executeRaw`DELETE FROM privacy_consents WHERE person_id = ${P}`;

      // Announcements they signed: the signature at the end no longer names them.
      const signed = await tx.broadcast.findMany({ where: { authorId: P }, select: { id: true, parts: true } });
      if (person.firstName !== "Warga") {
        for (const b of signed) {
          const parts = (b.parts as unknown as Part[]) ?? [];
          if (!parts.length) continue;
          const last = parts.length - 1;
          const fixed = parts.map((p, i) => (i === last ? replaceLast(p, person.firstName, ERASED_NAME) : p));
          await tx.broadcast.update({ where: { id: b.id }, data: { parts: fixed as unknown as object[] } });
        }
      }

      // The outbox.
      // An emptied row keeps only what kind of call it was (reports count sends by `op`).
      const erased = JSON.stringify({ erased: true });
      let deliveries = await tx.$executeRaw`
        UPDATE deliveries SET chat_id = 0, payload = jsonb_strip_nulls(jsonb_build_object('op', payload->'op', 'method', payload->'method')) || ${erased}::jsonb,
          telegram_message_id = NULL, last_error = NULL,
          state = CASE WHEN state = 'queued' OR (state = 'sending' AND claimed_at IS NULL) THEN 'cancelled'::"DeliveryState" ELSE state END
        WHERE chat_id = ${tg}`;
      const digestIds = relays.length
        ? (await tx.$queryRaw<Array<{ digest_id: number }>>`SELECT DISTINCT digest_id FROM relay_digest_items WHERE relay_id = ANY(${relays}::int[]) AND digest_id IS NOT NULL`).map((r) => String(r.digest_id))
        : [];
      const owned = [
        { kinds: [DISCUSSION_OWNER.relay, `${DISCUSSION_OWNER.relay}#edit`, DISCUSSION_OWNER.source], ids: relays.map(String) },
        { kinds: [DISCUSSION_OWNER.digest, `${DISCUSSION_OWNER.digest}#edit`], ids: digestIds },
        { kinds: [ASPIRATION_OWNER], ids: aspirations.map(String) },
        { kinds: ["village-claim"], ids: claims.map(String) },
      ];
      for (const o of owned) {
        if (!o.ids.length) continue;
        // Unsent copies of their own messages are not sent any more; sent ones lose their content.
        deliveries += await tx.$executeRaw`
          UPDATE deliveries SET payload = jsonb_strip_nulls(jsonb_build_object('op', payload->'op', 'method', payload->'method')) || ${erased}::jsonb,
            state = CASE WHEN state = 'queued' OR (state = 'sending' AND claimed_at IS NULL) THEN 'cancelled'::"DeliveryState" ELSE state END
          WHERE owner_kind = ANY(${o.kinds}::text[]) AND owner_id = ANY(${o.ids}::text[]) AND NOT payload ? 'erased'`;
      }
      // Copies of what they signed or organised in office carry their name: emptied once delivered
      // (copies still waiting go out as the forum's record; the outbox empties them after delivery).
      const organised = (await tx.meeting.findMany({ where: { organizerId: P }, select: { id: true } })).map((m) => String(m.id));
      const signedIds = signed.map((b) => String(b.id));
      for (const o of [
        { prefix: "pengumuman", ids: signedIds },
        { prefix: "meeting.", ids: organised },
      ]) {
        if (!o.ids.length) continue;
        deliveries += await tx.$executeRaw`
          UPDATE deliveries SET payload = jsonb_strip_nulls(jsonb_build_object('op', payload->'op', 'method', payload->'method')) || ${erased}::jsonb
          WHERE starts_with(owner_kind, ${o.prefix}) AND owner_id = ANY(${o.ids}::text[]) AND state IN ('sent', 'failed', 'cancelled', 'unknown') AND NOT payload ? 'erased'`;
      }
      for (const m of marks) {
        deliveries += await tx.$executeRaw`
          UPDATE deliveries SET payload = jsonb_strip_nulls(jsonb_build_object('op', payload->'op', 'method', payload->'method')) || ${erased}::jsonb
          WHERE state IN ('sent', 'failed', 'cancelled', 'unknown') AND NOT payload ? 'erased' AND strpos(payload::text, ${m}) > 0`;
      }

      // The audit log keeps that actions happened, not that this person did them or was their object.
      await tx.$executeRaw`UPDATE audit_logs SET actor_id = NULL, details = details || '{"actorErased": true}'::jsonb WHERE actor_id = ${P}`;
      await tx.$executeRaw`UPDATE audit_logs SET target = 'person:erased' WHERE target = ${`person:${P}`}`;

      // The tombstone: no Telegram id, name, username, language, consent or history of its own.
      const token = -BigInt(`0x${randomBytes(7).toString("hex")}`) - 1n;
      await tx.person.update({
        where: { id: P },
        data: {
          telegramUserId: token,
          firstName: ERASED_NAME,
          lastName: null,
          username: null,
          language: "id",
          canMessage: false,
          privacyConsent: null,
          privacyVersion: null,
          privacyAnsweredAt: null,
          erasedAt: now,
          createdAt: now,
        },
      });

      const details = { aspirations: aspirations.length, relays: relays.length, rsvps, ballots, memberships };
      for (const forumId of forumIds.length ? forumIds : [null]) {
        await audit(tx, { forumId, actorId: null, action: "privacy.erase", target: `subject:${hash}`, details, at: now });
      }
      return { personId: P, forums: forumIds.length, aspirations: aspirations.length, relays: relays.length, rsvps, ballots, memberships, deliveries, hash };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
