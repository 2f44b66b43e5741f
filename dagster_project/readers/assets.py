"""The story charts as PNG files (attached to the materialization so the UI shows them) and the story report."""

import base64

import dagster as dg

from ..paths import published_db_path, warehouse_dir
from ..serving.assets import PUBLISHED_KEY


@dg.asset(
    key=["warehouse", "charts"],
    group_name="serving",
    kinds={"python", "matplotlib"},
    deps=[PUBLISHED_KEY],
    description="China vs US median P/E, Alibaba vs the Hang Seng around the catalysts, the sum-of-the-parts "
    "bridge and quarterly capex by company and region, as PNG files in WAREHOUSE_DIR/charts/.",
)
def story_charts(context: dg.AssetExecutionContext) -> dg.MaterializeResult:
    # Imported when the charts are drawn, not with the definitions: matplotlib and pandas were two thirds of
    # the time every Dagster process took to load the code location (measured with cProfile).
    from .charts import render_all

    files = render_all(published_db_path(), warehouse_dir() / "charts")
    preview = "\n\n".join(
        f"**{name}**\n\n![{name}](data:image/png;base64,{base64.b64encode(path.read_bytes()).decode()})"
        for name, path in files.items()
    )
    context.log.info(f"rendered {len(files)} charts")
    metadata = {name: dg.MetadataValue.path(str(path)) for name, path in files.items()}
    metadata["preview"] = dg.MetadataValue.md(preview)
    return dg.MaterializeResult(metadata=metadata)


@dg.asset(
    key=["warehouse", "report"],
    group_name="serving",
    kinds={"python", "html"},
    deps=[PUBLISHED_KEY],
    description="The story as one static HTML page that opens offline (WAREHOUSE_DIR/report/): how far Chinese "
    "tech was marked down, how it re-rated after DeepSeek and Qwen, what the market pays for Alibaba's e-commerce "
    "versus cloud and AI, China vs US capex; each a chart and a short table with units, coverage and assumptions.",
)
def story_report(context: dg.AssetExecutionContext) -> dg.MaterializeResult:
    from .report import write_report  # imports the charts module: only when the report is written

    path = write_report(published_db_path(), warehouse_dir() / "report")
    context.log.info(f"report: {path}")
    return dg.MaterializeResult(
        metadata={"path": dg.MetadataValue.path(str(path)), "size_kb": round(path.stat().st_size / 1024)}
    )
