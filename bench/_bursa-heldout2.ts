import type { BenchPair } from "./_bursa-table.js";

// Written after the second freeze.
export const HELD_OUT_2: BenchPair[] = [];
