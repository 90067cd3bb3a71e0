import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import type { Feature } from "../feature.js";
import { JOB_EVALUATION, remindEvaluation } from "../../domain/bursa/index.js";
import { bursaDepsOf } from "./bursa/deps.js";
import { kerjasamaComposer } from "./bursa/kerjasama.js";
import { mediatorComposer } from "./bursa/mediator.js";
import { postsComposer } from "./bursa/posts.js";
import { profilComposer } from "./bursa/profil.js";

/**
 * Pusat data desa and bursa kerja sama: village profiles (/profil, /potensi, template upload),
 * needs and offers matched across villages (/bursa), the kecamatan's mediator view (/mediasi),
 * and cooperation agreements with evaluation reminders (/kerjasama).
 */
export const bursaFeature: Feature = {
  name: "bursa",
  commands: [
    { command: "profil", scopes: ["private", "group"], audience: "all" },
    { command: "potensi", scopes: ["private", "group"], audience: "all" },
    { command: "bursa", scopes: ["private"], audience: "all" },
    { command: "mediasi", scopes: ["private"], audience: "moderator" },
    { command: "kerjasama", scopes: ["private"], audience: "official_or_admin" },
    { command: "kerjasama_ekspor", scopes: ["private"], audience: "admin_forum" },
  ],
  composer(deps) {
    const c = new Composer<BotContext>();
    c.use(profilComposer(deps));
    c.use(postsComposer(deps));
    // Before the mediator: its 📑 button enters the agreement conversation, which must be installed upstream.
    c.use(kerjasamaComposer(deps));
    c.use(mediatorComposer(deps));
    return c;
  },
  jobs(deps) {
    return { [JOB_EVALUATION]: (job, jc) => remindEvaluation(bursaDepsOf(deps), job, jc) };
  },
};
