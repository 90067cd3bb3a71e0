import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createHarness, T0, type Harness } from "../support/harness.js";
import { aForum } from "../support/world.js";
import { aTopic, repliesTo } from "../support/discussion.js";

vi.setConfig({ testTimeout: 120_000 });

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await h.reset();
  h.clock.set(T0);
  h.fake.setNow(T0);
});

describe("relaying video notes", () => {
  it("a video note in a topic reaches every other group as a video note, after a header line naming the author", async () => {
    const f = await aForum(h);
    const t = await aTopic(h, f, { villages: [0, 1, 2] });
    const [g0, g1, g2] = f.villages.map((v) => v.group);
    const ani = await f.resident(0, "Ani");
    const sent = h.fake.updates.videoNote(ani, g0!, { replyTo: t.card.get(g0!.id)! });
    await h.send(sent);
    await h.flush();
    for (const g of [g1!, g2!]) {
      const got = h.fake.sent(g.id).slice(1);
      expect(got.map((m) => ("video_note" in m ? "video_note" : "text"))).toEqual(["text", "video_note"]);
      expect(got[0]!.text).toBe("Ani · Desa Sukajaya");
      expect(repliesTo(got[0]!)).toBe(t.card.get(g.id));
      expect(got[1]!.video_note!.file_id).toBe(sent.message!.video_note!.file_id);
    }
    // Not sent back into the author's own group, nor to a village outside the topic.
    expect(h.fake.sent(g0!.id).filter((m) => "video_note" in m)).toHaveLength(0);
    expect(h.fake.sent(f.villages[3]!.group.id).filter((m) => "video_note" in m)).toHaveLength(0);
    expect(await h.app.deps.prisma.relayMessage.count({ where: { kind: "video_note" } })).toBe(1);
  });
});
