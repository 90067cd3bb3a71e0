import { FakeTelegram } from "./tests/support/fake-telegram/index.ts";
import { spawnMain } from "./tests/support/infra.ts";
import { mkdtempSync, cpSync } from "node:fs";
const fake = await FakeTelegram.start();
const dir = mkdtempSync("/tmp/exp/w-"); cpSync("/tmp/exp/tpl", dir, { recursive: true });
for (const env of [{ BOT_TOKEN: "999:WRONGTOKENx", TELEGRAM_API_ROOT: fake.apiRoot }, { BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: "http://127.0.0.1:1" }]) {
  const b = spawnMain({ ...env, DATA_DIR: dir, HTTP_PORT: "0" });
  const r = await b.exited;
  console.log(r.code, JSON.stringify(b.stderr()));
}
await fake.stop();
