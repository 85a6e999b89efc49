# `make run` starts the app with demo data; `make test` runs the whole test suite. See README.md.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1:8000

.PHONY: run test lint format messages install install-dev assets clean

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

install: $(VENV)/.installed assets
install-dev: $(VENV)/.installed-dev assets
assets: node_modules/.package-lock.json

# A local .env makes plain `python manage.py ...` work on a developer machine (debug on, no secrets needed).
.env:
	printf 'DJANGO_DEBUG=true\n' > .env

run: install .env
	DJANGO_DEBUG=$${DJANGO_DEBUG:-true} $(PY) manage.py migrate --no-input
	DJANGO_DEBUG=$${DJANGO_DEBUG:-true} $(PY) manage.py seed_demo --if-empty
	DJANGO_DEBUG=$${DJANGO_DEBUG:-true} $(PY) manage.py runserver $(HOST)

test: install-dev
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	DJANGO_TESTING=true $(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest $(PYTEST_ARGS)

lint: install-dev
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: install-dev
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

# Needs GNU gettext (msgfmt); the compiled .mo files are committed so a machine without it still runs.
messages: install-dev
	DJANGO_TESTING=true $(PY) manage.py makemessages -l nl -l en --ignore=.venv --ignore=node_modules
	DJANGO_TESTING=true $(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules

clean:
	rm -rf $(VENV) node_modules staticfiles test-artifacts .pytest_cache
