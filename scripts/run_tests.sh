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

. scripts/temp_postgres.sh
if ! start_temp_postgres; then
  if [ "${CI:-}" = "true" ]; then
    echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2
    exit 1
  fi
  echo "!!! PostgreSQL not installed: the PostgreSQL run is SKIPPED (apt-get install postgresql)" >&2
  exit 0
fi

echo "=== Test suite on PostgreSQL ($PG_VERSION) ==="
DATABASE_URL="postgres://postgres@/portal?host=$PG_SOCKET_DIR" $PY -m pytest "${PYTEST_ARGS[@]}"
