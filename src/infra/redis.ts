import { Redis } from "ioredis";

export class RedisUnavailable extends Error {}

/** One ioredis client for sessions, conversations, limits and locks. */
export async function openRedis(url: string): Promise<Redis> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3, connectTimeout: 5_000 });
  redis.on("error", () => {}); // reconnects on its own; commands report failures to their callers
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    redis.disconnect();
    throw new RedisUnavailable(`REDIS_URL: cannot connect to Redis (${(err as Error).message})`);
  }
  return redis;
}
