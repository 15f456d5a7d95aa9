/** Destination zones by ISO country code, as agreed with the carriers (rate card 2024-03). */
export type Zone = "domestic" | "eu1" | "eu2" | "europe-other" | "world1" | "world2";

const ZONES: Record<string, Zone> = {
  GB: "domestic",
  IE: "eu1",
  FR: "eu1",
  BE: "eu1",
  NL: "eu1",
  DE: "eu1",
  LU: "eu1",
  ES: "eu2",
  PT: "eu2",
  IT: "eu2",
  AT: "eu2",
  DK: "eu2",
  SE: "eu2",
  FI: "eu2",
  PL: "eu2",
  CZ: "eu2",
  NO: "europe-other",
  CH: "europe-other",
  IS: "europe-other",
  US: "world1",
  CA: "world1",
  AU: "world2",
  NZ: "world2",
  JP: "world2",
  SG: "world2",
};

export function zoneFor(countryCode: string): Zone | undefined {
  return ZONES[countryCode.toUpperCase()];
}

export function supportedCountries(): string[] {
  return Object.keys(ZONES).sort();
}
