import { DEFAULT_DOCKER_IMAGE, DEFAULT_FLAVOR, DEFAULT_INSTALL_SPEC, DEFAULT_TIMEOUT_SECONDS } from './import-job-defaults.js';
import type { BuildImportJobOptions } from './import-job-types.js';
import { JobInputError } from './job-input-error.js';

/** Job settings after validation, with defaults filled in. */
export interface JobSettings {
  flavor: string;
  timeoutSeconds: number;
  installSpec: string;
  dockerImage: string;
}

const FLAVOR = /^[a-z0-9][a-z0-9-]*$/;
const IMAGE = /^[^\s]+$/;

/**
 * Validates the Job-level settings of an import (flavor, timeout, pip requirement, image) and
 * fills in the defaults.
 *
 * @throws {JobInputError} naming the offending field.
 */
export function validateJobSettings(options: Pick<BuildImportJobOptions, 'flavor' | 'timeoutSeconds' | 'installSpec' | 'dockerImage'>): JobSettings {
  const {
    flavor = DEFAULT_FLAVOR,
    timeoutSeconds = DEFAULT_TIMEOUT_SECONDS,
    installSpec = DEFAULT_INSTALL_SPEC,
    dockerImage = DEFAULT_DOCKER_IMAGE,
  } = options;
  if (!FLAVOR.test(flavor)) throw new JobInputError('flavor', `"${flavor}" is not a hardware flavor name; pick one like "cpu-basic".`);
  if (!Number.isInteger(timeoutSeconds) || timeoutSeconds <= 0) {
    throw new JobInputError('timeoutSeconds', 'The timeout must be a whole number of seconds greater than zero.');
  }
  if (!installSpec.trim() || /[\r\n]/.test(installSpec)) {
    throw new JobInputError('installSpec', 'The install requirement must be one non-empty line, e.g. "huggingface_hub[s3]".');
  }
  if (!IMAGE.test(dockerImage)) throw new JobInputError('dockerImage', 'The Docker image must be a non-empty name without spaces, e.g. "python:3.12".');
  return { flavor, timeoutSeconds, installSpec, dockerImage };
}
