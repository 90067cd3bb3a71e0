/**
 * Text with Telegram entities, built piece by piece so that user text is never parsed as markup:
 * whatever a resident typed (`<b>`, `&amp;`, `*_[]`) arrives in every copy exactly as typed.
 */
export interface TgEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
  user?: { id: number; is_bot: boolean; first_name: string };
  language?: string;
}

export interface Formatted {
  text: string;
  entities: TgEntity[];
}

/**
 * Formatting a resident applied in their own client that we pass on. Dropped: text_mention (the
 * bot may not know that user, and Telegram rejects the message), custom_emoji (bots may not send
 * them), and anything newer we do not know.
 */
const KEPT = new Set([
  "bold", "italic", "underline", "strikethrough", "spoiler", "code", "pre", "text_link", "blockquote",
  "expandable_blockquote", "url", "email", "phone_number", "mention", "hashtag", "cashtag", "bot_command",
]);

/** Number of Unicode code points: what Telegram's 4096/1024 limits count. */
export function codePoints(s: string): number {
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

export class TextBuilder {
  private text = "";
  private entities: TgEntity[] = [];

  get length() {
    return this.text.length;
  }

  plain(s: string): this {
    this.text += s;
    return this;
  }

  styled(type: "bold" | "italic", s: string): this {
    if (s.length) this.entities.push({ type, offset: this.text.length, length: s.length });
    this.text += s;
    return this;
  }

  bold(s: string): this {
    return this.styled("bold", s);
  }

  italic(s: string): this {
    return this.styled("italic", s);
  }

  /** "Budi · Desa Sukajaya", bold; the name links to the person where Telegram allows it. */
  author(name: string, place: string, linkUserId: number | null): this {
    const start = this.text.length;
    if (linkUserId !== null && name.length) {
      this.entities.push({ type: "text_mention", offset: start, length: name.length, user: { id: linkUserId, is_bot: false, first_name: name } });
    }
    const header = `${name} · ${place}`;
    this.entities.push({ type: "bold", offset: start, length: header.length });
    this.text += header;
    return this;
  }

  /** A resident's own text with the formatting they applied, shifted into place. */
  user(s: string, entities: TgEntity[] | null | undefined): this {
    const base = this.text.length;
    for (const e of entities ?? []) {
      if (!KEPT.has(e.type)) continue;
      if (e.offset < 0 || e.length <= 0 || e.offset + e.length > s.length) continue;
      const copy: TgEntity = { type: e.type, offset: base + e.offset, length: e.length };
      if (e.url) copy.url = e.url;
      if (e.language) copy.language = e.language;
      this.entities.push(copy);
    }
    this.text += s;
    return this;
  }

  build(): Formatted {
    return { text: this.text, entities: this.entities.map((e) => ({ ...e })) };
  }
}
