import pg from "pg";
import type { Logger } from "pino";

export type Db = pg.Pool;

export function createPool(databaseUrl: string, max: number, logger: Logger): Db {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 5_000,
    application_name: "shipping-quotes",
  });
  pool.on("error", (err) => {
    // An idle client failed (e.g. the database restarted); the pool replaces it.
    logger.warn({ err }, "idle database client error");
  });
  return pool;
}

export async function ping(pool: Db): Promise<boolean> {
  try {
    await pool.query("SELECT 1");
    return true;
  } catch {
    return false;
  }
}
