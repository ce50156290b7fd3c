# Townhall's one entry point. `make help` lists the targets; CI runs `make test` (see .ci/run).
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py
TEST_SETTINGS := townhall.settings.test
CSS := home/static/townhall/townhall.css

.PHONY: help install run serve migrate seed test test-scale lint format check check-runtime e2e-deps stack stack-stop bench lock clean

help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-14s %s\n", $$1, $$2}'

$(BIN)/.installed: pyproject.toml constraints.txt
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed: install python3.11 (or run make PYTHON=/path/to/python3.11)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $@

node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "Node.js and npm are needed: apt-get install nodejs npm"; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(CSS): $(wildcard home/assets/*.scss) node_modules/.installed
	npm run --silent build

install: $(BIN)/.installed node_modules/.installed $(CSS) ## Create the virtualenv and install Python and npm packages

migrate: install ## Apply database migrations
	$(MANAGE) migrate --noinput

seed: migrate ## Load the demo council (safe to run again)
	$(MANAGE) seed_demo

run: seed ## Install, migrate, load the demo council and serve http://127.0.0.1:$(PORT)
	@echo
	@echo "  Townhall is starting on http://127.0.0.1:$(PORT)/"
	@echo "  Staff sign in at http://127.0.0.1:$(PORT)/admin/ as 'admin' (or editor, moderator, reception, ...)"
	@echo "  with the password in DEMO_PASSWORD, or the one seed_demo printed when it first made the demo users."
	@echo "  Forgotten it? Run: DEMO_PASSWORD=choose-one make seed"
	@echo "  Staff who can see cases (admin, caseworkers) also give a code from an authenticator app:"
	@echo "  on first sign-in scan the QR code (or type the key shown) into the app. Demo only, no phone:"
	@echo "  run '$(MANAGE) demo_two_factor_code admin' for the code the app would show now."
	@echo
	$(MANAGE) runserver 127.0.0.1:$(PORT)

e2e-deps: ## Make sure Debian's Chromium (browser tests), Varnish (front cache) and gettext are installed
	@bash .ci/ensure-chromium
	@bash .ci/ensure-varnish
	@bash .ci/ensure-gettext

test-scale: install ## Run the suite (but the browser tests) on local PostgreSQL and Redis, installed if missing
	@db=$$(bash .ci/postgres) && [ -n "$$db" ] || { echo "PostgreSQL for the tests did not start: see the messages above" >&2; exit 1; }; \
	redis=$$(bash .ci/redis) && [ -n "$$redis" ] || { echo "Redis for the tests did not start: see the messages above" >&2; exit 1; }; \
	echo "DATABASE_URL=$$db REDIS_URL=$$redis pytest -n auto -p no:cov -m 'not e2e'"; \
	DATABASE_URL=$$db REDIS_URL=$$redis $(BIN)/pytest -n auto -p no:cov -m "not e2e"

lint: install ## Check style with ruff, and the layers between apps with import-linter
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install ## Reformat the code with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: install ## Django system checks and a check that no migration is missing
	DJANGO_SETTINGS_MODULE=$(TEST_SETTINGS) $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=$(TEST_SETTINGS) $(MANAGE) makemigrations --check --dry-run

# Production installs the project without the dev extras, so the demo must load without them too.
# The virtualenv is one per checkout (worktrees share /tmp) and is rebuilt only when the
# dependencies change; the install is editable, so it always runs this checkout's code. `python -I`
# keeps the checkout off sys.path: only the installed packages import, and tests/ is not one of them.
RUNTIME_VENV := /tmp/townhall-runtime-$(shell printf '%s' '$(CURDIR)' | md5sum | cut -c1-8)

$(RUNTIME_VENV)/.installed: pyproject.toml constraints.txt
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed: install python3.11 (or run make PYTHON=/path/to/python3.11)"; exit 1; }
	$(PYTHON) -m venv --clear $(RUNTIME_VENV)
	$(RUNTIME_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(RUNTIME_VENV)/bin/python -m pip install --quiet -c constraints.txt -e .
	touch $@

check-runtime: $(RUNTIME_VENV)/.installed ## Migrate and load the demo twice without the dev extras
	@# The throwaway database goes in memory (/dev/shm) where there is one: SQLite's fsyncs on disk
	@# would double the time this takes.
	@tmp=$$(mktemp -d -p "$$([ -w /dev/shm ] && echo /dev/shm || echo /tmp)" townhall-runtime.XXXXXX); \
	trap 'rm -rf "$$tmp"' EXIT; \
	export DJANGO_SETTINGS_MODULE=townhall.settings.dev DATABASE_URL="sqlite:///$$tmp/db.sqlite3" \
		MEDIA_ROOT="$$tmp/media" PRIVATE_MEDIA_ROOT="$$tmp/private-media" DEMO_PASSWORD=runtime-check; \
	manage="$(RUNTIME_VENV)/bin/python -I manage.py"; \
	{ $$manage migrate --noinput -v 0 && $$manage seed_demo && $$manage seed_demo; } >"$$tmp/out" || { \
		cat "$$tmp/out"; echo "seed_demo failed in a virtualenv without the dev extras" \
			"($(RUNTIME_VENV)): runtime code must not import tests/ or a package only [dev]" \
			"installs (see above)" >&2; exit 1; }; \
	echo "check-runtime: migrate and seed_demo (twice) ran without the dev extras"

test: install e2e-deps lint check check-runtime ## Run everything CI runs: lint, checks and the whole test suite
	$(BIN)/pytest -n auto --cov --cov-report=term
	$(MAKE) --no-print-directory test-scale

stack: install ## Start the production shape on loopback: Varnish, two app processes, PostgreSQL, Redis, a worker
	@bash deploy/stack/start

stack-stop: ## Stop exactly what `make stack` started
	@bash deploy/stack/stop

bench: install ## Start the stack, run the benchmarks under bench/ and write docs/performance.md
	@bash .ci/ensure-bench-tools
	@bash deploy/stack/start
	@$(BIN)/python bench/results.py
	DJANGO_SETTINGS_MODULE=$(TEST_SETTINGS) $(BIN)/python -u bench/pages.py
	$(BIN)/python -u bench/served.py
	$(BIN)/python -u bench/submissions.py
	$(BIN)/python -u bench/scale.py
	$(BIN)/python -u bench/races.py
	@$(BIN)/python bench/report.py
	@echo "The stack is still up: make stack-stop stops it."

lock: ## Re-pin constraints.txt after changing dependencies in pyproject.toml
	$(PYTHON) -m venv --clear /tmp/townhall-lock
	/tmp/townhall-lock/bin/python -m pip install --quiet --upgrade pip
	/tmp/townhall-lock/bin/python -m pip install --quiet -e '.[dev]'
	/tmp/townhall-lock/bin/python -m pip freeze --exclude-editable | grep -v '^townhall' > constraints.txt

clean: ## Remove the virtualenv, node_modules and built files (keeps the database)
	rm -rf $(VENV) $(RUNTIME_VENV) node_modules $(CSS) var/static
