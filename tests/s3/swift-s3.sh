#!/usr/bin/env bash
# A single-node OpenStack Swift with the s3api middleware on loopback, for the storage tests.
# All state lives under $BASE (wiped on start). Needs Debian's python3-swift and memcached (tests/run-all.sh
# installs them). Based on the tested set-up in ../shared/notes/S3-TEST-SERVER.md.
#
# usage: BASE=/tmp/x S3_PORT=18080 swift-s3.sh start|stop
#   S3_PORT is the S3 endpoint; the next four ports are used for the object, container and account servers
#   and a private memcached. `start` prints nothing on success and returns once every server answers
#   /healthcheck (30 s limit); on failure the logs are in $BASE/log.
#   OWNER_PID (optional): a watchdog stops the servers when that process ends, so a crashed test run leaves
#   nothing listening.
# S3 credentials: access key "test:tester", secret key "testing"; region us-east-1; path-style addressing.
set -euo pipefail
BASE=${BASE:?set BASE to a state folder}
S3_PORT=${S3_PORT:?set S3_PORT}
OBJ_PORT=$((S3_PORT + 1)) CONT_PORT=$((S3_PORT + 2)) ACCT_PORT=$((S3_PORT + 3)) MC_PORT=$((S3_PORT + 4))
ETC=$BASE/etc
PY=/usr/bin/python3

write_conf() {
  rm -rf "$BASE"
  mkdir -p "$ETC" "$BASE/srv/d1" "$BASE/cache" "$BASE/log" "$BASE/run"
  printf '[swift-hash]\nswift_hash_path_suffix = oeb-s3-test\n[storage-policy:0]\nname = Policy-0\ndefault = yes\n' > "$ETC/swift.conf"
  local s p
  for s in account:$ACCT_PORT container:$CONT_PORT object:$OBJ_PORT; do
    p=${s#*:}; s=${s%%:*}
    cat > "$ETC/$s-server.conf" <<EOF
[DEFAULT]
swift_dir = $ETC
devices = $BASE/srv
mount_check = false
disable_fallocate = true
bind_ip = 127.0.0.1
bind_port = $p
workers = 0
log_level = WARNING
recon_cache_path = $BASE/cache
[pipeline:main]
pipeline = healthcheck $s-server
[filter:healthcheck]
use = egg:swift#healthcheck
[app:$s-server]
use = egg:swift#$s
[object-updater]
interval = 1
concurrency = 1
EOF
  done
  cat > "$ETC/proxy-server.conf" <<EOF
[DEFAULT]
swift_dir = $ETC
bind_ip = 127.0.0.1
bind_port = $S3_PORT
workers = 0
log_level = WARNING
[pipeline:main]
pipeline = catch_errors gatekeeper healthcheck proxy-logging cache listing_formats s3api tempauth copy slo dlo proxy-logging proxy-server
[app:proxy-server]
use = egg:swift#proxy
account_autocreate = true
[filter:s3api]
use = egg:swift#s3api
location = us-east-1
[filter:tempauth]
use = egg:swift#tempauth
user_test_tester = testing .admin
[filter:cache]
use = egg:swift#memcache
memcache_servers = 127.0.0.1:$MC_PORT
[filter:catch_errors]
use = egg:swift#catch_errors
[filter:gatekeeper]
use = egg:swift#gatekeeper
[filter:healthcheck]
use = egg:swift#healthcheck
[filter:proxy-logging]
use = egg:swift#proxy_logging
[filter:listing_formats]
use = egg:swift#listing_formats
[filter:copy]
use = egg:swift#copy
[filter:slo]
use = egg:swift#slo
[filter:dlo]
use = egg:swift#dlo
EOF
  # What /usr/bin/swift-*-server and swift-object-updater do; those scripts come only with heavier packages.
  cat > "$BASE/serve.py" <<'EOF'
import os, sys
from swift.common import utils
kind = sys.argv.pop(1)  # account | container | object | proxy | object-updater
conf_file, options = utils.parse_options(once=(kind == "object-updater"))
# read swift.conf next to the server config, never /etc/swift
utils.set_swift_dir(os.path.dirname(os.path.abspath(conf_file)))
if kind == "object-updater":
    # Re-sends container updates that the object server queued (async_pending) when the container server was
    # busy, so listings catch up with writes on a loaded machine.
    from swift.common.daemon import run_daemon
    from swift.obj.updater import ObjectUpdater
    run_daemon(ObjectUpdater, conf_file, section_name="object-updater", **options)
    sys.exit(0)
from swift.common.wsgi import run_wsgi
kw = {}
if kind == "object":
    from swift.obj import server
    kw["global_conf_callback"] = server.global_conf_callback
sys.exit(run_wsgi(conf_file, kind + "-server", **kw, **options))
EOF
  # one ring per server type: partition power 6, one device, one replica
  "$PY" - "$ETC" "$ACCT_PORT" "$CONT_PORT" "$OBJ_PORT" <<'EOF'
import sys
from swift.common.ring import RingBuilder
etc, ports = sys.argv[1], dict(zip(("account", "container", "object"), map(int, sys.argv[2:5])))
for name, port in ports.items():
    b = RingBuilder(6, 1, 1)
    b.add_dev({"id": 0, "region": 1, "zone": 1, "ip": "127.0.0.1", "port": port, "device": "d1", "weight": 100})
    b.rebalance()
    b.get_ring().save(f"{etc}/{name}.ring.gz")
EOF
}

stop() {
  local s pid
  # the watchdog last: when it runs this stop itself, it is in the process group killed at the end
  for s in proxy object-updater object container account memcached watchdog; do
    if [ -f "$BASE/run/$s.pid" ]; then
      pid=$(cat "$BASE/run/$s.pid")
      rm -f "$BASE/run/$s.pid"
      # each server runs in its own session (setsid), so its process group id is its pid
      kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true
    fi
  done
}

busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

healthy() { "$PY" -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2).read()' "$1" 2>/dev/null; }

start() {
  [ -d "$BASE/run" ] && stop
  local p i s ok
  for p in $S3_PORT $OBJ_PORT $CONT_PORT $ACCT_PORT $MC_PORT; do
    if busy "$p"; then echo "port $p is busy" >&2; exit 1; fi
  done
  write_conf
  setsid memcached -l 127.0.0.1 -p "$MC_PORT" -U 0 -m 16 -u "$(id -un)" > "$BASE/log/memcached.log" 2>&1 < /dev/null &
  echo $! > "$BASE/run/memcached.pid"
  for s in account container object proxy; do
    setsid "$PY" "$BASE/serve.py" $s "$ETC/$s-server.conf" > "$BASE/log/$s.log" 2>&1 < /dev/null &
    echo $! > "$BASE/run/$s.pid"
  done
  setsid "$PY" "$BASE/serve.py" object-updater "$ETC/object-server.conf" > "$BASE/log/object-updater.log" 2>&1 < /dev/null &
  echo $! > "$BASE/run/object-updater.pid"
  for i in $(seq 1 150); do
    ok=1
    for p in $S3_PORT $OBJ_PORT $CONT_PORT $ACCT_PORT; do
      healthy "http://127.0.0.1:$p/healthcheck" || { ok=0; break; }
    done
    if [ $ok = 1 ]; then
      if [ -n "${OWNER_PID:-}" ]; then
        BASE="$BASE" S3_PORT="$S3_PORT" setsid bash -c 'while kill -0 "$1" 2>/dev/null; do sleep 2; done; exec bash "$2" stop' \
          watchdog "$OWNER_PID" "$(readlink -f "$0")" > /dev/null 2>&1 < /dev/null &
        echo $! > "$BASE/run/watchdog.pid"
      fi
      return 0
    fi
    sleep 0.2
  done
  echo "swift did not become ready within 30 s; logs in $BASE/log" >&2
  stop
  exit 1
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
