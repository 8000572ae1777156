"""`hf buckets import SOURCE DEST [OPTIONS]`: from the command line to a finished import."""

import os
import sys
from datetime import datetime, timezone

from .filters import FilterMatcher, parse_filter_file
from .hub_client import HubClient, HubError
from .import_plan import (
    ImportFailure,
    compute_operations,
    parse_destination,
    parse_source,
    plan_summary,
    relative_files,
    write_plan_jsonl,
)
from .import_run import ImportRun
from .s3_client import S3Client, S3Error, config_from_environment
from .sizes import format_megabytes, parse_size

DEFAULT_HUB_ENDPOINT = "https://huggingface.co"


def _print_plan_summary(source, dest, summary, out):
    print(f"Sync plan: {source.uri} -> {dest.uri}", file=out)
    print(f"  Uploads: {summary['uploads']}", file=out)
    print(f"  Downloads: {summary['downloads']}", file=out)
    print(f"  Deletes: {summary['deletes']}", file=out)
    print(f"  Skips: {summary['skips']}", file=out)


def _existing_relative_paths(hub, dest):
    prefix = dest.prefix.rstrip("/")
    paths = hub.list_paths(dest.bucket_id, prefix)
    if not prefix:
        return set(paths)
    return {path[len(prefix) + 1:] for path in paths if path.startswith(prefix + "/")}


def _check_buffer(uploads, buffer_limit):
    if buffer_limit is None:
        return
    for op in uploads:
        if op.size > buffer_limit:
            raise ImportFailure(
                f"File '{op.path}' ({op.size} bytes) is larger than --buffer-size ({buffer_limit} bytes); "
                "raise --buffer-size"
            )


def _filter_matcher(options):
    rules = []
    if options["filter_from"]:
        try:
            rules = parse_filter_file(options["filter_from"])
        except OSError as error:
            raise ImportFailure(f"Cannot read --filter-from file '{options['filter_from']}': {error.strerror}") from None
    return FilterMatcher(includes=options["include"], excludes=options["exclude"], rules=rules)


def _scan(*, hub, s3, source, dest, skip_existing, err):
    """Preflight, S3 listing and (with --skip-existing) the bucket listing, with fatal errors explained."""
    try:
        hub.check_write_access(dest.bucket_id)
        listing = s3.list_objects(source.bucket, f"{source.prefix}/" if source.prefix else "")
        files = relative_files(listing, source)
        print(f"Found {len(files)} files in S3", file=err)
        existing = _existing_relative_paths(hub, dest) if skip_existing else set()
        return files, existing
    except HubError as error:
        if error.status == 404:
            raise ImportFailure(f"Bucket '{dest.bucket_id}' not found ({error}). Create it first.") from None
        raise ImportFailure(f"Cannot write to bucket '{dest.bucket_id}': {error}") from None
    except S3Error as error:
        raise ImportFailure(str(error)) from None
    except OSError as error:
        raise ImportFailure(f"Cannot reach the Hub: {error}") from None


def run_import(options, positionals, environ=None, out=sys.stdout, err=sys.stderr):
    """Runs one import; raises ImportFailure for fatal errors (per-file failures are only counted)."""
    environ = os.environ if environ is None else environ
    if len(positionals) != 2:
        raise ImportFailure("Expected exactly two arguments: SOURCE (s3://...) and DEST (hf://buckets/...)")
    source = parse_source(positionals[0])
    dest = parse_destination(positionals[1])
    token = options["token"] or environ.get("HF_TOKEN")
    if not token:
        raise ImportFailure("No Hugging Face token: pass --token or set HF_TOKEN")
    matcher = _filter_matcher(options)
    try:
        buffer_limit = parse_size(options["buffer_size"]) if options["buffer_size"] else None
        s3 = S3Client(**config_from_environment(environ, fallback_endpoint=environ.get("HF_EMULATOR_S3_ENDPOINT")))
    except ValueError as error:
        raise ImportFailure(str(error)) from None
    hub = HubClient(endpoint=environ.get("HF_ENDPOINT") or DEFAULT_HUB_ENDPOINT, token=token)
    files, existing = _scan(hub=hub, s3=s3, source=source, dest=dest, skip_existing=options["skip_existing"], err=err)

    operations = compute_operations(files, matcher, existing)
    if options["dry_run"]:
        timestamp = datetime.now(timezone.utc).isoformat()
        write_plan_jsonl(out, source=source, dest=dest, timestamp=timestamp, operations=operations)
        return

    summary = plan_summary(operations)
    _print_plan_summary(source, dest, summary, out)
    uploads = [op for op in operations if op.action == "upload"]
    _check_buffer(uploads, buffer_limit)
    print(
        f"Importing {len(uploads)} file(s) ({format_megabytes(summary['total_size'])}) from S3 to {dest.uri}",
        file=out,
    )
    run = ImportRun(
        s3=s3, hub=hub, source=source, dest=dest, workers=options["workers"], verbose=options["verbose"],
        out=out, err=err,
    )
    run.execute(uploads, skipped=summary["skips"], buffer_limit=buffer_limit)
