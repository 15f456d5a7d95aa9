import pino, { type Logger } from "pino";

/**
 * Structured JSON logs on stdout (file descriptor 1); the platform ships them.
 * Nothing is written to the container's file system.
 */
export function createLogger(level: string): Logger {
  return pino(
    {
      level,
      base: { service: "shipping-quotes" },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: ["req.headers.authorization", "req.headers.cookie"], remove: true },
      formatters: {
        level: (label) => ({ level: label }),
      },
    },
    pino.destination({ dest: 1, sync: false }),
  );
}
