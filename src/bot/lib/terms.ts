/**
 * The one mechanism for local words (issue 12). Every locale text says the village word, the
 * council and the titles built on them through placeables:
 *   $desa / $Desa / $DESA "kampung" / "Kampung" / "KAMPUNG" (antar{ $desa }, Balai { $Desa } …)
 *   $kepalaDesa          "Kepala Kampung", "Lurah", "Wali Nagari", "Keuchik"
 *   $bpd / $bpdPanjang   "BPK" / "Badan Permusyawaratan Kampung"
 *   $mad / $bkad         "MAK" / "BKAK" (Musyawarah / Badan Kerja Sama Antar Kampung)
 * Their values come from the `term-*` messages of core.ftl, rendered for the forum's two stored
 * choices (src/domain/forum/terms.ts) in the reader's language, and are filled in by:
 *   - ctx.t, wrapped once per update by `termsMiddleware` (the forum of the group, or the one the
 *     person works in privately; `useTerms`/`applyForumTerms` switch it when a handler knows better);
 *   - translate(language, key, params, terms) / tFor(language, terms) for texts to other people.
 */
import type { MiddlewareFn, StorageAdapter } from "grammy";
import type { Deps } from "../../deps.js";
import { DEFAULT_TERMS, deploymentTerms, termsOf, type ForumTerms } from "../../domain/forum/terms.js";
import type { FlowContext, SessionData } from "../context.js";
import { createI18n } from "../i18n.js";
import { chatLinkOf, forumTermsOnUpdate } from "./update-memo.js";

export type Lang = "id" | "en";
export type TermParams = Record<string, string>;
/** A translator bound to one language and one forum's words. */
export type T = (key: string, params?: Record<string, string | number>) => string;

let shared: ReturnType<typeof createI18n> | null = null;
function i18n() {
  shared ??= createI18n();
  return shared;
}

export function langOf(language: string | null | undefined): Lang {
  return language === "en" ? "en" : "id";
}

const cache = new Map<string, TermParams>();

/** The placeable values for one forum's words in one language (cached: a handful of combinations). */
export function termParams(language: string | null | undefined, terms: ForumTerms = DEFAULT_TERMS): TermParams {
  const lang = langOf(language);
  const key = `${lang}|${terms.village}|${terms.council}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const p = { village: terms.village, council: terms.council };
  const r = (k: string) => i18n().t(lang, k, p);
  const params: TermParams = {
    desa: r("term-desa"),
    Desa: r("term-desa-cap"),
    // For headings in capitals ("REKAP PERCAKAPAN DISKUSI ANTARKAMPUNG").
    DESA: r("term-desa-cap").toLocaleUpperCase(lang === "id" ? "id-ID" : "en-US"),
    kepalaDesa: r("term-kepala"),
    bpd: terms.council,
    bpdPanjang: r("term-bpd-long"),
    mad: r("term-mad"),
    bkad: r("term-bkad"),
  };
  if (cache.size > 500) cache.clear();
  cache.set(key, params);
  return params;
}

/** The names of the placeables every text may use without being given them. */
export const TERM_PLACEABLES = Object.keys(termParams("id")) as readonly string[];

/**
 * Text for someone other than the sender of the current update (a notice queued for an official
 * or admin), in that person's own language and with the forum's words.
 */
export function translate(language: string | null | undefined, key: string, params: Record<string, string | number>, terms: ForumTerms): string {
  const lang = langOf(language);
  return i18n().t(lang, key, { ...termParams(lang, terms), ...params });
}

export function tFor(language: string | null | undefined, terms: ForumTerms): T {
  const lang = langOf(language);
  return (key, params = {}) => translate(lang, key, params, terms);
}

// ---------------------------------------------------------------- ctx.t

const RAW_T = Symbol("rawT");

/** Wraps ctx.t (set by the i18n plugin) so every text gets the words of `ctx.terms`. */
export function installTerms(ctx: FlowContext, terms: ForumTerms) {
  const c = ctx as FlowContext & { [RAW_T]?: FlowContext["t"] };
  const raw = c[RAW_T] ?? ctx.t;
  c[RAW_T] = raw;
  ctx.terms = terms;
  const t = ((key: string, params?: Record<string, string | number>) =>
    raw.call(ctx, key, { ...termParams(ctx.person?.language, ctx.terms), ...(params ?? {}) })) as FlowContext["t"];
  ctx.t = t;
  (ctx as { translate?: unknown }).translate = t;
}

/** From now on in this update, texts use these words. */
export function useTerms(ctx: FlowContext, terms: ForumTerms) {
  ctx.terms = terms;
}

/** Looks a forum's words up (the person's memberships carry them; otherwise one query). */
export async function forumTerms(deps: Pick<Deps, "prisma">, forumId: number, ctx?: FlowContext): Promise<ForumTerms> {
  const known = ctx?.access?.memberships.find((m) => m.forumId === forumId);
  if (known) return known.forumTerms;
  if (ctx?.deps) return forumTermsOnUpdate(ctx, forumId);
  const row = await deps.prisma.forum.findUnique({ where: { id: forumId }, select: { villageTerm: true, councilTerm: true } });
  return termsOf(row);
}

/** The handler now knows which forum it works in: its words replace the guess. */
export async function applyForumTerms(ctx: FlowContext, forumId: number): Promise<ForumTerms> {
  const terms = await forumTerms(ctx.deps, forumId, ctx);
  useTerms(ctx, terms);
  return terms;
}

/** All the person's forums use the same words (the usual case): those; otherwise null. */
function commonTerms(ctx: FlowContext): ForumTerms | null {
  const ms = ctx.access?.memberships ?? [];
  if (ms.length === 0) return null;
  const first = ms[0]!.forumTerms;
  return ms.every((m) => m.forumTerms.village === first.village && m.forumTerms.council === first.council) ? first : null;
}

/**
 * Guesses the forum of an update the way currentForumId does (a linked group's forum; in private,
 * the chosen forum or the only one), without failing: unknown → the deployment's default words.
 */
export function termsMiddleware(
  deps: Deps,
  opts: { readSession?: (userId: number) => Promise<SessionData | undefined> } = {},
): MiddlewareFn<FlowContext> {
  const fallback = deploymentTerms(deps.config);
  return async (ctx, next) => {
    let terms: ForumTerms = fallback;
    const chat = ctx.chat;
    if (chat && chat.type !== "private") {
      // The same read the group door and the handlers make: once per update.
      const link = await chatLinkOf(ctx);
      if (link?.active) terms = termsOf(link.forum);
    } else {
      const common = commonTerms(ctx);
      if (common) terms = common;
      else if (ctx.access?.memberships.length) {
        // Several forums with different words: the one chosen with /forum decides.
        let chosen: number | undefined;
        try {
          chosen = (ctx as { session?: SessionData }).session?.forumId;
        } catch {
          chosen = undefined; // no session on this context (inside a conversation)
        }
        if (chosen === undefined && ctx.from && opts.readSession) chosen = (await opts.readSession(ctx.from.id))?.forumId;
        const m = ctx.access.memberships.find((x) => x.forumId === chosen);
        if (m) terms = m.forumTerms;
      }
    }
    installTerms(ctx, terms);
    await next();
  };
}

/** Reads a person's session (the chosen forum) straight from the session storage. */
export function sessionReader(storage: StorageAdapter<SessionData>, prefix: string) {
  return (userId: number) => Promise.resolve(storage.read(`${prefix}session:${userId}`));
}
