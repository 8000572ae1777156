"""Turning SOURCE/DEST and an S3 listing into an import plan, following the documented branch behaviour."""

import json
from dataclasses import dataclass

BUCKET_URI_PREFIX = "hf://buckets/"


class ImportFailure(Exception):
    """A fatal error: the command prints it and exits non-zero."""


@dataclass(frozen=True)
class Source:
    uri: str  # normalised: 's3://bucket/prefix' without the trailing '/'
    bucket: str
    prefix: str
    full: str  # 'bucket/prefix', what relative keys are computed against


@dataclass(frozen=True)
class Destination:
    uri: str
    bucket_id: str
    prefix: str

    def path_for(self, rel):
        return f"{self.prefix.rstrip('/')}/{rel}" if self.prefix else rel


@dataclass(frozen=True)
class Operation:
    action: str  # 'upload' | 'skip'
    key: str
    path: str  # relative to the source prefix
    size: int
    reason: str


def parse_source(source):
    if not source.startswith("s3://"):
        raise ImportFailure(f"Source must be an S3 path (s3://bucket or s3://bucket/prefix/), got: {source}")
    full = source[len("s3://"):].rstrip("/")
    bucket, _, prefix = full.partition("/")
    if not bucket:
        raise ImportFailure(f"Source must name an S3 bucket (s3://bucket[/prefix]), got: {source}")
    return Source(uri=f"s3://{full}", bucket=bucket, prefix=prefix, full=full)


def parse_destination(dest):
    if not dest.startswith(BUCKET_URI_PREFIX):
        raise ImportFailure("Destination must be a bucket path (hf://buckets/...)")
    parts = dest[len(BUCKET_URI_PREFIX):].split("/", 2)
    if len(parts) < 2 or not parts[0] or not parts[1]:
        raise ImportFailure(f"Invalid bucket path: '{dest}'. Expected format: hf://buckets/namespace/bucket_name")
    return Destination(uri=dest, bucket_id=f"{parts[0]}/{parts[1]}", prefix=parts[2] if len(parts) == 3 else "")


def relative_files(listing, source):
    """(key, rel, size) for each listed object; folder markers and the prefix object itself are dropped."""
    files = []
    for key, size in listing:
        if key.endswith("/"):
            continue
        rel = f"{source.bucket}/{key}"[len(source.full):].lstrip("/")
        if rel:
            files.append((key, rel, size))
    return files


def compute_operations(files, matcher, existing_paths):
    """Upload every matching file, or skip it when --skip-existing found the same relative path."""
    operations = []
    for key, rel, size in sorted(files, key=lambda item: item[1]):
        if not matcher.matches(rel):
            continue
        if rel in existing_paths:
            operations.append(Operation("skip", key, rel, size, "already exists (--skip-existing)"))
        else:
            operations.append(Operation("upload", key, rel, size, "new file"))
    return operations


def plan_summary(operations):
    uploads = [op for op in operations if op.action == "upload"]
    return {
        "uploads": len(uploads),
        "downloads": 0,
        "deletes": 0,
        "skips": len(operations) - len(uploads),
        "total_size": sum(op.size for op in uploads),
    }


def write_plan_jsonl(out, *, source, dest, timestamp, operations):
    """The --dry-run output: one header line, then one line per operation."""
    header = {
        "type": "header",
        "source": source.uri,
        "dest": dest.uri,
        "timestamp": timestamp,
        "summary": plan_summary(operations),
    }
    out.write(json.dumps(header) + "\n")
    for op in operations:
        line = {"type": "operation", "action": op.action, "path": op.path, "reason": op.reason, "size": op.size}
        out.write(json.dumps(line) + "\n")
