#!/usr/bin/env bash
# HTTP benchmark: requests/s and queries per page, served like production (gunicorn, 2 sync
# workers, DEBUG off, whitenoise) on a fresh database with the demo content; wrk on loopback.
#
#   bench/http.sh                    # SQLite in a temporary folder, 30 s per URL
#   SECONDS_PER_URL=10 bench/http.sh
#   DATABASE_URL=postgres://postgres@/bench?host=/tmp/pg bench/http.sh
#
# Measures: the home page, a scheme page, the filtered good-practice index and a form page
# without page cache; a static file served by the same stack (the ceiling); the home page again
# with the anonymous page cache on. Writes bench/results/http.md and prints it.
# Needs wrk and curl (apt-get install wrk curl).
#
# Side by side with Wagtail's demo site: serve wagtail/bakerydemo the same way (production
# settings, SQLite, gunicorn 2 workers; the team's measurement tools have a script for it) and
# pass its address, e.g. BAKERYDEMO_URL=http://127.0.0.1:8701 bench/http.sh. Its home page is
# then measured in the same run, right after the portal's pages, and the ratio is written down.
set -euo pipefail
. "$(dirname "$0")/serve.sh"
SECS=${SECONDS_PER_URL:-30}
URLS=("/" "/regelingen/impuls-baankansen/" "/goede-voorbeelden/?doelgroep=vso" "/aanmelden/vrijstelling/")

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
prepare_site
echo "== queries per page (warm = the steady state a load test sees)" >&2
QUERIES=$(PAGE_CACHE_SECONDS=0 "$PY" "$TOOLS/count_queries.py" "${URLS[@]}")
echo "$QUERIES" >&2

load() { # label url -> one table row
  local line
  line=$("$TOOLS/loadtest.sh" "$SITE$2" "$SECS")
  echo "$1 $2 $line" >&2
  echo "| $1 | \`$2\` | $line |"
}

start_site PAGE_CACHE_SECONDS=0
ROWS=""
for url in "${URLS[@]}"; do ROWS+="$(load "page, no page cache" "$url")"$'\n'; done
CSS=$(curl -s "$SITE/" | grep -o '/static/css/portal\.[0-9a-f]*\.css' | head -n 1)
ROWS+="$(load "static file (ceiling)" "$CSS")"$'\n'
stop_site

start_site PAGE_CACHE_SECONDS=300
ROWS+="$(load "page, anonymous page cache" "/")"$'\n'
stop_site

BAKERY_LINE=""
if [ -n "${BAKERYDEMO_URL:-}" ]; then
  line=$("$TOOLS/loadtest.sh" "$BAKERYDEMO_URL/" "$SECS")
  echo "bakerydemo / $line" >&2
  ROWS+="| Wagtail's bakerydemo, same stack | \`$BAKERYDEMO_URL/\` | $line |"$'\n'
  BAKERY=$(sed -E 's/.*rps=([0-9.]+).*/\1/' <<<"$line")
fi

rps() { grep -F "$1" <<<"$ROWS" | grep -F "\`$2\`" | sed -E 's/.*rps=([0-9.]+).*/\1/'; }
CEILING=$(rps "static file" "$CSS")
CACHED=$(rps "anonymous page cache" "/")
SHARE=$(awk -v a="$CACHED" -v b="$CEILING" 'BEGIN { printf "%.0f", 100 * a / b }')
if [ -n "${BAKERY:-}" ]; then
  HOME_RPS=$(rps "no page cache" "/")
  RATIO=$(awk -v a="$HOME_RPS" -v b="$BAKERY" 'BEGIN { printf "%.1f", a / b }')
  BAKERY_LINE="Home page without page cache: ${HOME_RPS} req/s = ${RATIO}x Wagtail's bakerydemo home (${BAKERY} req/s) in this run."
fi

RESULTS="$ROOT/bench/results/http.md"
{
  echo "# HTTP benchmark"
  echo
  echo "Command: \`bench/http.sh\` ($SECS s per URL after a 5 s warm-up; wrk 2 threads, 16"
  echo "connections, on the same machine as the site). gunicorn 2 sync workers, production"
  echo "settings, DEBUG off, whitenoise, demo content."
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); machine: $(nproc) cores, $(uname -sr)"
  echo "- database: ${DATABASE_URL%%:*}"
  echo "- load average before the run: $LOAD_BEFORE (1, 5, 15 min)"
  echo
  echo "| what | URL | loadtest.sh |"
  echo "|---|---|---|"
  printf '%s' "$ROWS"
  echo
  echo "Page cache: ${CACHED} req/s = ${SHARE} % of the static-file ceiling (${CEILING} req/s)."
  [ -z "$BAKERY_LINE" ] || { echo; echo "$BAKERY_LINE"; }
  echo
  echo "Queries per request (count_queries.py; cold = first request of a fresh process):"
  echo
  echo '```'
  echo "$QUERIES"
  echo '```'
  echo
  echo "Targets: home page without page cache >= 10x Wagtail's demo site (bakerydemo, 33 req/s"
  echo "on this machine with the same tools, 43 queries); <= 4 queries per public page, constant in"
  echo "the number of children; page cache >= 90 % of the static-file ceiling."
} >"$RESULTS"
cat "$RESULTS"
