import type { FlowContext } from "../context.js";
import { chatLinkOf } from "./update-memo.js";
import { reporterForumIds } from "../../domain/forum/membership.js";

export interface ForumScope {
  /** Also the forums the person only reported an aspiration to (their own tickets, the public list). */
  asReporter?: boolean;
}

/** Forums the person may pick from: where they hold a role, and (as a reporter) where they reported. */
export async function forumChoices(ctx: FlowContext, scope: ForumScope = {}): Promise<Array<{ id: number; name: string }>> {
  const mine = ctx.access.forums();
  if (!scope.asReporter || !ctx.person) return mine;
  const extra = (await reporterForumIds(ctx.deps.prisma, ctx.person.id)).filter((id) => !mine.some((f) => f.id === id));
  if (extra.length === 0) return mine;
  const rows = await ctx.deps.prisma.forum.findMany({ where: { id: { in: extra } }, select: { id: true, name: true }, orderBy: { id: "asc" } });
  return [...mine, ...rows];
}

/**
 * The forum a person acts in: in a linked group, that group's forum; in a private chat, the one
 * chosen with /forum (or the only one they belong to). Always re-checked against their roles.
 */
export async function currentForumId(ctx: FlowContext, scope: ForumScope = {}): Promise<number | null> {
  if (ctx.chat && ctx.chat.type !== "private") {
    const link = await chatLinkOf(ctx);
    return link?.active ? link.forumId : null;
  }
  const forums = scope.asReporter ? (await forumChoices(ctx, scope)).map((f) => f.id) : ctx.access.forumIds();
  const chosen = ctx.session?.forumId;
  if (chosen && forums.includes(chosen)) return chosen;
  return forums.length === 1 ? forums[0]! : null;
}

export function actorOf(ctx: FlowContext) {
  if (!ctx.person) throw new Error("no person on this update");
  return { personId: ctx.person.id, access: ctx.access };
}
