"""rows.py: row objects, the fast path against jsonschema, and errors mapped to columns."""

from __future__ import annotations

import socket
import subprocess
import sys
import urllib.request
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from awesome_lint.config import ConfigError, config_from_text, default_config
from awesome_lint.markdown.tables import parse
from awesome_lint.rows import RowError, RowSchemaError, RowValidator, row_object
from awesome_lint.tableschema import bind

# -- generated rows and schemas ---------------------------------------------------------------

COLUMNS = ["Title", "Paper", "Code", "Year"]
NAMES = st.sampled_from([*COLUMNS, "text", "raw", "links", "images", "url", "alt"])
TEXTS = st.sampled_from(["", "a", "ab", "N/A", "2023", "Ab c", "https://arxiv.org/abs/1"])
URLS = st.sampled_from(["https://arxiv.org/abs/1", "http://x.org/", "#a"])
LINKS = st.fixed_dictionaries({"text": TEXTS, "url": URLS})
IMAGES = st.fixed_dictionaries({"alt": TEXTS, "url": URLS})
CELLS = st.fixed_dictionaries(
    {
        "text": TEXTS,
        "raw": TEXTS,
        "links": st.lists(LINKS, max_size=2),
        "images": st.lists(IMAGES, max_size=1),
    }
)
ROWS = st.dictionaries(st.sampled_from(COLUMNS), CELLS, max_size=4)

SCALARS = st.none() | st.booleans() | st.integers(-1, 3) | st.sampled_from([1.0, 2.5]) | TEXTS
VALUES = st.recursive(
    SCALARS | LINKS | CELLS,
    lambda inner: st.lists(inner, max_size=2) | st.dictionaries(NAMES, inner, max_size=2),
    max_leaves=4,
)
TYPES = st.sampled_from(["string", "object", "array", "boolean", "null", "number", "integer"])
PATTERNS = st.sampled_from(["^a", "b$", "^[0-9]{4}$", "arxiv", "^$", ".", "N/A", "^https?://"])
COUNTS = st.integers(0, 3)


def _keywords(sub: st.SearchStrategy[Any]) -> dict[str, st.SearchStrategy[Any]]:
    return {
        "type": TYPES | st.lists(TYPES, min_size=1, max_size=3, unique=True),
        "properties": st.dictionaries(NAMES, sub, max_size=3),
        "additionalProperties": sub,
        "required": st.lists(NAMES, max_size=3, unique=True),
        "items": sub,
        "contains": sub,
        "pattern": PATTERNS,
        "minLength": COUNTS,
        "maxLength": COUNTS,
        "minItems": COUNTS,
        "maxItems": COUNTS,
        "minProperties": COUNTS,
        "maxProperties": COUNTS,
        "enum": st.lists(VALUES, min_size=1, max_size=3),
        "const": VALUES,
        "allOf": st.lists(sub, min_size=1, max_size=2),
        "anyOf": st.lists(sub, min_size=1, max_size=2),
        "not": sub,
        "title": st.just("a title"),
        "message": st.just("a message"),
    }


def _schema_with(sub: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    strategies = _keywords(sub)
    return st.lists(st.sampled_from(sorted(strategies)), max_size=3, unique=True).flatmap(
        lambda keys: st.fixed_dictionaries({key: strategies[key] for key in keys})
    )


SCHEMAS = st.recursive(
    st.booleans() | _schema_with(st.just({})),
    _schema_with,
    max_leaves=6,
)

# Row schemas as lists write them: per column, per cell field.
CELL_SCHEMAS = st.fixed_dictionaries(
    {},
    optional={
        "properties": st.fixed_dictionaries(
            {},
            optional={
                "text": SCHEMAS,
                "links": SCHEMAS,
                "images": SCHEMAS,
            },
        ),
        "required": st.lists(st.sampled_from(["text", "links"]), max_size=2, unique=True),
    },
)
ROW_SCHEMAS = st.fixed_dictionaries(
    {},
    optional={
        "properties": st.dictionaries(st.sampled_from(COLUMNS), CELL_SCHEMAS, max_size=3),
        "required": st.lists(st.sampled_from(COLUMNS), max_size=2, unique=True),
        "additionalProperties": SCHEMAS,
    },
)


def _valid(schema: Any, row: Any) -> bool:
    return not any(Draft202012Validator(schema).iter_errors(row))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SCHEMAS, ROWS)
def test_fast_path_agrees_with_jsonschema(schema: Any, row: dict[str, Any]) -> None:
    validator = RowValidator(schema) if isinstance(schema, dict) else None
    fast = validator._fast if validator else None
    if validator is None:
        return
    assert fast is not None, "a schema of supported keywords must get a fast path"
    assert fast(row) is _valid(schema, row)
    assert (validator.errors(row) == []) is _valid(schema, row)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ROW_SCHEMAS, ROWS)
def test_fast_path_agrees_on_row_shaped_schemas(schema: Any, row: dict[str, Any]) -> None:
    fast = RowValidator(schema)._fast
    assert fast is not None
    assert fast(row) is _valid(schema, row)


@settings(max_examples=300, deadline=None)
@given(VALUES, SCHEMAS)
def test_fast_path_agrees_on_any_json_value(value: Any, schema: Any) -> None:
    if not isinstance(schema, dict):
        return
    fast = RowValidator(schema)._fast
    assert fast is not None
    assert fast(value) is _valid(schema, value)


UNSUPPORTED = [
    {"$ref": "#/$defs/cell", "$defs": {"cell": {"type": "object"}}},
    {"patternProperties": {"^T": {"type": "object"}}},
    {"additionalProperties": False, "patternProperties": {"^T": True}},
    {"properties": {"Title": {"properties": {"links": {"prefixItems": [True]}}}}},
    {"properties": {"Title": {"properties": {"links": {"items": True, "prefixItems": [True]}}}}},
    {"if": {"required": ["Title"]}, "then": {"required": ["Paper"]}},
    {"oneOf": [{"required": ["Title"]}, {"required": ["Paper"]}]},
    {"dependentRequired": {"Code": ["Title"]}},
    {"properties": {"Title": {"properties": {"links": {"uniqueItems": True}}}}},
    {"properties": {"Year": {"properties": {"text": {"minimum": 1}}}}},
    {"properties": {"Title": {"properties": {"links": {"contains": True, "minContains": 2}}}}},
    {"anyOf": [{"not": {"propertyNames": {"pattern": "^T"}}}]},
    {"unevaluatedProperties": False},
    {"minLength": True},
]


@pytest.mark.parametrize("schema", UNSUPPORTED)
def test_other_keywords_fall_back_to_jsonschema(schema: dict[str, Any]) -> None:
    validator = RowValidator(schema)
    assert validator._fast is None
    row = {"Title": {"text": "T", "raw": "T", "links": [], "images": []}}
    assert (validator.errors(row) == []) is _valid(schema, row)


@settings(max_examples=200, deadline=None)
@given(SCHEMAS, st.sampled_from(UNSUPPORTED), st.data())
def test_an_unsupported_keyword_anywhere_falls_back(
    schema: Any, extra: dict[str, Any], data: st.DataObject
) -> None:
    if not isinstance(schema, dict):
        schema = {}
    if data.draw(st.booleans()):
        schema = {"allOf": [schema, {"properties": {"Title": extra}}]}
    else:
        schema = {**schema, **extra}
    assert RowValidator(schema)._fast is None


# -- row objects ------------------------------------------------------------------------------


def _bound(markdown: str, config_text: str | None = None) -> Any:
    config = config_from_text(config_text, "test.json") if config_text else default_config()
    table = parse(markdown).tables[0]
    return bind(table, config.tables)


def test_row_object_keys_cells_by_schema_name_and_leaves_out_empty_and_placeholders() -> None:
    bound = _bound(
        "| Paper Title | Paper | Code | Stars |\n"
        "| --- | --- | --- | --- |\n"
        "| SAM | [arXiv](https://arxiv.org/abs/1) | N/A | ![s](https://img/x.svg) |\n"
    )
    row = row_object(bound, bound.table.rows[0])
    assert set(row) == {"Title", "Paper", "Stars"}
    assert row["Title"] == {"text": "SAM", "raw": "SAM", "links": [], "images": []}
    assert row["Paper"]["links"] == [{"text": "arXiv", "url": "https://arxiv.org/abs/1"}]
    assert row["Stars"]["images"] == [{"alt": "s", "url": "https://img/x.svg"}]


def test_row_object_keeps_a_placeholder_with_a_link_and_stops_at_short_rows() -> None:
    bound = _bound(
        "| Title | Code | Year |\n| --- | --- | --- |\n| SAM | [N/A](https://x.org/a) |\n"
    )
    row = row_object(bound, bound.table.rows[0])
    assert set(row) == {"Title", "Code"}


# -- errors -----------------------------------------------------------------------------------

CELL = {"raw": "", "links": [], "images": []}


def test_errors_name_the_column_and_the_path() -> None:
    schema = {
        "properties": {
            "Title": {"properties": {"text": {"pattern": "^[A-Z]"}}},
            "Paper": {
                "properties": {"links": {"items": {"properties": {"url": {"pattern": "^https"}}}}}
            },
        }
    }
    row = {
        "Title": {**CELL, "text": "sam"},
        "Paper": {**CELL, "text": "x", "links": [{"text": "x", "url": "http://a"}]},
    }
    assert RowValidator(schema).errors(row) == [
        RowError("Paper", "Paper.links[0].url: 'http://a' does not match '^https'"),
        RowError("Title", "Title.text: 'sam' does not match '^[A-Z]'"),
    ]


def test_each_missing_required_column_is_its_own_error() -> None:
    errors = RowValidator({"required": ["Title", "Paper", "Code"]}).errors(
        {"Paper": {**CELL, "text": "p"}}
    )
    assert errors == [
        RowError("Title", "'Title' is a required property"),
        RowError("Code", "'Code' is a required property"),
    ]


def test_a_message_next_to_a_keyword_replaces_jsonschemas() -> None:
    schema = {
        "properties": {"Year": {"properties": {"text": {"pattern": "^\\d{4}$", "message": "YYYY"}}}}
    }
    assert RowValidator(schema).errors({"Year": {**CELL, "text": "'23"}}) == [
        RowError("Year", "Year.text: YYYY")
    ]


def test_errors_about_the_whole_row_or_a_cell_do_not_dump_objects() -> None:
    schema = {
        "minProperties": 2,
        "properties": {"Venue": {"not": {"properties": {"text": {"const": "x"}}}}},
    }
    errors = RowValidator(schema).errors({"Venue": {**CELL, "text": "x"}})
    assert [e.column for e in errors] == [None, "Venue"]
    assert errors[0].message == "the row does not have enough properties"
    assert errors[1].message.startswith("Venue: the cell 'x' should not be valid under")


def test_rows_that_pass_never_import_jsonschema() -> None:
    code = (
        "import sys\n"
        "from awesome_lint.rows import RowValidator\n"
        "v = RowValidator({'required': ['Title'], 'properties': {'Title': {'properties':"
        " {'text': {'minLength': 1, 'pattern': '^[A-Z]'}}}}})\n"
        "row = {'Title': {'text': 'SAM', 'raw': 'SAM', 'links': [], 'images': []}}\n"
        "assert all(v.errors(row) == [] for _ in range(1000))\n"
        "print('jsonschema' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# -- no network -------------------------------------------------------------------------------


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    attempts: list[str] = []

    def refuse(*args: Any, **kwargs: Any) -> Any:
        attempts.append(repr(args))
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    return attempts


def test_a_remote_ref_is_refused_without_network(no_network: list[str]) -> None:
    schema = {"properties": {"Title": {"$ref": "https://example.com/cell.schema.json"}}}
    validator = RowValidator(schema)
    assert validator._fast is None
    with pytest.raises(RowSchemaError, match=r"example\.com"):
        validator.errors({"Title": {**CELL, "text": "SAM"}})
    assert no_network == []


def test_a_ref_inside_the_schema_resolves(no_network: list[str]) -> None:
    schema = {
        "$defs": {"linked": {"properties": {"links": {"minItems": 1}}}},
        "properties": {"Paper": {"$ref": "#/$defs/linked"}},
    }
    errors = RowValidator(schema).errors({"Paper": {**CELL, "text": "p"}})
    assert [e.column for e in errors] == ["Paper"]
    assert no_network == []


def test_a_config_with_a_remote_ref_is_refused(no_network: list[str]) -> None:
    config = (
        '{"tables": [{"columns": [{"name": "Title"}],'
        ' "row": {"properties": {"Title": {"$ref": "https://example.com/x.json"}}}}]}'
    )
    with pytest.raises(ConfigError, match="never fetches"):
        config_from_text(config, ".awesome-lint.json")
    assert no_network == []
