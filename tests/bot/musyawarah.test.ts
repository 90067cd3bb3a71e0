import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../support/harness.js";
import { aForum, buttons, lastText, press, say, texts } from "../support/world.js";
import { HOUR, MIN, aMeeting, createViaBot, icsSent, invitationIn, personId, pressData } from "../support/musyawarah.js";

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h?.close());
beforeEach(async () => h.reset());

describe("creating a meeting", () => {
  it("an admin creates a Musdes with typed Indonesian time; the invitation and .ics reach the chosen village groups", async () => {
    const f = await aForum(h);
    await createViaBot(h, f, f.admin, { when: "besok 09.00", audience: ["Grup warga desa"], villages: ["Sukajaya", "Sidorejo"] });
    await h.flush();
    const all = texts(h, f.admin.id).join("\n");
    expect(all).toContain("Selasa, 1 Desember 2026 pukul 09.00 WIB");
    expect(lastText(h, f.admin.id)).toContain("sedang dikirim ke 2 grup");
    const m = await h.app.deps.prisma.meeting.findFirstOrThrow();
    expect(m.startsAt.toISOString()).toBe("2026-12-01T02:00:00.000Z");
    const inv = invitationIn(h, f.villages[0]!.group.id, m.id)!;
    expect(inv.text).toContain("Undangan Musyawarah Desa (Musdes)");
    expect(inv.text).toContain("Penetapan RKP Desa 2027");
    expect(inv.text).toContain("Balai Desa Sukajaya");
    expect(invitationIn(h, f.villages[1]!.group.id, m.id)).toBeTruthy();
    expect(invitationIn(h, f.villages[2]!.group.id, m.id)).toBeUndefined();
    const ics = icsSent(h, f.villages[0]!.group.id);
    expect(ics).toHaveLength(1);
    expect(ics[0]).toContain("DTSTART:20261201T020000Z");
  });
});
