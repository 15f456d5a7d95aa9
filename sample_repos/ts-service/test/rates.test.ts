import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { chargeableGrams, MAX_WEIGHT_GRAMS, price, UnquotableParcel } from "../src/domain/rates.js";
import { zoneFor } from "../src/domain/zones.js";

const small = { weightGrams: 800, lengthCm: 20, widthCm: 15, heightCm: 10 };

describe("chargeableGrams", () => {
  it("uses the actual weight for dense parcels", () => {
    assert.equal(chargeableGrams(small), 800);
  });

  it("uses the volumetric weight for bulky parcels", () => {
    assert.equal(chargeableGrams({ weightGrams: 500, lengthCm: 50, widthCm: 40, heightCm: 30 }), 12000);
  });
});

describe("price", () => {
  it("charges the first kilogram only for light parcels", () => {
    const quote = price("domestic", "standard", small, 0);
    assert.equal(quote.basePence, 495);
    assert.equal(quote.totalPence, 495);
  });

  it("adds the fuel surcharge on top of base and oversize", () => {
    const quote = price("eu1", "economy", { weightGrams: 2100, lengthCm: 130, widthCm: 10, heightCm: 10 }, 10);
    assert.equal(quote.basePence, 895 + 3 * 120);
    assert.equal(quote.surchargePence, 1500);
    assert.equal(quote.fuelPence, Math.round((1255 + 1500) * 0.1));
  });

  it("refuses parcels over the weight limit", () => {
    assert.throws(
      () => price("world1", "express", { ...small, weightGrams: MAX_WEIGHT_GRAMS + 1 }, 0),
      UnquotableParcel,
    );
  });
});

describe("zoneFor", () => {
  it("is case-insensitive", () => {
    assert.equal(zoneFor("fr"), "eu1");
  });

  it("returns undefined for countries we do not serve", () => {
    assert.equal(zoneFor("ZZ"), undefined);
  });
});
