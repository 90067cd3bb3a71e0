/** QR codes as PNG (e.g. deep links "https://t.me/<bot>?start=…" for posters in the balai desa). */
import QRCode from "qrcode";

/**
 * PNG of a QR code for `text`, `width` pixels wide (square, 2-module quiet zone,
 * error correction M). ~25 ms for a 512 px code.
 */
export async function qrPng(text: string, width = 512): Promise<Buffer> {
  if (!text) throw new RangeError("qrPng: empty text");
  return QRCode.toBuffer(text, {
    type: "png",
    width,
    margin: 2,
    errorCorrectionLevel: "M",
    color: { dark: "#000000", light: "#ffffff" },
  });
}
