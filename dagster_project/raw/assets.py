"""One Dagster asset per raw table: seed files -> `raw.<table>` in the build database."""

import dagster as dg

from ..buildlock import BuildLock
from ..database import BuildDatabase
from ..paths import engine, seeds_dir, spark_raw_dir, warehouse_dir
from . import disk
from .checks import required_tables
from .handover import hand_over
from .loader import SeedValidationError, load_table, seed_files
from .schemas import TABLES, RawTable


def _column_schema(spec: RawTable) -> dg.TableSchema:
    return dg.TableSchema(
        columns=[
            dg.TableColumn(
                c.name,
                c.type.lower(),
                description=c.description or None,
                constraints=dg.TableColumnConstraints(
                    nullable=not c.required,
                    unique=spec.primary_key == (c.name,),
                    other=[f"one of: {', '.join(c.allowed)}"] if c.allowed else [],
                ),
            )
            for c in spec.columns
        ]
    )


def _raw_asset(spec: RawTable) -> dg.AssetsDefinition:
    key = dg.AssetKey(["raw", spec.name])
    contract_check = dg.AssetCheckSpec(
        "seed_contract",
        asset=key,
        blocking=True,
        description="Every seed file meets the declared schema and rules (raw/schemas/, raw/checks/); "
        "fails with the file, line, column and the number of offending rows.",
    )

    @dg.asset(
        name=spec.name,
        key_prefix="raw",
        group_name="raw",
        kinds={"duckdb", "csv"},
        # Cross-file rules (raw/checks/) read these tables: load them first.
        deps=[dg.AssetKey(["raw", t]) for t in required_tables(spec.name)],
        description=f"{spec.description}\n\nLoaded from `seeds/{spec.family}/{spec.pattern}`; "
        f"primary key ({', '.join(spec.primary_key)}).",
        metadata={
            "dagster/column_schema": _column_schema(spec),
            "seed_folder": f"seeds/{spec.family}",
            "dagster/table_name": f"raw.{spec.name}",
        },
        check_specs=[contract_check],
    )
    def _load(context: dg.AssetExecutionContext, build_db: BuildDatabase, build_lock: BuildLock):
        folder = seeds_dir()
        files = seed_files(folder, spec)
        disk.check(folder, warehouse_dir())  # room for a full build, or stop before writing
        try:
            with build_db.get_connection() as conn:
                result = load_table(conn, spec, files, root=folder.parent, strict_cross_checks=True)
                if engine() == "spark":  # Spark's dbt sources read the validated table as Parquet
                    hand_over(conn, spec, spark_raw_dir())
        except SeedValidationError as error:
            # Shown in the UI as a failed check with the offending rows; the raw table is unchanged.
            yield dg.AssetCheckResult(
                check_name="seed_contract",
                asset_key=key,
                passed=False,
                severity=dg.AssetCheckSeverity.ERROR,
                metadata={
                    "file": error.file,
                    "line": error.line or 0,
                    "column": error.column or "",
                    "rule": error.rule or "",
                    "offending_rows": error.rows or 1,
                    "message": str(error),
                },
            )
            raise dg.Failure(description=str(error)) from error
        context.log.info(f"{result.describe()}; {result.row_count} rows in the table, from {len(files)} file(s)")
        metadata: dict[str, object] = {
            "dagster/row_count": result.row_count,
            "files_read": len(result.files),
            "file_sha256": dg.MetadataValue.json(result.files),
            "quarantined_rows": result.quarantined,  # in raw_rejects.<table>, with the reason
            # full | append (only the appended bytes parsed and checked) | unchanged (nothing to load)
            "load_mode": result.mode,
            "rows_loaded": result.rows_loaded,
        }
        if result.full_load_reason:
            metadata["full_load_reason"] = result.full_load_reason
        if result.min_date:
            metadata["min_date"] = result.min_date
            metadata["max_date"] = result.max_date
        yield dg.MaterializeResult(metadata=metadata)
        yield dg.AssetCheckResult(
            check_name="seed_contract",
            asset_key=key,
            passed=True,
            metadata={"offending_rows": 0, "quarantined_rows": result.quarantined},
        )

    return _load


raw_assets = [_raw_asset(spec) for spec in TABLES]
