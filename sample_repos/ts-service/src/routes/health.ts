import type { FastifyInstance } from "fastify";
import { ping, type Db } from "../db.js";

export async function healthRoutes(app: FastifyInstance, opts: { db: Db }): Promise<void> {
  // Liveness: the event loop is responsive.
  app.get("/health/live", async () => ({ status: "ok" }));

  // Readiness: the database answers; Kubernetes stops routing traffic here otherwise.
  app.get("/health/ready", async (_request, reply) => {
    const database = await ping(opts.db);
    if (!database) {
      return reply.code(503).send({ status: "unavailable", database: "down" });
    }
    return { status: "ready", database: "up" };
  });
}
