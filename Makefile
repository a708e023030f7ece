# Two entry points from a fresh clone: `make run` and `make test` (see README, Quick start).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint imports typecheck unit bench devsets clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/activate
	$(BIN)/python -m pip install --quiet -e '.[test,cjk]'
	touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	$(BIN)/summarize --sentences 5

lint: $(VENV)/.installed-test
	$(BIN)/ruff check summarize tests benchmarks

# The package's layers (contracts in pyproject.toml, [tool.importlinter]).
imports: $(VENV)/.installed-test
	$(BIN)/lint-imports

typecheck: $(VENV)/.installed-test
	$(BIN)/mypy

unit: $(VENV)/.installed-test
	$(BIN)/pytest

test: lint imports typecheck unit

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis

$(VENV)/.installed-bench: pyproject.toml | $(BIN)/activate
	$(BIN)/python -m pip install --quiet -e '.[test,bench,cjk]'
	touch $@ $(VENV)/.installed $(VENV)/.installed-test

# Byte-compile first, as an installed package is: PYTHONDONTWRITEBYTECODE would otherwise make
# every measured run recompile the modules changed since their last .pyc.
bench: $(VENV)/.installed-bench
	$(BIN)/python -m compileall -q summarize
	$(BIN)/python benchmarks/growth.py $(if $(wildcard $(DEVSETS)/duc2006.jsonl),--devsets $(DEVSETS))
	$(BIN)/python benchmarks/run.py

# Figures on the development datasets (NIST's DUC data: built locally, never committed).
DEVSETS ?= devsets
devsets: $(VENV)/.installed-test
	$(BIN)/python benchmarks/devsets.py $(DEVSETS)
