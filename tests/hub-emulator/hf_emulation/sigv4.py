"""AWS Signature Version 4 for S3 requests, written against the public AWS specification.

Only what the emulated `hf buckets import` needs: path-style GET requests with an empty body.
"""

import hashlib
import hmac
from datetime import datetime, timezone
from urllib.parse import quote

EMPTY_PAYLOAD_SHA256 = hashlib.sha256(b"").hexdigest()


def encode_path(path):
    """Encodes an S3 path once, keeping '/' (S3 is the one service that must not double-encode)."""
    return quote(path, safe="/~")


def encode_query(params):
    """Canonical query string: every key and value encoded, pairs sorted by encoded key then value."""
    pairs = sorted((quote(str(k), safe="~"), quote(str(v), safe="~")) for k, v in params.items())
    return "&".join(f"{k}={v}" for k, v in pairs)


def _hmac(key, text):
    return hmac.new(key, text.encode("utf-8"), hashlib.sha256).digest()


def sign_headers(*, method, host, encoded_path, encoded_query, credentials, region, now=None):
    """Returns the headers (including Authorization) that sign one S3 request with no body.

    `credentials` is a dict with access_key_id, secret_access_key and an optional session_token.
    """
    now = now or datetime.now(timezone.utc)
    amz_date = now.strftime("%Y%m%dT%H%M%SZ")
    day = now.strftime("%Y%m%d")
    headers = {
        "host": host,
        "x-amz-content-sha256": EMPTY_PAYLOAD_SHA256,
        "x-amz-date": amz_date,
    }
    if credentials.get("session_token"):
        headers["x-amz-security-token"] = credentials["session_token"]
    signed_names = sorted(headers)
    canonical_headers = "".join(f"{name}:{headers[name].strip()}\n" for name in signed_names)
    signed_headers = ";".join(signed_names)
    canonical_request = "\n".join(
        [method, encoded_path, encoded_query, canonical_headers, signed_headers, EMPTY_PAYLOAD_SHA256]
    )
    scope = f"{day}/{region}/s3/aws4_request"
    string_to_sign = "\n".join(
        ["AWS4-HMAC-SHA256", amz_date, scope, hashlib.sha256(canonical_request.encode("utf-8")).hexdigest()]
    )
    key = _hmac(("AWS4" + credentials["secret_access_key"]).encode("utf-8"), day)
    for part in (region, "s3", "aws4_request"):
        key = _hmac(key, part)
    signature = hmac.new(key, string_to_sign.encode("utf-8"), hashlib.sha256).hexdigest()
    headers["authorization"] = (
        f"AWS4-HMAC-SHA256 Credential={credentials['access_key_id']}/{scope}, "
        f"SignedHeaders={signed_headers}, Signature={signature}"
    )
    return headers
