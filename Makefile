# Two commands on a fresh machine with Python 3.11+: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= db/factcheck.db

.PHONY: run test bench check install clean bytecode

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "factcheck needs Python 3.11 or newer"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]' --config-settings editable_mode=compat
	@touch $(STAMP)

install: $(STAMP)

# Byte-compile the package ahead of time: a shell with PYTHONDONTWRITEBYTECODE set would
# otherwise compile every module of factcheck on every start (tens of milliseconds).
bytecode: $(STAMP)
	@$(BIN)/python -m compileall -q factcheck

## make run: set up, import the demo article and its sources if missing, open the desk
run: $(STAMP) bytecode
	$(BIN)/factcheck demo --db $(DB)

## make test: set up, check the layers' import contracts, then the whole test suite
test: $(STAMP) bytecode
	$(BIN)/lint-imports --no-cache
	$(BIN)/python -m pytest

## make bench: every benchmark, as a table of ratios
bench: $(STAMP) bytecode
	$(BIN)/python bench/run_all.py

## make check: the linters, then make test
check: $(STAMP)
	$(BIN)/ruff check factcheck tests bench docs
	$(MAKE) test

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
