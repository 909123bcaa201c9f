# Sourced by bench/http.sh and bench/lighthouse.sh: the site served like production on loopback.
# `prepare_site` builds a fresh database (SQLite in a temporary folder unless DATABASE_URL is set)
# with the demo content and collects the static files; `start_site [env...]` runs gunicorn with 2
# sync workers, production settings, DEBUG off, whitenoise; `stop_site` stops it.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PY="$ROOT/.venv/bin/python"
TOOLS="$ROOT/bench/tools"
PORT=${PORT:-8765}
SITE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d /tmp/portal-bench.XXXXXX)

export DJANGO_SETTINGS_MODULE=portal.settings.production
export SECRET_KEY=bench-only-not-a-secret-0123456789-abcdefghijklmnopqrstuvwxyz
export ALLOWED_HOSTS=127.0.0.1,localhost
export WAGTAILADMIN_BASE_URL="$SITE"
export SECURE_SSL_REDIRECT=0 # loopback, no TLS proxy in front
export LOG_LEVEL=WARNING
export MEDIA_ROOT="$WORK/media"
export PRIVATE_MEDIA_ROOT="$WORK/private_media"
export STATIC_ROOT="$WORK/static"
export DATABASE_URL=${DATABASE_URL:-sqlite:///$WORK/db.sqlite3}
# Production refuses a cache of each process's own: a folder, as on a one-machine install, unless
# CACHE_URL names another (redis://...).
export CACHE_URL=${CACHE_URL:-file://$WORK/cache}

stop_site() {
  if [ -n "${GUNICORN_PID:-}" ]; then
    kill "$GUNICORN_PID" 2>/dev/null || true
    wait "$GUNICORN_PID" 2>/dev/null || true
    GUNICORN_PID=
  fi
}
trap 'stop_site; rm -rf "$WORK"' EXIT

prepare_site() {
  cd "$ROOT"
  echo "== preparing the site ($DATABASE_URL)" >&2
  "$PY" manage.py migrate --noinput -v0
  # The demo app is not installed in production: load the content with the dev settings.
  DJANGO_SETTINGS_MODULE=portal.settings.dev "$PY" manage.py load_demo_content --reset >/dev/null
  "$PY" manage.py collectstatic --noinput -v0
}

start_site() {
  env "$@" "$ROOT/.venv/bin/gunicorn" portal.wsgi:application -w 2 -b "127.0.0.1:$PORT" \
    --log-level warning --access-logfile /dev/null &
  GUNICORN_PID=$!
  for _ in $(seq 1 100); do
    curl -sf "$SITE/healthz" >/dev/null && return 0
    sleep 0.2
  done
  echo "gunicorn did not start" >&2
  return 1
}
