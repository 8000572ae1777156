import { INLINE_SCRIPT_BUDGET_BYTES } from './job-size-limits.js';
import { renderImportScript } from './render-import-script.js';
import type { ResolvedImportCommand } from './resolve-import-command.js';

/**
 * The import script with the filters as command-line arguments, or undefined when it would not
 * stay under {@link INLINE_SCRIPT_BUDGET_BYTES} and the filters must go in a `--filter-from` file.
 */
export function inlineImportScript(command: ResolvedImportCommand, installSpec: string): string | undefined {
  const script = renderImportScript({ command, installSpec, transport: { kind: 'inline' } });
  return new TextEncoder().encode(script).length <= INLINE_SCRIPT_BUDGET_BYTES ? script : undefined;
}
