/**
 * Printable A4 documents (berita acara and its daftar hadir) with pdfkit and the project's own
 * DejaVu Sans (assets/fonts): the standard PDF fonts have no glyphs beyond Latin-1, and a machine's
 * fonts are not to be relied on. pdfkit embeds only the glyphs used, so a page stays small.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
// pdfkit (~25 MB) is loaded with the first berita acara: PdfWriter.open() waits for it.
import type PDFDocumentType from "pdfkit";
let pdfkit: Promise<typeof PDFDocumentType> | null = null;
let PDFDocument: typeof PDFDocumentType;

const FONTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../assets/fonts");
export const FONT_REGULAR = path.join(FONTS, "DejaVuSans.ttf");
export const FONT_BOLD = path.join(FONTS, "DejaVuSans-Bold.ttf");

type Doc = InstanceType<typeof PDFDocumentType>;

// Read once per process: every document embeds a subset of the same two files.
let fonts: { regular: Buffer; bold: Buffer } | null = null;
function fontFiles() {
  fonts ??= { regular: readFileSync(FONT_REGULAR), bold: readFileSync(FONT_BOLD) };
  return fonts;
}

export interface Column {
  header: string;
  /** Share of the usable width. */
  width: number;
  align?: "left" | "center" | "right";
}

// Emoji and other pictographs have no glyph in DejaVu Sans: drop them rather than print boxes.
const PICTOGRAPHS = /[\p{Extended_Pictographic}\u{FE0F}\u{200D}]/gu;
export function printable(s: string): string {
  return s.replace(PICTOGRAPHS, "").replace(/[ \t]+/g, " ").trim();
}

/** A4 writer with the few layouts a berita acara needs. */
export class PdfWriter {
  readonly doc: Doc;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;

  static async open(info: { title: string; author?: string; subject?: string; creationDate?: Date }): Promise<PdfWriter> {
    PDFDocument = await (pdfkit ??= import("pdfkit").then((m) => (m.default ?? m) as typeof PDFDocumentType));
    return new PdfWriter(info);
  }

  private constructor(info: { title: string; author?: string; subject?: string; creationDate?: Date }) {
    // A fixed creation date keeps the same content byte-identical (tests, and the queue's per-batch upload).
    this.doc = new PDFDocument({ size: "A4", margins: { top: 56, bottom: 56, left: 64, right: 56 }, info: { Title: info.title, Author: info.author ?? "Forum Desa", Subject: info.subject, CreationDate: info.creationDate }, bufferPages: true });
    this.doc.registerFont("regular", fontFiles().regular);
    this.doc.registerFont("bold", fontFiles().bold);
    this.doc.font("regular").fontSize(11);
    this.doc.on("data", (c: Buffer) => this.chunks.push(c));
    this.done = new Promise((resolve, reject) => {
      this.doc.on("end", () => resolve(Buffer.concat(this.chunks)));
      this.doc.on("error", reject);
    });
  }

  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }
  get left(): number {
    return this.doc.page.margins.left;
  }

  title(text: string, size = 14) {
    this.doc.font("bold").fontSize(size).text(printable(text), this.left, undefined, { align: "center", width: this.width });
    this.doc.font("regular").fontSize(11);
    return this;
  }

  centered(text: string, size = 11) {
    this.doc.font("regular").fontSize(size).text(printable(text), this.left, undefined, { align: "center", width: this.width });
    this.doc.fontSize(11);
    return this;
  }

  heading(text: string) {
    this.gap(0.6);
    this.doc.font("bold").fontSize(11).text(printable(text), this.left, undefined, { width: this.width });
    this.doc.font("regular");
    return this;
  }

  paragraph(text: string, opts: { indent?: number } = {}) {
    const x = this.left + (opts.indent ?? 0);
    this.doc.font("regular").fontSize(11).text(printable(text), x, undefined, { width: this.width - (opts.indent ?? 0), align: "justify", lineGap: 2 });
    return this;
  }

  /** Numbered lines with a hanging indent: "1. …". */
  numbered(items: string[]) {
    items.forEach((item, i) => {
      const y = this.doc.y;
      this.ensureRoom(16);
      this.doc.font("regular").fontSize(11).text(`${i + 1}.`, this.left + 8, this.doc.y === y ? y : this.doc.y, { width: 20 });
      this.doc.moveUp();
      this.doc.text(printable(item), this.left + 30, undefined, { width: this.width - 30, lineGap: 2 });
    });
    return this;
  }

  /** "Tempat      : Balai Kampung Sukajaya" — label, colon, value; values wrap under themselves. */
  facts(rows: Array<[string, string]>, labelWidth = 150) {
    for (const [label, value] of rows) {
      this.ensureRoom(16);
      const y = this.doc.y;
      this.doc.font("regular").fontSize(11).text(printable(label), this.left, y, { width: labelWidth - 10 });
      const afterLabel = this.doc.y;
      this.doc.text(":", this.left + labelWidth - 8, y, { width: 8 });
      this.doc.text(printable(value), this.left + labelWidth, y, { width: this.width - labelWidth, lineGap: 2 });
      this.doc.y = Math.max(this.doc.y, afterLabel);
    }
    return this;
  }

  /** A bordered table; the header repeats on every new page. `minRowHeight` leaves room to sign. */
  table(columns: Column[], rows: string[][], opts: { minRowHeight?: number } = {}) {
    const total = columns.reduce((n, c) => n + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.width);
    const pad = 4;
    const drawRow = (cells: string[], bold: boolean) => {
      this.doc.font(bold ? "bold" : "regular").fontSize(9.5);
      const heights = cells.map((c, i) => this.doc.heightOfString(printable(c), { width: widths[i]! - 2 * pad }) + 2 * pad);
      const h = Math.max(opts.minRowHeight && !bold ? opts.minRowHeight : 0, ...heights, 18);
      if (this.doc.y + h > this.doc.page.height - this.doc.page.margins.bottom) {
        this.doc.addPage();
        if (!bold) drawRow(columns.map((c) => c.header), true);
      }
      const y = this.doc.y;
      let x = this.left;
      cells.forEach((c, i) => {
        this.doc.rect(x, y, widths[i]!, h).stroke();
        this.doc.text(printable(c), x + pad, y + pad, { width: widths[i]! - 2 * pad, align: columns[i]!.align ?? "left" });
        x += widths[i]!;
      });
      this.doc.y = y + h;
      this.doc.x = this.left;
    };
    this.doc.lineWidth(0.6);
    drawRow(columns.map((c) => c.header), true);
    for (const r of rows) drawRow(r, false);
    this.doc.font("regular").fontSize(11);
    return this;
  }

  /**
   * Signature blocks side by side: a role line, room to sign, the name underlined and a position
   * under it. A block without a name leaves a dotted line to write one by hand.
   */
  signatures(blocks: Array<{ caption: string[]; name: string | null; position?: string | null }>) {
    const space = 56;
    this.ensureRoom(140);
    const y0 = this.doc.y;
    const w = this.width / blocks.length;
    this.doc.font("regular").fontSize(11);
    const captionHeight = Math.max(...blocks.map((b) => this.doc.heightOfString(b.caption.map(printable).join("\n"), { width: w - 8 })));
    let bottom = y0;
    blocks.forEach((b, i) => {
      const x = this.left + i * w;
      this.doc.font("regular").fontSize(11);
      this.doc.text(b.caption.map(printable).join("\n"), x, y0, { width: w - 8, align: "center" });
      // Names line up across blocks whatever the caption's height.
      const yName = y0 + captionHeight + space;
      const name = b.name ? printable(b.name) : "(.................................)";
      this.doc.font("bold").text(name, x, yName, { width: w - 8, align: "center", underline: !!b.name });
      if (b.position) this.doc.font("regular").text(printable(b.position), x, undefined, { width: w - 8, align: "center" });
      bottom = Math.max(bottom, this.doc.y);
    });
    this.doc.font("regular");
    this.doc.y = bottom;
    this.doc.x = this.left;
    return this;
  }

  gap(lines = 1) {
    this.doc.moveDown(lines);
    this.doc.x = this.left;
    return this;
  }

  newPage() {
    this.doc.addPage();
    return this;
  }

  /** Starts a new page when fewer than `points` remain on this one. */
  ensureRoom(points: number) {
    if (this.doc.y + points > this.doc.page.height - this.doc.page.margins.bottom) this.doc.addPage();
    return this;
  }

  /** "Halaman 1 dari 3" at the foot of every page. */
  pageNumbers(label: (page: number, pages: number) => string) {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const bottom = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      this.doc.font("regular").fontSize(8.5).text(label(i + 1, range.count), this.left, this.doc.page.height - 36, { width: this.width, align: "center" });
      this.doc.page.margins.bottom = bottom;
    }
    return this;
  }

  async finish(): Promise<Buffer> {
    this.doc.end();
    return this.done;
  }
}
