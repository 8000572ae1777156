// What real S3 answers for the faults the proxy injects, down to the XML error body.
import { randomBytes } from 'node:crypto';

const S3_ERRORS = {
  'slow-down-503': { status: 503, code: 'SlowDown', message: 'Please reduce your request rate.' },
  'internal-500': { status: 500, code: 'InternalError', message: 'We encountered an internal error. Please try again.' },
  'wrong-region-301': {
    status: 301,
    code: 'PermanentRedirect',
    message:
      'The bucket you are attempting to access must be addressed using the specified endpoint. ' +
      'Please send all future requests to this endpoint.',
  },
  'access-denied-403': { status: 403, code: 'AccessDenied', message: 'Access Denied' },
  'expired-token-400': { status: 400, code: 'ExpiredToken', message: 'The provided token has expired.' },
  'signature-mismatch-403': {
    status: 403,
    code: 'SignatureDoesNotMatch',
    message: 'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
  },
};

/**
 * What AWS adds to a SignatureDoesNotMatch body: the access key id, the signature it got and what
 * it signed (RGW sends none of it), from the request's SigV4 Authorization header.
 */
function signatureDetails(authorization = '') {
  const accessKeyId = /Credential=([^/,\s]+)\//.exec(authorization)?.[1] ?? '';
  const signature = /Signature=([0-9a-f]+)/.exec(authorization)?.[1] ?? '';
  const stringToSign = `AWS4-HMAC-SHA256\n${new Date().toISOString()}\n${/Credential=[^/]+\/([^,\s]+)/.exec(authorization)?.[1] ?? ''}`;
  return (
    `<AWSAccessKeyId>${escapeXml(accessKeyId)}</AWSAccessKeyId><StringToSign>${escapeXml(stringToSign)}</StringToSign>` +
    `<SignatureProvided>${escapeXml(signature)}</SignatureProvided>` +
    `<StringToSignBytes>${Buffer.from(stringToSign).toString('hex').replace(/(..)/g, '$1 ').trim()}</StringToSignBytes>`
  );
}

/** Region a `wrong-region-301` fault points to when its rule names none. */
export const DEFAULT_REDIRECT_REGION = 'eu-west-1';

/**
 * Whether `fault` is answered with an S3 error response (the others break the connection).
 * @param {string} fault
 */
export function isErrorResponseFault(fault) {
  return Object.hasOwn(S3_ERRORS, fault);
}

/**
 * Builds the status, headers and XML body S3 sends for `fault`. HEAD responses carry no body,
 * as with S3, so clients only see the status and headers.
 * @param {{ fault: string, method: string, bucket: string, region?: string, authorization?: string,
 *   extraHeaders?: Record<string, string> }} options `authorization`: the request's header, which
 *   `signature-mismatch-403` quotes like AWS does
 * @returns {{ status: number, headers: Record<string, string>, body: string }}
 */
export function s3ErrorResponse({ fault, method, bucket, region = DEFAULT_REDIRECT_REGION, authorization, extraHeaders = {} }) {
  const { status, code, message } = S3_ERRORS[fault];
  const requestId = randomBytes(8).toString('hex').toUpperCase();
  const hostId = randomBytes(32).toString('base64');
  const details =
    fault === 'wrong-region-301'
      ? `<Endpoint>${escapeXml(`${bucket}.s3.${region}.amazonaws.com`)}</Endpoint><Bucket>${escapeXml(bucket)}</Bucket>`
      : fault === 'signature-mismatch-403'
        ? signatureDetails(authorization)
        : '';
  const body =
    method.toUpperCase() === 'HEAD'
      ? ''
      : '<?xml version="1.0" encoding="UTF-8"?>\n' +
        `<Error><Code>${code}</Code><Message>${escapeXml(message)}</Message>${details}` +
        `<RequestId>${requestId}</RequestId><HostId>${hostId}</HostId></Error>`;
  const headers = {
    'Content-Type': 'application/xml',
    'x-amz-request-id': requestId,
    'x-amz-id-2': hostId,
    ...(fault === 'wrong-region-301' ? { 'x-amz-bucket-region': region } : {}),
    ...extraHeaders,
  };
  return { status, headers, body };
}

function escapeXml(text) {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
