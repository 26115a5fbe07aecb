# Entry points for users, CI and developers. Everything runs from the project's own .venv.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
NODE_BIN := node_modules/.bin
STAMP := $(VENV)/.installed
# The documented API and the badgr-server profile derived from it by `make generate`.
SPECS := openapi/credentials.yaml openapi/badgr-server.yaml
export REDOCLY_TELEMETRY := off
export REDOCLY_SUPPRESS_UPDATE_NOTICE := true

URL ?=
REPORT_DIR ?= fuzz-report
MAX_EXAMPLES ?= 20

.PHONY: install generate check-generated lint test demo fuzz bench clean

install: $(STAMP)

$(STAMP): pyproject.toml package.json package-lock.json
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	# the editable install's import hook is invisible to mypy; plain path entries are not
	$(PY) -c 'import pathlib, sysconfig; pathlib.Path(sysconfig.get_path("purelib"), "badgr-credentials-roots.pth").write_text("".join(str(pathlib.Path(d).resolve()) + "\n" for d in ("generated", "wrapper", "mockserver")))'
	npm ci --no-audit --no-fund --loglevel=error
	touch $(STAMP)

generate: $(STAMP)
	$(PY) scripts/generate.py

check-generated: $(STAMP)
	$(PY) scripts/generate.py --check

lint: $(STAMP)
	$(NODE_BIN)/spectral lint $(SPECS) -F warn -q
	$(NODE_BIN)/redocly lint $(SPECS) --max-problems 50 2>&1 | grep -v -e '^\s*[║╔╚]' -e '^\s*$$'; exit $${PIPESTATUS[0]}
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy wrapper mockserver scripts tests

test: $(STAMP)
	$(MAKE) --no-print-directory check-generated
	$(MAKE) --no-print-directory lint
	$(BIN)/pytest

demo: $(STAMP)
	$(PY) -m scripts.demo

fuzz: $(STAMP)
	$(PY) scripts/fuzz.py $(if $(URL),--url '$(URL)') --report-dir '$(REPORT_DIR)' --max-examples '$(MAX_EXAMPLES)'

bench: $(STAMP)
	$(PY) -m scripts.bench --output BENCHMARKS.md

clean:
	rm -rf $(VENV) node_modules .hypothesis .schemathesis .pytest_cache .mypy_cache .ruff_cache $(REPORT_DIR)
