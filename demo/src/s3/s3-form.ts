import {
  DEFAULT_S3_REGION,
  S3Error,
  validateBucketName,
  validateConnection,
  validateEndpoint,
  validateFolderPath,
  validateRegion,
  type S3Connection,
  type S3Credentials,
} from '@s3-to-hf/core';

/** What the user typed in the "Connect S3" form. */
export interface S3FormValues {
  bucket: string;
  region: string;
  endpoint: string;
  prefix: string;
  anonymous: boolean;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

/** A form field an error can be shown at. */
export type S3FormField = Exclude<keyof S3FormValues, 'anonymous'>;
export type S3FormErrors = Partial<Record<S3FormField, string>>;

export const EMPTY_S3_FORM: S3FormValues = {
  bucket: '',
  region: DEFAULT_S3_REGION,
  endpoint: '',
  prefix: '',
  anonymous: false,
  accessKeyId: '',
  secretAccessKey: '',
  sessionToken: '',
};

const CORE_FIELDS: Record<string, S3FormField> = {
  bucket: 'bucket',
  region: 'region',
  endpoint: 'endpoint',
  prefix: 'prefix',
  'credentials.accessKeyId': 'accessKeyId',
  'credentials.secretAccessKey': 'secretAccessKey',
  'credentials.sessionToken': 'sessionToken',
};

/** The form field a core S3Error of kind 'invalid-input' is about. */
export function formFieldOf(field: string | undefined): S3FormField | undefined {
  return field === undefined ? undefined : CORE_FIELDS[field];
}

/**
 * Tidies what people paste: surrounding spaces on names and addresses, an `s3://bucket/folder/`
 * URL in the bucket field, a folder without its trailing '/'. Keys are left exactly as typed:
 * core reports stray spaces in them rather than guessing.
 */
export function normalizeS3Form(values: S3FormValues): S3FormValues {
  let bucket = values.bucket.trim();
  let prefix = values.prefix.trim();
  const s3Url = /^s3:\/\/([^/]+)\/?(.*)$/i.exec(bucket);
  if (s3Url) {
    bucket = s3Url[1];
    if (!prefix) prefix = s3Url[2];
  }
  if (prefix && !prefix.endsWith('/')) prefix += '/';
  return { ...values, bucket, prefix, region: values.region.trim() || DEFAULT_S3_REGION, endpoint: values.endpoint.trim() };
}

function problemOf(check: () => void): S3Error | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    if (error instanceof S3Error && error.kind === 'invalid-input') return error;
    throw error;
  }
}

/**
 * Checks the form with core's validators, every field at once, before any request is made, and
 * builds the connection `<s3-tree>` lists. Credentials are left out for public buckets.
 */
export function connectionFromForm(raw: S3FormValues): { values: S3FormValues; connection?: S3Connection; errors: S3FormErrors } {
  const values = normalizeS3Form(raw);
  const endpoint = values.endpoint || undefined;
  const errors: S3FormErrors = {};
  const note = (error: S3Error | undefined) => {
    const field = formFieldOf(error?.field);
    if (error && field && !errors[field]) errors[field] = error.message;
  };
  note(problemOf(() => validateBucketName(values.bucket)));
  if (endpoint) note(problemOf(() => validateEndpoint(endpoint)));
  note(problemOf(() => validateRegion(values.region, endpoint !== undefined)));
  note(problemOf(() => validateFolderPath(values.prefix, 'prefix')));

  const credentials = values.anonymous
    ? undefined
    : { accessKeyId: values.accessKeyId, secretAccessKey: values.secretAccessKey, ...(values.sessionToken ? { sessionToken: values.sessionToken } : {}) };
  if (credentials) {
    // validateConnection stops at the first problem; checking each credential with valid
    // placeholders around it reports every one, still with core's own rules and messages.
    const placeholder = 'PLACEHOLDER';
    const checks: Array<[S3FormField, S3Credentials]> = [
      ['accessKeyId', { accessKeyId: credentials.accessKeyId, secretAccessKey: placeholder }],
      ['secretAccessKey', { accessKeyId: placeholder, secretAccessKey: credentials.secretAccessKey }],
      ['sessionToken', { accessKeyId: placeholder, secretAccessKey: placeholder, sessionToken: credentials.sessionToken }],
    ];
    for (const [field, candidate] of checks) {
      const problem = problemOf(() => validateConnection({ bucket: 'placeholder-bucket', region: DEFAULT_S3_REGION, credentials: candidate }));
      if (formFieldOf(problem?.field) === field) note(problem);
    }
  }
  if (Object.keys(errors).length > 0) return { values, errors };

  const connection: S3Connection = {
    bucket: values.bucket,
    region: values.region,
    ...(endpoint ? { endpoint } : {}),
    ...(values.prefix ? { prefix: values.prefix } : {}),
    ...(credentials ? { credentials } : { anonymous: true }),
  };
  // The exact check the elements rely on, now on the real object.
  validateConnection(connection);
  return { values, connection, errors };
}
