import { randomUUID } from "node:crypto";
import type { Db } from "../db.js";
import type { Parcel, PriceBreakdown } from "../domain/rates.js";

export interface StoredQuote {
  id: string;
  country: string;
  parcel: Parcel;
  options: PriceBreakdown[];
  createdAt: string;
  expiresAt: string;
}

/** Quotes are stored in PostgreSQL so any replica can honour a quote another one issued. */
export class QuoteRepository {
  constructor(private readonly db: Db) {}

  async save(country: string, parcel: Parcel, options: PriceBreakdown[], ttlMinutes: number): Promise<StoredQuote> {
    const id = randomUUID();
    const { rows } = await this.db.query(
      `INSERT INTO quotes (id, country, parcel, options, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(mins => $5))
       RETURNING id, country, parcel, options, created_at, expires_at`,
      [id, country, JSON.stringify(parcel), JSON.stringify(options), ttlMinutes],
    );
    return toQuote(rows[0]);
  }

  async find(id: string): Promise<StoredQuote | null> {
    const { rows } = await this.db.query(
      `SELECT id, country, parcel, options, created_at, expires_at
         FROM quotes WHERE id = $1 AND expires_at > now()`,
      [id],
    );
    return rows.length ? toQuote(rows[0]) : null;
  }

  async deleteExpired(): Promise<number> {
    const result = await this.db.query("DELETE FROM quotes WHERE expires_at < now() - interval '1 day'");
    return result.rowCount ?? 0;
  }
}

function toQuote(row: Record<string, unknown>): StoredQuote {
  return {
    id: String(row.id),
    country: String(row.country),
    parcel: row.parcel as Parcel,
    options: row.options as PriceBreakdown[],
    createdAt: new Date(row.created_at as string).toISOString(),
    expiresAt: new Date(row.expires_at as string).toISOString(),
  };
}
