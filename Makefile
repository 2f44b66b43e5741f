# Two commands matter on a fresh machine (only python3 and make needed):
#   make run   - set up, build the warehouse from the shipped seeds, publish it, print a summary
#   make test  - set up and run the whole test suite
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

export WAREHOUSE_DIR ?= $(CURDIR)/data
export DAGSTER_HOME ?= $(WAREHOUSE_DIR)/dagster_home

.PHONY: setup run test test-slow dev sql coverage clean lint

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

$(DAGSTER_HOME):
	mkdir -p $(DAGSTER_HOME)

## Build everything (raw -> staging -> intermediate -> marts -> publish) through Dagster.
run: setup | $(DAGSTER_HOME)
	$(BIN)/dagster asset materialize --select '*' -m dagster_project.definitions
	$(BIN)/python -m dagster_project.summary

## Unit, integration and dbt tests, each on a temporary warehouse.
test: setup
	$(BIN)/python -m pytest

## Crash and kill tests (slower).
test-slow: setup
	$(BIN)/python -m pytest -m slow

## Dagster UI on http://127.0.0.1:3000
dev: setup | $(DAGSTER_HOME)
	$(BIN)/dagster dev -h 127.0.0.1 -p 3000

## Read-only SQL on the published warehouse: `make sql` (shell) or `make sql Q="select ..."`.
sql: setup
	$(BIN)/python -m dagster_project.sql $(if $(Q),--query "$(Q)",)

## What the seeds cover, per family and company, and which figures are missing.
coverage: setup
	$(BIN)/python -m dagster_project.coverage

lint: setup
	$(BIN)/ruff check .

clean:
	rm -rf data dbt/target dbt/logs .pytest_cache benchmarks/data
