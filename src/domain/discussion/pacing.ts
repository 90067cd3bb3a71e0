/**
 * How many discussion messages a group may receive, so no group is flooded past Telegram's
 * 20 messages per minute (Bot FAQ). Two sliding windows:
 * - at most 18 per 60 s, leaving room for the other features' messages (pengumuman, votes);
 * - at most 3 per 10 s, so under a busy topic the minute's budget is spread evenly (a slot every
 *   few seconds) instead of being spent in the first seconds and leaving the group silent for the
 *   rest of the minute. Messages that find no room wait in a digest for the next slot.
 */
export interface PaceWindow {
  spanMs: number;
  limit: number;
}

export const PACE: PaceWindow[] = [
  { spanMs: 60_000, limit: 18 },
  { spanMs: 10_000, limit: 3 },
];

/**
 * `sends`: times (ms, ascending) of the discussion sends to one group, at least those of the last
 * minute. Returns 0 when `need` more sends fit now, else the ms until they do.
 */
export function waitForRoom(sends: readonly number[], now: number, need = 1, pace: PaceWindow[] = PACE): number {
  let wait = 0;
  for (const w of pace) {
    const n = Math.min(need, w.limit);
    const inWindow = sends.filter((t) => t > now - w.spanMs);
    const over = inWindow.length + n - w.limit;
    if (over <= 0) continue;
    // The `over` oldest sends of the window must leave it first.
    const freeAt = inWindow[over - 1]! + w.spanMs + 1;
    wait = Math.max(wait, freeAt - now);
  }
  return wait;
}

/** Longest window: ledger rows older than this no longer matter. */
export const LEDGER_SPAN_MS = Math.max(...PACE.map((w) => w.spanMs));
