#!/usr/bin/env bash
# Runs the whole test suite twice: on SQLite, then on a throw-away PostgreSQL server started here
# (initdb in a temporary folder, Unix socket only, stopped afterwards). Under CI=true a missing
# PostgreSQL or Chromium fails the run instead of skipping.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
# The Makefile exports the dev settings for manage.py; the suite always runs on the test settings.
export DJANGO_SETTINGS_MODULE=portal.settings.test
PYTEST_ARGS=(-n "${PYTEST_WORKERS:-2}" --dist loadfile "$@")

echo "=== Test suite on SQLite ==="
DATABASE_URL="sqlite://:memory:" $PY -m pytest "${PYTEST_ARGS[@]}"

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
  if [ "${CI:-}" = "true" ]; then
    echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2
    exit 1
  fi
  echo "!!! PostgreSQL not installed: the PostgreSQL run is SKIPPED (apt-get install postgresql)" >&2
  exit 0
fi

pgdir=$(mktemp -d /tmp/portal-pg.XXXXXX)
as_pg=()
if [ "$(id -u)" = "0" ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown postgres "$pgdir"
  as_pg=(runuser -u postgres --)
fi
stop_pg() {
  "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pgdir"
}
trap stop_pg EXIT

"${as_pg[@]}" "$pg_bin/initdb" -D "$pgdir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w \
  -o "-k $pgdir -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null

echo "=== Test suite on PostgreSQL ($("$pg_bin/postgres" --version)) ==="
DATABASE_URL="postgres://postgres@/portal?host=$pgdir" $PY -m pytest "${PYTEST_ARGS[@]}"
