import { describe, expect, it } from "vitest";
import { qrPng } from "../../src/lib/qr.js";

describe("qrPng", () => {
  it("renders a square PNG of the requested width", async () => {
    const png = await qrPng("https://t.me/forumdesa_bot?start=desa_SKJ");
    expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    expect(png.readUInt32BE(16)).toBe(512);
    expect(png.readUInt32BE(20)).toBe(512);
    expect(png.length).toBeGreaterThan(500);
    const small = await qrPng("ASP-SKJ-2026-0042", 256);
    expect(small.readUInt32BE(16)).toBe(256);
  });

  it("rejects empty text", async () => {
    await expect(qrPng("")).rejects.toThrow();
  });
});
