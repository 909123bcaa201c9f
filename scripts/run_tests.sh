#!/usr/bin/env bash
# Runs the whole test suite twice: on SQLite, then on a throw-away PostgreSQL server started here
# (initdb in a temporary folder, Unix socket only, stopped afterwards). Both passes share a
# throw-away Redis server (scripts/temp_redis.sh) for the tests of limits across processes. Under
# CI=true a missing PostgreSQL, Redis or Chromium fails the run instead of skipping.
# Branch coverage is collected over both passes and checked against the floor in pyproject.toml
# ([tool.coverage.report] fail_under) at the end; COVERAGE=0 runs without it. With extra pytest
# arguments (a subset), or without PostgreSQL locally, the total is printed but the floor, which
# counts the PostgreSQL-only code, is not enforced.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
# The Makefile exports the dev settings for manage.py; the suite always runs on the test settings.
export DJANGO_SETTINGS_MODULE=portal.settings.test
PYTEST_ARGS=(-n "${PYTEST_WORKERS:-2}" --dist loadfile "$@")
COV_ARGS=()
COV_APPEND=()
if [ "${COVERAGE:-1}" != "0" ]; then
  # No report and no floor per pass: the floor holds for both passes together.
  COV_ARGS=(--cov --cov-report= --cov-fail-under=0)
  COV_APPEND=(--cov-append)
fi
FAIL_UNDER=()
[ $# -eq 0 ] || FAIL_UNDER=(--fail-under=0)

report_coverage() {
  [ "${COVERAGE:-1}" != "0" ] || return 0
  echo "=== Branch coverage ($1) ==="
  $PY -m coverage report "${FAIL_UNDER[@]}"
}

. scripts/temp_postgres.sh
. scripts/temp_redis.sh
stop_temp_servers() {
  stop_temp_redis
  stop_temp_postgres
}
trap stop_temp_servers EXIT
if start_temp_redis; then
  echo "=== Redis for the limits across processes: $REDIS_VERSION at $TEST_REDIS_URL ==="
else
  if [ "${CI:-}" = "true" ]; then
    echo "Redis server not found (apt-get install redis-server)" >&2
    exit 1
  fi
  echo "!!! Redis not installed: the tests of limits across processes are SKIPPED (apt-get install redis-server)" >&2
fi

echo "=== Test suite on SQLite ==="
DATABASE_URL="sqlite://:memory:" $PY -m pytest "${PYTEST_ARGS[@]}" "${COV_ARGS[@]}"

if ! start_temp_postgres; then
  if [ "${CI:-}" = "true" ]; then
    echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2
    exit 1
  fi
  echo "!!! PostgreSQL not installed: the PostgreSQL run is SKIPPED (apt-get install postgresql)" >&2
  FAIL_UNDER=(--fail-under=0)
  report_coverage "SQLite only"
  exit 0
fi

# start_temp_postgres set its own EXIT trap: both servers are to be stopped.
trap stop_temp_servers EXIT
echo "=== Test suite on PostgreSQL ($PG_VERSION) ==="
DATABASE_URL="postgres://postgres@/portal?host=$PG_SOCKET_DIR" \
  $PY -m pytest "${PYTEST_ARGS[@]}" "${COV_ARGS[@]}" "${COV_APPEND[@]}"
report_coverage "SQLite and PostgreSQL"
