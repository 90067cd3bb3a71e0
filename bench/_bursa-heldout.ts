import type { BenchPair } from "./_bursa-table.js";

// Written after the matcher is frozen.
export const HELD_OUT: BenchPair[] = [];
