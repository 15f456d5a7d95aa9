import type { Zone } from "./zones.js";

export type ServiceLevel = "economy" | "standard" | "express";

export interface Parcel {
  weightGrams: number;
  lengthCm: number;
  widthCm: number;
  heightCm: number;
}

export interface PriceBreakdown {
  service: ServiceLevel;
  chargeableGrams: number;
  basePence: number;
  surchargePence: number;
  fuelPence: number;
  totalPence: number;
  transitDays: [number, number];
}

/** Base price in pence for the first kilogram, then per additional started 500 g. */
const RATE_CARD: Record<Zone, Record<ServiceLevel, { firstKg: number; perHalfKg: number; days: [number, number] }>> = {
  domestic: {
    economy: { firstKg: 345, perHalfKg: 45, days: [3, 5] },
    standard: { firstKg: 495, perHalfKg: 60, days: [1, 2] },
    express: { firstKg: 995, perHalfKg: 95, days: [1, 1] },
  },
  eu1: {
    economy: { firstKg: 895, perHalfKg: 120, days: [4, 7] },
    standard: { firstKg: 1295, perHalfKg: 160, days: [2, 4] },
    express: { firstKg: 2495, perHalfKg: 260, days: [1, 2] },
  },
  eu2: {
    economy: { firstKg: 995, perHalfKg: 140, days: [5, 8] },
    standard: { firstKg: 1395, perHalfKg: 180, days: [3, 5] },
    express: { firstKg: 2695, perHalfKg: 290, days: [1, 2] },
  },
  "europe-other": {
    economy: { firstKg: 1195, perHalfKg: 170, days: [5, 9] },
    standard: { firstKg: 1595, perHalfKg: 210, days: [3, 6] },
    express: { firstKg: 2995, perHalfKg: 320, days: [2, 3] },
  },
  world1: {
    economy: { firstKg: 1795, perHalfKg: 290, days: [7, 12] },
    standard: { firstKg: 2495, perHalfKg: 350, days: [4, 7] },
    express: { firstKg: 4495, perHalfKg: 520, days: [2, 3] },
  },
  world2: {
    economy: { firstKg: 2195, perHalfKg: 340, days: [8, 14] },
    standard: { firstKg: 2995, perHalfKg: 410, days: [5, 8] },
    express: { firstKg: 5295, perHalfKg: 610, days: [2, 4] },
  },
};

const VOLUMETRIC_DIVISOR = 5000; // cm³ per kg
const OVERSIZE_CM = 120;
const OVERSIZE_SURCHARGE_PENCE = 1500;
export const MAX_WEIGHT_GRAMS = 30_000;

export class UnquotableParcel extends Error {}

/** The weight the carrier charges for: the greater of actual and volumetric weight. */
export function chargeableGrams(parcel: Parcel): number {
  const volumetric = ((parcel.lengthCm * parcel.widthCm * parcel.heightCm) / VOLUMETRIC_DIVISOR) * 1000;
  return Math.ceil(Math.max(parcel.weightGrams, volumetric));
}

export function price(zone: Zone, service: ServiceLevel, parcel: Parcel, fuelSurchargePercent: number): PriceBreakdown {
  const grams = chargeableGrams(parcel);
  if (grams > MAX_WEIGHT_GRAMS) {
    throw new UnquotableParcel(`parcel is ${grams} g chargeable, the limit is ${MAX_WEIGHT_GRAMS} g`);
  }
  const card = RATE_CARD[zone][service];
  const extraHalfKilos = Math.max(0, Math.ceil((grams - 1000) / 500));
  const basePence = card.firstKg + extraHalfKilos * card.perHalfKg;
  const longest = Math.max(parcel.lengthCm, parcel.widthCm, parcel.heightCm);
  const surchargePence = longest > OVERSIZE_CM ? OVERSIZE_SURCHARGE_PENCE : 0;
  const fuelPence = Math.round(((basePence + surchargePence) * fuelSurchargePercent) / 100);
  return {
    service,
    chargeableGrams: grams,
    basePence,
    surchargePence,
    fuelPence,
    totalPence: basePence + surchargePence + fuelPence,
    transitDays: card.days,
  };
}

export function allServices(zone: Zone, parcel: Parcel, fuelSurchargePercent: number): PriceBreakdown[] {
  return (["economy", "standard", "express"] as const).map((s) => price(zone, s, parcel, fuelSurchargePercent));
}
