/**
 * How often a group may receive discussion messages, so no group is flooded past Telegram's
 * 20 messages per minute (Bot FAQ):
 * - a steady pace of one send per 4 s with a burst of 3 for a quiet group (a "leaky bucket",
 *   GCRA), which spreads a busy minute's sends evenly instead of spending them in the first seconds
 *   and leaving the group silent for the rest of the minute;
 * - and, as a hard cap, at most 18 sends in any 60 s, leaving room for the other features'
 *   messages (pengumuman, votes) within Telegram's 20.
 * Messages that find no room wait in a digest for the group's next slot.
 */
export interface Pace {
  /** Steady interval between sends, ms. */
  intervalMs: number;
  /** How far ahead of the steady pace a quiet group may go (burst of 1 + burst/interval). */
  burstMs: number;
  windowMs: number;
  maxPerWindow: number;
}

export const PACE: Pace = { intervalMs: 4_000, burstMs: 8_000, windowMs: 60_000, maxPerWindow: 18 };

/**
 * `sends`: times (ms, ascending) of the discussion sends to one group, at least those of the last
 * minute. Returns 0 when `need` more sends fit now, else the ms until they do.
 */
export function waitForRoom(sends: readonly number[], now: number, need = 1, pace: Pace = PACE): number {
  // Theoretical arrival time of the next send after the history (GCRA).
  let tat = -Infinity;
  for (const t of sends) tat = Math.max(tat, t) + pace.intervalMs;
  const byPace = tat === -Infinity ? 0 : tat + (need - 1) * pace.intervalMs - pace.burstMs - now;
  const inWindow = sends.filter((t) => t > now - pace.windowMs);
  const over = inWindow.length + Math.min(need, pace.maxPerWindow) - pace.maxPerWindow;
  const byWindow = over > 0 ? inWindow[over - 1]! + pace.windowMs + 1 - now : 0;
  return Math.max(0, Math.ceil(byPace), byWindow);
}

/**
 * A group's own offset within the pace interval, for flushes of waiting messages. Without it every
 * group of a busy topic would get its slot at the same instant; spread out, some group gets one
 * every fraction of a second, so each message reaches its first groups quickly.
 */
export function phaseOf(chatId: bigint, pace: Pace = PACE): number {
  const x = Number(BigInt.asUintN(32, (chatId * 2654435761n) ^ (chatId >> 16n)));
  return x % pace.intervalMs;
}

/** Ledger rows older than this no longer matter. */
export const LEDGER_SPAN_MS = PACE.windowMs;
