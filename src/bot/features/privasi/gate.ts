/**
 * The consent gate, for private chats only. A person who has not answered the current privacy
 * notice is shown it before anything else; one who declined may still read what is public and is
 * told why anything else needs their data. It reads only the person row and memberships every
 * update has loaded already: no extra query for someone who has answered.
 *
 * Group chats are not gated: what a person posts in a village group is a public act in the
 * forum's own group (docs/privasi.md, "Grup desa") and is stored with their internal id only.
 */
import { InlineKeyboard, type MiddlewareFn } from "grammy";
import type { BotContext } from "../../context.js";
import { noticeCb, sendNotice, currentStatus } from "./notice.js";
import { extendVersion, forumsOf, unrecordedForums } from "../../../domain/privasi/consent.js";

/** Commands that store nothing about the person (or serve their rights): open to everyone. */
const OPEN_COMMANDS = new Set(["privasi", "dataku", "hapusdata", "bahasa", "batal", "bantuan"]);
/** Public reading: open once the person has answered (even "no"). */
const READ_COMMANDS = new Set(["start", "jadwal", "daftar_aspirasi", "desa", "profil", "potensi"]);
/** Buttons of the privacy feature itself and of the open commands. */
const OPEN_CALLBACKS = /^(pv|ph|pz|pa|pax|lang):|^menu:(privasi|dataku|hapusdata|bahasa|bantuan|audit)$/;
/** Buttons that only read public lists (paging, viewing). */
const READ_CALLBACKS = /^(asp|ml|mv|dtl|dtv|fsel|vl|vv|bpp):|^bpv:\d+:v$|^menu:(start|jadwal|daftar_aspirasi|desa|profil|potensi)$/;

/** Why a feature needs stored data, by command or button (privasi-why-<key>). */
function whyKey(command: string | null, data: string | null, startPayload: string): string {
  const c = command ?? data?.replace(/^menu:/, "") ?? "";
  if (/^aspirasi/.test(c) || /^as[a-z]:/.test(data ?? "") || startPayload.startsWith("aspirasi_")) return "aspirasi";
  if (c === "gabung" || /^[A-Za-z2-9]{8}$/.test(startPayload)) return "gabung";
  if (c === "hadir" || c === "musyawarah" || /^m[a-z]:/.test(data ?? "") || /^(m[wv]|hadir)_/.test(startPayload)) return "musyawarah";
  if (c === "voting" || /^v[a-z]:/.test(data ?? "") || /^v[br]_/.test(startPayload)) return "voting";
  if (["pengumuman", "riwayat_pengumuman", "anggota", "peran", "undang", "kode", "tautkan", "forumbaru", "tambahdesa", "kerjasama", "mediasi", "tutuptopik"].includes(c)) return "official";
  return "generic";
}

function commandOf(text: string | undefined): { name: string; payload: string } | null {
  const m = text?.match(/^\/([a-zA-Z0-9_]{1,32})(?:@\w+)?(?:\s+(.*))?$/s);
  return m ? { name: m[1]!.toLowerCase(), payload: (m[2] ?? "").trim() } : null;
}

export function privacyGate(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    if (ctx.chat?.type !== "private" || !ctx.person || !ctx.from || ctx.from.is_bot) return next();
    if (!ctx.message && !ctx.callbackQuery) return next();
    const status = currentStatus(ctx);
    if (status === "current") {
      const joined = unrecordedForums(ctx.person, forumsOf(ctx.access));
      if (joined.length) {
        const version = extendVersion(ctx.person.privacyVersion, joined);
        await ctx.deps.prisma.person.update({ where: { id: ctx.person.id }, data: { privacyVersion: version } });
        ctx.person.privacyVersion = version;
      }
      return next();
    }

    const cmd = commandOf(ctx.message?.text);
    const data = ctx.callbackQuery?.data ?? null;
    if (cmd && OPEN_COMMANDS.has(cmd.name)) return next();
    if (data && OPEN_CALLBACKS.test(data)) return next();
    if (status === "declined") {
      if (cmd && READ_COMMANDS.has(cmd.name) && !(cmd.name === "start" && cmd.payload)) return next();
      if (data && READ_CALLBACKS.test(data)) return next();
      const why = ctx.t(`privasi-why-${whyKey(cmd?.name ?? null, data, cmd?.name === "start" ? cmd.payload : "")}`);
      if (ctx.callbackQuery) return void (await ctx.answerCallbackQuery({ text: ctx.t("privasi-needs-consent-toast"), show_alert: true }));
      const kb = new InlineKeyboard().text(ctx.t("privasi-btn-read"), noticeCb.build({ act: "s", p: cmd?.name === "start" ? cmd.payload.slice(0, 40) : "" }));
      return void (await ctx.reply(ctx.t("privasi-needs-consent", { why }), { reply_markup: kb }));
    }
    // Not answered yet, or the notice changed: the notice comes first, whatever was asked.
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t("privasi-needs-consent-toast") }).catch(() => {});
    await sendNotice(ctx, { changed: status === "changed", resume: cmd?.name === "start" ? cmd.payload : "" });
  };
}
