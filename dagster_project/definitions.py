"""The code location: one Definitions object assembled from the asset modules."""

import dagster as dg

from .assets.charts import story_charts
from .assets.dbt import dbt_models
from .assets.publish import published_warehouse
from .assets.raw import raw_assets
from .automation import (
    build_everything,
    freshness_sensor,
    full_refresh_everything,
    price_mart_freshness,
    seed_files_changed,
    weekday_after_us_close,
)
from .resources import build_database, dbt_cli

defs = dg.Definitions(
    assets=[*raw_assets, dbt_models, published_warehouse, story_charts],
    asset_checks=[*price_mart_freshness],
    jobs=[build_everything, full_refresh_everything],
    schedules=[weekday_after_us_close],
    sensors=[seed_files_changed, freshness_sensor],
    resources={"build_db": build_database(), "dbt": dbt_cli()},
    # Raw loaders and dbt write the same DuckDB file, which allows one writer: run steps one at a time.
    executor=dg.in_process_executor,
)
