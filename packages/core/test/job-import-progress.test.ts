import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { estimateImport, type FlavorPricing } from '../src/job/estimate-import.js';
import { parseImportProgress } from '../src/job/parse-import-progress.js';
import { summarizeImportResult } from '../src/job/summarize-import-result.js';

const MIB = 2 ** 20;

describe('parseImportProgress', () => {
  it('parses the listing line', () => {
    assert.deepEqual(parseImportProgress('Found 5017 files in S3'), { kind: 'found', files: 5017 });
    assert.deepEqual(parseImportProgress('Found 1 file in S3'), { kind: 'found', files: 1 });
  });

  it('parses the plan line, sizes in units of 1000', () => {
    assert.deepEqual(parseImportProgress('Importing 650 file(s) (1234.5 MB) from S3 to hf://buckets/alice/x/data'), {
      kind: 'importing',
      files: 650,
      bytes: 1_234_500_000,
      destination: 'hf://buckets/alice/x/data',
    });
  });

  it('parses batch lines while downloading and uploading', () => {
    assert.deepEqual(parseImportProgress('Batch 3/7: downloading 100 files from S3'), {
      kind: 'batch',
      batch: 3,
      batches: 7,
      phase: 'downloading',
      files: 100,
    });
    assert.deepEqual(parseImportProgress('Batch 3/7: uploading 100 files to hf://buckets/alice/x'), {
      kind: 'batch',
      batch: 3,
      batches: 7,
      phase: 'uploading',
      files: 100,
    });
    assert.deepEqual(parseImportProgress('Batch 1/1: uploading...'), { kind: 'batch', batch: 1, batches: 1, phase: 'uploading' });
  });

  it('parses a finished batch, turning the MiB/s labelled "MB/s" into bytes per second', () => {
    assert.deepEqual(parseImportProgress('Batch 2/7 done | 200/650 files | 1.2 GB | batch 9.5 MB/s, avg 8.0 MB/s'), {
      kind: 'batch-done',
      batch: 2,
      batches: 7,
      filesDone: 200,
      filesTotal: 650,
      bytesDone: 1_200_000_000,
      batchBytesPerSecond: 9.5 * MIB,
      averageBytesPerSecond: 8 * MIB,
    });
    assert.equal(parseImportProgress('Batch 1/1 done | 3/3 files | 999 B | batch 0.0 MB/s, avg 0.0 MB/s')?.kind, 'batch-done');
  });

  it('parses the final line, including failures', () => {
    assert.deepEqual(parseImportProgress('Import completed: Transferred 9 file(s) (12.5 kB), skipped 2, failed 1, in 3.4s (0.5 MB/s)'), {
      kind: 'completed',
      transferred: 9,
      transferredBytes: 12_500,
      skipped: 2,
      failed: 1,
      seconds: 3.4,
      bytesPerSecond: 0.5 * MIB,
    });
  });

  it('tolerates surrounding whitespace and a CR from the log', () => {
    assert.deepEqual(parseImportProgress('  Found 3 files in S3\r'), { kind: 'found', files: 3 });
  });

  it('ignores every other line', () => {
    for (const line of [
      '',
      'Successfully installed huggingface-hub-1.13.0.dev0 s3fs-2025.3.2',
      'Sync plan: s3://b/data -> hf://buckets/alice/x',
      'Failed to import data/a.parquet: HTTP 500',
      'Found many files in S3',
      'Batch 2/7 done | 200/650 files | lots | batch 9.5 MB/s, avg 8.0 MB/s',
      'Import completed: Transferred 9 file(s) (12.5 zB), skipped 2, failed 1, in 3.4s (0.5 MB/s)',
    ]) {
      assert.equal(parseImportProgress(line), undefined, line);
    }
  });

  it('reads back any counts written in the documented formats (property)', () => {
    const count = fc.integer({ min: 0, max: 10_000_000 });
    fc.assert(
      fc.property(count, count, count, count, (transferred, skipped, failed, kilobytes) => {
        const line = `Import completed: Transferred ${transferred} file(s) (${(kilobytes / 10).toFixed(1)} kB), skipped ${skipped}, failed ${failed}, in 1.0s (2.0 MB/s)`;
        const parsed = parseImportProgress(line);
        assert.ok(parsed?.kind === 'completed');
        assert.deepEqual([parsed.transferred, parsed.skipped, parsed.failed], [transferred, skipped, failed]);
        assert.equal(parsed.transferredBytes, kilobytes * 100);
      }),
    );
  });
});

describe('summarizeImportResult', () => {
  const completed = (failed: number) => `Import completed: Transferred 9 file(s) (1.2 MB), skipped 3, failed ${failed}, in 4.0s (0.3 MB/s)`;

  it('is "completed" when the Job succeeded and no file failed', () => {
    const summary = summarizeImportResult('COMPLETED', completed(0));
    assert.equal(summary.outcome, 'completed');
    assert.match(summary.reason, /Transferred 9 file\(s\) and skipped 3/);
    assert.equal(summary.completion?.transferred, 9);
  });

  it('is "partial" when the Job succeeded but files failed (the command still exits 0)', () => {
    const summary = summarizeImportResult({ stage: 'COMPLETED', message: null }, completed(2));
    assert.equal(summary.outcome, 'partial');
    assert.match(summary.reason, /2 of 11 file\(s\) failed.*skip existing/);
  });

  it('is "failed" for an ERROR stage, with the Hub\'s message and advice for timeouts', () => {
    assert.equal(summarizeImportResult('ERROR').outcome, 'failed');
    const timedOut = summarizeImportResult({ stage: 'ERROR', message: 'Job timed out after 1800 seconds' });
    assert.equal(timedOut.outcome, 'failed');
    assert.match(timedOut.reason, /timed out after 1800 seconds.*Raise the timeout/);
    const crashed = summarizeImportResult({ stage: 'ERROR', message: 'Job failed with exit code: 1' }, completed(0));
    assert.equal(crashed.outcome, 'failed');
    assert.match(crashed.reason, /exit code: 1.*last lines of its log/);
  });

  it('is "canceled" for CANCELED and DELETED', () => {
    assert.equal(summarizeImportResult('CANCELED').outcome, 'canceled');
    assert.match(summarizeImportResult('DELETED').reason, /deleted/);
  });

  it('reports a successful Job without a summary line (a dry run) as completed, saying so', () => {
    const summary = summarizeImportResult('COMPLETED', '{"type":"header"}');
    assert.equal(summary.outcome, 'completed');
    assert.equal(summary.completion, undefined);
    assert.match(summary.reason, /dry run/);
  });

  it('refuses a Job that has not finished', () => {
    assert.throws(() => summarizeImportResult('RUNNING'), RangeError);
  });
});

describe('estimateImport', () => {
  const perMinute = (name: string, dollarsPerHour: number): FlavorPricing => ({ name, unitCostUSD: dollarsPerHour / 60, unitLabel: 'minute' });
  const hardware = [perMinute('cpu-basic', 0.01), perMinute('cpu-upgrade', 0.03), perMinute('cpu-performance', 0.5), perMinute('cpu-xl', 1)];

  it('adds start-up, transfer and per-file time, and bills every started minute', () => {
    const { flavors } = estimateImport({ bytes: 960 * MIB, files: 500 }, { hardware });
    const basic = flavors.find((estimate) => estimate.flavor === 'cpu-basic');
    // 75 s start-up + 960 MiB at 8 MiB/s (120 s) + 500 files × 0.02 s (10 s) = 205 s → 4 minutes.
    assert.equal(basic?.seconds, 205);
    assert.ok(Math.abs((basic?.costUSD ?? 0) - (4 * 0.01) / 60) < 1e-12);
    assert.deepEqual(flavors.map((estimate) => estimate.flavor), ['cpu-xl', 'cpu-performance', 'cpu-upgrade', 'cpu-basic']);
  });

  it('recommends the cheapest flavor that finishes within the timeout', () => {
    assert.equal(estimateImport({ bytes: 1e9, files: 100 }, { hardware }).recommended?.flavor, 'cpu-basic');
    // 60 GiB: cpu-basic needs ~2.1 h and cpu-upgrade ~1.1 h; only the faster ones fit in 1 h.
    const big = estimateImport({ bytes: 60 * 1024 * MIB, files: 100 }, { hardware, timeoutSeconds: 3600 });
    assert.deepEqual(big.flavors.filter((estimate) => !estimate.withinTimeout).map((estimate) => estimate.flavor), ['cpu-upgrade', 'cpu-basic']);
    assert.equal(big.recommended?.flavor, 'cpu-performance');
  });

  it('picks the faster flavor when two cost the same', () => {
    const samePrice = [perMinute('cpu-basic', 0.06), perMinute('cpu-upgrade', 0.06)];
    assert.equal(estimateImport({ bytes: MIB, files: 1 }, { hardware: samePrice }).recommended?.flavor, 'cpu-upgrade');
  });

  it('recommends nothing when no flavor finishes in time', () => {
    const estimate = estimateImport({ bytes: 1e12, files: 1 }, { hardware, timeoutSeconds: 600 });
    assert.equal(estimate.recommended, undefined);
    assert.equal(estimate.flavors.length, 4);
  });

  it('uses the caller\'s throughput, and skips flavors missing from the hardware list', () => {
    const estimate = estimateImport({ bytes: 100 * MIB, files: 0 }, {
      hardware: [perMinute('cpu-basic', 0.01)],
      throughput: { 'cpu-basic': 100 * MIB },
      startupSeconds: 0,
    });
    assert.deepEqual(estimate.flavors.map(({ flavor, seconds }) => ({ flavor, seconds })), [{ flavor: 'cpu-basic', seconds: 1 }]);
  });

  it('leaves the cost unknown for an unknown billing unit, and does not recommend that flavor', () => {
    const estimate = estimateImport({ bytes: MIB, files: 1 }, { hardware: [{ name: 'cpu-basic', unitCostUSD: 1, unitLabel: 'fortnight' }] });
    assert.equal(estimate.flavors[0].costUSD, undefined);
    assert.equal(estimate.recommended, undefined);
  });
});
