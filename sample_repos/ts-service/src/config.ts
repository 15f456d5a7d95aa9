import { z } from "zod";

/**
 * Configuration comes from the environment only (twelve-factor III). The process fails
 * fast at start-up when something required is missing, instead of at the first request.
 */
const schema = z.object({
  port: z.coerce.number().int().min(1).max(65535),
  host: z.string().min(1),
  logLevel: z.enum(["fatal", "error", "warn", "info", "debug", "trace"]),
  databaseUrl: z.string().url(),
  dbPoolMax: z.coerce.number().int().positive(),
  quoteTtlMinutes: z.coerce.number().int().positive(),
  fuelSurchargePercent: z.coerce.number().min(0).max(100),
  shutdownGraceMs: z.coerce.number().int().nonnegative(),
});

export type Config = z.infer<typeof schema>;

export function loadConfig(): Config {
  const parsed = schema.safeParse({
    port: process.env.PORT || 8080,
    host: process.env.HOST ?? "0.0.0.0",
    logLevel: process.env.LOG_LEVEL ?? "info",
    databaseUrl: process.env.DATABASE_URL,
    dbPoolMax: process.env.DB_POOL_MAX ?? 10,
    quoteTtlMinutes: process.env.QUOTE_TTL_MINUTES ?? 30,
    fuelSurchargePercent: process.env.FUEL_SURCHARGE_PERCENT ?? 0,
    shutdownGraceMs: process.env.SHUTDOWN_GRACE_MS ?? 10_000,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`invalid configuration: ${problems}`);
  }
  return parsed.data;
}
