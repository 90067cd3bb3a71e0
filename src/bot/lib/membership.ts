import type { Middleware } from "grammy";
import type { Deps } from "../../deps.js";
import type { BotContext } from "../context.js";
import { admitFromGroup, reconfirmGroupMemberships } from "../../domain/forum/membership.js";
import { chatLinkOf } from "./update-memo.js";
import { loadAccess } from "../../domain/forum/people.js";
import { groupPort, readsApi } from "./telegram.js";

/** Telegram's own service account (posts of a linked channel): never a villager. */
const TELEGRAM_SERVICE_USER = 777000;
/** How long "Telegram said no" is remembered before a press in that group asks again. */
const NEGATIVE_TTL_MS = 10 * 60_000;

/** A tiny cache with expiry, per bot instance (a stale entry costs one extra check at most). */
class Expiring<V> {
  private readonly m = new Map<string, { v: V; until: number }>();
  constructor(private readonly ttlMs: number, private readonly max = 10_000) {}
  get(k: string, now: number): V | undefined {
    const e = this.m.get(k);
    if (!e) return undefined;
    if (e.until <= now) {
      this.m.delete(k);
      return undefined;
    }
    return e.v;
  }
  set(k: string, v: V, now: number) {
    if (this.m.size >= this.max) this.m.delete(this.m.keys().next().value!);
    this.m.set(k, { v, until: now + this.ttlMs });
  }
}

/**
 * The group door, kept by Telegram's word: a person acting in a linked village group is asked about
 * once (getChatMember) and becomes that village's warga if they hold nothing in the forum yet; a
 * group membership confirmed longer ago than MEMBERSHIP_RECHECK_HOURS is asked about again before
 * the person's next step, and ends when Telegram says they are gone.
 */
export function membershipDoors(deps: Deps): Middleware<BotContext> {
  const refused = new Expiring<true>(NEGATIVE_TTL_MS);
  const maxAgeMs = deps.config.MEMBERSHIP_RECHECK_HOURS * 3600_000;
  const port = () => groupPort(readsApi(deps));

  return async (ctx, next) => {
    const person = ctx.person;
    const from = ctx.from;
    if (!person || !from || from.is_bot || from.id === TELEGRAM_SERVICE_USER) return next();
    const now = deps.clock.now().getTime();
    let changed = false;

    const stale = ctx.access.memberships.some((m) => m.source === "group" && (!m.confirmedAt || now - Date.parse(m.confirmedAt) > maxAgeMs));
    if (stale) {
      try {
        await reconfirmGroupMemberships(deps, port(), person, ctx.access, maxAgeMs);
        changed = true;
      } catch (err) {
        deps.logger.warn({ err }, "membership: re-confirmation failed; kept as is");
      }
    }

    const chat = ctx.chat;
    if (chat && (chat.type === "group" || chat.type === "supergroup") && (ctx.message || ctx.callbackQuery) && !ctx.msg?.sender_chat) {
      // Read once per update and shared with the terms and the handlers (always current).
      const link = await chatLinkOf(ctx);
      if (link?.active && link.kind === "village_group" && link.villageId && !ctx.access.inForum(link.forumId)) {
        const rk = `${chat.id}:${from.id}`;
        if (!refused.get(rk, now)) {
          const presence = await port().presence(BigInt(chat.id), BigInt(from.id));
          if (presence === "in") changed = (await admitFromGroup(deps, person.id, link.forumId, link.villageId)) || changed;
          else refused.set(rk, true, now);
        }
      }
    }
    if (changed) ctx.access = await loadAccess(deps.prisma, person.id, ctx.access.bootstrapAdmin);
    await next();
  };
}
