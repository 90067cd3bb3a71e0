import type { CommandSpec, Feature } from "../feature.js";
import { languageFeature } from "./language.js";
import { startFeature } from "./start.js";
import { forumSetupFeature } from "./forum-setup.js";
import { groupsFeature } from "./groups.js";
import { villagesFeature } from "./villages.js";
import { membersFeature } from "./members.js";
import { pengumumanFeature } from "./pengumuman.js";
import { discussionFeature } from "./discussion.js";
import { aspirasiFeature } from "./aspirasi.js";
import { musyawarahFeature } from "./musyawarah.js";
import { votingFeature } from "./voting.js";
import { bursaFeature } from "./bursa.js";
import { kalenderFeature } from "./kalender.js";
import { privasiFeature } from "./privasi.js";
import { laporanFeature } from "./laporan.js";
import { kelolaFeature } from "./kelola.js";
import { unhandledFeature } from "./unhandled.js";

const allSpecs = (): CommandSpec[] => features.flatMap((f) => f.commands ?? []);

/**
 * Every capability, in order. Features with their own /start payloads (e.g. aspirasi_<desa>)
 * come before `start`; `unhandled` is last.
 */
export const features: Feature[] = [
  languageFeature,
  forumSetupFeature,
  groupsFeature,
  villagesFeature,
  membersFeature,
  pengumumanFeature,
  discussionFeature,
  aspirasiFeature,
  musyawarahFeature,
  votingFeature,
  bursaFeature,
  kalenderFeature,
  privasiFeature,
  laporanFeature,
  kelolaFeature,
  startFeature(allSpecs),
  unhandledFeature,
];

export { allSpecs };
