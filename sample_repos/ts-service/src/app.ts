import Fastify, { type FastifyInstance } from "fastify";
import type { Logger } from "pino";
import type { Config } from "./config.js";
import type { Db } from "./db.js";
import { QuoteRepository } from "./repositories/quoteRepository.js";
import { healthRoutes } from "./routes/health.js";
import { quoteRoutes } from "./routes/quotes.js";

export function buildApp(config: Config, logger: Logger, db: Db): FastifyInstance {
  const app = Fastify({
    logger,
    trustProxy: true,
    bodyLimit: 64 * 1024,
    requestIdHeader: "x-request-id",
    disableRequestLogging: false,
  });

  app.setErrorHandler((error, request, reply) => {
    if (error.validation) {
      return reply.code(400).send({ error: error.message });
    }
    request.log.error({ err: error }, "request failed");
    return reply.code(500).send({ error: "internal error" });
  });

  app.register(healthRoutes, { db });
  app.register(quoteRoutes, { config, quotes: new QuoteRepository(db) });

  return app;
}
