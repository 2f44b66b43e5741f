"""When the pipeline runs: one job for everything, a weekday schedule after the US close,
a sensor on seed files, and freshness checks on the price-derived marts."""

import hashlib
from datetime import timedelta

import dagster as dg

from .paths import SEEDS_DIR

build_everything = dg.define_asset_job(
    "build_everything",
    selection=dg.AssetSelection.all(),
    description="Load every seed family, build and test every dbt model, then publish the warehouse.",
)

# 17:30 New York, Monday to Friday: after the US close (Hong Kong has closed hours earlier).
weekday_after_us_close = dg.ScheduleDefinition(
    name="weekday_after_us_close",
    job=build_everything,
    cron_schedule="30 17 * * 1-5",
    execution_timezone="America/New_York",
    default_status=dg.DefaultScheduleStatus.STOPPED,
)


def seeds_fingerprint() -> str:
    """Changes when any seed file is added, removed, or changes size or modification time."""
    digest = hashlib.sha256()
    for path in sorted(SEEDS_DIR.rglob("*.csv")):
        stat = path.stat()
        digest.update(f"{path.relative_to(SEEDS_DIR)}\t{stat.st_size}\t{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


@dg.sensor(job=build_everything, minimum_interval_seconds=60, default_status=dg.DefaultSensorStatus.STOPPED)
def seed_files_changed(context: dg.SensorEvaluationContext):
    """Start a build when a file under seeds/ is added or changed."""
    fingerprint = seeds_fingerprint()
    if fingerprint == context.cursor:
        return dg.SkipReason("seed files unchanged")
    first_look = context.cursor is None
    context.update_cursor(fingerprint)
    if first_look:
        return dg.SkipReason("recorded the current seed files; the next change starts a build")
    return dg.RunRequest(run_key=fingerprint)


PRICE_DERIVED_MARTS = [
    ["marts", "fct_listing_valuation_daily"],
    ["marts", "fct_valuation_gap_daily"],
    ["marts", "fct_weekly_performance"],
    ["marts", "fct_ai_event_returns"],
    ["marts", "fct_segment_valuation"],
]

# Built every weekday: more than three days without a new build means the schedule stopped working.
price_mart_freshness = dg.build_last_update_freshness_checks(
    assets=[dg.AssetKey(k) for k in PRICE_DERIVED_MARTS], lower_bound_delta=timedelta(days=3)
)
freshness_sensor = dg.build_sensor_for_freshness_checks(freshness_checks=price_mart_freshness)
