# Entry points for users, CI and developers. Everything runs from the project's own .venv.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
NODE_BIN := node_modules/.bin
STAMP := $(VENV)/.installed
# The Open Badges reference validator has old pins: it lives in a virtualenv of its own.
OBV := .venv-obv
OBV_STAMP := $(OBV)/.installed
DOCS_ASSETS := mockserver/badgr_mock/static/swagger-ui
# The documented API and the badgr-server profile derived from it by `make generate`.
SPECS := openapi/credentials.yaml openapi/badgr-server.yaml
export REDOCLY_TELEMETRY := off
export REDOCLY_SUPPRESS_UPDATE_NOTICE := true

URL ?=
REPORT_DIR ?= fuzz-report
MAX_EXAMPLES ?= 20
# make fuzz EXPORT=DIR: a pytest regression test per distinct finding, written into DIR
EXPORT ?=
# The kind of server: documented or badgr-server (PROFILE= is its deprecated spelling)
ifdef PROFILE
$(warning PROFILE= is deprecated, use SERVER=$(PROFILE))
SERVER ?= $(PROFILE)
endif
SERVER ?= documented
# make diff: BASE=<git ref> instead of the release baseline, or OLD=a.yaml NEW=b.yaml
BASE ?=
OLD ?=
NEW ?=
# make test: pytest's worker processes (xdist); a file's tests stay on one worker. Tests marked
# `serial` (ones xdist cannot tell apart) run after, in one process.
PYTEST_WORKERS ?= auto
PYTEST := $(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadfile

.PHONY: install browser generate check-generated diff release dist lint test test-proxy demo fuzz bench docs clean

install: $(STAMP) $(OBV_STAMP) browser

$(STAMP): pyproject.toml package.json package-lock.json
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	# the editable install's import hook is invisible to mypy; plain path entries are not
	$(PY) -c 'import pathlib, sysconfig; pathlib.Path(sysconfig.get_path("purelib"), "badgr-credentials-roots.pth").write_text("".join(str(pathlib.Path(d).resolve()) + "\n" for d in ("generated", "wrapper", "mockserver", "fuzzkit")))'
	npm ci --no-audit --no-fund --loglevel=error
	# The mock serves /docs from package data: vendor Swagger UI from npm (no CDN at run time).
	mkdir -p $(DOCS_ASSETS)
	cp node_modules/swagger-ui-dist/{swagger-ui-bundle.js,swagger-ui.css,LICENSE,NOTICE} $(DOCS_ASSETS)/
	touch $(STAMP)

$(OBV_STAMP): scripts/ob_validate-requirements.txt
	test -x $(OBV)/bin/python || $(PYTHON) -m venv $(OBV)
	$(OBV)/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -r $<
	touch $(OBV_STAMP)

# Debian's chromium for the browser tests (tests/sandbox skip, saying why, where it is absent).
browser:
	@command -v chromium >/dev/null && exit 0; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	    || echo "make: chromium could not be installed; the browser tests will be skipped"; \
	else echo "make: chromium is missing and needs root + apt-get; the browser tests will be skipped"; fi

generate: $(STAMP)
	$(PY) scripts/generate.py

check-generated: $(STAMP)
	$(PY) scripts/generate.py --check
	$(PY) scripts/diff.py --check

# What changed for callers since the release (api-baseline/): prints each change, refreshes
# CHANGELOG.md [Unreleased] and the version. Regenerates first: the Python view reads generated/.
diff: $(STAMP)
ifneq ($(OLD)$(NEW),)
	$(PY) scripts/diff.py '$(OLD)' '$(NEW)'
else
	$(PY) scripts/generate.py
	$(PY) scripts/diff.py $(if $(BASE),--base '$(BASE)')
endif

# The sdist and wheel of badgr-credentials, in dist/
dist: $(STAMP)
	$(PY) -m build --outdir dist

# Record the version in pyproject.toml as released (api-baseline/, CHANGELOG), commit and tag.
release: $(STAMP)
	$(PY) scripts/release.py

lint: $(STAMP)
	$(NODE_BIN)/spectral lint $(SPECS) -F warn -q
	$(NODE_BIN)/redocly lint $(SPECS) --max-problems 50 2>&1 | grep -v -e '^\s*[║╔╚]' -e '^\s*$$'; exit $${PIPESTATUS[0]}
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy wrapper mockserver fuzzkit scripts tests

test: install
	$(MAKE) --no-print-directory check-generated
	$(MAKE) --no-print-directory lint
	$(PYTEST) -m "not serial"
	$(BIN)/pytest -m serial
	$(MAKE) --no-print-directory test-proxy

# The end-to-end tests again, through `badgr proxy serve`: each must leave no finding (#25).
test-proxy: $(STAMP)
	$(PYTEST) --via-proxy tests/wrapper tests/cli

demo: $(STAMP) $(OBV_STAMP)
	$(PY) -m scripts.demo

fuzz: $(STAMP)
	$(PY) scripts/fuzz.py $(if $(URL),--url '$(URL)') --server '$(SERVER)' --report-dir '$(REPORT_DIR)' --max-examples '$(MAX_EXAMPLES)' $(if $(EXPORT),--export-tests '$(EXPORT)')

docs: $(STAMP)
	$(PY) scripts/build_docs.py --output build/docs

bench: $(STAMP)
	$(PY) -m scripts.bench --output BENCHMARKS.md

clean:
	rm -rf $(VENV) $(OBV) $(DOCS_ASSETS) node_modules .hypothesis .schemathesis .pytest_cache .mypy_cache .ruff_cache $(REPORT_DIR)
