import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import type { Feature } from "../feature.js";

// Placeholder: filled in by the issue that builds this capability.
export const votingFeature: Feature = {
  name: "voting",
  commands: [],
  composer() {
    return new Composer<BotContext>();
  },
};
