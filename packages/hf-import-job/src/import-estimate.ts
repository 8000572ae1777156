import { DEFAULT_TIMEOUT_SECONDS, estimateImport, estimateShardedImport, type ImportEstimate, type ImportShard, type JobHardware } from '@s3-to-hf/core';
import { hardwareChoices } from './hardware-choices.js';
import type { ImportJobSelection } from './types.js';

/** What an estimate is made of. */
export interface EstimateInputs {
  selection?: ImportJobSelection;
  /** The Hub's flavors; no estimate without them. */
  hardware?: readonly JobHardware[];
  throughput?: Record<string, number>;
  startupSeconds?: number;
  /** As typed; undefined when invalid (the Hub's default is assumed). */
  timeoutSeconds: number | undefined;
}

/** Files and bytes of the selection, when all of it is counted. */
function knownSize(selection: ImportJobSelection | undefined): { files: number; bytes: number } | undefined {
  const stats = selection?.mode === 'tree' ? selection.stats : undefined;
  if (!selection?.filters || !stats || stats.uncountedFolders > 0) return undefined;
  return { files: stats.files, bytes: stats.bytes };
}

/**
 * Duration and cost per offered flavor: of the one Job, or of the split's Jobs side by side (the
 * slowest one's time, all their costs). Undefined while the size or the flavors are unknown.
 */
export function importEstimate(inputs: EstimateInputs, shards: ImportShard[] | undefined): ImportEstimate | undefined {
  const size = knownSize(inputs.selection);
  const { hardware, throughput, startupSeconds } = inputs;
  if (!size || !hardware) return undefined;
  const offered = hardwareChoices(hardware, undefined, throughput);
  const options = {
    hardware: hardware.filter((flavor) => offered.some((choice) => choice.name === flavor.name)),
    ...(throughput ? { throughput } : {}),
    ...(startupSeconds === undefined ? {} : { startupSeconds }),
    timeoutSeconds: inputs.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS,
  };
  return shards ? estimateShardedImport(shards, options) : estimateImport(size, options);
}
