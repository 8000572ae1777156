import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

const SCRIPT = fileURLToPath(new URL('./filters-python-oracle.py', import.meta.url));

/** What Python's importer logic decides for one import (see filters-python-oracle.py). */
export interface PythonImportAnswer {
  byArguments: string[];
  byFilterFile?: string[];
  rules?: { sign: '+' | '-'; pattern: string }[];
}

/**
 * One long-lived `python3` process that answers JSON requests line by line, so that hundreds of
 * property-test cases cost one interpreter start.
 */
export class PythonOracle {
  readonly #process: ChildProcessWithoutNullStreams;
  readonly #waiting: { resolve: (value: unknown) => void; reject: (error: Error) => void }[] = [];
  #stderr = '';

  private constructor() {
    this.#process = spawn('python3', [SCRIPT], {
      env: { ...process.env, PYTHONUTF8: '1', PYTHONIOENCODING: 'utf-8' },
    });
    this.#process.stderr.on('data', (chunk: Buffer) => (this.#stderr += chunk.toString()));
    this.#process.on('error', (error) => this.#failAll(new Error(`python3 could not be started: ${error.message}`)));
    this.#process.on('exit', (code) => this.#failAll(new Error(`python3 exited (${code}): ${this.#stderr}`)));
    createInterface({ input: this.#process.stdout }).on('line', (line) => {
      const reply = JSON.parse(line) as { error?: string };
      const waiter = this.#waiting.shift();
      if (reply.error) waiter?.reject(new Error(`python3 oracle failed:\n${reply.error}`));
      else waiter?.resolve(reply);
    });
  }

  static start(): PythonOracle {
    return new PythonOracle();
  }

  /** Python's `fnmatch.fnmatch(name, pattern)` for each pair. */
  async fnmatch(pairs: readonly (readonly [string, string])[]): Promise<boolean[]> {
    const { results } = (await this.#request({ op: 'fnmatch', pairs })) as { results: boolean[] };
    return results;
  }

  /** Which keys (relative to the source prefix) an import of `root` with these patterns copies. */
  async importedKeys(request: {
    root: string;
    include: readonly string[];
    exclude: readonly string[];
    keys: readonly string[];
    filterFile?: string;
  }): Promise<PythonImportAnswer> {
    return (await this.#request({ op: 'import', ...request })) as PythonImportAnswer;
  }

  /** The rules the importer reads from a filter file on disk. */
  async parseFilterFile(path: string): Promise<{ sign: '+' | '-'; pattern: string }[]> {
    const { rules } = (await this.#request({ op: 'parse', path })) as { rules: { sign: '+' | '-'; pattern: string }[] };
    return rules;
  }

  async close(): Promise<void> {
    if (this.#process.exitCode !== null) return;
    const exited = new Promise((resolve) => this.#process.once('exit', resolve));
    this.#process.stdin.end();
    await exited;
  }

  #request(message: object): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ resolve, reject });
      this.#process.stdin.write(`${JSON.stringify(message)}\n`);
    });
  }

  #failAll(error: Error): void {
    for (const waiter of this.#waiting.splice(0)) waiter.reject(error);
  }
}
