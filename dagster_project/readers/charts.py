"""The story's charts as PNG files, drawn from the published warehouse by the chart registry (no BI tool
needed). Each chart reads its mart's columns through one read-only connection; what to draw and where is in
chart_registry.py, which the Superset dashboard (bi/) follows too, and what a chart draws on this warehouse
(title, series with data, legend labels) in chart_data.py, shared with the dashboard and the report."""

from __future__ import annotations

import io
import textwrap
from pathlib import Path

import duckdb
import matplotlib

matplotlib.use("Agg")  # files only, no display
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from ..database import connect_published  # noqa: E402
from .chart_data import Drawn, frame_sql, resolve  # noqa: E402
from .chart_registry import Chart, png_files  # noqa: E402

DPI = 110
CATALYST_GID = "catalyst"  # the gid of every catalyst marker (tests find them by it)
EVENT_KEY_GID = "catalyst-key"


def frame(conn: duckdb.DuckDBPyConnection, chart: Chart) -> pd.DataFrame:
    """The chart's columns, each series scaled and left empty where its flags do not hold."""
    return conn.execute(f"{frame_sql(chart)} order by {chart.x}").df()


def query(conn: duckdb.DuckDBPyConnection):
    return lambda sql: conn.execute(sql).fetchall()


def _series(drawn: Drawn, df: pd.DataFrame) -> list[tuple[str, pd.Series, dict]]:
    """(label, values indexed by x, style) for every legend entry with data (chart_data.resolve)."""
    chart, out = drawn.chart, []
    for d in drawn.series:
        rows = df if d.group is None else df[df[chart.group_by].astype(str) == d.group]
        values = rows.groupby(chart.x, sort=True)[f"_s{d.index}"].sum(min_count=1)
        out.append((d.label, values, {"color": d.series.color, "ls": d.series.style}))
    return out


def _line(ax, drawn: Drawn, df: pd.DataFrame) -> None:
    for label, values, style in _series(drawn, df):
        ax.plot(values.index, values.values, label=label, **{k: v for k, v in style.items() if v})
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))


def _bar(ax, drawn: Drawn, df: pd.DataFrame, stacked: bool = False) -> None:
    chart, series = drawn.chart, _series(drawn, df)
    xs = list(dict.fromkeys(df[chart.x]))
    dates = pd.api.types.is_datetime64_any_dtype(df[chart.x])
    step = pd.Timedelta(days=6) if dates else 0.8
    width = step if stacked else step / max(len(series), 1)
    bottom = pd.Series(0.0, index=xs)
    colors = plt.get_cmap("tab20").colors
    for k, (label, values, style) in enumerate(series):
        values = values.reindex(xs).astype(float)
        base = list(range(len(xs))) if not dates else xs
        offset = 0 if stacked else (k - (len(series) - 1) / 2) * width
        positions = [b + offset for b in base]
        ax.bar(
            positions,
            values.fillna(0).values,
            width=width,
            label=label,
            color=style.get("color") or colors[k % len(colors)],
            bottom=bottom.values if stacked else None,
        )
        if stacked:
            bottom = bottom + values.fillna(0)
    if not dates:
        ax.set_xticks(range(len(xs)), [str(x) for x in xs], rotation=60, fontsize=7)
    ax.axhline(0, color="black", lw=0.6)


def _waterfall(ax, drawn: Drawn, df: pd.DataFrame) -> None:
    chart, running = drawn.chart, 0.0
    labels = [textwrap.fill(str(s), 14) for s in df[chart.x]]
    for step, value in zip(labels, df["_s0"].fillna(0).astype(float), strict=True):
        low = min(running, running + value)  # a bar from the running total to the total after the step
        ax.bar(step, abs(value), bottom=low, color="#1f77b4" if value >= 0 else "#d62728")
        ax.annotate(f"{value:+,.0f}", (step, low + abs(value)), xytext=(0, 2), textcoords="offset points",
                    ha="center", va="bottom", fontsize=8)  # fmt: skip
        running += value
    ax.bar("Implied cloud\n& AI", running, color="#2ca02c")
    ax.annotate(f"{running:,.0f}", ("Implied cloud\n& AI", max(running, 0)), xytext=(0, 2),
                textcoords="offset points", ha="center", va="bottom", fontsize=8, weight="bold")  # fmt: skip
    ax.tick_params(axis="x", labelsize=7)


def _clusters(days: list[pd.Timestamp], min_gap_days: float) -> list[list[int]]:
    """Events (sorted by day) in clusters: an event within min_gap_days of its cluster's first joins it."""
    clusters: list[list[int]] = []
    for i, day in enumerate(days):
        if clusters and (day - days[clusters[-1][0]]).days < min_gap_days:
            clusters[-1].append(i)
        else:
            clusters.append([i])
    return clusters


def _events(fig, ax, drawn: Drawn, df: pd.DataFrame) -> None:
    """Catalysts as numbered marks over the panel before them, a key below. Events closer than a mark's width
    share one mark ("3-5"); neighbouring marks alternate between two heights, so no two labels overlap."""
    chart = drawn.chart
    df = df.sort_values(chart.x).reset_index(drop=True)
    days = [pd.Timestamp(d) for d in df[chart.x]]
    left, right = ax.get_xlim()
    days_per_px = (right - left) / max(ax.get_window_extent().width, 1)  # date axes are in days
    for k, members in enumerate(_clusters(days, 24 * days_per_px)):
        first, last = members[0] + 1, members[-1] + 1
        for i in members:
            ax.axvline(days[i], color="#2ca02c", alpha=0.35, lw=1)
        ax.annotate(
            str(first) if first == last else f"{first}-{last}", (days[members[0]], 1.0),
            xycoords=("data", "axes fraction"), xytext=(0, 3 + 12 * (k % 2)), textcoords="offset points",
            ha="left", va="bottom", fontsize=6.5, color="#1b5e20",
            bbox={"boxstyle": "round,pad=0.15", "fc": "#e8f5e9", "ec": "#2ca02c", "lw": 0.5}, gid=CATALYST_GID,
        )  # fmt: skip
    key = [
        f"{n:>2} {d:%Y-%m-%d} {str(t)[:58]}"
        for n, (d, t) in enumerate(zip(days, df[chart.columns[-1]], strict=True), 1)
    ]
    rows = -(-len(key) // 2)  # two columns
    text = "\n".join("   ".join(f"{c:<75}" for c in key[i::rows]) for i in range(rows))
    fig.text(0.01, 0.0, f"Catalysts ({chart.description.lower().rstrip('.')}):\n{text}", fontsize=6.5,
             family="monospace", va="top", gid=EVENT_KEY_GID)  # fmt: skip


def _mark_early_ends(ax, drawn: Drawn) -> None:
    """A dashed line where a series ends before the others, naming every series that ends there."""
    ends: dict[str, list[str]] = {}
    for d in drawn.series:
        if d.ends_at:
            ends.setdefault(d.ends_at, []).append(d.series.label)
    for day, labels in ends.items():
        ax.axvline(pd.Timestamp(day), color="#7f7f7f", ls="--", lw=0.8)
        ax.annotate(
            f"{', '.join(labels)}: data end {day}", (pd.Timestamp(day), 0.02),
            xycoords=("data", "axes fraction"), xytext=(3, 0), textcoords="offset points",
            fontsize=6.5, color="#555555", rotation=90, va="bottom",
            bbox={"boxstyle": "square,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.8},
        )  # fmt: skip


def figure(conn: duckdb.DuckDBPyConnection, charts: list[Chart]):
    """The figure of one PNG file: its panels side by side, catalysts over the panel before them."""
    panels = [c for c in charts if c.kind != "events"]
    fig, axes = plt.subplots(1, len(panels), figsize=(10 if len(panels) == 1 else 13, 5.2), squeeze=False)
    ax = None
    for chart, ax in zip(panels, axes[0], strict=True):
        drawn, df = resolve(chart, query(conn)), frame(conn, chart)
        if df.empty or not drawn.has_data:
            ax.text(0.5, 0.5, "no data", ha="center", transform=ax.transAxes)
        elif chart.kind == "line":
            _line(ax, drawn, df)
        elif chart.kind in ("bar", "stacked_bar"):
            _bar(ax, drawn, df, stacked=chart.kind == "stacked_bar")
        elif chart.kind == "waterfall":
            _waterfall(ax, drawn, df)
        _mark_early_ends(ax, drawn)
        ax.set_title(textwrap.fill(drawn.title, 70 if len(panels) == 1 else 55), fontsize=9.5, pad=26)
        ax.set_ylabel(chart.y_label)
        ax.grid(alpha=0.3)
        handles, labels = ax.get_legend_handles_labels()
        if handles:  # below the panel, in as many columns as fit: never over the data, never cut off
            ncol = 3 if len(handles) > 6 else min(len(handles), 3)
            ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=ncol, fontsize=7, frameon=False)
    fig.tight_layout()
    for chart in (c for c in charts if c.kind == "events"):
        _events(fig, ax, resolve(chart, query(conn)), frame(conn, chart))
    return fig


def png_bytes(fig) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, dpi=DPI, bbox_inches="tight", format="png")
    plt.close(fig)
    return buffer.getvalue()


def draw(conn: duckdb.DuckDBPyConnection, charts: list[Chart], path: Path) -> Path:
    tmp = path.with_suffix(".tmp.png")
    tmp.write_bytes(png_bytes(figure(conn, charts)))
    tmp.replace(path)
    return path


def render_all(published: Path, out_dir: Path) -> dict[str, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    with connect_published(locked=False, path=published) as conn:
        return {name: draw(conn, charts, out_dir / name) for name, charts in png_files().items()}
