# The two commands of the README: `make run` and `make test`. Everything else supports them.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install migrate sample editor run test lint format serve bench loadtest

$(PY):
	$(PYTHON) -m venv $(VENV)

$(INSTALLED): requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

install: $(INSTALLED)

migrate: install
	$(PY) manage.py migrate --noinput

editor: migrate
	$(PY) manage.py ensure_editor --site-url http://$(HOST):$(PORT)

# The sample page as text, then as its PDF (fixtures/README.md): the PDF attaches the printed
# page (数字报) to the same articles.
sample: migrate
	$(PY) manage.py import_issue fixtures/2025-08-05 --publish
	$(PY) manage.py import_issue fixtures/pdf/03-创新一线.pdf --date 2025-08-05 --publish

run: sample editor
	$(PY) manage.py runserver $(HOST):$(PORT)

test: install
	$(PY) -m pytest

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Production serving (README: "Serving in production"): gunicorn, DEBUG off, static files
# collected for whitenoise. Without DJANGO_SECRET_KEY a key is generated once in var/.
SERVE_ENV = DJANGO_DEBUG=0 DJANGO_SECRET_KEY="$${DJANGO_SECRET_KEY:-$$(cat var/secret-key)}"

var/secret-key:
	@mkdir -p var && $(PY) -c "import secrets; print(secrets.token_urlsafe(50))" > $@

serve: migrate var/secret-key
	$(SERVE_ENV) $(PY) manage.py collectstatic --noinput --verbosity 0
	$(SERVE_ENV) HOST=$(HOST) PORT=$(PORT) $(VENV)/bin/gunicorn -c newsroom/gunicorn.conf.py newsroom.wsgi

# Benchmarks and the load test build their own data in scratch databases under bench/.
# `make bench` runs every phase (~15 minutes on 2 quiet cores once the 100k archive is built
# and kept; the first run builds it too); BENCH_PHASES=size,day make bench runs some.
bench: install var/secret-key
	$(PY) bench/run.py

loadtest: install var/secret-key
	$(PY) bench/loadtest.py
