"""CSV files in the seeds format: DuckDB writes the bodies, Python adds the declared headers."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

# The contract every generated file must meet (the same loader validates them).
from dagster_project.raw.schemas import TABLES

# source_kind of every synthetic row in the families that carry one: the generator stands in for a vendor.
SOURCE_KIND = "data_vendor"
# Header of each kind of file: its raw table's declared columns (keyed by family; reference tables by name).
HEADERS = {(t.name if t.family == "reference" else t.family): ",".join(t.column_names) for t in TABLES}


class Writer:
    """DuckDB writes CSV bodies; Python adds headers and cuts per-listing files."""

    def __init__(self, out: Path, seed: int):
        self.out, self.seed = out, seed
        self.conn = duckdb.connect()
        self.conn.execute("set preserve_insertion_order = true")
        self.tmp = out.parent / f".gen-{os.getpid()}.csv"
        self.rows: dict[str, int] = {}

    def _copy_body(self, frame: pd.DataFrame, select: str) -> bytes:
        self.conn.register("frame_in", frame)
        rel = self.conn.sql("select * from frame_in")
        casts = [
            f'cast("{c}" as date) as "{c}"'
            for c, t in zip(rel.columns, rel.types, strict=True)
            if str(t).startswith("TIMESTAMP")
        ]
        replace = f" replace ({', '.join(casts)})" if casts else ""
        self.conn.execute(f"create or replace temp view frame as select *{replace} from frame_in")
        self.conn.execute(f"copy ({select}) to '{self.tmp}' (format csv, header false)")
        self.conn.execute("drop view frame")
        self.conn.unregister("frame_in")
        data = self.tmp.read_bytes()
        self.tmp.unlink()
        return data

    def write_table(self, family: str, rel: str, frame: pd.DataFrame, select: str, header_key: str) -> None:
        body = self._copy_body(frame, select)
        path = self.out / family / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(HEADERS[header_key].encode() + b"\n" + body)
        self.rows[f"{family}/{rel}"] = len(frame)

    def write_split(
        self,
        frame: pd.DataFrame,
        select: str,
        names: list[str],
        counts: np.ndarray,
        next_day: dict[str, bytes] | None = None,
    ) -> None:
        """`frame` holds the rows of listings `names` in order, `counts[i]` rows each: one file each."""
        body = self._copy_body(frame, select)
        ends = np.flatnonzero(np.frombuffer(body, dtype=np.uint8) == 10) + 1
        assert len(ends) == counts.sum(), (len(ends), counts.sum())
        bounds = np.concatenate([[0], ends[np.cumsum(counts) - 1]])
        header = HEADERS["prices"].encode() + b"\n"
        folder = self.out / "prices"
        for i, name in enumerate(names):
            (folder / f"{name.replace('^', '_')}.csv").write_bytes(header + body[bounds[i] : bounds[i + 1]])
        self.rows["prices"] = self.rows.get("prices", 0) + int(counts.sum())


def check_headers(out: Path) -> None:
    """The generated headers must be the declared schema of every raw table."""
    for spec in TABLES:
        files = sorted((out / spec.family).glob(spec.pattern))
        assert files, f"no generated files for {spec.name}"
        for f in files[:3]:
            head = f.open().readline().rstrip("\n").split(",")
            assert head == list(spec.column_names), (f, head, spec.column_names)
