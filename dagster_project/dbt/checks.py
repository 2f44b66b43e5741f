"""Readable names and descriptions for the dbt tests Dagster shows as asset checks.

dbt names a generic test after its arguments (`accepted_range_fct_listing_valuation_daily_pe_ttm_gaap__False__0`)
and gives it no description. One rule, applied to every test of the manifest, derives both from the test's
metadata instead: the name says the column and what is checked (`pe_ttm_gaap__in_range`), the description says
the rule in words (`pe_ttm_gaap is > 0`), its row filter and whether it only warns. A test with its own `name:`
keeps it, without the model prefix; a singular test keeps its file name and is described by its leading
comment. The names go into the manifest Dagster reads (`readable_manifest`), so the check a dbt result is
reported against has the same name; dbt selects tests by fqn, which is unchanged.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from typing import Any

_SLUG = re.compile(r"[^a-z0-9_]+")
_LEADING_COMMENT = re.compile(r"^\s*(?:\{#-?(.*?)-?#\}|((?:\s*--[^\n]*\n)+))", re.S)


def _slug(text: str) -> str:
    return _SLUG.sub("_", str(text).lower()).strip("_")


def _ref_name(to: str) -> str:
    found = re.search(r"ref\(\s*['\"]([^'\"]+)['\"]", to or "")
    return found.group(1) if found else _slug(to)


def _range(kwargs: Mapping[str, Any]) -> str:
    inclusive = kwargs.get("inclusive", True)
    parts = []
    if kwargs.get("min_value") is not None:
        parts.append(f"{'>=' if inclusive else '>'} {kwargs['min_value']}")
    if kwargs.get("max_value") is not None:
        parts.append(f"{'<=' if inclusive else '<'} {kwargs['max_value']}")
    return " and ".join(parts) or "in range"


def _generic(kind: str, column: str | None, kwargs: Mapping[str, Any]) -> tuple[str, str]:
    """(name, description) of a generic test from its kind, column and arguments."""
    col = column or kwargs.get("column_name")
    if kind == "not_null":
        return f"{col}__not_null", f"{col} is never null"
    if kind == "unique":
        return f"{col}__unique", f"{col} is unique: one row per value"
    if kind == "accepted_range":
        return f"{col}__in_range", f"{col} is {_range(kwargs)} (nulls allowed)"
    if kind == "accepted_values":
        values = ", ".join(str(v) for v in kwargs.get("values") or [])
        return f"{col}__accepted_values", f"{col} is one of: {values}"
    if kind == "relationships":
        target = _ref_name(kwargs.get("to", ""))
        field = kwargs.get("field", col)
        return f"{col}__in_{target}", f"every {col} exists as {field} in {target}"
    if kind == "unique_combination_of_columns":
        columns = list(kwargs.get("combination_of_columns") or [])
        return "__".join([*columns, "unique"]), f"one row per ({', '.join(columns)})"
    if kind == "expression_is_true":
        return "expression_is_true", f"every row satisfies: {kwargs.get('expression')}"
    if kind == "values_agree":
        return (
            f"{kwargs.get('left')}__agrees_with__{kwargs.get('right')}",
            f"{kwargs.get('left')} equals {kwargs.get('right')} within a tolerance of {kwargs.get('tolerance')}",
        )
    if kind == "share_of_rows_not_null":
        value = kwargs.get("value_column")
        return f"{value}__share_not_null", f"at least {kwargs.get('min_share')} of the rows have {value}"
    return f"{col}__{kind}" if col else kind, f"{kind} on {col}" if col else kind


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    end = text.find(". ")
    return text if end < 0 else text[: end + 1]


def describe_test(node: Mapping[str, Any]) -> tuple[str, str]:
    """(readable name, description) of one dbt test node of the manifest."""
    meta = node.get("test_metadata") or {}
    kind, kwargs = meta.get("name"), meta.get("kwargs") or {}
    attached = (node.get("attached_node") or "").rsplit(".", 1)[-1]
    own_description = (node.get("description") or "").strip()
    if not kind:  # singular test: its file name, and its leading comment
        found = _LEADING_COMMENT.match(node.get("raw_code") or "")
        comment = (found.group(1) or found.group(2).replace("--", " ")) if found else ""
        name, description = node["name"], own_description or _first_sentence(comment)
    else:
        name, description = _generic(kind, node.get("column_name"), kwargs)
        generated = node["name"].startswith(f"{kind}_") or node["name"].startswith(f"{meta.get('namespace')}_")
        if not generated:  # the test's own `name:`, without the model it is attached to
            name = node["name"].removeprefix(f"{attached}_") if attached else node["name"]
        description = own_description or description
    config = node.get("config") or {}
    description = description.rstrip(". ")
    if config.get("where"):
        description += f" (rows where {config['where']})"
    if str(config.get("severity", "error")).lower() == "warn":
        description += "; warns only, does not block publishing"
    return _slug(name)[:120] or "dbt_test", description


def readable_manifest(manifest: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of the manifest whose test nodes carry readable names (unique per tested model: a second test of
    the same kind on the same column gets __2) and, in their meta, the description Dagster shows."""
    result = copy.deepcopy(dict(manifest))
    taken: dict[str, set[str]] = {}
    for unique_id in sorted(result["nodes"]):
        node = result["nodes"][unique_id]
        if node.get("resource_type") != "test":
            continue
        name, description = describe_test(node)
        parents = node.get("attached_node") or ",".join(sorted(node.get("depends_on", {}).get("nodes", [])))
        used = taken.setdefault(parents, set())
        unique, n = name, 1
        while unique in used:
            n += 1
            unique = f"{name}__{n}"
        used.add(unique)
        node["name"] = unique
        node["meta"] = {**(node.get("meta") or {}), "description": description}
    return result
