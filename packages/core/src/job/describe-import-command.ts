import { DEFAULT_INSTALL_SPEC } from './import-job-defaults.js';
import type { ImportCommandOptions } from './import-job-types.js';
import { inlineImportScript } from './inline-import-script.js';
import { importCommandWords } from './render-import-script.js';
import { resolveImportCommand } from './resolve-import-command.js';
import { splitFiltersForFile } from './split-filters-for-file.js';

/**
 * The `hf buckets import …` line the Job will run, quoted exactly as in its script, for showing
 * to users. It contains no credential: the Job reads those from its secrets. When the selection
 * is too large for the command line, the line shows the `--filter-from` file the Job rebuilds,
 * followed by a comment with the number of patterns in it.
 *
 * @throws {JobInputError} for an invalid option, like {@link buildImportJob}.
 * @example
 * describeImportCommand({ source: { bucket: 'b', prefix: 'data/' }, destination: { namespace: 'alice', bucket: 'x' },
 *   filters: { root: '', include: ['*.parquet'], exclude: [] } })
 * // → "hf buckets import 's3://b/data/' 'hf://buckets/alice/x' '--include=*.parquet'"
 */
export function describeImportCommand(options: ImportCommandOptions & { installSpec?: string }): string {
  const command = resolveImportCommand(options);
  if (inlineImportScript(command, options.installSpec ?? DEFAULT_INSTALL_SPEC)) {
    return ['hf buckets import', ...importCommandWords(command, { kind: 'inline' })].join(' ');
  }
  const split = splitFiltersForFile(command.filters);
  const words = importCommandWords(command, { kind: 'filter-file', environmentNames: [], extraArgs: split.args });
  return `hf buckets import ${words.join(' ')}  # $filters_file: ${split.filePatterns} patterns, too many for the command line`;
}
