"""Executing an import plan: batches of up to 100 files, downloaded in parallel, then uploaded.

Per-file failures are counted and logged, never fatal (the real command exits 0 with `failed F`);
a 401/403 from the Hub aborts the whole import.
"""

import sys
import time
from concurrent.futures import ThreadPoolExecutor

from .hub_client import HubError
from .import_plan import ImportFailure
from .s3_client import S3Error
from .sizes import format_size, mib_per_second

BATCH_MAX_FILES = 100
UPLOADING_LINE_INTERVAL_SECONDS = 10


def make_batches(uploads, buffer_limit):
    """Groups uploads into batches of at most 100 files whose total size fits the buffer."""
    batches, current, current_size = [], [], 0
    for op in uploads:
        too_big = buffer_limit is not None and current and current_size + op.size > buffer_limit
        if len(current) == BATCH_MAX_FILES or too_big:
            batches.append(current)
            current, current_size = [], 0
        current.append(op)
        current_size += op.size
    if current:
        batches.append(current)
    return batches


class ImportRun:
    def __init__(self, *, s3, hub, source, dest, workers, verbose, out=sys.stdout, err=sys.stderr):
        self._s3 = s3
        self._hub = hub
        self._source = source
        self._dest = dest
        self._workers = max(1, workers)
        self._verbose = verbose
        self._out = out
        self._err = err
        self._last_uploading_line = None

    def execute(self, uploads, *, skipped, buffer_limit):
        """Runs every batch and prints the final summary line; returns (transferred, failed)."""
        started = time.monotonic()
        batches = make_batches(uploads, buffer_limit)
        transferred = failed = processed = transferred_bytes = 0
        for index, batch in enumerate(batches, start=1):
            batch_started = time.monotonic()
            label = f"Batch {index}/{len(batches)}"
            print(f"{label}: downloading {len(batch)} files from S3", file=self._err)
            downloads = self._download(batch)
            batch_bytes = 0
            for op, data, error in downloads:
                if error is None:
                    error = self._upload(label, len(batch), op, data)
                processed += 1
                if error is None:
                    transferred += 1
                    batch_bytes += op.size
                else:
                    failed += 1
                    print(f"Failed to import {op.path}: {error}", file=self._err)
            transferred_bytes += batch_bytes
            now = time.monotonic()
            print(
                f"{label} done | {processed}/{len(uploads)} files | {format_size(transferred_bytes)} | "
                f"batch {mib_per_second(batch_bytes, now - batch_started):.1f} MB/s, "
                f"avg {mib_per_second(transferred_bytes, now - started):.1f} MB/s",
                file=self._err,
            )
        elapsed = time.monotonic() - started
        print(
            f"Import completed: Transferred {transferred} file(s) ({format_size(transferred_bytes)}), "
            f"skipped {skipped}, failed {failed}, in {elapsed:.1f}s "
            f"({mib_per_second(transferred_bytes, elapsed):.1f} MB/s)",
            file=self._out,
        )
        return transferred, failed

    def _download(self, batch):
        def fetch(op):
            try:
                return op, self._s3.get_object(self._source.bucket, op.key), None
            except S3Error as error:
                return op, None, str(error)

        with ThreadPoolExecutor(max_workers=self._workers) as pool:
            return list(pool.map(fetch, batch))

    def _upload(self, label, batch_size, op, data):
        now = time.monotonic()
        if self._last_uploading_line is None or now - self._last_uploading_line >= UPLOADING_LINE_INTERVAL_SECONDS:
            self._last_uploading_line = now
            print(f"{label}: uploading {batch_size} files to {self._dest.uri}", file=self._err)
        if self._verbose:
            print(f"  Uploading: {op.path} (new file)", file=self._out)
        try:
            self._hub.upload(self._dest.bucket_id, self._dest.path_for(op.path), data)
        except HubError as error:
            if error.status in (401, 403):
                raise ImportFailure(f"Upload to {self._dest.uri} refused: {error}") from None
            return str(error)
        except OSError as error:
            return f"connection to the Hub failed: {error}"
        return None
