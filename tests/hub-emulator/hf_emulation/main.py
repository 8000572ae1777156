"""Entry point of the emulated `hf` CLI: only `hf buckets import` (and `hf version`) exist."""

import os
import sys

from .cli_args import UsageError, parse_args
from .hub_client import HubClient
from .import_command import run_import
from .import_plan import ImportFailure

VERSION = "1.13.0.dev0"
IMPORT_USAGE = "Usage: hf buckets import [OPTIONS] [SOURCE] [DEST]"
IMPORT_HELP = f"""{IMPORT_USAGE}

  Import files from S3 (s3://bucket[/prefix]) into a bucket (hf://buckets/ns/name[/prefix]).

Options:
  --include TEXT        Include files matching pattern (repeatable).
  --exclude TEXT        Exclude files matching pattern (repeatable).
  --filter-from TEXT    Read include/exclude rules from a file.
  --dry-run             Print the plan as JSONL and exit.
  --skip-existing       Skip files whose path already exists in the bucket.
  -w, --workers INT     S3 download threads [default: 4].
  --buffer-size TEXT    Limit on local temporary disk, e.g. 10g.
  -v, --verbose         Print every file.
  --token TEXT          Hugging Face token (defaults to HF_TOKEN).
  -h, --help            Show this message and exit.
"""


def _record_invocation(argv):
    """Best effort: a missing emulator must not change what the command does."""
    endpoint = os.environ.get("HF_ENDPOINT")
    if not endpoint:
        return
    record = {"argv": argv, "jobId": os.environ.get("JOB_ID"), "envNames": sorted(os.environ)}
    try:
        HubClient(endpoint=endpoint, token=None).record_invocation(record)
    except Exception:  # noqa: BLE001 - recording must never break the import itself
        pass


def _usage_error(command, usage, message):
    print(f"{usage}\nTry '{command} -h' for help.\n\nError: {message}", file=sys.stderr)
    return 2


def _buckets_import(args):
    try:
        parsed = parse_args(args)
    except UsageError as error:
        return _usage_error("hf buckets import", IMPORT_USAGE, error)
    if parsed.options["help"]:
        print(IMPORT_HELP)
        return 0
    try:
        run_import(parsed.options, parsed.positionals)
        return 0
    except ImportFailure as error:
        sys.stdout.flush()
        print(f"Error: {error}", file=sys.stderr)
        return 1


def main(argv):
    _record_invocation(argv)
    if argv[:1] in (["version"], ["--version"]):
        print(VERSION)
        return 0
    if argv[:2] == ["buckets", "import"]:
        return _buckets_import(argv[2:])
    return _usage_error("hf", "Usage: hf [OPTIONS] COMMAND [ARGS]...",
                        f"This emulation only implements 'hf buckets import' (got: {' '.join(argv[:2]) or 'nothing'})")
