import { DEFAULT_TIMEOUT_SECONDS } from './import-job-defaults.js';

/** What is being imported. */
export interface ImportSize {
  bytes: number;
  files: number;
}

/** The pricing fields of an entry of `GET /api/jobs/hardware` (see listJobHardware). */
export interface FlavorPricing {
  name: string;
  /** Price of one `unitLabel` of run time, in US dollars. */
  unitCostUSD: number;
  /** 'minute' on the Hub; 'second' and 'hour' are understood too. */
  unitLabel: string;
}

/** The inputs of {@link estimateImport} besides the size. */
export interface EstimateImportOptions {
  /** The hardware list; only flavors in it are estimated. */
  hardware: readonly FlavorPricing[];
  /** Sustained import throughput per flavor, in bytes per second; merged over {@link DEFAULT_IMPORT_THROUGHPUT}. */
  throughput?: Record<string, number>;
  /** Time from submission until the import starts (scheduling, image pull, pip install). */
  startupSeconds?: number;
  /** Fixed cost of each file (listing, request round trips, batching), in seconds. */
  perFileSeconds?: number;
  /** The Job timeout the import must finish within. */
  timeoutSeconds?: number;
}

/** The estimate for one flavor. */
export interface FlavorEstimate {
  flavor: string;
  seconds: number;
  /** Undefined when the hardware list uses a billing unit this code does not know. */
  costUSD?: number;
  withinTimeout: boolean;
}

/** Estimates for every known flavor, fastest first, and the one to pick. */
export interface ImportEstimate {
  flavors: FlavorEstimate[];
  /** The cheapest flavor that finishes within the timeout (ties: the fastest); undefined if none does. */
  recommended?: FlavorEstimate;
}

const MIB = 2 ** 20;

/**
 * Rough sustained throughput of `hf buckets import` per CPU flavor (S3 download plus Xet upload,
 * bounded by the flavor's network and CPU). Callers with better measurements pass `throughput`.
 */
export const DEFAULT_IMPORT_THROUGHPUT: Readonly<Record<string, number>> = Object.freeze({
  'cpu-basic': 8 * MIB,
  'cpu-upgrade': 16 * MIB,
  'cpu-performance': 60 * MIB,
  'cpu-xl': 100 * MIB,
});

/** Typical time from submitting a Job until the import itself starts. */
export const DEFAULT_STARTUP_SECONDS = 75;

/** Typical per-file overhead with the default 4 workers. */
export const DEFAULT_PER_FILE_SECONDS = 0.02;

const UNIT_SECONDS: Record<string, number> = { second: 1, minute: 60, hour: 3600 };
// Costs that differ by less than this are equal (floating point noise, not a real price gap).
const COST_EPSILON_USD = 1e-9;

function costUSD(seconds: number, pricing: FlavorPricing): number | undefined {
  const unit = UNIT_SECONDS[pricing.unitLabel];
  // Billing counts every started unit (per minute on the Hub).
  return unit === undefined ? undefined : Math.ceil(seconds / unit) * pricing.unitCostUSD;
}

type PricedEstimate = FlavorEstimate & { costUSD: number };

function isPricedAndInTime(estimate: FlavorEstimate): estimate is PricedEstimate {
  return estimate.withinTimeout && estimate.costUSD !== undefined;
}

function cheaperThenFaster(a: PricedEstimate, b: PricedEstimate): number {
  const difference = a.costUSD - b.costUSD;
  return Math.abs(difference) > COST_EPSILON_USD ? difference : a.seconds - b.seconds;
}

/**
 * Estimates how long an import takes and what it costs on each CPU flavor, and recommends the
 * cheapest flavor that finishes within the timeout (on a tie, the fastest). Duration = start-up
 * + bytes / throughput + files × per-file overhead; cost = started billing units × unit price.
 *
 * @example
 * const hardware = await listJobHardware({ accessToken });
 * const { recommended } = estimateImport({ bytes: 50e9, files: 2_000 }, { hardware, timeoutSeconds: 4 * 3600 });
 */
export function estimateImport(size: ImportSize, options: EstimateImportOptions): ImportEstimate {
  const throughput = { ...DEFAULT_IMPORT_THROUGHPUT, ...options.throughput };
  const startupSeconds = options.startupSeconds ?? DEFAULT_STARTUP_SECONDS;
  const perFileSeconds = options.perFileSeconds ?? DEFAULT_PER_FILE_SECONDS;
  const timeoutSeconds = options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;

  const flavors = options.hardware
    .filter((pricing) => throughput[pricing.name] > 0)
    .map((pricing): FlavorEstimate => {
      const seconds = startupSeconds + size.bytes / throughput[pricing.name] + size.files * perFileSeconds;
      const cost = costUSD(seconds, pricing);
      return { flavor: pricing.name, seconds, ...(cost === undefined ? {} : { costUSD: cost }), withinTimeout: seconds <= timeoutSeconds };
    });

  return withRecommendation(flavors);
}

/**
 * Estimates sorted fastest first, with the one to recommend: the cheapest that finishes within
 * the timeout (on a tie, the fastest). Shared with the estimate of a sharded import.
 * @internal
 */
export function withRecommendation(flavors: FlavorEstimate[]): ImportEstimate {
  const sorted = [...flavors].sort((a, b) => a.seconds - b.seconds);
  const [recommended] = sorted.filter(isPricedAndInTime).sort(cheaperThenFaster);
  return { flavors: sorted, ...(recommended ? { recommended } : {}) };
}
