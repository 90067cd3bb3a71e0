/**
 * A group's link with its forum and village, read in ONE statement (a Prisma `include` takes
 * three): read on nearly every group update, on its own or joined to the person's access rows.
 */
import { Prisma as P, type ChatLink } from "../../generated/prisma/client.js";
import type { Prisma } from "../../infra/db.js";

/** A group's link with its forum and village, as findChatLink returns it. */
export type LinkedChat = ChatLink & {
  village: { id: number; name: string; shortCode: string } | null;
  forum: { id: number; name: string; timezone: string; villageTerm: string; councilTerm: string };
};

/** The columns of a link `c` with its forum `cf` and village `cv`, all prefixed `l_`. */
export const LINK_COLUMNS = P.sql`c.id AS l_id, c.forum_id AS l_forum_id, c.village_id AS l_village_id, c.telegram_chat_id AS l_telegram_chat_id,
  c.kind::text AS l_kind, c.title AS l_title, c.is_forum AS l_is_forum, c.active AS l_active, c.inactive_reason AS l_inactive_reason,
  c.linked_by_id AS l_linked_by_id, c.created_at AS l_created_at, c.updated_at AS l_updated_at,
  cv.id AS l_v_id, cv.name AS l_v_name, cv.short_code AS l_v_short_code,
  cf.id AS l_f_id, cf.name AS l_f_name, cf.timezone AS l_f_timezone, cf.village_term AS l_f_village_term, cf.council_term AS l_f_council_term`;

export interface LinkColumns {
  l_id: number | null;
  l_forum_id: number;
  l_village_id: number | null;
  l_telegram_chat_id: bigint;
  l_kind: ChatLink["kind"];
  l_title: string;
  l_is_forum: boolean;
  l_active: boolean;
  l_inactive_reason: string | null;
  l_linked_by_id: number | null;
  l_created_at: Date;
  l_updated_at: Date;
  l_v_id: number | null;
  l_v_name: string | null;
  l_v_short_code: string | null;
  l_f_id: number;
  l_f_name: string;
  l_f_timezone: string;
  l_f_village_term: string;
  l_f_council_term: string;
}

/** The link in a row read with LINK_COLUMNS; null when the row has none (l_id is null). */
export function linkedChatOf(r: LinkColumns): LinkedChat | null {
  if (r.l_id === null) return null;
  return {
    id: r.l_id,
    forumId: r.l_forum_id,
    villageId: r.l_village_id,
    telegramChatId: r.l_telegram_chat_id,
    kind: r.l_kind,
    title: r.l_title,
    isForum: r.l_is_forum,
    active: r.l_active,
    inactiveReason: r.l_inactive_reason,
    linkedById: r.l_linked_by_id,
    createdAt: r.l_created_at,
    updatedAt: r.l_updated_at,
    village: r.l_v_id === null ? null : { id: r.l_v_id, name: r.l_v_name!, shortCode: r.l_v_short_code! },
    forum: { id: r.l_f_id, name: r.l_f_name, timezone: r.l_f_timezone, villageTerm: r.l_f_village_term, councilTerm: r.l_f_council_term },
  };
}

export async function findChatLink(d: { prisma: Prisma }, chatId: number | bigint): Promise<LinkedChat | null> {
  const rows = await d.prisma.$queryRaw<LinkColumns[]>`
    SELECT ${LINK_COLUMNS}
    FROM chat_links c
    JOIN forums cf ON cf.id = c.forum_id
    LEFT JOIN villages cv ON cv.id = c.village_id
    WHERE c.telegram_chat_id = ${BigInt(chatId)}`;
  return rows[0] ? linkedChatOf(rows[0]) : null;
}
