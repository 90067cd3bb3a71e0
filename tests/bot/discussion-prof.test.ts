import { afterAll, beforeAll, it } from "vitest";
import { createHarness, type Harness } from "../support/harness.js";
import { aForum } from "../support/world.js";
import { aTopic, replyIn } from "../support/discussion.js";
let h: Harness;
beforeAll(async () => { h = await createHarness(); });
afterAll(async () => h?.close());
it("prof", async () => {
  await h.reset();
  const f = await aForum(h, { villages: 17 });
  const t = await aTopic(h, f);
  const users = await Promise.all(f.villages.map((_, i) => f.resident(i, "W" + i)));
  const prisma: any = h.app.deps.prisma;
  let q = 0;
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const g = f.villages[i % 17]!.group;
    const t0 = performance.now();
    await replyIn(h, users[i % 17]!, g, t.card.get(g.id)!, "x" + i);
    times.push(performance.now() - t0);
    h.clock.advance(4000);
  }
  console.log("handle ms", times.map((x) => Math.round(x)).join(" "));
  await h.flush();
});
