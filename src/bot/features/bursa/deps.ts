import type { Deps } from "../../../deps.js";
import type { BursaDeps } from "../../../domain/bursa/index.js";
import { createBursaNotices } from "./notices.js";

const cache = new WeakMap<Deps, BursaDeps>();

/** The bursa rules' dependencies: the app's, plus the renderer of notices. */
export function bursaDepsOf(deps: Deps): BursaDeps {
  let bd = cache.get(deps);
  if (!bd) {
    bd = { prisma: deps.prisma, clock: deps.clock, delivery: deps.delivery, jobs: deps.jobs, logger: deps.logger, notices: createBursaNotices() };
    cache.set(deps, bd);
  }
  return bd;
}
