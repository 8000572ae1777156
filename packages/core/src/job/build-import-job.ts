import type { BuildImportJobOptions, ImportJobSpec } from './import-job-types.js';
import { importJobLabels } from './import-job-labels.js';
import { importJobSecrets } from './import-job-secrets.js';
import { inlineImportScript } from './inline-import-script.js';
import { ENVIRONMENT_BUDGET_BYTES, INLINE_SCRIPT_BUDGET_BYTES } from './job-size-limits.js';
import { packFilterFile } from './pack-filter-file.js';
import { renderImportScript } from './render-import-script.js';
import { resolveImportCommand } from './resolve-import-command.js';
import { SelectionTooLargeError } from './selection-too-large-error.js';
import { splitFiltersForFile } from './split-filters-for-file.js';
import { validateJobSettings } from './validate-job-settings.js';

const utf8 = new TextEncoder();

/** Bytes the variables take in a process's environment block (`NAME=value\0` each). */
function environmentBytes(variables: Record<string, string>): number {
  return Object.entries(variables).reduce((total, [name, value]) => total + utf8.encode(`${name}=${value}`).length + 1, 0);
}

/**
 * Builds the JSON body of `POST /api/jobs/{namespace}` that runs `hf buckets import` for one
 * selection: `bash -c <script>` in `python:3.12`, the S3 and HF credentials as secrets only,
 * non-secret settings as environment, and labels `app=s3-to-hf-import` + `import-id=<id>`.
 *
 * Filters go on the command line while the script stays under ~100 KiB (one argv string may not
 * reach 128 KiB); larger selections travel as a gzipped `--filter-from` file split across
 * `S3HF_FILTERS_<n>` variables, which is why this is async. Patterns a file cannot carry (names
 * with line breaks) stay arguments next to it (see splitFiltersForFile).
 *
 * @throws {JobInputError} for an invalid option (its `field` names it).
 * @throws {SelectionTooLargeError} when even the filter file does not fit in a Job.
 * @example
 * const spec = await buildImportJob({
 *   source: { bucket: 'my-data', prefix: 'exports/', region: 'eu-west-1' },
 *   credentials: { accessKeyId, secretAccessKey },
 *   filters: compileFilters(tree),
 *   destination: { namespace: 'alice', bucket: 'imports' },
 *   hfToken,
 * });
 */
export async function buildImportJob(options: BuildImportJobOptions): Promise<ImportJobSpec> {
  const command = resolveImportCommand(options);
  const settings = validateJobSettings(options);
  const secrets = importJobSecrets({ hfToken: options.hfToken, credentials: options.credentials, anonymous: command.source.anonymous });
  const labels = importJobLabels(options);
  const environment: Record<string, string> = {
    PYTHONUNBUFFERED: '1',
    AWS_DEFAULT_REGION: command.source.region,
    ...(command.source.endpoint ? { AWS_ENDPOINT_URL_S3: command.source.endpoint } : {}),
  };
  const spec = (script: string, variables: Record<string, string>): ImportJobSpec => ({
    dockerImage: settings.dockerImage,
    command: ['bash', '-c', script],
    arguments: [],
    environment: variables,
    secrets,
    flavor: settings.flavor,
    timeoutSeconds: settings.timeoutSeconds,
    labels,
  });

  const inlineScript = inlineImportScript(command, settings.installSpec);
  if (inlineScript) return spec(inlineScript, environment);

  const split = splitFiltersForFile(command.filters);
  const filterVariables = await packFilterFile(split.fileText);
  const fullEnvironment = { ...environment, ...filterVariables };
  // Secrets become environment variables in the Job too, so they count against the same limit.
  if (environmentBytes({ ...fullEnvironment, ...secrets }) > ENVIRONMENT_BUDGET_BYTES) {
    throw new SelectionTooLargeError('filter-file-too-large');
  }
  const script = renderImportScript({
    command,
    installSpec: settings.installSpec,
    transport: { kind: 'filter-file', environmentNames: Object.keys(filterVariables), extraArgs: split.args },
  });
  // Only line-broken names can still be too long here: all the others are in the file.
  if (new TextEncoder().encode(script).length > INLINE_SCRIPT_BUDGET_BYTES) throw new SelectionTooLargeError('unexpressible-names');
  return spec(script, fullEnvironment);
}
