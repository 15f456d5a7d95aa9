import { FastifyInstance } from "fastify";
export async function health(app: FastifyInstance) {
  // ruleid: health-endpoint
  app.get("/healthz", async () => ({ status: "ok" }));
}
