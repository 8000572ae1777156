import type { ImportFilters } from '../filters/import-filters.js';
import type { S3Credentials } from '../s3/s3-connection.js';
import type { ShardPosition } from './shard-label.js';

/** Where the files come from: an S3 (or S3-compatible) bucket and a folder in it. */
export interface S3Source {
  bucket: string;
  /** Folder inside the bucket: '' or ending with '/'. */
  prefix?: string;
  /** AWS region; defaults to 'us-east-1'. */
  region?: string;
  /** S3-compatible endpoint (MinIO, Ceph RGW, R2…): https, or http on localhost only. */
  endpoint?: string;
  /** A public bucket read without credentials. */
  anonymous?: boolean;
}

// S3 credentials only ever travel as Job secrets.
export type { S3Credentials };

/** The Hugging Face Storage Bucket that receives the files, and a folder in it. */
export interface BucketDestination {
  namespace: string;
  bucket: string;
  /** Folder inside the bucket ('' = top); a missing trailing '/' is added. */
  prefix?: string;
}

/** What the `hf buckets import` command line depends on (see describeImportCommand). */
export interface ImportCommandOptions {
  source: S3Source;
  /** The exact selection, relative to `source.prefix` (see compileFilters). */
  filters: ImportFilters;
  destination: BucketDestination;
  /** Only print the plan (JSONL) and transfer nothing. */
  dryRun?: boolean;
  /** Skip files whose destination path already exists (path only, not size). */
  skipExisting?: boolean;
  /** Parallel S3 downloads inside the Job (the command's default is 4). */
  workers?: number;
}

/** Everything {@link buildImportJob} needs to describe one import. */
export interface BuildImportJobOptions extends ImportCommandOptions {
  /** Required unless `source.anonymous`. */
  credentials?: S3Credentials;
  /** Token the Job uses to write into the bucket (sent as the `HF_TOKEN` secret). */
  hfToken: string;
  /** Job hardware flavor; default 'cpu-basic'. */
  flavor?: string;
  /** Job timeout; default 30 minutes, like the Hub. */
  timeoutSeconds?: number;
  /** pip requirement that provides `hf buckets import`; default {@link DEFAULT_INSTALL_SPEC}. */
  installSpec?: string;
  /** Default 'python:3.12'. */
  dockerImage?: string;
  /** Extra Job labels (keys and values: up to 100 characters of `[A-Za-z0-9._-]`). */
  labels?: Record<string, string>;
  /** Stable id of this import, stored as the `import-id` label; generated when absent. */
  importId?: string;
  /**
   * For one Job of an import split into several (see planImportShards): the id the Jobs share,
   * stored as the `import-group` label. Needs `shard`. Each Job keeps its own `importId`.
   */
  importGroup?: string;
  /** This Job's place in its group, stored as the `shard` label (`<index>-of-<count>`). Needs `importGroup`. */
  shard?: ShardPosition;
}

/** The JSON body of `POST /api/jobs/{namespace}` for an import. */
export interface ImportJobSpec {
  dockerImage: string;
  command: string[];
  arguments: string[];
  /** Plain-text variables, visible in the Job page: never anything secret. */
  environment: Record<string, string>;
  /** Encrypted server-side; the only place credentials go. */
  secrets: Record<string, string>;
  flavor: string;
  timeoutSeconds: number;
  labels: Record<string, string>;
}
