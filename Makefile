# Two commands matter on a fresh machine (only python3 and make needed):
#   make run   - set up, build the warehouse from the shipped seeds, publish it, print a summary
#   make test  - set up and run the whole test suite
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# The warehouse folder as dagster_project/paths.py resolves it (WAREHOUSE_DIR, relative to this folder, or data/).
export WAREHOUSE_DIR := $(shell $(PYTHON) dagster_project/paths.py)
export DAGSTER_HOME ?= $(WAREHOUSE_DIR)/dagster_home
# The engine dbt builds the models on: duckdb (default) or spark (`make run ENGINE=spark`, docs/scale-out.md).
export ENGINE ?= duckdb
SPARK_STAMP := $(VENV)/.installed-spark

.PHONY: setup run test test-slow dev sql coverage contract clean lint lint-sql format

setup: $(STAMP)

$(STAMP): pyproject.toml
	@echo "Installing the dependencies into $(VENV) (first run: a few minutes)"
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --upgrade pip > $(VENV)/install.log 2>&1 || { cat $(VENV)/install.log; exit 1; }
	@$(BIN)/python -m pip install --quiet -e '.[dev]' >> $(VENV)/install.log 2>&1 || { cat $(VENV)/install.log; exit 1; }
	@touch $(STAMP)

# The instance settings (run queue: one build at a time), unless DAGSTER_HOME already has its own.
$(DAGSTER_HOME):
	@mkdir -p $(DAGSTER_HOME)
	@test -f $(DAGSTER_HOME)/dagster.yaml || cp dagster.yaml $(DAGSTER_HOME)/dagster.yaml

## Build everything (raw -> staging -> intermediate -> marts -> publish -> charts): the Dagster job build_everything,
## one build at a time: while another build runs, stop with one line, or wait for it with `make run WAIT=1`.
## Prints one line per stage and the story's headline figures; the full log goes to $(WAREHOUSE_DIR)/logs/.
## ENGINE=spark: docs/scale-out.md.
run: setup $(if $(filter spark,$(ENGINE)),setup-spark) | $(DAGSTER_HOME)
	@test -f $(DAGSTER_HOME)/dagster.yaml || cp dagster.yaml $(DAGSTER_HOME)/dagster.yaml
	@$(BIN)/python -m dagster_project.cli.run $(if $(WAIT),--wait,)

## Unit, integration and dbt tests, each on a temporary warehouse.
test: setup
	$(BIN)/python -m pytest

## Spark: Java 17+ and the optional extra (dbt-spark, pyspark) in the same virtualenv.
.PHONY: java-check setup-spark test-spark spark-cluster-start spark-cluster-stop
java-check:
	@v=$$(java -version 2>&1 | awk -F'"' '/version/ {print $$2}' | cut -d. -f1); \
	if [ -z "$$v" ] || [ "$$v" -lt 17 ] 2>/dev/null; then \
	  echo "Spark needs Java 17 or newer (found: $${v:-none}). On Debian/Ubuntu: apt-get install -y openjdk-17-jre-headless"; exit 1; fi

setup-spark: setup java-check $(SPARK_STAMP)

$(SPARK_STAMP): pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[dev,spark]'
	touch $(SPARK_STAMP)

## Every mart built on Spark from the shipped seeds equals the DuckDB build (pytest -m spark).
test-spark: setup-spark
	$(BIN)/python -m pytest -m spark

## A standalone Spark master and worker on 127.0.0.1 (prints the master URL for SPARK_MASTER); stop it after.
spark-cluster-start: setup-spark
	@scripts/spark_cluster.sh start
spark-cluster-stop:
	@scripts/spark_cluster.sh stop

## Crash and kill tests (slower).
test-slow: setup
	$(BIN)/python -m pytest -m slow

## Dagster UI on http://127.0.0.1:3000
dev: setup | $(DAGSTER_HOME)
	@test -f $(DAGSTER_HOME)/dagster.yaml || cp dagster.yaml $(DAGSTER_HOME)/dagster.yaml
	$(BIN)/dagster dev -h 127.0.0.1 -p 3000

## The story as one static HTML page from the published warehouse ($(WAREHOUSE_DIR)/report/; opens offline).
.PHONY: report test-report
report: setup
	$(BIN)/python -m dagster_project.cli.report

## The report in headless Chromium (pytest -m bi tests/test_report.py); its screenshot goes to test-artifacts/.
test-report: setup browser
	BI_ARTIFACTS_DIR=$(CURDIR)/test-artifacts $(BIN)/python -m pytest -m bi tests/test_report.py

## Read-only SQL on the published warehouse: `make sql` (shell) or `make sql Q="select ..."`.
sql: setup
	@$(BIN)/python -m dagster_project.cli.sql $(if $(Q),--query "$$Q",)

## What the seeds cover, per family and company, and which figures are missing (after `make run`); refreshes
## the coverage section of seeds/README.md.
coverage: setup
	$(BIN)/python -m dagster_project.cli.coverage --write

## After editing dagster_project/raw/schemas/ or the chart registry: regenerate dbt's sources and exposures
## and docs/seeds-contract.md.
contract: setup
	$(BIN)/python -m dagster_project.cli.contract

## Python style: ruff's formatter and linter (also run by .ci/run and the pre-commit hook). SQL style: docs/sql-style.md.
lint: setup
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

## SQL style (docs/sql-style.md): sqlfluff with the dbt templater over models, macros' users and analyses.
## It compiles against an empty temporary warehouse, so it needs no build and never touches the user's.
lint-sql: setup
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	  WAREHOUSE_DIR="$$tmp" DAGSTER_HOME="$$tmp/dagster_home" $(BIN)/sqlfluff lint dbt/models analyses

## Rewrite Python files in the project's format.
format: setup
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf data dbt/target dbt/logs .pytest_cache benchmarks/data

## Apache Superset in its own virtualenv (.venv-bi: its pins conflict with dagster/dbt). Needs Python 3.10-3.12:
## the first of python3.12, python3.11, python3.10 that runs (else $(PYTHON)), or BI_PYTHON=/path/to/python.
BI_PYTHON ?= $(or $(shell for p in python3.12 python3.11 python3.10; do $$p -c '' 2>/dev/null && { echo $$p; break; }; done),$(PYTHON))
BI_VENV := .venv-bi
BI_BIN := $(BI_VENV)/bin
BI_STAMP := $(BI_VENV)/.installed
BI_PORT ?= 8088

.PHONY: bi browser test-bi

$(BI_STAMP): bi/requirements.txt bi/constraints.txt
	@$(BI_PYTHON) -c 'import sys; sys.exit(not (3, 10) <= sys.version_info[:2] <= (3, 12))' || { \
	  echo "make bi needs Python 3.10-3.12 (Superset); $(BI_PYTHON) is $$($(BI_PYTHON) --version 2>&1). Install python3.12 or pass BI_PYTHON=..."; exit 1; }
	test -x $(BI_BIN)/python || $(BI_PYTHON) -m venv $(BI_VENV)
	$(BI_BIN)/python -m pip install --quiet --upgrade pip
	$(BI_BIN)/python -m pip install --quiet -r bi/requirements.txt -c bi/constraints.txt
	touch $(BI_STAMP)

## Superset on http://127.0.0.1:$(BI_PORT): registers the published warehouse (read-only), its datasets and
## the dashboard, then serves in the foreground (Ctrl-C stops). Login SUPERSET_ADMIN_USER/SUPERSET_ADMIN_PASSWORD.
## BI_HOST=0.0.0.0 serves beyond this machine, and then refuses to start with the default admin password.
bi: $(BI_STAMP)
	@test -f $(WAREHOUSE_DIR)/warehouse.duckdb || { echo "No published warehouse at $(WAREHOUSE_DIR)/warehouse.duckdb: run 'make run' first."; exit 1; }
	$(BI_BIN)/python bi/setup_superset.py
	@echo "Dashboard: http://127.0.0.1:$(BI_PORT)/superset/dashboard/china-tech-rerating/  (user $${SUPERSET_ADMIN_USER:-admin})"
	bash bi/serve.sh $(BI_PORT)

## Headless Chromium and its driver (Debian packages) for the dashboard screenshot.
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium chromium-driver; \
	  else echo "Install chromium and chromium-driver (Debian packages)"; exit 1; fi; }

## Superset end to end on a temporary warehouse (pytest -m bi); the dashboard screenshot goes to test-artifacts/.
test-bi: setup $(BI_STAMP) browser
	BI_ARTIFACTS_DIR=$(CURDIR)/test-artifacts $(BIN)/python -m pytest -m bi

# --- Benchmark (issue 6): synthetic market seeds and the performance harness -------------------------------
N_LISTINGS ?= 5000
YEARS ?= 10
BENCH_SEED ?= 42
BENCH_RUNS ?= 3
BENCH_ARGS ?=
BENCH_DATA ?= benchmarks/data/seeds

.PHONY: bench-data bench

## Synthetic seeds in the shipped format: `make bench-data N_LISTINGS=5000 YEARS=10` -> benchmarks/data/seeds.
bench-data: setup
	$(BIN)/python benchmarks/generate.py --listings $(N_LISTINGS) --years $(YEARS) --seed $(BENCH_SEED) --out $(BENCH_DATA)

## Benchmark on the generated seeds (generated first if missing or at another scale); writes
## benchmarks/results/latest.json. Quick run: `make bench N_LISTINGS=200 YEARS=3`; more options: BENCH_ARGS="...".
## Includes the scaling table (full and one-day builds at 2, 5 and 10 years of history, same listings; seeds
## generated under benchmarks/data/scaling/): BENCH_ARGS="--skip scaling" leaves it out. ~26 min at default scale.
## `make bench ENGINE=spark N_LISTINGS=50 YEARS=2 BENCH_RUNS=1`: full builds on DuckDB and on Spark side by side
## (alternating; wall, peak RSS incl. the JVM, cost per input row) -> benchmarks/results/engines.json.
BENCH_ENGINES := $(if $(filter spark,$(ENGINE)),--engines duckdb spark --skip raw full queries incremental dagster --out benchmarks/results/engines.json,)
bench: setup $(if $(filter spark,$(ENGINE)),setup-spark)
	$(BIN)/python benchmarks/generate.py --listings $(N_LISTINGS) --years $(YEARS) --seed $(BENCH_SEED) --out $(BENCH_DATA) --if-missing
	$(BIN)/python benchmarks/run.py --seeds $(BENCH_DATA) --runs $(BENCH_RUNS) $(BENCH_ENGINES) $(BENCH_ARGS)

# --- Scale benchmark (issue 18): ten times the default market, out of core. Not part of CI: ~22 GB of CSV
# plus ~55-70 GB for the warehouse at its peak (2.5x the CSV, measured at 2,000 listings),
# tens of minutes. SCALE_LISTINGS/SCALE_YEARS for another point.
SCALE_LISTINGS ?= 50000
SCALE_YEARS ?= 10
SCALE_DATA ?= benchmarks/data/scale_$(SCALE_LISTINGS)x$(SCALE_YEARS)/seeds

.PHONY: bench-scale

## Generates SCALE_LISTINGS x SCALE_YEARS (if missing), then a full build stage by stage, the dashboard queries
## and a one-day append build; writes benchmarks/results/scale_<listings>x<years>.json.
bench-scale: setup
	$(BIN)/python benchmarks/generate.py --listings $(SCALE_LISTINGS) --years $(SCALE_YEARS) --seed $(BENCH_SEED) --out $(SCALE_DATA) --if-missing
	$(BIN)/python benchmarks/scale.py --seeds $(SCALE_DATA)
