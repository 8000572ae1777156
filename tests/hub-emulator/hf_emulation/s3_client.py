"""A small S3 client (ListObjectsV2 + GetObject, path style) with botocore-like configuration and errors."""

import http.client
import os
import random
import time
import xml.etree.ElementTree as ElementTree
from urllib.parse import unquote_plus, urlsplit

from .sigv4 import encode_path, encode_query, sign_headers

# botocore's legacy retry mode makes up to 5 attempts for throttling, 5xx and dropped connections.
MAX_ATTEMPTS = 5
RETRYABLE_STATUS = {500, 502, 503, 504}
RETRYABLE_CODES = {"SlowDown", "InternalError", "RequestTimeout", "ServiceUnavailable", "Throttling"}
REQUEST_TIMEOUT_SECONDS = 60


class S3Error(Exception):
    """An S3 error response, worded like botocore's ClientError so job logs look the same."""

    def __init__(self, *, code, message, status, operation):
        self.code = code
        self.status = status
        self.operation = operation
        super().__init__(
            f"An error occurred ({code}) when calling the {operation} operation: {message or 'Unknown'}"
        )


def config_from_environment(environ=None, fallback_endpoint=None):
    """Reads endpoint, region and credentials the way botocore does (env vars only).

    Returns a dict; `credentials` is None when no key pair is set, which means anonymous requests
    (the real command falls back to anon=True in that case).
    """
    environ = os.environ if environ is None else environ
    endpoint = environ.get("AWS_ENDPOINT_URL_S3") or environ.get("AWS_ENDPOINT_URL") or fallback_endpoint
    region = environ.get("AWS_DEFAULT_REGION") or environ.get("AWS_REGION") or "us-east-1"
    credentials = None
    if environ.get("AWS_ACCESS_KEY_ID") and environ.get("AWS_SECRET_ACCESS_KEY"):
        credentials = {
            "access_key_id": environ["AWS_ACCESS_KEY_ID"],
            "secret_access_key": environ["AWS_SECRET_ACCESS_KEY"],
            "session_token": environ.get("AWS_SESSION_TOKEN"),
        }
    return {"endpoint": endpoint, "region": region, "credentials": credentials}


def _child_text(element, name):
    for child in element:
        if child.tag.rsplit("}", 1)[-1] == name:
            return child.text or ""
    return None


def _children(element, name):
    return [child for child in element if child.tag.rsplit("}", 1)[-1] == name]


class S3Client:
    """Path-style S3 access to one endpoint. Thread-safe: every request opens its own connection."""

    def __init__(self, *, endpoint, region, credentials):
        if not endpoint:
            raise ValueError(
                "No S3 endpoint: set AWS_ENDPOINT_URL_S3 (or AWS_ENDPOINT_URL) in the Job environment"
            )
        parts = urlsplit(endpoint)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"Invalid S3 endpoint URL: {endpoint}")
        self._scheme = parts.scheme
        self._host = parts.netloc
        self._base_path = parts.path.rstrip("/")
        self._region = region
        self._credentials = credentials

    def list_objects(self, bucket, prefix):
        """Yields (key, size) for every object under `prefix`, following continuation tokens."""
        token = None
        while True:
            params = {"list-type": "2", "prefix": prefix, "encoding-type": "url"}
            if token:
                params["continuation-token"] = token
            body = self._request("ListObjectsV2", f"/{bucket}", params)
            root = ElementTree.fromstring(body)
            for item in _children(root, "Contents"):
                # encoding-type=url keeps any character intact through XML; like botocore, '+' means space
                # (a literal '+' always arrives as %2B, from AWS and from RGW alike).
                yield unquote_plus(_child_text(item, "Key")), int(_child_text(item, "Size") or 0)
            if (_child_text(root, "IsTruncated") or "").lower() != "true":
                return
            token = _child_text(root, "NextContinuationToken")
            if not token:
                return

    def get_object(self, bucket, key):
        """Returns the object's bytes."""
        return self._request("GetObject", f"/{bucket}/{key}", {})

    def _request(self, operation, path, params):
        attempt = 0
        while True:
            attempt += 1
            try:
                status, body = self._send(path, params)
            except (OSError, http.client.HTTPException) as error:
                if attempt >= MAX_ATTEMPTS:
                    raise S3Error(
                        code="ConnectionError",
                        message=f"Could not connect to the endpoint URL: {error.__class__.__name__}: {error}",
                        status=None,
                        operation=operation,
                    ) from None
                self._back_off(attempt)
                continue
            if 200 <= status < 300:
                return body
            error = self._parse_error(operation, status, body)
            if attempt < MAX_ATTEMPTS and (status in RETRYABLE_STATUS or error.code in RETRYABLE_CODES):
                self._back_off(attempt)
                continue
            raise error

    def _send(self, path, params):
        encoded_path = encode_path(self._base_path + path)
        encoded_query = encode_query(params)
        headers = {"host": self._host}
        if self._credentials:
            headers = sign_headers(
                method="GET",
                host=self._host,
                encoded_path=encoded_path,
                encoded_query=encoded_query,
                credentials=self._credentials,
                region=self._region,
            )
        connection_class = http.client.HTTPSConnection if self._scheme == "https" else http.client.HTTPConnection
        connection = connection_class(self._host, timeout=REQUEST_TIMEOUT_SECONDS)
        try:
            target = encoded_path + (f"?{encoded_query}" if encoded_query else "")
            connection.request("GET", target, headers={k: v for k, v in headers.items() if k != "host"})
            response = connection.getresponse()
            return response.status, response.read()
        finally:
            connection.close()

    @staticmethod
    def _parse_error(operation, status, body):
        code, message = str(status), http.client.responses.get(status, "")
        try:
            root = ElementTree.fromstring(body)
            code = _child_text(root, "Code") or code
            message = _child_text(root, "Message") or message
        except ElementTree.ParseError:
            pass
        return S3Error(code=code, message=message, status=status, operation=operation)

    @staticmethod
    def _back_off(attempt):
        time.sleep(min(2.0, 0.05 * (2 ** (attempt - 1))) * random.uniform(0.5, 1.0))
