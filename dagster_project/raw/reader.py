"""DuckDB's CSV reader on seed files: the header check, the read_csv call with the declared types, the
reader's own first error, and the appended-bytes file mapped back to each file's lines."""

from __future__ import annotations

from pathlib import Path

import duckdb

from .base import SeedValidationError, sql_str
from .schemas import RawTable


def check_header(path: Path, shown: str, spec: RawTable) -> None:
    """Fail early, naming the column, when the header is not the declared one."""
    with path.open("rb") as handle:
        head = handle.readline()
        has_second_line = bool(handle.readline().strip())
    if not head.strip():
        raise SeedValidationError(shown, 1, None, "file is empty (expected a header and data rows)")
    if head.startswith(b"\xef\xbb\xbf"):
        raise SeedValidationError(
            shown, 1, spec.column_names[0], "file starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM"
        )
    try:
        text = head.decode("utf-8").rstrip("\r\n")
    except UnicodeDecodeError as exc:
        raise SeedValidationError(shown, 1, None, f"header is not UTF-8 ({exc.reason})") from None
    found = [c.strip().strip('"') for c in text.split(",")]
    expected = list(spec.column_names)
    if found != expected:
        missing = [c for c in expected if c not in found]
        extra = [c for c in found if c not in expected]
        if len(found) == 1 and any(sep in text for sep in ";\t|"):
            sep = next(sep for sep in ";\t|" if sep in text)
            problem, column = f"header is not comma-delimited (found {sep!r})", expected[0]
        elif missing:
            problem, column = f"missing column(s) {missing}", missing[0]
        elif extra:
            problem, column = f"unexpected column(s) {extra}", extra[0]
        else:
            position = next(i for i, (a, b) in enumerate(zip(found, expected, strict=True)) if a != b)
            problem, column = f"columns out of order (expected {expected})", found[position]
        raise SeedValidationError(shown, 1, column, f"header does not match the declared schema: {problem}")
    if not has_second_line:
        raise SeedValidationError(shown, 2, None, "file has a header but no data rows")


def unterminated_quote(path: Path) -> tuple[int, int] | None:
    """(line, field index) where a quoted field opens and never closes, or None. DuckDB's reader drops such a
    last row without a reject (a file cut off inside a quoted field), so the loader looks for it itself. Run
    only on a file whose row count the reader did not match (a byte loop, but a rare one)."""
    inside, opened = False, None
    with path.open("rb") as handle:
        for number, line in enumerate(handle, 1):
            field = 0
            for byte in line:
                if byte == 0x22:  # '"' opens or closes a quoted field; a doubled one inside toggles twice
                    inside = not inside
                    if inside:
                        opened = (number, field)
                elif byte == 0x2C and not inside:  # ','
                    field += 1
    return opened if inside else None


def read_csv_sql(files: list[Path], spec: RawTable) -> str:
    columns = ", ".join(f"{sql_str(c.name)}: {sql_str(c.type)}" for c in spec.columns)
    paths = "[" + ", ".join(sql_str(str(p)) for p in files) + "]"
    return (
        f"read_csv({paths}, header = true, auto_detect = false, columns = {{{columns}}}, "
        "delim = ',', quote = '\"', escape = '\"', dateformat = '%Y-%m-%d', "
        "filename = true, store_rejects = true, "
        "rejects_table = '_raw_rejects', rejects_scan = '_raw_reject_scans')"
    )


def first_reader_error(conn: duckdb.DuckDBPyConnection, shown: dict[str, str]) -> SeedValidationError | None:
    row = conn.execute(
        """
        select s.file_path, e.line, e.column_name, e.error_type, e.error_message
        from _raw_rejects e join _raw_reject_scans s using (scan_id, file_id)
        order by s.file_path, e.line, e.column_idx limit 1
        """
    ).fetchone()
    if row is None:
        return None
    path, line, column, kind, message = row
    first_line = message.splitlines()[0] if message else str(kind)
    return SeedValidationError(shown.get(path, path), int(line), column, f"{kind}: {first_line}")


def ranges_sql(read_csv: str, pieces: list[tuple[str, str, int, int]]) -> str:
    """Rows of the appended-bytes CSV with their original file and line: piece k covers the reader's rows
    after pieces[k].row_offset up to the next piece's offset."""
    bounds = [
        (shown, o, (pieces[i + 1][2] if i + 1 < len(pieces) else 2**62), first)
        for i, (_, shown, o, first) in enumerate(pieces)
    ]
    values = ", ".join(f"({sql_str(s)}, {lo}, {hi}, {first})" for s, lo, hi, first in bounds)
    return f"""
        select r.* exclude (filename, _n), f.shown as _source_file,
               cast(r._n - f.lo - 1 + f.first_line as bigint) as _source_line
        from (select *, row_number() over () as _n from {read_csv}) as r
        join (values {values}) as f(shown, lo, hi, first_line)
          on r._n > f.lo and r._n <= f.hi
    """
