#!/usr/bin/env bash
# All benchmarks, one after the other (`make bench`). Takes about 25 minutes; run it on a quiet
# machine. PostgreSQL benches use a throw-away server (scripts/temp_postgres.sh). Each bench
# writes its own bench/results/<name>.md; the README quotes them.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python

bench/http.sh
if command -v lighthouse >/dev/null; then
  bench/lighthouse.sh
else
  echo "!!! lighthouse not installed (npm install -g lighthouse@12.8.2): skipped" >&2
fi

. scripts/temp_postgres.sh
start_temp_postgres || { echo "PostgreSQL server binaries missing (apt-get install postgresql)" >&2; exit 1; }
DATABASE_URL="postgres://postgres@/bench_forms?host=$PG_SOCKET_DIR" $PY bench/forms.py
BENCH_PGHOST="$PG_SOCKET_DIR" $PY bench/staff_queue.py
. scripts/temp_redis.sh
start_temp_redis || { echo "redis-server missing (apt-get install redis-server)" >&2; exit 1; }
DATABASE_URL="postgres://postgres@/bench_sign_in?host=$PG_SOCKET_DIR" BENCH_REDIS_URL="$TEST_REDIS_URL" \
  $PY bench/sign_in.py
stop_temp_redis
stop_temp_postgres

$PY bench/plone_import.py --items 1000 10000
