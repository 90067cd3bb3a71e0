import type { Redis } from "ioredis";
import type { Config } from "./config.js";
import type { Database, Prisma } from "./infra/db.js";
import type { Logger } from "./infra/logger.js";
import type { Clock } from "./infra/clock.js";
import type { DeliveryQueue } from "./delivery/queue.js";
import type { JobScheduler } from "./jobs/scheduler.js";
import type { Random } from "./infra/random.js";

/** Everything a feature may use; built once in main.ts (or the test harness). */
export interface Deps {
  config: Config;
  logger: Logger;
  db: Database;
  prisma: Prisma;
  redis?: Redis;
  clock: Clock;
  random: Random;
  delivery: DeliveryQueue;
  jobs: JobScheduler;
  /** t.me username of the bot, without "@"; known after getMe or from the test fake. */
  botUsername: string;
}
