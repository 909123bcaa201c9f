#!/usr/bin/env bash
# Lighthouse (mobile preset, median of 3 runs) on the main public page types, served like
# production (see bench/serve.sh). Writes bench/results/lighthouse.md and prints it.
#
#   bench/lighthouse.sh
#   VERBOSE=1 bench/lighthouse.sh      # also list the audits that did not pass
#
# Needs Lighthouse 12 (Node 20 here; 13.x wants Node 22): npm install -g lighthouse@12.8.2,
# and jq and chromium (apt-get install jq chromium).
set -euo pipefail
. "$(dirname "$0")/serve.sh"
URLS=("/" "/regelingen/impuls-baankansen/" "/goede-voorbeelden/" "/beleid/jaarverslag-leerplein-2023-2024/" "/aanmelden/vrijstelling/" "/stageplaatsen/")

prepare_site
start_site PAGE_CACHE_SECONDS=0
ROWS=""
for url in "${URLS[@]}"; do
  line=$("$TOOLS/lighthouse.sh" "$SITE$url")
  echo "$url $line" >&2
  ROWS+="| \`$url\` | $line |"$'\n'
done
stop_site

RESULTS="$ROOT/bench/results/lighthouse.md"
{
  echo "# Lighthouse"
  echo
  echo "Command: \`bench/lighthouse.sh\` (Lighthouse $(lighthouse --version), mobile preset: simulated"
  echo "mid-range phone on slow 4G; median of 3 runs; gunicorn, production settings, demo content)."
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); machine: $(nproc) cores, $(uname -sr)"
  echo
  echo "| URL | scores (performance, accessibility, best practices, SEO) |"
  echo "|---|---|"
  printf '%s' "$ROWS"
  echo
  echo "Target: 100 in all four categories on the home page. Wagtail's demo site on this machine:"
  echo "perf=97 a11y=100 bp=96 seo=91."
} >"$RESULTS"
cat "$RESULTS"
