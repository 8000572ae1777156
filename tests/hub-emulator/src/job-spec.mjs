// Validation of POST /api/jobs/:ns bodies, with the Hub's rules and a 400 that names the bad field.
import { HttpError } from './http-error.mjs';
import { findFlavor, HARDWARE } from './hardware.mjs';

const LABEL_PATTERN = /^[A-Za-z0-9._-]{1,100}$/;
const LABEL_VALUE_PATTERN = /^[A-Za-z0-9._-]{0,100}$/;
const ENV_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SPACE_ID_PATTERN = /^[A-Za-z0-9._-]+\/[A-Za-z0-9._-]+$/;

/**
 * @typedef {{
 *   dockerImage?: string, spaceId?: string, command: string[], arguments: string[],
 *   environment: Record<string, string>, secrets: Record<string, string>, flavor: string,
 *   labels?: Record<string, string>, timeoutSeconds?: number, arch?: string, volumes?: object[]
 * }} JobSpec
 */

function invalid(message) {
  return new HttpError(400, message);
}

function isPlainObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringArray(value, field, { nonEmpty }) {
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string') || (nonEmpty && value.length === 0)) {
    throw invalid(`"${field}" must be ${nonEmpty ? 'a non-empty' : 'an'} array of strings`);
  }
  return [...value];
}

function stringMap(value, field) {
  if (value === undefined) return {};
  if (!isPlainObject(value)) throw invalid(`"${field}" must be an object of string values`);
  for (const [key, item] of Object.entries(value)) {
    if (!ENV_NAME_PATTERN.test(key)) throw invalid(`"${field}" key "${key}" is not a valid environment variable name`);
    if (typeof item !== 'string') throw invalid(`"${field}.${key}" must be a string`);
  }
  return { ...value };
}

function labels(value) {
  if (value === undefined) return undefined;
  if (!isPlainObject(value)) throw invalid('"labels" must be an object of string values');
  for (const [key, item] of Object.entries(value)) {
    if (!LABEL_PATTERN.test(key)) throw invalid(`Label key "${key}" must be 1-100 characters of [A-Za-z0-9._-]`);
    if (typeof item !== 'string' || !LABEL_VALUE_PATTERN.test(item)) {
      throw invalid(`Label "${key}" must have a value of at most 100 characters of [A-Za-z0-9._-]`);
    }
  }
  return { ...value };
}

function imageSource(body) {
  const hasImage = body.dockerImage !== undefined && body.dockerImage !== null;
  const hasSpace = body.spaceId !== undefined && body.spaceId !== null;
  if (hasImage === hasSpace) throw invalid('Provide exactly one of "dockerImage" or "spaceId"');
  if (hasImage) {
    if (typeof body.dockerImage !== 'string' || !body.dockerImage.trim()) throw invalid('"dockerImage" must be a non-empty string');
    return { dockerImage: body.dockerImage };
  }
  if (typeof body.spaceId !== 'string' || !SPACE_ID_PATTERN.test(body.spaceId)) throw invalid('"spaceId" must look like "namespace/space-name"');
  return { spaceId: body.spaceId };
}

/**
 * Validates and normalises a job creation body.
 * @param {unknown} body
 * @returns {JobSpec}
 */
export function validateJobSpec(body) {
  if (!isPlainObject(body)) throw invalid('Request body must be a JSON object');
  const spec = /** @type {Record<string, any>} */ (body);
  const flavor = spec.flavor ?? 'cpu-basic';
  if (typeof flavor !== 'string' || !findFlavor(flavor)) {
    throw invalid(`Unknown flavor "${flavor}"; valid flavors: ${HARDWARE.map((entry) => entry.name).join(', ')}`);
  }
  if (spec.timeoutSeconds !== undefined && spec.timeoutSeconds !== null
    && !(Number.isInteger(spec.timeoutSeconds) && spec.timeoutSeconds > 0)) {
    throw invalid('"timeoutSeconds" must be a positive integer');
  }
  if (spec.arch !== undefined && spec.arch !== 'amd64' && spec.arch !== 'arm64') throw invalid('"arch" must be "amd64" or "arm64"');
  if (spec.volumes !== undefined && !Array.isArray(spec.volumes)) throw invalid('"volumes" must be an array');
  return {
    ...imageSource(spec),
    command: stringArray(spec.command, 'command', { nonEmpty: true }),
    arguments: spec.arguments === undefined ? [] : stringArray(spec.arguments, 'arguments', { nonEmpty: false }),
    environment: stringMap(spec.environment, 'environment'),
    secrets: stringMap(spec.secrets, 'secrets'),
    flavor,
    labels: labels(spec.labels),
    timeoutSeconds: spec.timeoutSeconds ?? undefined,
    arch: spec.arch,
    volumes: spec.volumes,
  };
}
