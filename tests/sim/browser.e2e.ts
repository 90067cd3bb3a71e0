// `npm run sim` in a real browser (Debian's chromium driven by playwright-core): a resident files
// an aspiration on the page, the trainer starts the "tindak lanjuti" exercise, the official handles
// the ticket, each step is ticked from what the bot did, and the answer reaches the resident.
// Screenshots go to .sim-shots/ (gitignored). Run by `npm run test:browser` (and .ci/run), not by
// `npm test`; skipped, with a message, where chromium is missing.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { startSim, type Sim } from "../../src/sim/sim.js";
import { picture } from "../../src/sim/pictures.js";
import { SEKDES, WARGA_BUDI } from "../../src/sim/world.js";

const CHROMIUM = process.env.SIM_CHROMIUM ?? "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`tests/sim/browser.e2e.ts skipped: no browser at ${CHROMIUM} (apt-get install -y chromium)`);

const SHOTS = path.resolve(".sim-shots");
const ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

describe.skipIf(!hasChromium)("the sandbox page, in chromium", () => {
  let sim: Sim;
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "forumdesa-sim-"));
    sim = await startSim({
      dataDir: dir,
      port: 0,
      databaseTemplate: inject("pgliteTemplate") ?? undefined,
      // Telegram's 1 message/s per private chat would make this walk take a minute.
      env: { LIMIT_GLOBAL_PER_SECOND: "10000", LIMIT_GROUP_PER_MINUTE: "10000", LIMIT_PRIVATE_PER_SECOND: "10000", FLOOD_LIMIT_PER_MINUTE: "10000" },
    });
    console.log(`sim started in ${sim.startupMs} ms`);
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    mkdirSync(SHOTS, { recursive: true });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await sim?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("walks an aspiration from a resident to the official and back, ticking the exercise to its last step", async () => {
    const page = await browser.newPage({ viewport: { width: 1360, height: 820 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const ui = pageHelpers(page);

    // ---- Budi (warga Sukanegara) files an aspiration in his private chat with the bot
    await page.goto(`${sim.url}/?persona=${WARGA_BUDI.id}`);
    await page.locator("#chat-name", { hasText: "Forum Desa" }).waitFor();
    await ui.say("/aspirasi");
    await ui.press("Infrastruktur");
    await ui.say("Jembatan bambu di Dusun IV Sukanegara sudah lapuk dan berbahaya dilewati anak sekolah setiap pagi.");
    await ui.waitBot("foto");
    await page.setInputFiles("#photo-input", { name: "jembatan.png", mimeType: "image/png", buffer: await picture("road") });
    await page.locator(".row.own img.photo").last().waitFor();
    await ui.press("Lanjut");
    await ui.waitBot("lokasi");
    await page.click("#attach-btn");
    await page.click("[data-attach=location]");
    await page.click("#modal .primary");
    await ui.press("Dengan nama");
    await ui.press("Kirim");
    const created = await ui.waitBot("ASP-");
    const ticket = /ASP-[A-Z0-9]+-\d{4}-\d{4}/.exec(created)![0];
    await page.screenshot({ path: `${SHOTS}/01-warga-mengirim-aspirasi.png` });

    // ---- the trainer starts the exercise: it is about Budi's ticket and switches to Bu Sekdes
    await page.click("#latihan-btn");
    const card = page.locator(".ex-card", { hasText: `Tindak lanjuti aspirasi ${ticket}` });
    await card.locator(".ex-start").click();
    await page.locator("#persona-name", { hasText: SEKDES.firstName }).waitFor();
    await page.locator(".step").first().waitFor();
    expect(await page.locator(".step.done").count()).toBe(0);

    // ---- Bu Sekdes: the new card is in her chat; she lists, verifies, answers, processes
    await ui.say("/aspirasi_masuk");
    await ui.tick(1);
    await ui.pressOn(ticket, "Verifikasi");
    await ui.pressIfAsked("Lewati");
    await ui.tick(2);
    await ui.pressOn(ticket, "Balas");
    await ui.waitBot("");
    await ui.say("Terima kasih Pak Budi, besok pagi kami cek jembatannya bersama Pak Kadus.");
    await ui.tick(3);
    await ui.pressOn(ticket, "Proses");
    await ui.waitBot("catatan");
    await ui.say("Bambu pengganti sudah dipesan, perbaikan gotong royong hari Sabtu.");
    await ui.tick(4);
    await ui.tick(5);
    await page.locator(".ex-done").waitFor();
    await page.screenshot({ path: `${SHOTS}/02-latihan-selesai.png` });

    // ---- back to Budi: the official's answer and the new status reached him
    await page.click("#persona-btn");
    await page.locator("#persona-menu button", { hasText: "Budi" }).click();
    await page.locator("#persona-name", { hasText: WARGA_BUDI.firstName }).waitFor();
    await page.locator(".row:not(.own) .text", { hasText: "besok pagi kami cek jembatannya" }).waitFor();
    await page.locator(".row:not(.own) .text", { hasText: "diproses" }).last().waitFor();
    await page.screenshot({ path: `${SHOTS}/03-warga-menerima-balasan.png` });

    // What the page showed is what the bot stored.
    const row = await sim.bot.app.deps.prisma.aspiration.findFirstOrThrow({ where: { ticketNo: ticket } });
    expect(row.status).toBe("diproses");
    expect(row.photos).toHaveLength(1);
    expect(row.latitude).not.toBeNull();
    expect(errors).toEqual([]);

    // The same chat on a phone-sized screen.
    const phone = await browser.newPage({ viewport: { width: 390, height: 780 } });
    await phone.goto(`${sim.url}/?persona=${WARGA_BUDI.id}`);
    await phone.locator(".chat-item").first().waitFor();
    await phone.screenshot({ path: `${SHOTS}/04-ponsel-daftar-chat.png` });
    await phone.locator(".chat-item", { hasText: "Warga Kampung Sukanegara" }).click();
    await phone.locator(".poll").last().waitFor();
    await phone.locator(".poll .opt", { hasText: "Minggu pagi" }).last().click();
    await phone.locator(".poll .chosen", { hasText: "Minggu pagi" }).waitFor();
    await phone.screenshot({ path: `${SHOTS}/05-ponsel-grup-kampung.png` });
  }, 120_000);
});

function pageHelpers(page: Page) {
  /** Id of the newest message on the page; what the bot says next has a larger one. */
  const lastMid = async () => Number((await page.locator("[data-mid]").last().getAttribute("data-mid")) ?? 0);
  let mark = 0;
  const ui = {
    async say(text: string) {
      mark = await lastMid();
      await page.fill("#input", text);
      await page.press("#input", "Enter");
      await page.locator(".row.own .text", { hasText: text.slice(0, 30) }).last().waitFor();
    },
    /** Waits for a bot message newer than the last action that contains `part`; returns its text. */
    async waitBot(part: string) {
      const loc = page.locator(".row:not(.own)", { hasText: part });
      for (;;) {
        const n = await loc.count();
        for (let i = n - 1; i >= 0; i--) {
          const mid = Number(await loc.nth(i).getAttribute("data-mid"));
          if (mid > mark) return (await loc.nth(i).innerText()).trim();
        }
        await page.waitForTimeout(50);
      }
    },
    /** Presses the newest inline button labelled `label` on a message newer than the last action. */
    async press(label: string) {
      for (;;) {
        const rows = page.locator(".row", { has: page.locator(".ikb button", { hasText: label }) });
        const n = await rows.count();
        if (n) {
          const r = rows.nth(n - 1);
          if (Number(await r.getAttribute("data-mid")) > mark) {
            mark = await lastMid();
            await r.locator(".ikb button", { hasText: label }).first().click();
            return;
          }
        }
        await page.waitForTimeout(50);
      }
    },
    /** Presses `label` on the newest message about `ticket`. */
    async pressOn(ticket: string, label: string) {
      const row = page.locator(".row", { hasText: ticket, has: page.locator(".ikb button", { hasText: label }) }).last();
      await row.waitFor();
      mark = await lastMid();
      await row.locator(".ikb button", { hasText: label }).first().click();
    },
    /** The bot may ask for an optional note: skip it when it does. */
    async pressIfAsked(label: string) {
      await page.waitForTimeout(400);
      const rows = page.locator(".row", { has: page.locator(".ikb button", { hasText: label }) });
      const n = await rows.count();
      if (n && Number(await rows.nth(n - 1).getAttribute("data-mid")) > mark) await ui.press(label);
    },
    async tick(n: number) {
      await page.locator(`.step[data-step="${n - 1}"].done`).waitFor({ timeout: 15_000 });
    },
  };
  return ui;
}
