import type { FlowContext } from "../context.js";
import { findChatLink } from "../../domain/forum/service.js";

/**
 * The forum a person acts in: in a linked group, that group's forum; in a private chat, the one
 * chosen with /forum (or the only one they belong to). Always re-checked against their roles.
 */
export async function currentForumId(ctx: FlowContext): Promise<number | null> {
  if (ctx.chat && ctx.chat.type !== "private") {
    const link = await findChatLink(ctx.deps, ctx.chat.id);
    return link?.active ? link.forumId : null;
  }
  const forums = ctx.access.forumIds();
  const chosen = ctx.session?.forumId;
  if (chosen && forums.includes(chosen)) return chosen;
  return forums.length === 1 ? forums[0]! : null;
}

export function actorOf(ctx: FlowContext) {
  if (!ctx.person) throw new Error("no person on this update");
  return { personId: ctx.person.id, access: ctx.access };
}
