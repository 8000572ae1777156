"""Calls from the emulated `hf` to the hub emulator (HF_ENDPOINT). The token never leaves the header."""

import json
import urllib.error
import urllib.request
from urllib.parse import quote

REQUEST_TIMEOUT_SECONDS = 60


class HubError(Exception):
    def __init__(self, status, message):
        self.status = status
        super().__init__(f"{status} {message}")


def _error_message(error):
    try:
        return json.loads(error.read().decode("utf-8")).get("error") or error.reason
    except (ValueError, AttributeError):
        return error.reason


class HubClient:
    def __init__(self, *, endpoint, token):
        self._endpoint = endpoint.rstrip("/")
        self._token = token

    def _call(self, method, path, *, body=None, content_type=None, authenticated=True):
        headers = {"User-Agent": "huggingface_hub-emulation/1.13.0.dev0"}
        if authenticated and self._token:
            headers["Authorization"] = f"Bearer {self._token}"
        if content_type:
            headers["Content-Type"] = content_type
        request = urllib.request.Request(self._endpoint + path, data=body, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT_SECONDS) as response:
                return response.read(), response.headers
        except urllib.error.HTTPError as error:
            raise HubError(error.code, _error_message(error)) from None

    def check_write_access(self, bucket_id):
        """The real command's xet write-token preflight: fails when the bucket is missing or not writable."""
        self._call("GET", f"/api/buckets/{bucket_id}/xet-write-token")

    def list_paths(self, bucket_id, prefix):
        """Every file path in the bucket under `prefix` (recursive, following Link pagination)."""
        path = f"/api/buckets/{bucket_id}/tree" + (f"/{quote(prefix, safe='/')}" if prefix else "")
        url = f"{path}?recursive=true"
        paths = []
        while url:
            body, headers = self._call("GET", url)
            paths.extend(entry["path"] for entry in json.loads(body) if entry.get("type") == "file")
            url = _next_link(headers.get("Link"), self._endpoint)
        return paths

    def upload(self, bucket_id, path, data):
        self._call(
            "PUT",
            f"/api/buckets/{bucket_id}/_emulator/upload/{quote(path, safe='/')}",
            body=data,
            content_type="application/octet-stream",
        )

    def record_invocation(self, record):
        """Tells the emulator how `hf` was called, so tests can check the exact argv."""
        self._call(
            "POST",
            "/__emulator/hf-invocations",
            body=json.dumps(record).encode("utf-8"),
            content_type="application/json",
            authenticated=False,
        )


def _next_link(link_header, endpoint):
    for part in (link_header or "").split(","):
        url_part, _, params = part.partition(";")
        if 'rel="next"' in params:
            url = url_part.strip().strip("<>")
            return url[len(endpoint):] if url.startswith(endpoint) else url
    return None
