# Sourced by scripts/run_tests.sh: a throw-away Redis server (loopback only, on a free port, no
# persistence, in a temporary folder, stopped and removed on exit) for the tests that show limits
# holding across processes. After `start_temp_redis`, TEST_REDIS_URL is exported
# (redis://127.0.0.1:PORT/0). Returns 1 when the Debian `redis-server` binary is missing. The caller
# stops it with `stop_temp_redis` (in its EXIT trap).

start_temp_redis() {
  command -v redis-server >/dev/null 2>&1 || return 1
  REDIS_DIR=$(mktemp -d /tmp/portal-redis.XXXXXX)
  local port
  port=$(.venv/bin/python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  redis-server --bind 127.0.0.1 --port "$port" --dir "$REDIS_DIR" --save "" --appendonly no \
    --daemonize yes --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/log" >/dev/null
  for _ in $(seq 50); do
    redis-cli -p "$port" ping >/dev/null 2>&1 && break
    sleep 0.1
  done
  redis-cli -p "$port" ping >/dev/null
  export TEST_REDIS_URL="redis://127.0.0.1:$port/0"
  REDIS_VERSION=$(redis-server --version | cut -d' ' -f1-3)
}

stop_temp_redis() {
  if [ -n "${REDIS_DIR:-}" ]; then
    if [ -f "$REDIS_DIR/redis.pid" ]; then
      kill "$(cat "$REDIS_DIR/redis.pid")" 2>/dev/null || true
    fi
    rm -rf "$REDIS_DIR"
  fi
}
