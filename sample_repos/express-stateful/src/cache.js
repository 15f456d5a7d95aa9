'use strict';

const { createClient } = require('redis');
const config = require('./config');
const logger = require('./logger');

// Give up on Redis after a few attempts instead of retrying forever: without it the app runs,
// uncached (see connect() below).
const client = createClient({
  url: config.redisUrl,
  socket: {
    connectTimeout: 2000,
    reconnectStrategy: (retries) => (retries >= 3 ? new Error('redis unreachable') : 500),
  },
});
let ready = false;

client.on('ready', () => {
  ready = true;
  logger.info('redis connected');
});
client.on('error', (err) => {
  ready = false;
  logger.warn('redis error', { message: err.message });
});

async function connect() {
  try {
    await client.connect();
  } catch (err) {
    // The app still works without the cache, just slower.
    logger.warn('redis unavailable, continuing without cache', { message: err.message });
  }
}

async function remember(key, ttlSeconds, producer) {
  if (ready) {
    const cached = await client.get(key);
    if (cached !== null) return JSON.parse(cached);
  }
  const value = await producer();
  if (ready) {
    await client.set(key, JSON.stringify(value), { EX: ttlSeconds });
  }
  return value;
}

/** Fixed-window rate limiter: true when the caller is still under the limit. */
async function underLimit(key, limit, windowSeconds) {
  if (!ready) return true;
  const count = await client.incr(key);
  if (count === 1) await client.expire(key, windowSeconds);
  return count <= limit;
}

module.exports = { connect, remember, underLimit, client };
