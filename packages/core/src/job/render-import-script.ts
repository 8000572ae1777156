import { shellQuote } from '../shell/shell-quote.js';
import type { ResolvedImportCommand } from './resolve-import-command.js';

/** How the `bash -c` script gets its filters. */
export type FilterTransport =
  /** `--include=…`/`--exclude=…` arguments on the command line. */
  | { kind: 'inline' }
  /**
   * A `--filter-from` file rebuilt from gzip+base64 chunks in these environment variables, plus the
   * `--include`/`--exclude` arguments for the patterns a file cannot carry.
   */
  | { kind: 'filter-file'; environmentNames: string[]; extraArgs?: string[] };

/** The inputs of {@link renderImportScript}. */
export interface ImportScriptOptions {
  command: ResolvedImportCommand;
  installSpec: string;
  transport: FilterTransport;
}

// botocore picks virtual-hosted addressing for custom endpoints, which MinIO and Ceph RGW
// deployments without wildcard DNS do not serve; path style works everywhere.
const PATH_STYLE_CONFIG = [
  'mkdir -p "$HOME/.aws"',
  `printf '%s\\n' '[default]' 's3 =' '    addressing_style = path' > "$HOME/.aws/config"`,
];

function filterFileLines(environmentNames: readonly string[]): string[] {
  const chunks = environmentNames.map((name) => `"$${name}"`).join(' ');
  return ['filters_file="$(mktemp)"', `printf '%s' ${chunks} | base64 -d | gzip -dc > "$filters_file"`];
}

/** The words after `hf buckets import`, each quoted (or a double-quoted expansion). */
export function importCommandWords(command: ResolvedImportCommand, transport: FilterTransport): string[] {
  const filterWords =
    transport.kind === 'inline'
      ? command.inlineFilterArgs.map(shellQuote)
      : ['"--filter-from=$filters_file"', ...(transport.extraArgs ?? []).map(shellQuote)];
  return [shellQuote(command.sourceUri), shellQuote(command.destinationUri), ...filterWords, ...command.optionArgs.map(shellQuote)];
}

/**
 * The bash script of an import Job: strict mode, install the pinned `hf`, configure path-style
 * S3 for custom endpoints, rebuild the filter file if needed, run the import. Every value that
 * comes from the user goes through {@link shellQuote}; the only unquoted expansions are the
 * script's own variables, inside double quotes.
 */
export function renderImportScript({ command, installSpec, transport }: ImportScriptOptions): string {
  return [
    'set -euo pipefail',
    `pip install --quiet ${shellQuote(installSpec)}`,
    ...(command.source.endpoint ? PATH_STYLE_CONFIG : []),
    ...(transport.kind === 'filter-file' ? filterFileLines(transport.environmentNames) : []),
    ['hf buckets import', ...importCommandWords(command, transport)].join(' '),
    '',
  ].join('\n');
}
