"""The code location: one Definitions assembled from the stages, seeds -> raw -> dbt -> serving -> readers.

    dagster dev -m dagster_project.definitions                                 # the default, unpartitioned
    DAGSTER_DAILY_PARTITIONS=1 dagster dev -m dagster_project.definitions      # daily partitions (option)

With the option, the four incremental dbt models carry a DailyPartitionsDefinition and the schedule and the
seed sensor request a day's partition (docs/incremental-builds.md). Use one of the two per DAGSTER_HOME.
"""

import os

import dagster as dg

from .automation import freshness_sensor, make_jobs, make_schedule, make_seed_sensor, price_mart_freshness
from .buildlock import BuildLock
from .database import BuildDatabase
from .dbt.assets import build_dbt_assets
from .dbt.project import dbt_cli
from .raw.assets import raw_assets
from .readers.assets import story_charts, story_report
from .serving.assets import build_published_warehouse


def build_definitions(daily_partitions: bool = False) -> dg.Definitions:
    dbt_models = build_dbt_assets(daily_partitions=daily_partitions)
    build_everything, full_refresh_everything = make_jobs()
    return dg.Definitions(
        assets=[*raw_assets, dbt_models, build_published_warehouse(dbt_models), story_charts, story_report],
        asset_checks=[*price_mart_freshness],
        jobs=[build_everything, full_refresh_everything],
        schedules=[make_schedule(build_everything, partitioned=daily_partitions)],
        sensors=[make_seed_sensor(build_everything, partitioned=daily_partitions), freshness_sensor],
        resources={"build_db": BuildDatabase(), "dbt": dbt_cli(), "build_lock": BuildLock()},
        # Raw loaders and dbt write the same DuckDB file, which allows one writer: run steps one at a time.
        executor=dg.in_process_executor,
    )


defs = build_definitions(daily_partitions=os.environ.get("DAGSTER_DAILY_PARTITIONS", "") == "1")
