#!/usr/bin/env bash
# Content bench: requests/s and queries per page for the home page, a scheme page and the
# filtered good-practice index, served like production (gunicorn, 2 sync workers, DEBUG off,
# whitenoise, no page cache) on a fresh database loaded with the demo content.
#
#   bench/content.sh                 # SQLite file in a temporary folder
#   DATABASE_URL=postgres://postgres@/bench_content?host=/tmp/pgdev bench/content.sh
#   SECONDS_PER_URL=30 PORT=8765 bench/content.sh
#
# Writes bench/results/content.md (overwrites the "Latest run" section) and prints the lines.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PY="$ROOT/.venv/bin/python"
TOOLS=${TOOLS:-/work/shared/tools}
PORT=${PORT:-8765}
SECS=${SECONDS_PER_URL:-20}
WORK=$(mktemp -d /tmp/bench-content.XXXXXX)

export DJANGO_SETTINGS_MODULE=portal.settings.production
export SECRET_KEY=bench-only-not-secret
export ALLOWED_HOSTS=127.0.0.1,localhost
export SECURE_SSL_REDIRECT=0
export PAGE_CACHE_SECONDS=0
export LOG_LEVEL=WARNING
export MEDIA_ROOT="$WORK/media"
export DATABASE_URL=${DATABASE_URL:-sqlite:///$WORK/db.sqlite3}

cleanup() {
  if [ -n "${GUNICORN_PID:-}" ]; then kill "$GUNICORN_PID" 2>/dev/null || true; wait "$GUNICORN_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== setting up ($DATABASE_URL)"
"$PY" manage.py migrate --noinput -v0
"$PY" manage.py load_demo_content --reset >/dev/null
"$PY" manage.py collectstatic --noinput -v0

URLS=("/" "/regelingen/impuls-baankansen/" "/goede-voorbeelden/?doelgroep=vso")

echo "== queries per page (count_queries.py, warm = steady state)"
QUERIES=$("$PY" "$TOOLS/count_queries.py" "${URLS[@]}")
echo "$QUERIES"

"$ROOT/.venv/bin/gunicorn" portal.wsgi:application -w 2 -b "127.0.0.1:$PORT" \
  --log-level warning --access-logfile /dev/null &
GUNICORN_PID=$!
for _ in $(seq 1 50); do
  curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break
  sleep 0.2
done

echo "== load (loadtest.sh, ${SECS}s per URL after a 5 s warm-up)"
LOAD=""
for url in "${URLS[@]}"; do
  line=$("$TOOLS/loadtest.sh" "http://127.0.0.1:$PORT$url" "$SECS")
  echo "$url $line"
  LOAD+="| \`$url\` | $line |"$'\n'
done

RESULTS=bench/results/content.md
{
  echo "# Content bench"
  echo
  echo "Command: \`bench/content.sh\` (see the header of the script). Targets: >= 150 req/s per URL,"
  echo "<= 10 queries per page. gunicorn 2 sync workers, production settings, DEBUG off, whitenoise,"
  echo "no page cache; wrk 2 threads / 16 connections on the same machine."
  echo
  echo "## Latest run"
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'), machine: $(nproc) cores, $(uname -sr)"
  echo "- database: ${DATABASE_URL%%:*}"
  echo
  echo "| URL | loadtest.sh |"
  echo "|---|---|"
  printf '%s' "$LOAD"
  echo
  echo "Queries per request (count_queries.py):"
  echo
  echo '```'
  echo "$QUERIES"
  echo '```'
  if [ -f bench/results/content.notes.md ]; then echo; cat bench/results/content.notes.md; fi
} > "$RESULTS"
echo "== written to $RESULTS"
