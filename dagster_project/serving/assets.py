"""The published, read-only warehouse: materialized only after every dbt model and test passed."""

import dagster as dg

from ..buildlock import BuildLock
from ..paths import build_db_path, engine, published_db_path, spark_marts_dir
from .publish import PublishError, publish_or_fail

PUBLISHED_KEY = dg.AssetKey(["warehouse", "published"])


def build_published_warehouse(dbt_models: dg.AssetsDefinition) -> dg.AssetsDefinition:
    """The published warehouse, downstream of every dbt model (and so of every dbt test)."""

    @dg.asset(
        key=PUBLISHED_KEY,
        group_name="serving",
        kinds={"duckdb", "parquet"},
        deps=[dbt_models],
        description="Read-only copy of the marts at WAREHOUSE_DIR/warehouse.duckdb (DuckDB 1.1+ readable), "
        "replaced by one atomic rename, plus Parquet exports in WAREHOUSE_DIR/parquet/<mart>/ (by year); "
        "only the marts and years that changed are rewritten.",
    )
    def published_warehouse(context: dg.AssetExecutionContext, build_lock: BuildLock) -> dg.MaterializeResult:
        return _publish(context)

    return published_warehouse


def _publish(context: dg.AssetExecutionContext) -> dg.MaterializeResult:
    # Spark's marts are Parquet folders; the serving file and its Parquet copies look the same either way.
    marts = spark_marts_dir() if engine() == "spark" else None
    try:
        result = publish_or_fail(build_db_path(), published_db_path(), marts_parquet_dir=marts)
    except PublishError as exc:
        raise dg.Failure(description=str(exc)) from exc
    context.log.info(f"published {len(result.tables)} tables built on {engine()} to {result.path}")
    context.log.info("rewritten: " + "; ".join(f"{t}: {what}" for t, what in sorted(result.changes.items())))
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(result.path)),
            "parquet_dir": dg.MetadataValue.path(str(result.parquet_dir)),
            "tables": dg.MetadataValue.json(result.tables),
            "rewritten": dg.MetadataValue.json(result.changes),
            "seed_fingerprint": result.seed_fingerprint,
            "built_at_utc": result.built_at,
            "engine": engine(),
        }
    )
