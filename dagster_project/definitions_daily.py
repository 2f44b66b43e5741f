"""The same code location with daily partitions on the incremental price models (README "Incremental builds").

    dagster dev -m dagster_project.definitions_daily
    dagster asset materialize --select '*' --partition 2025-07-02 -m dagster_project.definitions_daily

Same assets, keys, checks and resources as `dagster_project.definitions`; the four incremental dbt models
(int_prices_traded_daily, int_returns_daily, int_listing_valuation_daily, fct_listing_valuation_daily)
carry a DailyPartitionsDefinition, so every run of them names a day (or a range: a backfill runs once for
the whole range) whose rows it recomputes on top of the new and invalidated ones. Raw loads (whole seed
folders, validated and loaded atomically), staging views and the tables rebuilt in full stay unpartitioned.
Not the default: Dagster requires a partition for every run that touches a partitioned asset (the CLI
refuses `--select '*'` without `--partition`, and asset checks fail in unpartitioned runs), which the
default `make run`, the tests and the benchmark do not give. Use one of the two locations per DAGSTER_HOME.
"""

import dagster as dg

from .assets.charts import story_charts
from .assets.dbt import build_dbt_assets, daily_partitions
from .assets.publish import published_warehouse
from .assets.raw import raw_assets
from .automation import freshness_sensor, make_jobs, make_schedule, make_seed_sensor, price_mart_freshness
from .resources import build_database, dbt_cli

build_everything, full_refresh_everything = make_jobs()

defs = dg.Definitions(
    assets=[*raw_assets, build_dbt_assets(daily_partitions=True), published_warehouse, story_charts],
    asset_checks=[*price_mart_freshness],
    jobs=[build_everything, full_refresh_everything],
    schedules=[make_schedule(build_everything, partitioned=True)],
    sensors=[make_seed_sensor(build_everything, partitioned=True), freshness_sensor],
    resources={"build_db": build_database(), "dbt": dbt_cli()},
    # Raw loaders and dbt write the same DuckDB file, which allows one writer: run steps one at a time.
    executor=dg.in_process_executor,
)

__all__ = ["daily_partitions", "defs"]
