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

.PHONY: help install run serve migrate seed test test-scale lint format check e2e-deps bench lock clean

help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-10s %s\n", $$1, $$2}'

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
	@echo
	$(MANAGE) runserver 127.0.0.1:$(PORT)

e2e-deps: ## Make sure Debian's Chromium (browser tests) and gettext (translation checks) are installed
	@bash .ci/ensure-chromium
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

test: install e2e-deps lint check ## Run everything CI runs: lint, checks and the whole test suite
	$(BIN)/pytest -n auto --cov --cov-report=term
	$(MAKE) --no-print-directory test-scale

bench: install ## Run the benchmarks under bench/
	@for script in bench/*.py; do [ -e "$$script" ] && DJANGO_SETTINGS_MODULE=$(TEST_SETTINGS) $(BIN)/python "$$script"; done; true

lock: ## Re-pin constraints.txt after changing dependencies in pyproject.toml
	$(PYTHON) -m venv --clear /tmp/townhall-lock
	/tmp/townhall-lock/bin/python -m pip install --quiet --upgrade pip
	/tmp/townhall-lock/bin/python -m pip install --quiet -e '.[dev]'
	/tmp/townhall-lock/bin/python -m pip freeze --exclude-editable | grep -v '^townhall' > constraints.txt

clean: ## Remove the virtualenv, node_modules and built files (keeps the database)
	rm -rf $(VENV) node_modules $(CSS) var/static
