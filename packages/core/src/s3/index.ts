// Public API of the S3 listing module (contract E).
export { bucketUrl } from './bucket-url.js';
export { corsConfigurationFor, type CorsRule } from './cors-configuration-for.js';
export { countFolder, type CountFolderOptions, type FolderCountProgress } from './count-folder.js';
export { diagnoseFetchFailure, type DiagnoseFetchFailureOptions } from './diagnose-fetch-failure.js';
export { loadS3Sdk } from './load-s3-sdk.js';
export {
  listFolder,
  type FolderListing,
  type FolderListingPage,
  type ListFolderOptions,
} from './list-folder.js';
export type { S3Connection, S3Credentials } from './s3-connection.js';
export { S3Error, type S3ErrorDetails, type S3ErrorKind } from './s3-error.js';
export type { S3RequestOptions } from './send-s3-request.js';
export {
  validateBucketName,
  validateConnection,
  validateEndpoint,
  validateFolderPath,
  validateListedFolder,
  validateRegion,
} from './validate-connection.js';
export { withRegionRecovery, type RegionRecoveryResult } from './with-region-recovery.js';
