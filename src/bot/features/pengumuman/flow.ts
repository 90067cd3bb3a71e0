import { InlineKeyboard } from "grammy";
import { termsOf, type ForumTerms } from "../../../domain/forum/terms.js";
import type { Flow, FlowContext } from "../../context.js";
import type { Deps } from "../../../deps.js";
import { ALBUM_MAX, ALBUM_MIN, albumProblem, appendText, compose, excerptOf, isBlank, recipientPayloads, type AlbumItem, type Media, type Part, type TextEntity } from "../../../domain/pengumuman/content.js";
import type { AudienceInput, Target } from "../../../domain/pengumuman/audience.js";
import { changeInfo, checkScheduleTime, createBroadcast, editBroadcast, previewAudience, previewEdit } from "../../../domain/pengumuman/service.js";
import { zoneLabel, type ZoneName } from "../../../lib/time.js";
import { askDate, dateSettingsOf } from "../../lib/date-step.js";
import { cancelButton, FLOW_CANCEL, waitStep, refusable } from "../../lib/flow.js";
import { actorOf } from "../../lib/forum.js";
import { errorText, escapeHtml } from "../../lib/replies.js";
import { longTime, notices, signature, villageList, zoneOf } from "./render.js";

interface Content {
  body: string;
  entities: TextEntity[];
  media: Media | null;
}

interface Setup {
  forumId: number;
  admin: boolean;
  forumName: string;
  zone: ZoneName;
  authorName: string;
  terms: ForumTerms;
  titles: Array<{ villageId: number | null; title: string | null }>;
  /** Villages this person may address: all of the forum for admins, their own for officials. */
  villages: Array<{ id: number; name: string }>;
}

type Choice = "all-groups" | "groups" | "officials" | "residents";

/** Old buttons and stray presses inside the flow get an answer too (UX: every press is answered). */
async function oldButton(c: FlowContext) {
  await c.answerCallbackQuery({ text: c.t("flow-old-button") }).catch(() => {});
}

/** The file of a message that can be an announcement's media (an album item keeps its kind). */
function mediaIn(m: NonNullable<FlowContext["message"]>): Media | null {
  if (m.photo) return { kind: "photo", fileId: m.photo[m.photo.length - 1]!.file_id };
  if (m.video) return { kind: "video", fileId: m.video.file_id };
  if (m.document && !m.animation) return { kind: "document", fileId: m.document.file_id };
  if (m.voice) return { kind: "voice", fileId: m.voice.file_id };
  if (m.audio) return { kind: "audio", fileId: m.audio.file_id };
  return null;
}

/**
 * An album arrives as several messages with one media_group_id. They are collected until the
 * author presses ✅ Selesai (the app sends them all at once; a button needs no timer), then checked
 * as Telegram would (2–10 items, documents/audio not mixed with anything else).
 */
async function collectAlbum(conversation: Flow, ctx: FlowContext, first: NonNullable<FlowContext["message"]>): Promise<Content | null> {
  const groupId = first.media_group_id!;
  const items: AlbumItem[] = [];
  let caption: { text: string; entities: TextEntity[] } | null = null;
  const add = (m: NonNullable<FlowContext["message"]>) => {
    const media = mediaIn(m);
    if (media && media.kind !== "voice") items.push({ kind: media.kind as AlbumItem["kind"], fileId: media.fileId });
    if (!caption && m.caption && !isBlank(m.caption)) caption = { text: m.caption, entities: (m.caption_entities ?? []) as TextEntity[] };
  };
  add(first);
  const kb = new InlineKeyboard().text(ctx.t("pengumuman-btn-album-done"), "pal:done").row().text(ctx.t("btn-cancel"), FLOW_CANCEL);
  const q = await ctx.reply(ctx.t("pengumuman-album-collecting"), { reply_markup: kb });
  for (;;) {
    const c = await waitStep(conversation);
    const m = c.message;
    if (m?.media_group_id === groupId) {
      add(m);
      continue;
    }
    if (c.callbackQuery?.data === "pal:done" && c.callbackQuery.message?.message_id === q.message_id) {
      await c.answerCallbackQuery();
      await c.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => {});
      const bad = albumProblem(items);
      if (bad) {
        await c.reply(c.t(`error-pengumuman_${bad}`, { min: ALBUM_MIN, max: ALBUM_MAX }));
        return null;
      }
      if (!caption) {
        await c.reply(c.t("pengumuman-ask-caption"));
        const text = await waitCaption(conversation);
        caption = text;
      }
      const cap = caption as { text: string; entities: TextEntity[] };
      return { body: cap.text, entities: cap.entities, media: { kind: "album", fileId: items[0]!.fileId, items } };
    }
    if (c.callbackQuery) {
      await oldButton(c);
      continue;
    }
    if (m?.text !== undefined && !isBlank(m.text)) {
      // The text for the album, typed before pressing Selesai.
      caption = { text: m.text, entities: (m.entities ?? []) as TextEntity[] };
      continue;
    }
    await c.reply(c.t("pengumuman-album-press-done"));
  }
}

async function waitCaption(conversation: Flow): Promise<{ text: string; entities: TextEntity[] }> {
  for (;;) {
    const c = await waitStep(conversation);
    if (c.callbackQuery) {
      await c.answerCallbackQuery({ text: c.t("flow-expect-text") });
      continue;
    }
    const text = c.message?.text;
    if (text !== undefined && !isBlank(text)) return { text, entities: (c.message!.entities ?? []) as TextEntity[] };
    await c.reply(c.t("pengumuman-empty"));
  }
}

/** Step 1: the text, or a photo, video, document, voice note, audio or album with its caption. */
async function askContent(conversation: Flow, ctx: FlowContext): Promise<Content> {
  await ctx.reply(ctx.t("pengumuman-ask-content"), { parse_mode: "HTML", reply_markup: cancelButton(ctx) });
  let media: Media | null = null;
  for (;;) {
    const c = await waitStep(conversation);
    if (c.callbackQuery) {
      await c.answerCallbackQuery({ text: c.t("flow-expect-text") });
      continue;
    }
    const m = c.message;
    if (!m) continue;
    if (m.media_group_id && mediaIn(m)) {
      const album = await collectAlbum(conversation, c, m);
      if (album) return album;
      await c.reply(c.t("pengumuman-ask-content"), { parse_mode: "HTML", reply_markup: cancelButton(c) });
      continue;
    }
    const found = mediaIn(m);
    if (found) {
      media = found;
      const caption = m.caption ?? "";
      if (isBlank(caption)) {
        await c.reply(c.t("pengumuman-ask-caption"));
        continue;
      }
      return { body: caption, entities: (m.caption_entities ?? []) as TextEntity[], media };
    }
    if (m.text !== undefined) {
      if (isBlank(m.text)) {
        await c.reply(c.t("pengumuman-empty"));
        continue;
      }
      return { body: m.text, entities: (m.entities ?? []) as TextEntity[], media };
    }
    await c.reply(c.t("pengumuman-unsupported-media"));
  }
}

/**
 * Step 2: who receives it. A text arriving here is the rest of a long message the Telegram app
 * split in two: it is appended instead of rejected.
 */
async function askAudience(conversation: Flow, ctx: FlowContext, setup: Setup, content: Content): Promise<Choice> {
  const choices: Array<[Choice, string]> = setup.admin
    ? [
        ["all-groups", ctx.t("pengumuman-aud-all-groups")],
        ["groups", ctx.t("pengumuman-aud-groups")],
        ["officials", ctx.t("pengumuman-aud-officials")],
        ["residents", ctx.t("pengumuman-aud-residents")],
      ]
    : [
        ["groups", ctx.t("pengumuman-aud-own-groups")],
        ["officials", ctx.t("pengumuman-aud-officials")],
        ["residents", ctx.t("pengumuman-aud-residents")],
      ];
  const kb = new InlineKeyboard();
  choices.forEach(([value, label], i) => {
    kb.text(label, `pa:${value}`);
    if (i % 2 === 1) kb.row();
  });
  kb.row().text(ctx.t("btn-cancel"), FLOW_CANCEL);
  const question = await ctx.reply(ctx.t("pengumuman-ask-audience"), { reply_markup: kb });
  for (;;) {
    const c = await waitStep(conversation);
    const data = c.callbackQuery?.data;
    if (data) {
      const hit = choices.find(([v]) => data === `pa:${v}`);
      if (!hit || c.callbackQuery!.message?.message_id !== question.message_id) {
        await oldButton(c);
        continue;
      }
      await c.answerCallbackQuery();
      await c.editMessageText(`${ctx.t("pengumuman-ask-audience")}\n\n✅ ${escapeHtml(hit[1])}`, { parse_mode: "HTML" }).catch(() => {});
      return hit[0];
    }
    const text = c.message?.text;
    if (text !== undefined && !content.media) {
      const joined = appendText({ text: content.body, entities: content.entities }, { text, entities: (c.message!.entities ?? []) as TextEntity[] });
      content.body = joined.text;
      content.entities = joined.entities;
      await c.reply(c.t("pengumuman-appended", { length: content.body.length }));
      continue;
    }
    await c.reply(c.t("flow-use-buttons"));
  }
}

/** Step 3: one or more villages, with ✅ toggles, pages, "all" and "next". */
async function pickVillages(conversation: Flow, ctx: FlowContext, villages: Setup["villages"]): Promise<number[]> {
  const chosen = new Set<number>();
  const size = 10;
  const pages = Math.max(1, Math.ceil(villages.length / size));
  let page = 0;
  const keyboard = () => {
    const kb = new InlineKeyboard();
    villages.slice(page * size, (page + 1) * size).forEach((v, i) => {
      kb.text(`${chosen.has(v.id) ? "✅ " : ""}${v.name}`.slice(0, 60), `pv:t:${v.id}`);
      if (i % 2 === 1) kb.row();
    });
    kb.row();
    if (pages > 1) {
      if (page > 0) kb.text("◀️", `pv:p:${page - 1}`);
      kb.text(`${page + 1}/${pages}`, `pv:p:${page}`);
      if (page < pages - 1) kb.text("▶️", `pv:p:${page + 1}`);
      kb.row();
    }
    kb.text(ctx.t("pengumuman-btn-all-villages"), "pv:all").text(ctx.t("pengumuman-btn-next"), "pv:ok");
    kb.row().text(ctx.t("btn-cancel"), FLOW_CANCEL);
    return kb;
  };
  const question = await ctx.reply(ctx.t("pengumuman-ask-villages"), { parse_mode: "HTML", reply_markup: keyboard() });
  for (;;) {
    const c = await waitStep(conversation);
    const data = c.callbackQuery?.data;
    if (!data) {
      await c.reply(c.t("flow-use-buttons"));
      continue;
    }
    if (c.callbackQuery!.message?.message_id !== question.message_id) {
      await oldButton(c);
      continue;
    }
    const toggle = data.match(/^pv:t:(\d{1,10})$/);
    const nav = data.match(/^pv:p:(\d{1,4})$/);
    if (toggle) {
      // Only villages this person was offered: a forged id is simply not there.
      const id = Number(toggle[1]);
      if (!villages.some((v) => v.id === id)) {
        await oldButton(c);
        continue;
      }
      if (chosen.has(id)) chosen.delete(id);
      else chosen.add(id);
    } else if (nav) {
      page = Math.min(pages - 1, Number(nav[1]));
    } else if (data === "pv:all") {
      const all = chosen.size === villages.length;
      chosen.clear();
      if (!all) for (const v of villages) chosen.add(v.id);
    } else if (data === "pv:ok") {
      if (chosen.size === 0) {
        await c.answerCallbackQuery({ text: c.t("pengumuman-pick-one"), show_alert: true });
        continue;
      }
      await c.answerCallbackQuery();
      const names = villages.filter((v) => chosen.has(v.id)).map((v) => v.name);
      await c.editMessageText(c.t("pengumuman-villages-chosen", { villages: villageList(names) }), { parse_mode: "HTML" }).catch(() => {});
      return villages.filter((v) => chosen.has(v.id)).map((v) => v.id);
    } else {
      await oldButton(c);
      continue;
    }
    await c.answerCallbackQuery();
    await c.editMessageReplyMarkup({ reply_markup: keyboard() }).catch(() => {});
  }
}

interface Options {
  pin: boolean;
  silent: boolean;
  scheduledAt: string | null;
}

/** Step 4: pin, silent, now or later — toggles on one message, then the time if later. */
async function askOptions(conversation: Flow, ctx: FlowContext, setup: Setup, groups: boolean): Promise<Options> {
  const o: Options = { pin: false, silent: false, scheduledAt: null };
  const keyboard = () => {
    const kb = new InlineKeyboard();
    if (groups) kb.text(ctx.t("pengumuman-opt-pin", { on: o.pin ? "yes" : "no" }), "po:pin");
    kb.text(ctx.t("pengumuman-opt-silent", { on: o.silent ? "yes" : "no" }), "po:silent").row();
    kb.text(ctx.t("pengumuman-opt-now"), "po:now").text(ctx.t("pengumuman-opt-later"), "po:later").row();
    kb.text(ctx.t("btn-cancel"), FLOW_CANCEL);
    return kb;
  };
  const question = await ctx.reply(ctx.t("pengumuman-options"), { parse_mode: "HTML", reply_markup: keyboard() });
  for (;;) {
    const c = await waitStep(conversation);
    const data = c.callbackQuery?.data;
    if (!data) {
      await c.reply(c.t("flow-use-buttons"));
      continue;
    }
    if (c.callbackQuery!.message?.message_id !== question.message_id || !/^po:(pin|silent|now|later)$/.test(data)) {
      await oldButton(c);
      continue;
    }
    await c.answerCallbackQuery();
    if (data === "po:pin" && groups) o.pin = !o.pin;
    else if (data === "po:silent") o.silent = !o.silent;
    else if (data === "po:now" || data === "po:later") {
      await c.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => {});
      if (data === "po:later") o.scheduledAt = await askTime(conversation, ctx, setup.forumId, setup.zone);
      return o;
    }
    await c.editMessageReplyMarkup({ reply_markup: keyboard() }).catch(() => {});
  }
}

/** A WIB (or the forum's zone) date and time, the way people write it, confirmed; never in the past. */
async function askTime(conversation: Flow, ctx: FlowContext, forumId: number, zone: ZoneName): Promise<string> {
  const settings = await dateSettingsOf(conversation, ctx.deps, forumId);
  const { date } = await askDate(conversation, ctx, ctx.t("pengumuman-ask-time", { zone: zoneLabel(zone) }), {
    ...settings,
    zone,
    validate: (at, now) => {
      try {
        checkScheduleTime(at, now);
        return null;
      } catch (err) {
        return errorText(ctx, err) ?? ctx.t("tanggal-unparsed");
      }
    },
  });
  await ctx.reply(ctx.t("pengumuman-time-set", { when: longTime(date!, zone, ctx.person?.language ?? "id") }));
  return date!.toISOString();
}

/** Waits for one of `values` pressed on `messageId`; anything else is answered and ignored. */
export async function waitButton(conversation: Flow, messageId: number, values: string[]): Promise<string> {
  for (;;) {
    const c = await waitStep(conversation);
    const data = c.callbackQuery?.data;
    if (!data) {
      await c.reply(c.t("flow-use-buttons"));
      continue;
    }
    if (c.callbackQuery!.message?.message_id !== messageId || !values.includes(data)) {
      await oldButton(c);
      continue;
    }
    await c.answerCallbackQuery();
    await c.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => {});
    return data;
  }
}

/**
 * /pengumuman: write → choose recipients (and villages) → options → (split if too long) → preview
 * exactly as recipients see it → confirm. Rights are checked by the domain at every step that
 * touches data, and again when a scheduled one goes out.
 */
export function pengumumanFlow(deps: Deps) {
  return async (conversation: Flow, ctx: FlowContext, forumId: number) => {
    const setup = await conversation.external(async (octx): Promise<Setup> => {
      const forum = await deps.prisma.forum.findUniqueOrThrow({ where: { id: forumId }, select: { name: true, timezone: true, villageTerm: true, councilTerm: true } });
      const admin = octx.access.isAdmin(forumId);
      const own = octx.access.officialVillages(forumId);
      // Positions for the signature: the admin's own, or the official's at each of their villages.
      const titles = await deps.prisma.membership.findMany({
        where: { forumId, personId: octx.person?.id ?? -1, role: { in: admin ? ["admin_forum"] : ["perangkat_desa"] } },
        select: { villageId: true, title: true },
      });
      const villages = await deps.prisma.village.findMany({
        where: { forumId, retiredAt: null, ...(admin ? {} : { id: { in: own } }) },
        select: { id: true, name: true },
        orderBy: { name: "asc" },
      });
      return {
        forumId,
        admin,
        forumName: forum.name,
        zone: zoneOf(forum.timezone),
        authorName: octx.person?.firstName ?? "",
        villages,
        terms: termsOf(forum),
        titles: titles.map((x) => ({ villageId: x.villageId, title: x.title })),
      };
    });
    if (!setup.admin && setup.villages.length === 0) {
      await ctx.reply(ctx.t("error-pengumuman_not_allowed"));
      return;
    }

    let content = await askContent(conversation, ctx);

    // Recipients, until the choice reaches somebody.
    let audience: AudienceInput;
    let preview: Awaited<ReturnType<typeof previewAudience>>;
    for (;;) {
      const choice = await askAudience(conversation, ctx, setup, content);
      const targets: Target[] = choice === "all-groups" || choice === "groups" ? ["groups"] : [choice];
      const villages: number[] | "all" =
        choice === "all-groups" ? "all" : setup.villages.length === 1 && !setup.admin ? [setup.villages[0]!.id] : await pickVillages(conversation, ctx, setup.villages);
      audience = { targets, villages };
      const r = await refusable(conversation, async (octx) => {
        return { ok: true as const, preview: await previewAudience(deps, actorOf(octx), forumId, audience) };
      });
      if (!r.ok) {
        await ctx.reply(r.text);
        continue;
      }
      if (r.preview.groups + r.preview.people === 0) {
        await ctx.reply(ctx.t("pengumuman-no-recipients", { why: ctx.t(targets.includes("groups") ? "pengumuman-no-recipients-groups" : "pengumuman-no-recipients-people") }));
        continue;
      }
      preview = r.preview;
      break;
    }

    const options = await askOptions(conversation, ctx, setup, audience.targets.includes("groups"));

    // The announcement as recipients will see it; split only if the author agrees.
    const villageNames = audience.villages === "all" ? [] : setup.villages.filter((v) => (audience.villages as number[]).includes(v.id)).map((v) => v.name);
    const chosen = audience.villages === "all" ? setup.villages.map((v) => v.id) : (audience.villages as number[]);
    const authorTitle = setup.admin ? (setup.titles[0]?.title ?? null) : chosen.length === 1 ? (setup.titles.find((x) => x.villageId === chosen[0])?.title ?? null) : null;
    const sig = signature({ admin: setup.admin, forumName: setup.forumName, villageNames, authorName: setup.authorName, authorTitle, terms: setup.terms });
    let parts: Part[];
    for (;;) {
      const comp = compose({ header: sig.header, footer: sig.footer, body: content.body, bodyEntities: content.entities, media: content.media?.kind ?? null });
      if (comp.fits) {
        parts = comp.parts;
        break;
      }
      const textParts = content.media ? comp.parts.length - 1 : comp.parts.length;
      const kb = new InlineKeyboard()
        .text(ctx.t("pengumuman-btn-split", { parts: textParts }), "ps:split")
        .text(ctx.t("pengumuman-btn-rewrite"), "ps:rewrite")
        .row()
        .text(ctx.t("btn-cancel"), FLOW_CANCEL);
      const text = content.media
        ? ctx.t("pengumuman-too-long-caption", { kind: content.media.kind, max: comp.limit, length: comp.length, parts: textParts })
        : ctx.t("pengumuman-too-long", { max: comp.limit, length: comp.length, parts: textParts });
      const q = await ctx.reply(text, { reply_markup: kb });
      const answer = await waitButton(conversation, q.message_id, ["ps:split", "ps:rewrite"]);
      if (answer === "ps:split") {
        parts = comp.parts;
        break;
      }
      content = await askContent(conversation, ctx);
    }

    // Preview: the very payloads a group will get (without the pin), sent here.
    await ctx.reply(ctx.t("pengumuman-preview-intro"), { parse_mode: "HTML" });
    const raw = ctx.api.raw as unknown as Record<string, (p: Record<string, unknown>) => Promise<unknown>>;
    for (const p of recipientPayloads({ parts, media: content.media, pin: false, silent: options.silent }, { group: true })) {
      if (p.op === "send") await raw[p.method]!({ ...p.params, chat_id: ctx.chat!.id });
    }
    const who = [
      preview.groups ? ctx.t("pengumuman-summary-groups", { n: preview.groups }) : null,
      preview.people ? ctx.t("pengumuman-summary-people", { n: preview.people }) : null,
    ].filter(Boolean);
    let summary = ctx.t("pengumuman-summary", {
      audience: who.join(", "),
      villages: preview.all ? ctx.t("pengumuman-summary-all") : villageList(preview.villages),
      when: options.scheduledAt ? longTime(options.scheduledAt, setup.zone, ctx.person?.language ?? "id") : ctx.t("pengumuman-summary-now"),
      pin: options.pin && audience.targets.includes("groups") ? "yes" : "no",
      silent: options.silent ? "yes" : "no",
    });
    if (preview.unreachable) summary += `\n${ctx.t("pengumuman-summary-unreachable", { n: preview.unreachable })}`;
    const confirm = await ctx.reply(summary, {
      parse_mode: "HTML",
      reply_markup: new InlineKeyboard()
        .text(ctx.t(options.scheduledAt ? "pengumuman-btn-schedule" : "pengumuman-btn-send"), "pc:ok")
        .text(ctx.t("btn-cancel"), FLOW_CANCEL),
    });
    await waitButton(conversation, confirm.message_id, ["pc:ok"]);

    const result = await refusable(conversation, async (octx) => {
      const r = await createBroadcast(
        deps,
        actorOf(octx),
        {
          forumId,
          audience,
          parts,
          media: content.media,
          excerpt: excerptOf(content.body),
          pin: options.pin && audience.targets.includes("groups"),
          silent: options.silent,
          scheduledAt: options.scheduledAt ? new Date(options.scheduledAt) : null,
        },
        notices,
      );
      return { ok: true as const, ...r };
    });
    if (!result.ok) {
      await ctx.reply(result.text);
      return;
    }
    if (result.state === "scheduled") {
      await ctx.reply(ctx.t("pengumuman-scheduled", { when: longTime(result.scheduledAt!, setup.zone, ctx.person?.language ?? "id") }), { parse_mode: "HTML" });
    } else {
      await ctx.reply(ctx.t("pengumuman-sending", { n: result.recipients }));
    }
  };
}

/**
 * Editing what went out: the new text → the message as recipients will see it → confirm → every
 * copy is edited through the outbox. The domain checks the right at each step (it follows the
 * current role) and again when it queues the edits.
 */
export function editFlow(deps: Deps) {
  return async (conversation: Flow, ctx: FlowContext, id: number) => {
    const info = await refusable(conversation, async (octx) => {
      const i = await changeInfo(deps, actorOf(octx), id);
      return i.editRefusal ? { ok: false as const, text: octx.t(`error-${i.editRefusal}`) } : { ok: true as const, chats: i.chats };
    });
    if (!info.ok) {
      await ctx.reply(info.text);
      return;
    }
    await ctx.reply(ctx.t("pengumuman-edit-ask", { id: String(id), chats: info.chats }), { parse_mode: "HTML", reply_markup: cancelButton(ctx) });
    let body: { text: string; entities: TextEntity[] };
    let part: Part;
    for (;;) {
      const c = await waitStep(conversation);
      if (c.callbackQuery) {
        await c.answerCallbackQuery({ text: c.t("flow-expect-text") });
        continue;
      }
      const m = c.message;
      if (m?.text === undefined) {
        await c.reply(c.t("flow-expect-text"));
        continue;
      }
      const candidate = { text: m.text, entities: (m.entities ?? []) as TextEntity[] };
      const r = await refusable(conversation, async (octx) => {
        return { ok: true as const, part: await previewEdit(deps, actorOf(octx), id, candidate.text, candidate.entities) };
      });
      if (!r.ok) {
        await c.reply(r.text);
        continue;
      }
      body = candidate;
      part = r.part;
      break;
    }
    await ctx.reply(ctx.t("pengumuman-edit-preview"));
    await ctx.reply(part.text, part.entities.length ? { entities: part.entities as never } : {});
    const q = await ctx.reply(ctx.t("pengumuman-edit-confirm", { id: String(id), chats: info.chats }), {
      reply_markup: new InlineKeyboard().text(ctx.t("pengumuman-btn-edit-yes"), "pe:ok").text(ctx.t("btn-cancel"), FLOW_CANCEL),
    });
    await waitButton(conversation, q.message_id, ["pe:ok"]);
    const done = await refusable(conversation, async (octx) => {
      return { ok: true as const, ...(await editBroadcast(deps, actorOf(octx), id, body.text, body.entities)) };
    });
    await ctx.reply(done.ok ? ctx.t("pengumuman-edit-started", { id: String(id), chats: done.chats }) : done.text);
  };
}
