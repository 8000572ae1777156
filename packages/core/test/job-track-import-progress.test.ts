import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildImportJob } from '../src/job/build-import-job.js';
import { importJobSecretNames } from '../src/job/import-job-secret-names.js';
import { summarizeImportResult } from '../src/job/summarize-import-result.js';
import {
  EMPTY_IMPORT_PROGRESS,
  combineImportProgress,
  importProgressFraction,
  trackImportProgress,
  type ImportProgressState,
} from '../src/job/track-import-progress.js';

const MIB = 2 ** 20;

// A log as the emulated `hf buckets import` prints it, with pip noise and one failed file.
const LOG = [
  'Collecting huggingface_hub[s3]',
  'Found 250 files in S3',
  'Sync plan: s3://b/many -> hf://buckets/alice/x/many',
  '  Uploads: 200',
  'Importing 200 file(s) (1.5 MB) from S3 to hf://buckets/alice/x/many',
  'Batch 1/2: downloading 100 files from S3',
  'Batch 1/2: uploading 100 files to hf://buckets/alice/x/many',
  'Failed to import file-00042.txt: HTTP 500',
  'Batch 1/2 done | 100/200 files | 750.0 kB | batch 1.0 MB/s, avg 1.0 MB/s',
  'Batch 2/2: downloading 100 files from S3',
];

function fold(lines: string[], start: ImportProgressState = EMPTY_IMPORT_PROGRESS): ImportProgressState {
  return lines.reduce(trackImportProgress, start);
}

describe('trackImportProgress', () => {
  it('follows the plan, the finished batches and the per-file failures', () => {
    const state = fold(LOG);
    assert.deepEqual(state, {
      filesFound: 250,
      filesTotal: 200,
      bytesTotal: 1_500_000,
      filesDone: 100,
      bytesDone: 750_000,
      failedFiles: 1,
      batch: 2,
      batches: 2,
      phase: 'downloading',
      bytesPerSecond: MIB,
    });
    assert.equal(importProgressFraction(state), 0.5);
  });

  it('ends with the completion line, which summarizeImportResult turns into a partial outcome', () => {
    const completedLine = 'Import completed: Transferred 199 file(s) (1.5 MB), skipped 0, failed 1, in 3.0s (0.5 MB/s)';
    const state = fold([...LOG, 'Batch 2/2 done | 200/200 files | 1.5 MB | batch 1.0 MB/s, avg 0.5 MB/s', completedLine]);
    assert.equal(state.completedLine, completedLine);
    assert.equal(state.completion?.failed, 1);
    assert.equal(state.filesDone, 200);
    assert.equal(state.phase, undefined);
    assert.equal(importProgressFraction(state), 1);
    assert.equal(summarizeImportResult('COMPLETED', state.completedLine).outcome, 'partial');
  });

  it('keeps the last fatal error line, and returns the same object for lines without progress', () => {
    const failing = fold(['Found 3 files in S3', 'Error: An error occurred (SignatureDoesNotMatch) when calling the ListObjectsV2 operation: …']);
    assert.equal(failing.lastError, 'Error: An error occurred (SignatureDoesNotMatch) when calling the ListObjectsV2 operation: …');
    assert.equal(trackImportProgress(failing, 'pip: nothing to see here'), failing);
  });

  it('has no fraction before the plan, and a full one for an empty plan', () => {
    assert.equal(importProgressFraction(fold(['Found 0 files in S3'])), undefined);
    assert.equal(importProgressFraction(fold(['Importing 0 file(s) (0.0 MB) from S3 to hf://buckets/a/b'])), 1);
  });
});

describe('combineImportProgress', () => {
  it('returns a single shard as it is', () => {
    const state = fold(LOG);
    assert.equal(combineImportProgress([state]), state);
  });

  it('adds the shards up, with totals known only once every shard knows its own', () => {
    const running = fold(LOG);
    const planning = fold(['Found 10 files in S3']);
    const combined = combineImportProgress([running, planning]);
    assert.equal(combined.filesDone, 100);
    assert.equal(combined.failedFiles, 1);
    assert.equal(combined.filesFound, 260);
    assert.equal(combined.filesTotal, undefined);
    assert.equal(combined.completion, undefined);

    const done = (transferred: number, failed: number) =>
      fold([
        `Importing ${transferred + failed} file(s) (0.1 MB) from S3 to hf://buckets/a/b`,
        `Import completed: Transferred ${transferred} file(s) (100.0 kB), skipped 0, failed ${failed}, in 2.0s (0.1 MB/s)`,
      ]);
    const finished = combineImportProgress([done(10, 0), done(4, 1)]);
    assert.equal(finished.filesTotal, 15);
    assert.equal(finished.completion?.transferred, 14);
    assert.equal(finished.completion?.failed, 1);
    assert.equal(importProgressFraction(finished), 1);
  });
});

describe('importJobSecretNames', () => {
  const base = {
    source: { bucket: 'my-data' },
    filters: { root: '', include: [], exclude: [] },
    destination: { namespace: 'alice', bucket: 'imports' },
    hfToken: 'hf_example_token',
  };

  it('names exactly the secrets buildImportJob sends', async () => {
    const keys = { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret-example' };
    const cases = [
      { options: { ...base, credentials: keys }, anonymous: false, sessionToken: false },
      { options: { ...base, credentials: { ...keys, sessionToken: 'session-example' } }, anonymous: false, sessionToken: true },
      { options: { ...base, source: { bucket: 'my-data', anonymous: true } }, anonymous: true, sessionToken: false },
    ];
    for (const { options, anonymous, sessionToken } of cases) {
      const spec = await buildImportJob(options);
      assert.deepEqual(importJobSecretNames({ anonymous, sessionToken }).sort(), Object.keys(spec.secrets).sort());
    }
  });
});
