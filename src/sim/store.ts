// Keeps the emulator's world (chats, messages, files) in SIM_DATA_DIR next to the bot's PGlite
// database, so a restarted sandbox shows the same chats the database refers to.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { EmulatorState, FakeTelegram } from "../emulator/index.js";

export type SimMode = "demo" | "fresh";

export interface WorldMeta {
  mode: SimMode;
  createdAt: string;
  /** Filled by the demo seed: the fresh ticket the exercise is about, etc. */
  seed?: Record<string, unknown>;
}

interface SavedWorld {
  meta: WorldMeta;
  state: EmulatorState;
}

const WORLD_FILE = "emulator.json";
const FILES_DIR = "files";

export function worldExists(dir: string): boolean {
  return existsSync(path.join(dir, WORLD_FILE));
}

/** Reads a saved world; file bytes come back from files/. */
export function loadWorld(dir: string): SavedWorld | null {
  const file = path.join(dir, WORLD_FILE);
  if (!existsSync(file)) return null;
  const saved = JSON.parse(readFileSync(file, "utf8")) as SavedWorld & { state: { files: Array<{ bytesFile?: string }> } };
  for (const f of saved.state.files as Array<Record<string, unknown>>) {
    const name = f.bytesFile as string | undefined;
    delete f.bytesFile;
    if (name && existsSync(path.join(dir, FILES_DIR, name))) f.bytes = readFileSync(path.join(dir, FILES_DIR, name));
  }
  return saved;
}

/** Writes the world: new file bytes once each under files/, the rest as one JSON (atomically). */
export class WorldStore {
  private written = new Set<string>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly dir: string,
    private readonly fake: FakeTelegram,
    public meta: WorldMeta,
  ) {
    mkdirSync(path.join(dir, FILES_DIR), { recursive: true });
  }

  /** Saves within a second; many changes in a burst make one write. */
  soon(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.save();
    }, 1000);
    this.timer.unref();
  }

  save(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const state = this.fake.exportState();
    const files = state.files.map((f) => {
      const { bytes, ...rest } = f;
      if (!bytes) return rest;
      const name = `${f.file_unique_id.replace(/[^A-Za-z0-9_-]/g, "")}.bin`;
      if (!this.written.has(name)) {
        const p = path.join(this.dir, FILES_DIR, name);
        if (!existsSync(p)) writeFileSync(p, bytes);
        this.written.add(name);
      }
      return { ...rest, bytesFile: name };
    });
    const tmp = path.join(this.dir, `${WORLD_FILE}.tmp`);
    writeFileSync(tmp, JSON.stringify({ meta: this.meta, state: { ...state, files } }));
    renameSync(tmp, path.join(this.dir, WORLD_FILE));
  }
}
