/**
 * pip requirement that provides `hf buckets import`. The command only exists on an unmerged
 * huggingface_hub branch, so it is pinned to a commit archive (no git needed in the image);
 * moving to a release is a change of this one line.
 */
export const DEFAULT_INSTALL_SPEC =
  'huggingface_hub[s3] @ https://github.com/huggingface/huggingface_hub/archive/a5961b07dcc9ccc392527201181a572384ccf3b9.zip';

/** Image of the import Job: any image with Python ≥ 3.9 and pip works. */
export const DEFAULT_DOCKER_IMAGE = 'python:3.12';

/** The cheapest CPU flavor; imports are network-bound. */
export const DEFAULT_FLAVOR = 'cpu-basic';

/** The Hub's own default Job timeout (30 minutes), sent explicitly so the spec says it. */
export const DEFAULT_TIMEOUT_SECONDS = 30 * 60;

/** Region used when the source does not name one (S3-compatible servers ignore it). */
export const DEFAULT_S3_REGION = 'us-east-1';

/** Label key and value that mark every Job started by this app. */
export const APP_LABEL_KEY = 'app';
export const APP_LABEL_VALUE = 's3-to-hf-import';

/** Label key holding the import id, used to find an existing Job before submitting again. */
export const IMPORT_ID_LABEL_KEY = 'import-id';

/** Label key shared by the Jobs of one import split into shards (its value: the import group id). */
export const IMPORT_GROUP_LABEL_KEY = 'import-group';

/** Label key of a shard's position in its group: `<index>-of-<count>`, counting from 1. */
export const SHARD_LABEL_KEY = 'shard';
