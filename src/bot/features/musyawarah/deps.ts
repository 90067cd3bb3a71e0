import type { Deps } from "../../../deps.js";
import type { MeetingDeps } from "../../../domain/musyawarah/service.js";
import { createMeetingNotifier } from "./notifier.js";

const cache = new WeakMap<Deps, MeetingDeps>();

/** The meeting rules' dependencies: the app's, plus the notifier that renders and queues messages. */
export function meetingDepsOf(deps: Deps): MeetingDeps {
  let md = cache.get(deps);
  if (!md) {
    md = { prisma: deps.prisma, clock: deps.clock, delivery: deps.delivery, jobs: deps.jobs, logger: deps.logger, notifier: createMeetingNotifier(deps) };
    cache.set(deps, md);
  }
  return md;
}
