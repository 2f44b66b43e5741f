"""When the pipeline runs: one job for everything (and its --full-refresh twin), a weekday schedule after the
US close, a sensor on seed files, and freshness checks on the price-derived marts. Built by factories so the
daily-partitioned option of the definitions gets the same automation with partition keys."""

import warnings
from datetime import datetime, timedelta, timezone

import dagster as dg

from .dbt.assets import FULL_REFRESH_TAG
from .paths import seeds_dir
from .seeds.files import seeds_fingerprint

# Runs carrying this tag are limited to one at a time by the run queue (dagster.yaml, copied into DAGSTER_HOME).
BUILD_TAG = {"warehouse/build": "true"}


def make_jobs() -> tuple:
    """build_everything and full_refresh_everything (partitioned when the assets they select are)."""
    build = dg.define_asset_job(
        "build_everything",
        selection=dg.AssetSelection.all(),
        tags=BUILD_TAG,
        description="Load every seed family, build and test every dbt model (the price-derived ones "
        "incrementally: new days and whatever changed inputs invalidated), then publish the warehouse.",
    )
    full_refresh = dg.define_asset_job(
        "full_refresh_everything",
        selection=dg.AssetSelection.all(),
        tags={FULL_REFRESH_TAG: "true", **BUILD_TAG},
        description="As build_everything, with `dbt build --full-refresh`: the incremental models are rebuilt "
        "from scratch (after a change in a macro they use; see README 'Incremental builds').",
    )
    return build, full_refresh


def today_partition() -> str:
    """Today's daily partition (UTC), the latest one."""
    return datetime.now(timezone.utc).date().isoformat()


def make_schedule(job, partitioned: bool = False) -> dg.ScheduleDefinition:
    """17:30 New York, Monday to Friday: after the US close (Hong Kong has closed hours earlier); with
    partitions, each run is that day's partition (22:30 UTC, the same calendar day)."""

    @dg.schedule(
        name="weekday_after_us_close",
        job=job,
        cron_schedule="30 17 * * 1-5",
        execution_timezone="America/New_York",
        default_status=dg.DefaultScheduleStatus.STOPPED,
    )
    def weekday_after_us_close(context: dg.ScheduleEvaluationContext):
        if partitioned:
            day = context.scheduled_execution_time.astimezone(timezone.utc).date().isoformat()
            return dg.RunRequest(partition_key=day)
        return dg.RunRequest()

    return weekday_after_us_close


def make_seed_sensor(job, partitioned: bool = False) -> dg.SensorDefinition:
    @dg.sensor(job=job, minimum_interval_seconds=60, default_status=dg.DefaultSensorStatus.STOPPED)
    def seed_files_changed(context: dg.SensorEvaluationContext):
        """Start a build when a file under seeds/ is added or changed."""
        fingerprint = seeds_fingerprint(seeds_dir())
        if fingerprint == context.cursor:
            return dg.SkipReason("seed files unchanged")
        first_look = context.cursor is None
        context.update_cursor(fingerprint)
        if first_look:
            return dg.SkipReason("recorded the current seed files; the next change starts a build")
        return dg.RunRequest(run_key=fingerprint, partition_key=today_partition() if partitioned else None)

    return seed_files_changed


PRICE_DERIVED_MARTS = [
    ["marts", "fct_listing_valuation_daily"],
    ["marts", "fct_valuation_gap_daily"],
    ["marts", "fct_weekly_performance"],
    ["marts", "fct_ai_event_returns"],
    ["marts", "fct_segment_valuation"],
]

# Built every weekday: more than three days without a new build means the schedule stopped working.
# Dagster marks these two builders superseded by FreshnessPolicy; they still run, and the sensor is what the UI
# lists as freshness_checks_sensor. Only those two notices are silenced, by their exact message.
with warnings.catch_warnings():
    for builder in ("build_last_update_freshness_checks", "build_sensor_for_freshness_checks"):
        warnings.filterwarnings("ignore", f"Function `{builder}` is superseded", dg.SupersessionWarning)
    price_mart_freshness = dg.build_last_update_freshness_checks(
        assets=[dg.AssetKey(k) for k in PRICE_DERIVED_MARTS], lower_bound_delta=timedelta(days=3)
    )
    freshness_sensor = dg.build_sensor_for_freshness_checks(freshness_checks=price_mart_freshness)
