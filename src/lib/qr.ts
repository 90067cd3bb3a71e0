/** QR codes as PNG (e.g. deep links "https://t.me/<bot>?start=…" for posters in the balai desa). */
// Loaded on the first poster, not at start-up.
import type QRCodeType from "qrcode";
let qr: Promise<typeof QRCodeType> | null = null;

/**
 * PNG of a QR code for `text`, `width` pixels wide (square, 2-module quiet zone,
 * error correction M). ~25 ms for a 512 px code.
 */
export async function qrPng(text: string, width = 512): Promise<Buffer> {
  if (!text) throw new RangeError("qrPng: empty text");
  const QRCode = await (qr ??= import("qrcode").then((m) => (m.default ?? m) as typeof QRCodeType));
  return QRCode.toBuffer(text, {
    type: "png",
    width,
    margin: 2,
    errorCorrectionLevel: "M",
    color: { dark: "#000000", light: "#ffffff" },
  });
}
