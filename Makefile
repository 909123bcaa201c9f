# Leerwerkportaal. Two commands matter: `make run` and `make test` (see README.md).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
export PORT
export DJANGO_SETTINGS_MODULE ?= portal.settings.dev

.PHONY: run test install migrate demo lint format bench messages clean

## run: install, migrate, load the demo content, print the admin login and serve on 127.0.0.1:$(PORT)
run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py set_site_url http://127.0.0.1:$(PORT)
	$(BIN)/python manage.py load_demo_content
	$(BIN)/python manage.py ensure_local_admin
	@echo "Leerwerkportaal draait op http://127.0.0.1:$(PORT)/ (beheer: http://127.0.0.1:$(PORT)/admin/)"
	@# Scheduled publishing, as the production job table has it: every minute while the site runs.
	@(while sleep 60; do $(BIN)/python manage.py publish_scheduled >/dev/null; done) & \
	  trap 'kill $$!' EXIT; $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

## test: lint, migrations check, then the whole suite on SQLite and on a throw-away PostgreSQL
test: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=portal.settings.test $(BIN)/python manage.py makemigrations --check --dry-run
	scripts/run_tests.sh

## install: create .venv and install the pinned set (constraints.txt) once, again when it changes
install: $(VENV)/.installed
$(VENV)/.installed: pyproject.toml constraints.txt
	@$(PYTHON) -c 'import ensurepip' 2>/dev/null || { \
	  echo "$(PYTHON) cannot create a virtualenv: sudo apt-get install python3-venv" >&2; exit 1; }
	test -x $(BIN)/pip || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=25.1"
	$(BIN)/python -m pip install --quiet --group dev -c constraints.txt
	touch $@

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## messages: refresh the English catalogue from the (Dutch) source strings, compile both; the .mo
## files are committed. locale/nl holds only Dutch for admin strings Wagtail lacks, kept by hand.
messages: install
	$(BIN)/python manage.py makemessages -l en --ignore=.venv --ignore=staticfiles --ignore=bench
	$(BIN)/python manage.py compilemessages --ignore=.venv

## bench: the benchmarks under bench/ (by hand; they take minutes and want a quiet machine)
bench: install
	bench/run_all.sh

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
