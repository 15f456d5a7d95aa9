import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Config } from "../config.js";
import { allServices, price, UnquotableParcel, type ServiceLevel } from "../domain/rates.js";
import { supportedCountries, zoneFor } from "../domain/zones.js";
import type { QuoteRepository } from "../repositories/quoteRepository.js";

const quoteRequest = z.object({
  country: z.string().length(2),
  service: z.enum(["economy", "standard", "express"]).optional(),
  parcel: z.object({
    weightGrams: z.number().int().positive(),
    lengthCm: z.number().positive().max(200),
    widthCm: z.number().positive().max(200),
    heightCm: z.number().positive().max(200),
  }),
});

interface QuoteRouteOptions {
  config: Config;
  quotes: QuoteRepository;
}

export async function quoteRoutes(app: FastifyInstance, opts: QuoteRouteOptions): Promise<void> {
  const { config, quotes } = opts;

  app.get("/v1/countries", async () => ({ countries: supportedCountries() }));

  app.post("/v1/quotes", async (request, reply) => {
    const parsed = quoteRequest.safeParse(request.body);
    if (!parsed.success) {
      return reply.code(400).send({ error: "invalid request", issues: parsed.error.issues });
    }
    const { country, service, parcel } = parsed.data;
    const zone = zoneFor(country);
    if (!zone) {
      return reply.code(422).send({ error: `we do not ship to ${country.toUpperCase()}` });
    }
    try {
      const options = service
        ? [price(zone, service as ServiceLevel, parcel, config.fuelSurchargePercent)]
        : allServices(zone, parcel, config.fuelSurchargePercent);
      const quote = await quotes.save(country.toUpperCase(), parcel, options, config.quoteTtlMinutes);
      request.log.info({ quoteId: quote.id, zone, options: options.length }, "quote issued");
      return reply.code(201).send(quote);
    } catch (err) {
      if (err instanceof UnquotableParcel) {
        return reply.code(422).send({ error: err.message });
      }
      throw err;
    }
  });

  app.get<{ Params: { id: string } }>("/v1/quotes/:id", async (request, reply) => {
    const quote = await quotes.find(request.params.id);
    if (!quote) {
      return reply.code(404).send({ error: "quote not found or expired" });
    }
    return quote;
  });
}
