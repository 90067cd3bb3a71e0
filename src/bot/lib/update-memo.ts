/**
 * Reads memoised for ONE update: the context object lives exactly as long as the update, so a
 * value kept on it cannot outlive a change made by a later update (a revoked role, an unlinked
 * group). Only reads that no handler of the same update writes before reading again go here.
 */
import type { FlowContext } from "../context.js";
import { findChatLink, type LinkedChat } from "../../domain/forum/service.js";
import { termsOf, type ForumTerms } from "../../domain/forum/terms.js";

const MEMO = Symbol("updateMemo");
type Memo = Map<string, Promise<unknown>>;

/** `load()` at most once per update and key; a failed load is not kept (the next caller retries). */
export function memoOnUpdate<T>(ctx: object, key: string, load: () => Promise<T>): Promise<T> {
  const c = ctx as { [MEMO]?: Memo };
  const memo = (c[MEMO] ??= new Map());
  let p = memo.get(key) as Promise<T> | undefined;
  if (!p) {
    p = load();
    memo.set(key, p);
    p.catch(() => memo.delete(key));
  }
  return p;
}

/** Puts a value read together with something else in this update (so `load` is never needed). */
export function seedOnUpdate<T>(ctx: object, key: string, value: T) {
  const c = ctx as { [MEMO]?: Memo };
  (c[MEMO] ??= new Map()).set(key, Promise.resolve(value));
}

/** Drops a memoised read after this update changed what it read (e.g. linked the group). */
export function forgetOnUpdate(ctx: object, key: string) {
  (ctx as { [MEMO]?: Memo })[MEMO]?.delete(key);
}

export const CHAT_LINK_KEY = "chatLink";

/** The link of the update's (group) chat with its forum and village; null in a private chat. */
export function chatLinkOf(ctx: FlowContext): Promise<LinkedChat | null> {
  const chat = ctx.chat;
  if (!chat || chat.type === "private") return Promise.resolve(null);
  return memoOnUpdate(ctx, CHAT_LINK_KEY, () => findChatLink(ctx.deps, chat.id));
}

/** A forum's words, read at most once per update (when the person's memberships do not carry them). */
export function forumTermsOnUpdate(ctx: FlowContext, forumId: number): Promise<ForumTerms> {
  return memoOnUpdate(ctx, `terms:${forumId}`, async () =>
    termsOf(await ctx.deps.prisma.forum.findUnique({ where: { id: forumId }, select: { villageTerm: true, councilTerm: true } })),
  );
}
