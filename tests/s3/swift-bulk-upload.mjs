// Uploads many small objects per request through RGW's Swift API ("extract-archive"), which is
// far cheaper for the cluster and the client than one S3 PUT per object.
import { createTarArchive } from './tar-archive.mjs';

/**
 * Logs in to RGW's Swift auth endpoint (v1) and returns the storage URL and token.
 * @param {{ endpoint: string, user: string, key: string }} options
 * @returns {Promise<{ storageUrl: string, token: string }>}
 */
export async function swiftLogin({ endpoint, user, key }) {
  const response = await fetch(`${endpoint}/auth/v1.0`, { headers: { 'X-Auth-User': user, 'X-Auth-Key': key } });
  const token = response.headers.get('x-auth-token');
  if (!response.ok || !token) throw new Error(`Swift login as ${user} failed with HTTP ${response.status}.`);
  return { storageUrl: response.headers.get('x-storage-url'), token };
}

/**
 * Creates `files` in `bucket` with one Swift bulk-upload request.
 * @param {{ storageUrl: string, token: string }} session from `swiftLogin`
 * @param {{ bucket: string, files: Array<{ key: string, body: Uint8Array }> }} upload
 */
export async function swiftBulkUpload({ storageUrl, token }, { bucket, files }) {
  const archive = createTarArchive(files.map(({ key, body }) => ({ name: key, body })));
  const response = await fetch(`${storageUrl}/${encodeURIComponent(bucket)}?extract-archive=tar`, {
    method: 'PUT',
    headers: { 'X-Auth-Token': token, Accept: 'application/json', 'Content-Type': 'application/x-tar' },
    body: archive,
  });
  const text = await response.text();
  let report;
  try {
    report = JSON.parse(text);
  } catch {
    throw new Error(`Swift bulk upload to ${bucket} answered HTTP ${response.status} without a JSON report: ${text.slice(0, 200)}`);
  }
  if (report['Number Files Created'] !== files.length || report.Errors?.length) {
    throw new Error(
      `Swift bulk upload to ${bucket} created ${report['Number Files Created']} of ${files.length} objects ` +
        `(${report['Response Status']}; errors: ${JSON.stringify(report.Errors).slice(0, 300)}).`,
    );
  }
}
