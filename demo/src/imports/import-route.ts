import type { HfJob } from '@s3-to-hf/core';

/** Where an import reads from and writes to, as its Job's command says. */
export interface ImportRoute {
  /** `s3://bucket/folder/` */
  source: string;
  /** `hf://buckets/namespace/name/prefix` */
  destination: string;
}

const IMPORT_LINE = 'hf buckets import ';
// One word as shellQuote writes it: single-quoted runs joined by \' (an escaped quote).
const QUOTED_WORD = /^(?:'[^']*'|\\')+/;

/** The shell words at the start of `text` that are fully single-quoted, unquoted. */
function leadingQuotedWords(text: string, count: number): string[] {
  const words: string[] = [];
  let rest = text;
  while (words.length < count) {
    const match = QUOTED_WORD.exec(rest);
    if (!match) break;
    words.push(match[0].replace(/\\'|'([^']*)'/g, (_quote, inner: string | undefined) => inner ?? "'"));
    rest = rest.slice(match[0].length).replace(/^ +/, '');
  }
  return words;
}

/**
 * Reads the source and destination from an import Job's `bash -c` script (the line
 * `hf buckets import 'SOURCE' 'DEST' …` that core writes, every word quoted with shellQuote), so
 * the list of imports can say what each one copies. Undefined for any other command: the list
 * then shows the Job without them.
 *
 * @example
 * importRouteOf(job) // { source: 's3://my-data/exports/', destination: 'hf://buckets/alice/imports' }
 */
export function importRouteOf(job: Pick<HfJob, 'command'>): ImportRoute | undefined {
  const script = job.command?.at(-1);
  if (typeof script !== 'string') return undefined;
  const line = script.split('\n').find((candidate) => candidate.startsWith(IMPORT_LINE));
  if (!line) return undefined;
  const [source, destination] = leadingQuotedWords(line.slice(IMPORT_LINE.length), 2);
  if (!source?.startsWith('s3://') || !destination?.startsWith('hf://')) return undefined;
  return { source, destination };
}
