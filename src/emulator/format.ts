// Formatting: parse_mode HTML / MarkdownV2 / Markdown → plain text + entities
// (UTF-16 offsets), modelled on tdlib's parsers, plus validation of
// explicitly given entity arrays.
import type { MessageEntity } from "grammy/types";

export class ParseError extends Error {}

export interface Formatted {
  text: string;
  entities: MessageEntity[];
}

const byteOffset = (s: string, i: number) => Buffer.byteLength(s.slice(0, i), "utf8");

const sortEntities = (es: MessageEntity[]) =>
  es.sort((a, b) => a.offset - b.offset || b.length - a.length);

// ------------------------------------------------------------------ HTML

const HTML_TAGS = new Set([
  "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a",
  "code", "pre", "blockquote", "tg-emoji", "tg-time",
]);
const SIMPLE_TYPES: Record<string, MessageEntity["type"]> = {
  b: "bold", strong: "bold", i: "italic", em: "italic", u: "underline", ins: "underline",
  s: "strikethrough", strike: "strikethrough", del: "strikethrough", "tg-spoiler": "spoiler",
};

interface OpenTag {
  name: string;
  start: number; // offset in output (UTF-16)
  attrs: Record<string, string>;
}

function decodeEntityAt(s: string, i: number): [string, number] | undefined {
  // s[i] === "&"
  const m = /^&(?:(lt|gt|amp|quot)|#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6}));/.exec(s.slice(i, i + 12));
  if (!m) return undefined;
  let ch: string;
  if (m[1]) ch = { lt: "<", gt: ">", amp: "&", quot: '"' }[m[1]]!;
  else {
    const cp = m[2] ? parseInt(m[2], 10) : parseInt(m[3]!, 16);
    if (cp <= 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return undefined;
    ch = String.fromCodePoint(cp);
  }
  return [ch, m[0].length];
}

function decodeAttr(v: string): string {
  let out = "";
  for (let i = 0; i < v.length; i++) {
    if (v[i] === "&") {
      const d = decodeEntityAt(v, i);
      if (d) {
        out += d[0];
        i += d[1] - 1;
        continue;
      }
    }
    out += v[i];
  }
  return out;
}

export function parseHtml(s: string): Formatted {
  let out = "";
  const entities: MessageEntity[] = [];
  const stack: OpenTag[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s[i];
    if (c === "&") {
      const d = decodeEntityAt(s, i);
      if (!d) {
        throw new ParseError(
          `Unescaped "&" at byte offset ${byteOffset(s, i)}; use &amp; (supported entities: &lt; &gt; &amp; &quot; &#NNN;)`,
        );
      }
      out += d[0];
      i += d[1];
      continue;
    }
    if (c === ">") {
      throw new ParseError(`Unescaped ">" at byte offset ${byteOffset(s, i)}; use &gt;`);
    }
    if (c !== "<") {
      out += c;
      i++;
      continue;
    }
    const tagStart = i;
    if (s[i + 1] === "/") {
      const close = s.indexOf(">", i);
      if (close === -1) throw new ParseError(`Unclosed end tag at byte offset ${byteOffset(s, tagStart)}`);
      const name = s.slice(i + 2, close).trim().toLowerCase();
      const top = stack.pop();
      if (!top) throw new ParseError(`Unexpected end tag at byte offset ${byteOffset(s, tagStart)}`);
      if (top.name !== name) {
        throw new ParseError(
          `Unmatched end tag at byte offset ${byteOffset(s, tagStart)}, expected "</${top.name}>", found "</${name}>"`,
        );
      }
      closeTag(top, out.length, entities, stack);
      i = close + 1;
      continue;
    }
    // start tag
    let j = i + 1;
    while (j < n && /[a-zA-Z0-9-]/.test(s[j]!)) j++;
    const name = s.slice(i + 1, j).toLowerCase();
    if (!name || !HTML_TAGS.has(name)) {
      if (j >= n && name) throw new ParseError(`Unclosed start tag at byte offset ${byteOffset(s, tagStart)}`);
      throw new ParseError(`Unsupported start tag "${name}" at byte offset ${byteOffset(s, tagStart)}`);
    }
    const attrs: Record<string, string> = {};
    for (;;) {
      while (j < n && /\s/.test(s[j]!)) j++;
      if (j >= n) throw new ParseError(`Unclosed start tag at byte offset ${byteOffset(s, tagStart)}`);
      if (s[j] === ">") {
        j++;
        break;
      }
      if (s[j] === "/" && s[j + 1] === ">") {
        throw new ParseError(`Unsupported self-closing tag "${name}" at byte offset ${byteOffset(s, tagStart)}`);
      }
      const an = j;
      while (j < n && /[a-zA-Z0-9_-]/.test(s[j]!)) j++;
      const attrName = s.slice(an, j).toLowerCase();
      if (!attrName) {
        throw new ParseError(`Expected equal sign in declaration of an attribute of the tag "${name}" at byte offset ${byteOffset(s, j)}`);
      }
      while (j < n && /\s/.test(s[j]!)) j++;
      let value = "";
      if (s[j] === "=") {
        j++;
        while (j < n && /\s/.test(s[j]!)) j++;
        const q = s[j];
        if (q === '"' || q === "'") {
          const end = s.indexOf(q, j + 1);
          if (end === -1) throw new ParseError(`Unclosed start tag at byte offset ${byteOffset(s, tagStart)}`);
          value = decodeAttr(s.slice(j + 1, end));
          j = end + 1;
        } else {
          const vs = j;
          while (j < n && !/[\s>]/.test(s[j]!)) j++;
          value = decodeAttr(s.slice(vs, j));
        }
      }
      attrs[attrName] = value;
    }
    if (name === "span" && attrs.class !== "tg-spoiler") {
      throw new ParseError(`Tag "span" must have class "tg-spoiler" at byte offset ${byteOffset(s, tagStart)}`);
    }
    if (name === "tg-emoji" && !attrs["emoji-id"]) {
      throw new ParseError(`Tag "tg-emoji" must have attribute "emoji-id" at byte offset ${byteOffset(s, tagStart)}`);
    }
    if (name === "tg-time" && !/^\d+$/.test(attrs.unix ?? "")) {
      throw new ParseError(`Tag "tg-time" must have attribute "unix" at byte offset ${byteOffset(s, tagStart)}`);
    }
    stack.push({ name, start: out.length, attrs });
    i = j;
  }
  if (stack.length) {
    throw new ParseError(`Can't find end tag corresponding to start tag "${stack[stack.length - 1]!.name}"`);
  }
  return { text: out, entities: sortEntities(entities) };
}

function closeTag(tag: OpenTag, end: number, entities: MessageEntity[], stack: OpenTag[]) {
  const length = end - tag.start;
  if (length <= 0) return;
  const base = { offset: tag.start, length };
  const simple = SIMPLE_TYPES[tag.name];
  if (simple) {
    entities.push({ ...base, type: simple } as MessageEntity);
    return;
  }
  switch (tag.name) {
    case "span":
      entities.push({ ...base, type: "spoiler" });
      return;
    case "a": {
      const href = tag.attrs.href;
      if (!href) return;
      const m = /^tg:\/\/user\?id=(\d+)$/.exec(href);
      if (m) {
        entities.push({ ...base, type: "text_mention", user: { id: Number(m[1]), is_bot: false, first_name: "" } });
      } else {
        entities.push({ ...base, type: "text_link", url: normalizeUrl(href) });
      }
      return;
    }
    case "code": {
      // <pre><code class="language-x"> → pre with language
      const parent = stack[stack.length - 1];
      const lang = /^language-(.+)$/.exec(tag.attrs.class ?? "")?.[1];
      if (parent?.name === "pre" && parent.start === tag.start) {
        if (lang) parent.attrs.__language = lang;
        return; // the pre entity covers it
      }
      entities.push({ ...base, type: "code" });
      return;
    }
    case "pre": {
      const lang = tag.attrs.__language;
      entities.push(lang ? { ...base, type: "pre", language: lang } : { ...base, type: "pre" });
      return;
    }
    case "blockquote":
      entities.push({ ...base, type: "expandable" in tag.attrs ? "expandable_blockquote" : "blockquote" });
      return;
    case "tg-emoji":
      entities.push({ ...base, type: "custom_emoji", custom_emoji_id: tag.attrs["emoji-id"]! });
      return;
    case "tg-time":
      entities.push({
        ...base,
        type: "date_time",
        unix_time: Number(tag.attrs.unix),
        ...(tag.attrs.format ? { date_time_format: tag.attrs.format } : {}),
      } as unknown as MessageEntity);
      return;
  }
}

function normalizeUrl(u: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(u)) return u;
  return `http://${u}/`.replace(/\/\/$/, "/");
}

// ------------------------------------------------------------- MarkdownV2

const MDV2_RESERVED = "_*[]()~`>#+-=|{}.!";

type MdType = "bold" | "italic" | "underline" | "strikethrough" | "spoiler" | "code" | "pre" | "text_link" | "custom_emoji";
interface MdOpen {
  type: MdType;
  start: number;
  byte: number;
  language?: string;
}

export function parseMarkdownV2(s: string): Formatted {
  let out = "";
  const entities: MessageEntity[] = [];
  const stack: MdOpen[] = [];
  const n = s.length;
  let quote: { start: number; expandable: boolean } | undefined;
  let lineStart = true;
  const closeQuote = () => {
    if (!quote) return;
    let end = out.length;
    if (out.endsWith("\n")) end--;
    if (end > quote.start) {
      entities.push({ type: quote.expandable ? "expandable_blockquote" : "blockquote", offset: quote.start, length: end - quote.start });
    }
    quote = undefined;
  };
  for (let i = 0; i < n; i++) {
    const c = s[i]!;
    const top = stack[stack.length - 1];
    if (lineStart && (!top || (top.type !== "pre" && top.type !== "code"))) {
      lineStart = false;
      if (c === ">") {
        if (!quote) quote = { start: out.length, expandable: false };
        continue;
      }
      if (c === "*" && s[i + 1] === "*" && s[i + 2] === ">") {
        if (!quote) quote = { start: out.length, expandable: true };
        else quote.expandable = true;
        i += 2;
        continue;
      }
      if (quote) closeQuote();
    }
    if (c === "\n") {
      out += c;
      lineStart = true;
      continue;
    }
    if (c === "\\" && i + 1 < n && s.charCodeAt(i + 1) > 0 && s.charCodeAt(i + 1) <= 126) {
      out += s[i + 1];
      i++;
      continue;
    }
    const reserved = top && (top.type === "code" || top.type === "pre") ? "`" : MDV2_RESERVED;
    if (!reserved.includes(c)) {
      out += c;
      continue;
    }
    // expandable blockquote end marker "||" at end of line
    if (quote?.expandable && c === "|" && s[i + 1] === "|" && (i + 2 >= n || s[i + 2] === "\n") && (!top || top.type !== "spoiler")) {
      i++;
      continue;
    }
    let isEnd = false;
    if (top) {
      switch (top.type) {
        case "bold": isEnd = c === "*"; break;
        case "italic": isEnd = c === "_" && s[i + 1] !== "_"; break;
        case "code": isEnd = c === "`"; break;
        case "pre": isEnd = c === "`" && s[i + 1] === "`" && s[i + 2] === "`"; break;
        case "text_link": isEnd = c === "]"; break;
        case "custom_emoji": isEnd = c === "]"; break;
        case "underline": isEnd = c === "_" && s[i + 1] === "_"; break;
        case "strikethrough": isEnd = c === "~"; break;
        case "spoiler": isEnd = c === "|" && s[i + 1] === "|"; break;
      }
    }
    if (!isEnd) {
      const byte = byteOffset(s, i);
      let type: MdType;
      let language: string | undefined;
      switch (c) {
        case "_":
          if (s[i + 1] === "_") {
            type = "underline";
            i++;
          } else type = "italic";
          break;
        case "*": type = "bold"; break;
        case "~": type = "strikethrough"; break;
        case "|":
          if (s[i + 1] === "|") {
            type = "spoiler";
            i++;
          } else throw reservedErr(c);
          break;
        case "[": type = "text_link"; break;
        case "`":
          if (s[i + 1] === "`" && s[i + 2] === "`") {
            i += 3;
            type = "pre";
            let le = i;
            while (le < n && !/\s/.test(s[le]!) && s[le] !== "`") le++;
            if (le !== i && le < n && s[le] !== "`") {
              language = s.slice(i, le);
              i = le;
            }
            if (s[i] === "\n" || s[i] === "\r") {
              if ((s[i + 1] === "\n" || s[i + 1] === "\r") && s[i] !== s[i + 1]) i += 2;
              else i++;
            }
            i--;
          } else type = "code";
          break;
        case "!":
          if (s[i + 1] === "[") {
            i++;
            type = "custom_emoji";
            break;
          }
          throw reservedErr(c);
        default:
          throw reservedErr(c);
      }
      stack.push({ type, start: out.length, byte, language });
      continue;
    }
    // end of entity
    const e = stack.pop()!;
    const length = out.length - e.start;
    switch (e.type) {
      case "underline":
      case "spoiler":
        i++;
        break;
      case "pre":
        i += 2;
        break;
      case "text_link":
      case "custom_emoji": {
        let url = "";
        if (s[i + 1] !== "(") {
          if (e.type === "custom_emoji") throw new ParseError(`Custom emoji entity must contain a tg://emoji URL`);
          url = out.slice(e.start);
        } else {
          i += 2;
          const ub = byteOffset(s, i);
          while (i < n && s[i] !== ")") {
            if (s[i] === "\\" && i + 1 < n && s.charCodeAt(i + 1) > 0 && s.charCodeAt(i + 1) <= 126) {
              url += s[i + 1];
              i += 2;
              continue;
            }
            url += s[i++];
          }
          if (s[i] !== ")") throw new ParseError(`Can't find end of a URL at byte offset ${ub}`);
        }
        if (length > 0) {
          if (e.type === "custom_emoji") {
            const id = /^tg:\/\/emoji\?id=(\d+)$/.exec(url)?.[1];
            if (!id) throw new ParseError(`Custom emoji URL must have an emoji identifier`);
            entities.push({ type: "custom_emoji", offset: e.start, length, custom_emoji_id: id });
          } else {
            const m = /^tg:\/\/user\?id=(\d+)$/.exec(url);
            if (m) entities.push({ type: "text_mention", offset: e.start, length, user: { id: Number(m[1]), is_bot: false, first_name: "" } });
            else if (url) entities.push({ type: "text_link", offset: e.start, length, url: normalizeUrl(url) });
          }
        }
        continue;
      }
    }
    if (length > 0) {
      if (e.type === "pre") {
        entities.push(e.language ? { type: "pre", offset: e.start, length, language: e.language } : { type: "pre", offset: e.start, length });
      } else {
        entities.push({ type: e.type, offset: e.start, length } as MessageEntity);
      }
    }
  }
  if (stack.length) {
    const e = stack[stack.length - 1]!;
    throw new ParseError(`Can't find end of ${mdName(e.type)} entity at byte offset ${e.byte}`);
  }
  closeQuote();
  return { text: out, entities: sortEntities(entities) };

  function reservedErr(ch: string) {
    return new ParseError(`Character '${ch}' is reserved and must be escaped with the preceding '\\'`);
  }
}

function mdName(t: MdType): string {
  return {
    bold: "Bold", italic: "Italic", underline: "Underline", strikethrough: "Strikethrough", spoiler: "Spoiler",
    code: "Code", pre: "Pre", text_link: "TextUrl", custom_emoji: "CustomEmoji",
  }[t];
}

// ------------------------------------------------------- Markdown (legacy)

export function parseMarkdown(s: string): Formatted {
  let out = "";
  const entities: MessageEntity[] = [];
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s[i]!;
    if (c === "\\" && "_*`[".includes(s[i + 1] ?? "")) {
      out += s[i + 1];
      i++;
      continue;
    }
    if (c !== "_" && c !== "*" && c !== "`" && c !== "[") {
      out += c;
      continue;
    }
    const startByte = byteOffset(s, i);
    const start = out.length;
    if (c === "`" && s.startsWith("```", i)) {
      const end = s.indexOf("```", i + 3);
      if (end === -1) throw new ParseError(`Can't find end of the entity starting at byte offset ${startByte}`);
      let body = s.slice(i + 3, end);
      let language: string | undefined;
      const nl = body.indexOf("\n");
      if (nl > 0 && /^\S+$/.test(body.slice(0, nl))) {
        language = body.slice(0, nl);
        body = body.slice(nl + 1);
      } else if (body.startsWith("\n")) body = body.slice(1);
      out += body;
      if (body.length) entities.push(language ? { type: "pre", offset: start, length: body.length, language } : { type: "pre", offset: start, length: body.length });
      i = end + 2;
      continue;
    }
    if (c === "[") {
      const close = s.indexOf("]", i + 1);
      if (close === -1 || s[close + 1] !== "(") throw new ParseError(`Can't find end of the entity starting at byte offset ${startByte}`);
      const urlEnd = s.indexOf(")", close + 2);
      if (urlEnd === -1) throw new ParseError(`Can't find end of a URL at byte offset ${byteOffset(s, close + 2)}`);
      const label = s.slice(i + 1, close);
      const url = s.slice(close + 2, urlEnd);
      out += label;
      if (label.length) {
        const m = /^tg:\/\/user\?id=(\d+)$/.exec(url);
        entities.push(m ? { type: "text_mention", offset: start, length: label.length, user: { id: Number(m[1]), is_bot: false, first_name: "" } } : { type: "text_link", offset: start, length: label.length, url: normalizeUrl(url) });
      }
      i = urlEnd;
      continue;
    }
    const end = s.indexOf(c, i + 1);
    if (end === -1) throw new ParseError(`Can't find end of the entity starting at byte offset ${startByte}`);
    const body = s.slice(i + 1, end);
    out += body;
    if (body.length) entities.push({ type: c === "*" ? "bold" : c === "_" ? "italic" : "code", offset: start, length: body.length });
    i = end;
  }
  return { text: out, entities: sortEntities(entities) };
}

// ------------------------------------------------------------ entry point

const ENTITY_TYPES = new Set([
  "mention", "hashtag", "cashtag", "bot_command", "url", "email", "phone_number", "bold", "italic",
  "underline", "strikethrough", "spoiler", "blockquote", "expandable_blockquote", "code", "pre",
  "text_link", "text_mention", "custom_emoji", "date_time",
]);

/**
 * Returns the parsed text and entities. Throws ParseError with a tdlib-like
 * message (the caller prefixes "Bad Request: can't parse entities: ").
 */
export function formatText(text: string, parseMode: string | undefined, entities: MessageEntity[] | undefined): Formatted {
  if (entities && entities.length) {
    validateEntities(text, entities);
    return { text, entities: sortEntities(entities.map((e) => ({ ...e }))) };
  }
  if (!parseMode) return { text, entities: [] };
  switch (parseMode.toLowerCase()) {
    case "html":
      return parseHtml(text);
    case "markdownv2":
      return parseMarkdownV2(text);
    case "markdown":
      return parseMarkdown(text);
    default:
      throw new UnsupportedParseMode(parseMode);
  }
}

export class UnsupportedParseMode extends Error {}

export function validateEntities(text: string, entities: MessageEntity[]) {
  const len = text.length; // UTF-16 code units
  for (const [i, e] of entities.entries()) {
    if (!ENTITY_TYPES.has(e.type)) throw new ParseError(`entity ${i}: unsupported entity type "${e.type}"`);
    if (!Number.isInteger(e.offset) || !Number.isInteger(e.length) || e.offset < 0 || e.length <= 0) {
      throw new ParseError(`entity ${i} (${e.type}): invalid offset/length ${e.offset}/${e.length}`);
    }
    if (e.offset + e.length > len) {
      throw new ParseError(`entity ${i} (${e.type}) at ${e.offset}+${e.length} is beyond the end of the text (${len} UTF-16 code units)`);
    }
    if (e.type === "text_link" && !(e as { url?: string }).url) throw new ParseError(`entity ${i}: text_link without url`);
    if (e.type === "text_mention" && !(e as { user?: unknown }).user) throw new ParseError(`entity ${i}: text_mention without user`);
    if (e.type === "custom_emoji" && !(e as { custom_emoji_id?: string }).custom_emoji_id) {
      throw new ParseError(`entity ${i}: custom_emoji without custom_emoji_id`);
    }
  }
}

/** Number of Unicode code points (what Telegram's length limits count). */
export function charLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** Entities Telegram would detect automatically: only bot commands at the start (used by update builders). */
export function commandEntities(text: string): MessageEntity[] {
  const m = /^\/[a-zA-Z0-9_]{1,32}(@[a-zA-Z0-9_]{3,32})?/.exec(text);
  return m ? [{ type: "bot_command", offset: 0, length: m[0].length }] : [];
}
