#!/usr/bin/env bash
# Makes sure the system programs the tests need are installed: Chromium (browser tests) and the
# Ceph daemons and tools behind the local S3 test server (tests/s3), and python3 (the hub
# emulator's `hf` and the fnmatch oracle), and a CJK font so that screenshots of keys like 日本語.txt
# show their glyphs instead of boxes. Quiet when all is present.
# As root with apt-get it installs what is missing; otherwise it prints the command and fails.
set -euo pipefail

readonly packages=(chromium ceph-mon ceph-osd radosgw ceph-common python3 fonts-wqy-microhei)
readonly commands=(radosgw ceph-mon ceph-osd ceph-authtool monmaptool radosgw-admin ceph python3)

missing_programs() {
  [ -x /usr/bin/chromium ] || echo /usr/bin/chromium
  [ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || echo 'a CJK font'
  local command
  for command in "${commands[@]}"; do
    command -v "$command" >/dev/null 2>&1 || echo "$command"
  done
}

missing=$(missing_programs | tr '\n' ' ')
[ -z "$missing" ] && exit 0

echo "ensure-system-deps: missing ${missing% }" >&2
if [ "$EUID" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-system-deps: install them as root on Debian/Ubuntu with:" >&2
  echo "  apt-get update && apt-get install -y --no-install-recommends ${packages[*]}" >&2
  exit 1
fi

echo "ensure-system-deps: installing the Debian packages ${packages[*]} (about 92 MB to download)" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${packages[@]}"

missing=$(missing_programs | tr '\n' ' ')
if [ -n "$missing" ]; then
  echo "ensure-system-deps: still missing after the install: ${missing% }" >&2
  exit 1
fi
