"""One Dagster asset per raw table: seed files -> `raw.<table>` in the build database."""

import dagster as dg
from ..resources import BuildDatabase

from ..paths import PROJECT_ROOT, SEEDS_DIR
from ..raw.checks import required_tables
from ..raw.loader import load_table, seed_files
from ..raw.schemas import TABLES, RawTable


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
    @dg.asset(
        name=spec.name,
        key_prefix="raw",
        group_name="raw",
        kinds={"duckdb", "csv"},
        # Cross-file rules (raw/checks.py) read these tables: load them first.
        deps=[dg.AssetKey(["raw", t]) for t in required_tables(spec.name)],
        description=f"{spec.description}\n\nLoaded from `seeds/{spec.family}/{spec.pattern}`; "
        f"primary key ({', '.join(spec.primary_key)}).",
        metadata={
            "dagster/column_schema": _column_schema(spec),
            "seed_folder": f"seeds/{spec.family}",
            "dagster/table_name": f"raw.{spec.name}",
        },
    )
    def _load(context: dg.AssetExecutionContext, build_db: BuildDatabase) -> dg.MaterializeResult:
        files = seed_files(SEEDS_DIR, spec)
        with build_db.get_connection() as conn:
            result = load_table(conn, spec, files, root=PROJECT_ROOT, strict_cross_checks=True)
        context.log.info(f"loaded {result.row_count} rows into {result.table} from {len(files)} file(s)")
        metadata: dict[str, object] = {
            "dagster/row_count": result.row_count,
            "files_read": len(result.files),
            "file_sha256": dg.MetadataValue.json(result.files),
            "quarantined_rows": result.quarantined,  # in raw_rejects.<table>, with the reason
        }
        if result.min_date:
            metadata["min_date"] = result.min_date
            metadata["max_date"] = result.max_date
        return dg.MaterializeResult(metadata=metadata)

    return _load


raw_assets = [_raw_asset(spec) for spec in TABLES]
