# `make run` starts the app with demo data; `make test` runs the whole test suite. See README.md.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1:8000

.PHONY: run test lint format messages install install-dev assets clean audit bench

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

run: install-dev .env
	DJANGO_DEBUG=$${DJANGO_DEBUG:-true} $(PY) manage.py migrate --no-input
	DJANGO_DEBUG=$${DJANGO_DEBUG:-true} $(PY) manage.py createcachetable
	DJANGO_DEBUG=$${DJANGO_DEBUG:-true} $(PY) manage.py seed_demo --if-empty
	# The planning-system imports too large to do while the admin waits run beside the server (README.md).
	DJANGO_DEBUG=$${DJANGO_DEBUG:-true} $(PY) manage.py run_imports --loop & trap 'kill $$!' EXIT; \
	DJANGO_DEBUG=$${DJANGO_DEBUG:-true} $(PY) manage.py runserver $(HOST)

test: install-dev
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	DJANGO_TESTING=true $(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest $(PYTEST_ARGS)

# The benchmark (docs/performance.md), not part of `make test`: needs DATABASE_URL pointing at a database with
# the large organisation (`python manage.py seed_demo --scale large`, about ten minutes the first time).
bench: install-dev
	$(PY) bench/run.py --output docs/performance.md

lint: install-dev
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: install-dev
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

# Known vulnerabilities in the pinned dependencies. Needs the advisory databases of pip-audit (PyPI/OSV) and npm,
# which this project's build machines cannot reach: run it where the network allows (docs/security.md).
audit: install-dev
	$(VENV)/bin/pip install --quiet pip-audit
	$(VENV)/bin/pip-audit --strict -r requirements.txt -r requirements-dev.txt
	npm audit --omit=dev

# Needs GNU gettext (msgfmt); the compiled .mo files are committed so a machine without it still runs. Every
# language of settings.LANGUAGES gets its .po file (a new one is made here), so adding a language is its settings line
# and `make messages` (README.md, "Languages").
messages: install-dev
	DJANGO_TESTING=true $(PY) manage.py makemessages --ignore=.venv --ignore=node_modules \
		$$(DJANGO_TESTING=true $(PY) manage.py shell --no-imports -c "from django.conf import settings; print(' '.join('-l ' + code for code, _ in settings.LANGUAGES))")
	DJANGO_TESTING=true $(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules

clean:
	rm -rf $(VENV) node_modules staticfiles test-artifacts .pytest_cache
