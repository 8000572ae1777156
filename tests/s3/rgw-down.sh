#!/usr/bin/env bash
# Stops a cluster started by tests/s3/rgw-up.sh and deletes its state directory.
#
# Usage: tests/s3/rgw-down.sh [STATE_DIR]     (or RGW_STATE_DIR=... tests/s3/rgw-down.sh)
# Only the processes recorded in STATE_DIR/run/*.pid are signalled, and only if their command
# line still names this state directory (a recycled pid is left alone). SIGKILL is used because
# the state is thrown away anyway and a graceful radosgw shutdown takes several seconds.
# RGW_KEEP_STATE=1 keeps the directory (logs) after stopping.
set -uo pipefail

state_dir=${1:-${RGW_STATE_DIR:-}}
if [ -z "$state_dir" ]; then
  echo "usage: $0 STATE_DIR (the directory rgw-up.sh reported)" >&2
  exit 2
fi
if [ ! -d "$state_dir" ]; then
  echo "rgw-down: nothing to stop, $state_dir does not exist" >&2
  exit 0
fi
state_dir=$(cd "$state_dir" && pwd)

# A killed daemon can linger as a zombie until its new parent reaps it; that counts as stopped.
running() {
  local state
  state=$(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null) || return 1
  [ -n "$state" ] && [ "$state" != Z ]
}

started_by_us() {
  tr '\0' '\n' <"/proc/$1/cmdline" 2>/dev/null | grep -qF -- "$state_dir"
}

stop_recorded() {
  local name=$1 pid_file=$state_dir/run/$1.pid pid deadline
  [ -f "$pid_file" ] || return 0
  pid=$(cat "$pid_file")
  rm -f "$pid_file"
  # The watchdog runs this script itself (same pid) when its owner exits.
  [ "$pid" = "$$" ] && return 0
  if running "$pid" && started_by_us "$pid"; then
    # rgw-up.sh starts each process as the leader of its own session, so killing the group
    # also takes the watchdog's `tail` child with it.
    if [ "$(awk '{ print $5 }' "/proc/$pid/stat" 2>/dev/null)" = "$pid" ]; then
      kill -KILL -- "-$pid" 2>/dev/null
    else
      kill -KILL "$pid" 2>/dev/null
    fi
    deadline=$((EPOCHSECONDS + 10))
    while running "$pid" && [ "$EPOCHSECONDS" -lt "$deadline" ]; do sleep 0.02; done
    if running "$pid"; then
      echo "rgw-down: $name (pid $pid) is still running" >&2
      return 1
    fi
    echo "rgw-down: stopped $name (pid $pid)" >&2
  fi
}

failed=0
for name in rgw osd mon watchdog; do
  stop_recorded "$name" || failed=1
done
if [ "$failed" = 0 ] && [ "${RGW_KEEP_STATE:-0}" != 1 ]; then
  rm -rf -- "$state_dir"
fi
exit "$failed"
