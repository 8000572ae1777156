// Linux refuses to exec when any single argument or environment string reaches 128 KiB
// (MAX_ARG_STRLEN), or when all of them together exceed ARG_MAX (usually 2 MiB). The Job's
// `bash -c` script is one argument, so these budgets keep a safe margin below both limits.

/** Largest `bash -c` script with inline `--include`/`--exclude` arguments (UTF-8 bytes). */
export const INLINE_SCRIPT_BUDGET_BYTES = 100 * 1024;

/** Size of each `S3HF_FILTERS_<n>` environment value holding a slice of the filter file. */
export const FILTER_CHUNK_BYTES = 96 * 1024;

/** Largest total of the Job's environment (`NAME=value` strings) once the filter file is in it. */
export const ENVIRONMENT_BUDGET_BYTES = 1.5 * 1024 * 1024;

/** Name prefix of the environment variables carrying the gzipped, base64-encoded filter file. */
export const FILTER_ENVIRONMENT_PREFIX = 'S3HF_FILTERS_';
