# Build and test entry points. `make test` on a fresh clone does all set-up itself:
# it needs only python3 (3.11+), node (20.19+) and npm on the PATH.

SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
VENV_STAMP := $(VENV)/.stamp-installed
TOOLS_DIR := spec/tools
TOOLS_STAMP := $(TOOLS_DIR)/node_modules/.stamp-installed
REDOCLY := $(TOOLS_DIR)/node_modules/.bin/redocly
SPEC := spec/datacollectief.yaml
# `make lint` checks both specs: the API contract and the mock's control plane.
SPECS := $(SPEC) spec/control.yaml
HOST ?= 127.0.0.1
PORT ?= 8080

export PIP_DISABLE_PIP_VERSION_CHECK := 1
export REDOCLY_TELEMETRY := off
export REDOCLY_SUPPRESS_UPDATE_NOTICE := true

CHROMIUM ?= /usr/bin/chromium

.PHONY: help venv dist tools browser-deps bench bench-plugin bench-scale profile contract test-deep fuzz-long load lock check-lock generate check-generated lint test serve clean distclean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-16s %s\n", $$1, $$2}'

venv: $(VENV_STAMP) ## Create .venv and install requirements.lock plus this project (editable)

# Rebuilt whenever the lock or the project metadata changes. Both projects are installed
# editable in compat mode (a plain path in a .pth file) so that mypy sees both packages.
$(VENV_STAMP): requirements.lock pyproject.toml generated/pyproject.toml setup.py
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "Python 3.11 or newer is needed as $(PYTHON)" >&2; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --require-hashes -r requirements.lock
	$(PY) -m pip install --no-deps --config-settings editable_mode=compat -e ./generated -e .
	touch $@

# uv builds each sdist, then the wheel from it (as a user's installer would); setup.py copies
# spec/*.yaml into the mock's wheel. The content checks are the fast half of tests/install/.
dist: $(VENV_STAMP) ## Build both wheels and sdists (datacollectief-client, datacollectief-mock) into dist/ and check them
	rm -rf dist
	$(VENV)/bin/uv build --quiet --out-dir dist generated
	$(VENV)/bin/uv build --quiet --out-dir dist .
	DATACOLLECTIEF_DIST=dist $(PY) -m pytest -q -p no:cacheprovider tests/install/test_wheels.py \
		-k "not installed_wheels"
	@ls -1 dist

tools: $(TOOLS_STAMP) ## Install the pinned Node tools (Redocly CLI) into spec/tools/node_modules

$(TOOLS_STAMP): $(TOOLS_DIR)/package.json $(TOOLS_DIR)/package-lock.json
	npm ci --prefix $(TOOLS_DIR) --no-audit --no-fund
	touch $@

# The client comes from ./generated ([tool.uv.sources] in pyproject.toml) and is left out of the
# lock: `make venv` installs both projects editable, apart from the hashed lock.
LOCK_COMPILE := $(VENV)/bin/uv pip compile pyproject.toml --extra dev --universal \
	--python-version 3.11 --generate-hashes --no-emit-package datacollectief-client \
	--custom-compile-command "make lock"

lock: $(VENV_STAMP) ## Re-resolve requirements.lock after a dependency change in a pyproject.toml
	$(LOCK_COMPILE) -o requirements.lock

check-lock: $(VENV_STAMP) ## Fail if requirements.lock does not match the pyproject.toml files
	@tmp=$$(mktemp) && cp requirements.lock $$tmp \
		&& $(LOCK_COMPILE) --quiet -o $$tmp \
		&& diff -u requirements.lock $$tmp; status=$$?; rm -f $$tmp; \
		[ $$status -eq 0 ] || echo "requirements.lock is out of date: run 'make lock'" >&2; exit $$status

generate: $(VENV_STAMP) ## Regenerate generated/datacollectief_client from the spec
	$(PY) generated/regen.py generate

check-generated: $(VENV_STAMP) ## Fail if the generated client differs from a fresh generation
	$(PY) generated/regen.py check

lint: $(VENV_STAMP) $(TOOLS_STAMP) ## Lint the code (ruff, mypy --strict) and the spec (openapi-spec-validator, Redocly)
	$(PY) -m ruff check mockserver tests generated/regen.py generated/datacollectief setup.py
	$(PY) -m ruff format --check mockserver tests generated/regen.py generated/datacollectief setup.py
	$(PY) -m mypy mockserver generated/datacollectief
	$(VENV)/bin/openapi-spec-validator $(SPECS)
	$(REDOCLY) lint $(SPECS) --config spec/redocly.yaml

browser-deps: ## Install Debian's Chromium for the browser tests when it is missing (needs root)
	@test -x $(CHROMIUM) || { \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium; \
		else sudo apt-get update -qq && sudo apt-get install -y -qq chromium; fi; }

test: lint check-generated browser-deps ## Set up, lint, drift-check the client, and run the test suite
	$(PY) -m pytest -q

contract: $(VENV_STAMP) ## schemathesis CLI (all phases and checks) against a real mock server process
	$(PY) -m pytest -q -p no:cacheprovider tests/contract/test_schemathesis_cli.py

test-deep: $(VENV_STAMP) ## The deep profiles: schemathesis in-process and CLI, hypothesis properties
	SCHEMATHESIS_PROFILE=deep HYPOTHESIS_PROFILE=dev $(PY) -m pytest -q -p no:cacheprovider \
		tests/contract tests/property tests/domain

fuzz-long: $(VENV_STAMP) ## schemathesis CLI, 20,000+ cases (positive and negative) on a real server, at most 40 min
	SCHEMATHESIS_PROFILE=long $(PY) -m pytest -q -s -p no:cacheprovider tests/contract/test_schemathesis_cli.py

load: $(VENV_STAMP) ## A steady load on a real server for 60 s (LOAD_ARGS="--seconds 60 --rate 100"): no errors, flat memory
	$(PY) -m tests.bench.run_load $(LOAD_ARGS)

bench: $(VENV_STAMP) $(TOOLS_STAMP) ## Our mock vs Prism with wrk, alternating runs (installs wrk if missing)
	$(PY) -m tests.bench.bench_http --out var/bench/bench-results.json $(BENCH_ARGS)

# moto and boto3 for `make bench-plugin` only: pinned, in their own venv, never in requirements.lock.
MOTO_VENV := var/bench/moto-venv
MOTO_PINS := moto[s3]==5.2.5 boto3==1.44.5
MOTO_STAMP := $(MOTO_VENV)/.stamp-moto-5.2.5-boto3-1.44.5

$(MOTO_STAMP):
	rm -rf $(MOTO_VENV)
	$(PYTHON) -m venv $(MOTO_VENV)
	$(MOTO_VENV)/bin/python -m pip install --quiet $(foreach pin,$(MOTO_PINS),"$(pin)")
	touch $@

bench-plugin: $(VENV_STAMP) $(MOTO_STAMP) ## The pytest plugin in-process (new_account, requests, start, isolation) beside moto
	$(PY) -m tests.bench.bench_plugin --moto-python $(MOTO_VENV)/bin/python \
		--out var/bench/bench-plugin.json $(BENCH_ARGS)

bench-scale: $(VENV_STAMP) ## Build 1M companies into var/bench/; time the build, a restart and queries
	$(PY) -m tests.bench.bench_scale --out var/bench/bench-scale.json $(BENCH_ARGS)

profile: $(VENV_STAMP) ## py-spy profile of the mock under wrk load
	$(PY) -m tests.bench.profile_http $(BENCH_ARGS)

serve: $(VENV_STAMP) ## Run the mock server (HOST=127.0.0.1 PORT=8080 by default)
	$(PY) -m mockserver serve --host $(HOST) --port $(PORT)

clean: ## Remove caches and build leftovers (keeps .venv and node_modules)
	rm -rf build dist *.egg-info generated/build generated/*.egg-info .pytest_cache .mypy_cache .ruff_cache .hypothesis
	find . -path ./$(VENV) -prune -o -path ./$(TOOLS_DIR)/node_modules -prune \
		-o -name __pycache__ -type d -exec rm -rf {} +

distclean: clean ## Also remove .venv and spec/tools/node_modules
	rm -rf $(VENV) $(TOOLS_DIR)/node_modules
