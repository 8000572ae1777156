#!/usr/bin/env bash
# Starts a disposable single-node Ceph cluster (1 monitor, 1 in-memory OSD, no manager) and a
# radosgw S3 endpoint, all on 127.0.0.1 ports that are free right now, so several clusters can
# run side by side. Everything lives in one state directory; tests/s3/rgw-down.sh removes it.
#
# Usage: tests/s3/rgw-up.sh
# Environment (all optional):
#   RGW_STATE_DIR  state directory (default: <repo>/.cache/rgw-<time>-<pid>)
#   RGW_OWNER_PID  tear the cluster down automatically once this process exits
#                  (a safety net for test runs that crash before calling stop)
# Output: progress on stderr; the S3 endpoint as the last stdout line; details in
# $RGW_STATE_DIR/state.json. If the state directory already holds a running cluster, it is reused.
set -Eeuo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd "$here/../.." && pwd)
state_dir=${RGW_STATE_DIR:-$repo_root/.cache/rgw-$(date +%s)-$$}
conf=$state_dir/ceph.conf
started_us=${EPOCHREALTIME/./}

# Fixed, public test identities: they only ever exist inside this throwaway cluster.
readonly owner_uid=s3hf-owner
readonly owner_access_key=S3HFOWNERACCESSKEY01
readonly owner_secret_key=s3hf-owner-secret-key-for-local-tests-only
# Swift subuser of the owner: seeding uses Swift bulk upload (one tar per request), ~3x faster
# than one S3 PUT per object. Objects created this way belong to the owner like any other.
readonly owner_swift_user=$owner_uid:bulk
readonly owner_swift_key=s3hf-owner-swift-key-for-local-tests-only
readonly other_uid=s3hf-other
readonly other_access_key=S3HFOTHERACCESSKEY01
readonly other_secret_key=s3hf-other-secret-key-for-local-tests-only

# Ports are picked from below the kernel's ephemeral range (32768+) so outgoing connections
# cannot take them between our check and the daemons binding them.
readonly port_floor=20000 port_ceiling=32000 block_size=32

log() { printf '[rgw-up %5.2fs] %s\n' "$(elapsed)" "$*" >&2; }
elapsed() {
  local us=$(( ${EPOCHREALTIME/./} - started_us ))
  printf '%d.%02d' $((us / 1000000)) $((us % 1000000 / 10000))
}

# Prints a cluster that is already running in $state_dir, if any, and exits.
reuse_running_cluster() {
  [ -f "$state_dir/state.json" ] || return 0
  local name
  for name in mon osd rgw; do
    daemon_alive "$state_dir/run/$name.pid" || return 0
  done
  log "reusing the running cluster in $state_dir"
  sed -n 's/.*"endpoint": *"\([^"]*\)".*/\1/p' "$state_dir/state.json"
  exit 0
}

daemon_alive() {
  local pid
  pid=$(cat "$1" 2>/dev/null) || return 1
  [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$conf"
}

listening_ports() {
  local file
  for file in /proc/net/tcp /proc/net/tcp6; do
    [ -r "$file" ] || continue
    # Column 2 is address:port in hex, column 4 the state; 0A means LISTEN.
    while read -r _ local_address _ state _; do
      if [ "$state" = 0A ]; then echo $((16#${local_address##*:})); fi
    done < <(tail -n +2 "$file")
  done
}

# Chooses a block of $block_size consecutive free ports. Layout inside the block:
# +0 radosgw, +1 monitor (msgr v2), +2 monitor (msgr v1), +8..+31 OSD (binds 8 of them).
choose_port_block() {
  local taken attempt base port clash
  taken=" $(listening_ports | tr '\n' ' ') "
  for attempt in $(seq 1 200); do
    base=$(( port_floor + (RANDOM % ((port_ceiling - port_floor) / block_size)) * block_size ))
    clash=
    for port in $(seq "$base" $((base + block_size - 1))); do
      case $taken in *" $port "*) clash=1; break ;; esac
    done
    [ -z "$clash" ] && { echo "$base"; return 0; }
  done
  echo "no free block of $block_size ports between $port_floor and $port_ceiling" >&2
  return 1
}

write_config() {
  cat >"$conf" <<EOF
[global]
fsid = $fsid
mon host = [v2:127.0.0.1:$mon_v2_port,v1:127.0.0.1:$mon_v1_port]
mon initial members = a
public addr = 127.0.0.1
cluster addr = 127.0.0.1
ms bind ipv6 = false
keyring = $state_dir/client.admin.keyring
auth cluster required = cephx
auth service required = cephx
auth client required = cephx
auth allow insecure global id reclaim = false
admin socket =
pid file =
log file = $state_dir/log/\$name.log
log to stderr = false
err to stderr = true
mon cluster log file = $state_dir/log/cluster.log
crash dir = $state_dir/crash
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
osd crush chooseleaf type = 0
mon allow pool size one = true
mon warn on pool no redundancy = false
mon max pg per osd = 1000
mon data avail warn = 1
mon data avail crit = 0
# Map changes (OSD boot, each pool radosgw creates) are proposed after 10 ms instead of 1 s:
# this alone takes the bring-up from ~13 s to ~1.5 s.
paxos propose interval = 0.01
paxos min wait = 0.01
# Message signing and in-memory debug logs cost CPU on every S3 request (2 cores seed 15,000
# objects); a throwaway loopback cluster needs neither.
cephx sign messages = false
debug ms = 0/0
debug auth = 0/0
debug monc = 0/0
debug objecter = 0/0
debug rados = 0/0
debug objclass = 0/0
debug memstore = 0/0
debug finisher = 0/0
debug heartbeatmap = 0/0
debug throttle = 0/0
debug optracker = 0/0

[mon]
mon data = $state_dir/mon
debug mon = 1

[osd]
osd data = $state_dir/osd
keyring = $state_dir/osd/keyring
osd objectstore = memstore
memstore device bytes = 1073741824
ms bind port min = $osd_port_min
ms bind port max = $osd_port_max
debug osd = 0/0
osd enable op tracker = false

[client.rgw]
keyring = $state_dir/rgw.keyring
# tcp_nodelay: without it every other request on a kept-alive connection waits ~40 ms (Nagle's
# algorithm against the client's delayed ACK), which hides real latency differences in tests and benchmarks.
rgw frontends = beast endpoint=127.0.0.1:$rgw_port tcp_nodelay=1
rgw data = $state_dir/rgw
rgw dns name = localhost
rgw thread pool size = 16
debug rgw = 0/0
# No logs, resharding or background housekeeping: nothing of it matters for a test run.
rgw enable ops log = false
rgw enable usage log = false
rgw dynamic resharding = false
rgw enable gc threads = false
rgw enable lc threads = false
rgw enable quota threads = false
EOF
}

create_keys() {
  ceph-authtool --create-keyring "$state_dir/mon.keyring" --gen-key -n mon. --cap mon 'allow *' >/dev/null
  ceph-authtool --create-keyring "$state_dir/client.admin.keyring" --gen-key -n client.admin \
    --cap mon 'allow *' --cap osd 'allow *' --cap mgr 'allow *' >/dev/null
  ceph-authtool --create-keyring "$state_dir/rgw.keyring" --gen-key -n client.rgw \
    --cap mon 'allow rw' --cap osd 'allow rwx' >/dev/null
  # The monitor's initial auth database is built from this keyring, so radosgw's key needs
  # no extra round trip to the running monitor.
  ceph-authtool "$state_dir/mon.keyring" --import-keyring "$state_dir/client.admin.keyring" >/dev/null
  ceph-authtool "$state_dir/mon.keyring" --import-keyring "$state_dir/rgw.keyring" >/dev/null
}

# Runs a daemon in the foreground of its own session so we know its exact pid; the lock fd is
# closed so the daemon does not hold the port-choice lock after this script ends.
start_daemon() {
  local name=$1; shift
  setsid "$@" -f --conf "$conf" </dev/null >>"$state_dir/log/$name.out" 2>&1 9>&- &
  echo $! >"$state_dir/run/$name.pid"
}

wait_for() {
  local what=$1 deadline=$(( ${EPOCHSECONDS} + $2 )); shift 2
  until "$@" 2>/dev/null; do
    if [ "$EPOCHSECONDS" -ge "$deadline" ]; then
      echo "timed out waiting for $what; logs are in $state_dir/log" >&2
      return 1
    fi
    sleep 0.05
  done
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# Any HTTP status line will do: radosgw only opens its port once it is fully initialised.
http_answers() (
  local status_line
  exec 3<>"/dev/tcp/127.0.0.1/$1"
  printf 'GET / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
  read -r -t 2 status_line <&3
  [[ $status_line == HTTP/* ]]
)

start_monitor() {
  monmaptool --create --fsid "$fsid" \
    --addv a "[v2:127.0.0.1:$mon_v2_port,v1:127.0.0.1:$mon_v1_port]" "$state_dir/monmap" >/dev/null
  ceph-mon --conf "$conf" --mkfs -i a --monmap "$state_dir/monmap" --keyring "$state_dir/mon.keyring" \
    >>"$state_dir/log/mon-mkfs.out" 2>&1
  start_daemon mon ceph-mon -i a
  wait_for "the monitor on port $mon_v2_port" 20 port_open "$mon_v2_port"
}

start_osd() {
  local uuid key id
  uuid=$(cat /proc/sys/kernel/random/uuid)
  key=$(ceph-authtool --gen-print-key)
  mkdir -p "$state_dir/osd"
  # The OSD secret goes through a file, not the command line.
  printf '{"cephx_secret": "%s"}' "$key" >"$state_dir/osd/new.json"
  id=$(ceph --conf "$conf" --connect-timeout 20 osd new "$uuid" -i "$state_dir/osd/new.json")
  rm -f "$state_dir/osd/new.json"
  [ "$id" = 0 ] || { echo "expected the new OSD to get id 0, got '$id'" >&2; return 1; }
  ceph-authtool --create-keyring "$state_dir/osd/keyring" --name osd.0 --add-key "$key" >/dev/null
  ceph-osd --conf "$conf" -i 0 --mkfs --osd-uuid "$uuid" >>"$state_dir/log/osd-mkfs.out" 2>&1
  start_daemon osd ceph-osd -i 0
}

create_user() {
  radosgw-admin --conf "$conf" -n client.admin user create --uid "$1" --display-name "$2" \
    --access-key "$3" --secret-key "$4" >/dev/null
}

create_swift_subuser() {
  radosgw-admin --conf "$conf" -n client.admin subuser create --uid "$1" --subuser "$2" \
    --access full --key-type swift --secret-key "$3" >/dev/null
}

start_watchdog() {
  [ -n "${RGW_OWNER_PID:-}" ] || return 0
  # tail --pid returns once the owner exits; the down script then removes the cluster.
  setsid bash -c 'tail --pid="$1" -f /dev/null; exec "$2" "$3"' rgw-watchdog \
    "$RGW_OWNER_PID" "$here/rgw-down.sh" "$state_dir" </dev/null >/dev/null 2>&1 9>&- &
  echo $! >"$state_dir/run/watchdog.pid"
}

write_state() {
  local tmp=$state_dir/state.json.tmp
  cat >"$tmp" <<EOF
{
  "endpoint": "http://127.0.0.1:$rgw_port",
  "region": "us-east-1",
  "stateDir": "$state_dir",
  "ports": { "rgw": $rgw_port, "monV2": $mon_v2_port, "monV1": $mon_v1_port, "osdMin": $osd_port_min, "osdMax": $osd_port_max },
  "pids": { "mon": $(cat "$state_dir/run/mon.pid"), "osd": $(cat "$state_dir/run/osd.pid"), "rgw": $(cat "$state_dir/run/rgw.pid") },
  "owner": { "uid": "$owner_uid", "accessKeyId": "$owner_access_key", "secretAccessKey": "$owner_secret_key",
             "swiftUser": "$owner_swift_user", "swiftKey": "$owner_swift_key" },
  "otherUser": { "uid": "$other_uid", "accessKeyId": "$other_access_key", "secretAccessKey": "$other_secret_key" },
  "startupSeconds": $(elapsed)
}
EOF
  mv "$tmp" "$state_dir/state.json"
}

on_failure() {
  echo "rgw-up: failed at line $1; stopping what was started (logs kept in $state_dir/log)" >&2
  tail -n 5 "$state_dir"/log/*.out >&2 2>/dev/null || true
  RGW_KEEP_STATE=1 "$here/rgw-down.sh" "$state_dir" >&2 || true
}

require_commands() {
  local command missing=()
  for command in ceph ceph-mon ceph-osd radosgw radosgw-admin ceph-authtool monmaptool setsid flock; do
    command -v "$command" >/dev/null || missing+=("$command")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "rgw-up: missing ${missing[*]}; install them with: sudo $repo_root/scripts/ensure-system-deps.sh" >&2
    exit 1
  fi
}

require_commands
reuse_running_cluster
if [ -e "$state_dir" ] && [ -n "$(ls -A "$state_dir" 2>/dev/null)" ]; then
  echo "rgw-up: $state_dir exists but holds no running cluster; run tests/s3/rgw-down.sh $state_dir first" >&2
  exit 1
fi
mkdir -p "$state_dir/run" "$state_dir/log" "$state_dir/rgw"
trap 'on_failure $LINENO' ERR

# Only one of our bring-ups chooses ports at a time, and it keeps the lock until its daemons
# listen, so a concurrent bring-up sees those ports as taken.
exec 9>"${TMPDIR:-/tmp}/s3hf-rgw-ports.lock"
flock 9
base_port=$(choose_port_block)
rgw_port=$base_port
mon_v2_port=$((base_port + 1))
mon_v1_port=$((base_port + 2))
osd_port_min=$((base_port + 8))
osd_port_max=$((base_port + block_size - 1))
fsid=$(cat /proc/sys/kernel/random/uuid)

write_config
create_keys
start_monitor
log "monitor up on 127.0.0.1:$mon_v2_port"
start_osd
log "OSD started"
# radosgw waits for the OSD by itself while it creates its pools.
start_daemon rgw radosgw -n client.rgw
start_watchdog
wait_for "radosgw on port $rgw_port" 60 http_answers "$rgw_port"
flock -u 9
log "radosgw answering on 127.0.0.1:$rgw_port"

create_user "$owner_uid" "S3 test bucket owner" "$owner_access_key" "$owner_secret_key"
create_swift_subuser "$owner_uid" "$owner_swift_user" "$owner_swift_key"
create_user "$other_uid" "S3 test user without bucket access" "$other_access_key" "$other_secret_key"
write_state
log "ready (state: $state_dir/state.json)"
echo "http://127.0.0.1:$rgw_port"
