import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import type { Feature } from "../feature.js";

// Placeholder: filled in by the issue that builds this capability.
export const discussionFeature: Feature = {
  name: "discussion",
  commands: [],
  composer() {
    return new Composer<BotContext>();
  },
};
