import type { FlavorEstimate, ImportEstimate, JobHardware } from '@s3-to-hf/core';

/** One row of the hardware table. */
export interface HardwareChoice {
  name: string;
  label: string;
  /** e.g. '2 vCPU · 16 GB RAM' */
  specs: string;
  /** Undefined when the billing unit is not one this code knows. */
  pricePerHourUSD?: number;
  /** Undefined while the selection's size is unknown. */
  estimate?: FlavorEstimate;
}

const UNIT_SECONDS: Record<string, number> = { second: 1, minute: 60, hour: 3600 };

/**
 * The flavors worth offering for an import, with price per hour and estimate: CPU flavors
 * (imports are network-bound, accelerators only cost more), plus any flavor the caller gave a
 * throughput for. Cheapest first, as the Hub lists them.
 */
export function hardwareChoices(
  hardware: readonly JobHardware[],
  estimate: ImportEstimate | undefined,
  throughput: Readonly<Record<string, number>> = {},
): HardwareChoice[] {
  return hardware
    .filter((flavor) => !flavor.accelerator || throughput[flavor.name] > 0)
    .map((flavor) => {
      const unit = UNIT_SECONDS[flavor.unitLabel];
      const flavorEstimate = estimate?.flavors.find((entry) => entry.flavor === flavor.name);
      return {
        name: flavor.name,
        label: flavor.prettyName || flavor.name,
        specs: [flavor.cpu, flavor.ram && `${flavor.ram} RAM`].filter(Boolean).join(' · '),
        ...(unit === undefined ? {} : { pricePerHourUSD: (flavor.unitCostUSD * 3600) / unit }),
        ...(flavorEstimate ? { estimate: flavorEstimate } : {}),
      };
    });
}
