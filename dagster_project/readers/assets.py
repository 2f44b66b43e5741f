"""The four story charts as PNG files, attached to the materialization so the UI shows them."""

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
