import { Redis } from "ioredis";

export class RedisUnavailable extends Error {}

/** One ioredis client for sessions, conversations, limits and locks. */
export async function openRedis(url: string): Promise<Redis> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3, connectTimeout: 5_000 });
  let lastError: Error | undefined;
  // Reconnects on its own; commands report failures to their callers. The first socket error
  // (e.g. ECONNREFUSED) says more than ioredis' "Connection is closed." that connect() rejects with.
  redis.on("error", (e: Error) => {
    lastError ??= e;
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    redis.disconnect();
    throw new RedisUnavailable(`REDIS_URL: cannot connect to Redis (${(lastError ?? (err as Error)).message})`);
  }
  return redis;
}
