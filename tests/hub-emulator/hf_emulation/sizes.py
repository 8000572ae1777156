"""Byte-size formatting and parsing as the import command prints and reads them."""

import re

_UNITS = ("B", "kB", "MB", "GB", "TB", "PB")
_SUFFIX_FACTORS = {"": 1, "k": 1000, "m": 1000**2, "g": 1000**3, "t": 1000**4}


def format_size(num_bytes):
    """Sizes in units of 1000, e.g. 999 -> '999 B', 1500 -> '1.5 kB', 12_345_678 -> '12.3 MB'."""
    value = float(num_bytes)
    for unit in _UNITS:
        if abs(value) < 1000 or unit == _UNITS[-1]:
            return f"{int(value)} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1000
    raise AssertionError("unreachable")


def format_megabytes(num_bytes):
    return f"{num_bytes / 1000**2:.1f} MB"


def mib_per_second(num_bytes, seconds):
    """Throughput in MiB/s (printed with the label 'MB/s', like the real command)."""
    return num_bytes / 1024**2 / seconds if seconds > 0 else 0.0


def parse_size(text):
    """Parses '--buffer-size' values such as '10g', '500M', '2.5GB' or '1048576' into bytes."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?\s*", text, flags=re.IGNORECASE)
    if not match:
        raise ValueError(f"Invalid --buffer-size '{text}': use a number with an optional k/m/g/t suffix, e.g. 10g")
    number, suffix = match.groups()
    size = int(float(number) * _SUFFIX_FACTORS[suffix.lower()])
    if size <= 0:
        raise ValueError(f"Invalid --buffer-size '{text}': it must be larger than zero")
    return size
