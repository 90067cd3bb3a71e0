import type { User } from "grammy/types";
import type { Harness } from "./harness.js";
import { lastText, press, say } from "./world.js";

export type AudienceChoice = "all-groups" | "groups" | "own-groups" | "officials" | "residents";

const AUDIENCE_LABEL: Record<AudienceChoice, string> = {
  "all-groups": "Semua grup desa",
  groups: "Grup desa pilihan",
  "own-groups": "🏘️ Grup desa",
  officials: "Perangkat desa",
  residents: "Warga terdaftar",
};

export interface AnnounceOptions {
  text?: string;
  audience: AudienceChoice;
  /** Village names to tick in the picker (when the audience has one). */
  villages?: string[];
  pin?: boolean;
  silent?: boolean;
  /** Typed schedule ("besok 09.00"); omitted = send now. */
  at?: string;
  /** Stop before pressing the final ✅ (to inspect the preview). */
  confirm?: boolean;
}

/**
 * Walks `user` through /pengumuman in their private chat, pressing the buttons a person would.
 * Returns the texts the bot sent to them during the flow.
 */
export async function announce(h: Harness, user: User, o: AnnounceOptions): Promise<void> {
  await say(h, user, "/pengumuman");
  await say(h, user, o.text ?? "Rapat koordinasi desa hari Kamis pukul 09.00 di balai desa.");
  await press(h, user, user.id, AUDIENCE_LABEL[o.audience]);
  if (o.villages) {
    for (const v of o.villages) await press(h, user, user.id, v);
    await press(h, user, user.id, "Lanjut");
  }
  if (o.pin) await press(h, user, user.id, "Sematkan");
  if (o.silent) await press(h, user, user.id, "Tanpa bunyi");
  if (o.at) {
    await press(h, user, user.id, "🗓️ Jadwalkan");
    await say(h, user, o.at);
    // Every typed date is echoed back and used only after ✅ Benar.
    await press(h, user, user.id, "Benar");
  } else {
    await press(h, user, user.id, "Kirim sekarang");
  }
  if (o.confirm === false) return;
  await press(h, user, user.id, o.at ? "✅ Jadwalkan" : "✅ Kirim");
}

/** Text of the bot's last message to a chat, failing loudly when it does not contain `part`. */
export function expectLast(h: Harness, chatId: number, part: string): string {
  const t = lastText(h, chatId);
  if (!t.includes(part)) throw new Error(`expected the last message in ${chatId} to contain "${part}", got: ${t}`);
  return t;
}

/** The announcement messages a chat received (header line "📢 Pengumuman"). */
export function announcements(h: Harness, chatId: number) {
  return h.fake.sent(chatId).filter((m) => String(m.text ?? m.caption ?? "").startsWith("📢"));
}

/** Runs the progress job until the broadcast is finished (each round 5 s later, as in production). */
export async function finishProgress(h: Harness, rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    h.clock.advance(5_000);
    await h.tick();
  }
}
