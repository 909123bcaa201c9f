# Sourced by scripts/run_tests.sh and bench/run_all.sh: a throw-away PostgreSQL server (initdb in a
# temporary folder, Unix socket only, fsync off, stopped and removed on exit). After
# `start_temp_postgres`, PG_SOCKET_DIR is the socket folder (DATABASE_URL ...?host=$PG_SOCKET_DIR).
# Returns 1 when the Debian `postgresql` server binaries are missing.

start_temp_postgres() {
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
    return 1
  fi
  PG_SOCKET_DIR=$(mktemp -d /tmp/portal-pg.XXXXXX)
  PG_AS=()
  if [ "$(id -u)" = "0" ]; then
    # initdb refuses to run as root
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$PG_SOCKET_DIR"
    PG_AS=(runuser -u postgres --)
  fi
  trap stop_temp_postgres EXIT
  "${PG_AS[@]}" "$PG_BIN/initdb" -D "$PG_SOCKET_DIR/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
  "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_SOCKET_DIR/data" -l "$PG_SOCKET_DIR/log" -w \
    -o "-k $PG_SOCKET_DIR -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null
  PG_VERSION=$("$PG_BIN/postgres" --version)
}

stop_temp_postgres() {
  if [ -n "${PG_SOCKET_DIR:-}" ]; then
    "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_SOCKET_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_SOCKET_DIR"
  fi
}
