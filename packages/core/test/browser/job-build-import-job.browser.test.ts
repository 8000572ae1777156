// buildImportJob in a real browser (Chromium): the large-selection path gzips with the
// Compression Streams API and must never reach for a Node built-in.
import { expect } from '@open-wc/testing';
import { renderFilterFile } from '../../src/filters/render-filter-file.js';
import { buildImportJob } from '../../src/job/build-import-job.js';
import type { BuildImportJobOptions } from '../../src/job/import-job-types.js';

/** What the Job's script does with the chunks: concatenate, base64-decode, gunzip. */
async function unpackFilterFile(environment: Record<string, string>): Promise<string> {
  const chunks = Object.keys(environment)
    .filter((name) => name.startsWith('S3HF_FILTERS_'))
    .sort((a, b) => Number(a.slice('S3HF_FILTERS_'.length)) - Number(b.slice('S3HF_FILTERS_'.length)))
    .map((name) => environment[name]);
  const gzipped = Uint8Array.from(atob(chunks.join('')), (char) => char.charCodeAt(0));
  const text = new Blob([gzipped]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(text).text();
}

function randomHex(bytes: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

describe('buildImportJob in the browser', () => {
  const options = (include: string[]): BuildImportJobOptions => ({
    source: { bucket: 'my-data', prefix: 'exports/' },
    credentials: { accessKeyId: 'AKIAEXAMPLEKEY', secretAccessKey: 'example-secret-key' },
    filters: { root: '', include, exclude: ['tmp/*'] },
    destination: { namespace: 'alice', bucket: 'imports' },
    hfToken: 'hf_example_browser_token',
  });

  it('puts a small selection on the command line', async () => {
    const spec = await buildImportJob(options(['a.txt', 'b/*']));
    expect(spec.command[2]).to.contain("'--include=a.txt' '--include=b/*' '--exclude=tmp/*'");
    expect(Object.keys(spec.environment).some((name) => name.startsWith('S3HF_FILTERS_'))).to.equal(false);
  });

  it('packs a large selection into gzip+base64 chunks that unpack to the exact filter file', async () => {
    const include = Array.from({ length: 12_000 }, (_, index) => `part-${index}/${randomHex(16)}.bin`);
    const spec = await buildImportJob(options(include));
    const chunkCount = Object.keys(spec.environment).filter((name) => name.startsWith('S3HF_FILTERS_')).length;
    expect(chunkCount).to.be.greaterThan(1);
    expect(spec.command[2]).to.contain('"--filter-from=$filters_file"');
    expect(await unpackFilterFile(spec.environment)).to.equal(renderFilterFile({ root: '', include, exclude: ['tmp/*'] }));
  });
});
