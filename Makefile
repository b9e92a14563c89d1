# Loa — `make` lists the targets.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help install install-dev run dev serve test lint format bench backup restore clean FORCE

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PY) -m pip install -q -r requirements-dev.txt
	@touch $@

install: $(VENV)/.installed ## Create .venv and install the pinned runtime dependencies

# axe-core for the accessibility tests (tests/browser/test_accessibility.py), pinned by package-lock.json:
# `npm ci` again when the lock changes or the package is gone. Without npm this step is skipped and those
# tests skip, except under CI=true, where a missing npm fails the run.
node_modules/.installed: package.json package-lock.json $(if $(wildcard node_modules/axe-core/axe.min.js),,FORCE)
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	elif [ "$${CI:-}" = "true" ]; then \
	  echo "CI=true and npm is missing: the accessibility tests need axe-core from npm (apt-get install npm)." >&2; \
	  exit 1; \
	else \
	  echo "npm not found: axe-core is not installed and the accessibility tests will be skipped (install Node.js and npm)."; \
	fi

FORCE:

install-dev: $(VENV)/.installed-dev node_modules/.installed ## Install test and lint dependencies too (Python, and axe-core from npm)

run: install ## Migrate, load demo content if empty, serve on 127.0.0.1:$(PORT) with the task worker
	PORT=$(PORT) bin/run

dev: install-dev ## Django's auto-reloading development server (not for deployment)
	DJANGO_SETTINGS_MODULE=loa.settings.dev bin/prepare
	DJANGO_SETTINGS_MODULE=loa.settings.dev $(PY) manage.py runserver 127.0.0.1:$(PORT)

serve: install ## Serve with production settings (needs SECRET_KEY and ALLOWED_HOSTS)
	DJANGO_SETTINGS_MODULE=loa.settings.production PORT=$(PORT) bin/run

test: install-dev ## Run the whole test suite (SQLite, then PostgreSQL and Redis when present)
	bin/test

lint: install-dev ## ruff check and format check, missing migrations, known-vulnerable dependencies
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DJANGO_SETTINGS_MODULE=loa.settings.test $(PY) manage.py makemigrations --check --dry-run
	$(PY) -m loa.security.audit

format: install-dev ## Format the code with ruff
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: install-dev ## Benchmarks that print ratios (bench/)
	$(PY) bench/article_page.py
	$(PY) bench/search/run.py --articles 20000

backup: install ## Back up database, uploads and secret key of the running site (BACKUP=file; default var/backups/)
	$(PY) manage.py loa_backup $(if $(BACKUP),--output "$(BACKUP)")

restore: install ## Restore a backup over this site: make restore BACKUP=file (YES=1 skips the question)
	@test -n "$(BACKUP)" || { echo "Usage / Cách dùng: make restore BACKUP=var/backups/<file>.tar.gz" >&2; exit 2; }
	$(PY) manage.py loa_restore "$(BACKUP)" $(if $(YES),--yes)

clean: ## Remove the virtualenv, node_modules and the local data in var/
	rm -rf $(VENV) var node_modules
