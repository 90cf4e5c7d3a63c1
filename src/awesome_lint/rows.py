"""A row as a JSON object, validated against the table schema's row schema.

jsonschema is the reference. Most row schemas use a handful of keywords (`properties`,
`required`, `pattern`, `enum`, `minLength`, ...), so rows are first checked by a small
validator for exactly those keywords; only a row it finds invalid, or a schema using any
other keyword, goes through jsonschema, which also words the messages. Both paths are
compared on generated rows in the tests.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sized
from functools import lru_cache
from typing import Any, NamedTuple

from awesome_lint.model import Cell, Row
from awesome_lint.tableschema import BoundTable


def cell_object(cell: Cell) -> dict[str, Any]:
    return {
        "text": cell.text,
        "raw": cell.raw,
        "links": [{"text": link.text, "url": link.url} for link in cell.links],
        "images": [{"alt": image.alt, "url": image.url} for image in cell.images],
    }


def row_object(bound: BoundTable, row: Row) -> dict[str, Any]:
    """Cells keyed by column name; empty cells and placeholders are left out."""
    out: dict[str, Any] = {}
    for i, header in enumerate(bound.table.header.cells):
        if i >= len(row.cells):
            break
        cell = row.cells[i]
        spec = bound.columns[i]
        if not cell.text.strip() and not cell.links and not cell.images:
            continue
        if (
            spec is not None
            and spec.placeholders
            and not cell.links
            and spec.is_placeholder(cell.text)
        ):
            continue
        out.setdefault(spec.name if spec is not None else header.text, cell_object(cell))
    return out


class RowError(NamedTuple):
    column: str | None
    message: str


class RowSchemaError(Exception):
    """A row schema that cannot be applied, such as one whose `$ref` leads nowhere."""


class RowValidator:
    def __init__(self, schema: Mapping[str, Any]) -> None:
        self.schema = schema
        self._fast = _compile(schema)
        self._full: Any = None

    def errors(self, row: Mapping[str, Any]) -> list[RowError]:
        if self._fast is not None and self._fast(row):
            return []
        return self.full_errors(row)

    def full_errors(self, row: Mapping[str, Any]) -> list[RowError]:
        if self._full is None:
            self._full = _jsonschema_validator(self.schema)
        from referencing.exceptions import Unresolvable

        try:
            found = sorted(self._full.iter_errors(row), key=lambda e: list(e.absolute_path))
        except Unresolvable as exc:
            raise RowSchemaError(
                f"the row schema has a $ref that cannot be resolved: {exc}"
            ) from None
        out = []
        for error in found:
            path = list(error.absolute_path)
            column = str(path[0]) if path else None
            if column is None and error.validator == "required":
                column = _missing(error)
            custom = error.schema.get("message") if isinstance(error.schema, dict) else None
            where = _path_text(path)
            text = custom if isinstance(custom, str) else _readable(error, path)
            out.append(RowError(column, f"{where}: {text}" if where else text))
        return out


def _missing(error: Any) -> str | None:
    # jsonschema reports each missing property as its own error, naming it only in the message.
    missing = [p for p in error.validator_value if p not in error.instance]
    for name in missing:
        if error.message == f"{name!r} is a required property":
            return str(name)
    return str(missing[0]) if missing else None


def _readable(error: Any, path: list[Any]) -> str:
    """jsonschema's message, with a cell or row object it starts with named, not dumped."""
    message = str(error.message)
    instance = error.instance
    if isinstance(instance, dict):
        dumped = repr(instance)
        if message.startswith(dumped):
            if not path:
                name = "the row"
            elif isinstance(instance.get("text"), str):
                name = f"the cell {instance['text']!r}"
            else:
                name = "the value"
            message = name + message[len(dumped) :]
    return message


def _path_text(path: list[Any]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _jsonschema_validator(schema: Mapping[str, Any]) -> Any:
    from jsonschema import Draft202012Validator
    from referencing import Registry

    # An empty registry retrieves nothing: a $ref outside the schema fails, never fetches.
    return Draft202012Validator(schema, registry=Registry())


# -- the fast path ----------------------------------------------------------------------

Check = Callable[[Any], bool]

_ANNOTATIONS = frozenset(
    {"$schema", "$comment", "title", "description", "default", "examples", "message", "format"}
)
_TYPES: dict[str, Callable[[Any], bool]] = {
    "string": lambda v: isinstance(v, str),
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "integer": lambda v: (
        (isinstance(v, int) and not isinstance(v, bool))
        or (isinstance(v, float) and v.is_integer())
    ),
}


class _Unsupported(Exception):
    pass


def _compile(schema: Any) -> Check | None:
    """A predicate equivalent to the schema, or None when it uses keywords we do not handle."""
    try:
        return _check(schema)
    except (_Unsupported, re.error, TypeError, ValueError):
        return None


def _check(schema: Any) -> Check:
    if schema is True or schema == {}:
        return lambda v: True
    if schema is False:
        return lambda v: False
    if not isinstance(schema, dict):
        raise _Unsupported
    checks = list(_keyword_checks(schema))
    return lambda v: all(check(v) for check in checks)


def _keyword_checks(schema: Mapping[str, Any]) -> Iterator[Check]:
    for key, value in schema.items():
        if key in _ANNOTATIONS:
            continue
        factory = _KEYWORDS.get(key)
        if factory is None:
            raise _Unsupported(key)
        yield factory(value, schema)


def _type(value: Any, _: Mapping[str, Any]) -> Check:
    names = [value] if isinstance(value, str) else list(value)
    tests = [_TYPES[name] for name in names]
    return lambda v: any(test(v) for test in tests)


def _properties(value: Mapping[str, Any], _: Mapping[str, Any]) -> Check:
    checks = {name: _check(sub) for name, sub in value.items()}
    return lambda v: (
        not isinstance(v, dict)
        or all(check(v[name]) for name, check in checks.items() if name in v)
    )


def _additional(value: Any, schema: Mapping[str, Any]) -> Check:
    if "patternProperties" in schema:
        raise _Unsupported("patternProperties")
    known = set(schema.get("properties", {}))
    check = _check(value)
    return lambda v: (
        not isinstance(v, dict) or all(check(item) for key, item in v.items() if key not in known)
    )


def _required(value: list[str], _: Mapping[str, Any]) -> Check:
    names = list(value)
    return lambda v: not isinstance(v, dict) or all(name in v for name in names)


def _items(value: Any, schema: Mapping[str, Any]) -> Check:
    if "prefixItems" in schema:
        raise _Unsupported("prefixItems")
    check = _check(value)
    return lambda v: not isinstance(v, list) or all(check(item) for item in v)


def _contains(value: Any, schema: Mapping[str, Any]) -> Check:
    if "minContains" in schema or "maxContains" in schema:
        raise _Unsupported("minContains")
    check = _check(value)
    return lambda v: not isinstance(v, list) or any(check(item) for item in v)


@lru_cache(maxsize=256)
def _regex(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _pattern(value: str, _: Mapping[str, Any]) -> Check:
    regex = _regex(value)
    return lambda v: not isinstance(v, str) or regex.search(v) is not None


def _bound(test: Callable[[int, float], bool], kind: type[Sized]) -> Callable[[Any, Any], Check]:
    def factory(value: Any, _: Mapping[str, Any]) -> Check:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise _Unsupported
        return lambda v: not isinstance(v, kind) or test(len(v), value)

    return factory


def _json_equal(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_json_equal(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_json_equal(x, y) for x, y in zip(a, b))
    return bool(a == b)


def _enum(value: list[Any], _: Mapping[str, Any]) -> Check:
    options = list(value)
    return lambda v: any(_json_equal(v, option) for option in options)


def _const(value: Any, _: Mapping[str, Any]) -> Check:
    return lambda v: _json_equal(v, value)


def _all_of(value: list[Any], _: Mapping[str, Any]) -> Check:
    checks = [_check(sub) for sub in value]
    return lambda v: all(check(v) for check in checks)


def _any_of(value: list[Any], _: Mapping[str, Any]) -> Check:
    checks = [_check(sub) for sub in value]
    return lambda v: any(check(v) for check in checks)


def _not(value: Any, _: Mapping[str, Any]) -> Check:
    check = _check(value)
    return lambda v: not check(v)


_KEYWORDS: dict[str, Callable[[Any, Mapping[str, Any]], Check]] = {
    "type": _type,
    "properties": _properties,
    "additionalProperties": _additional,
    "required": _required,
    "items": _items,
    "contains": _contains,
    "pattern": _pattern,
    "minLength": _bound(lambda n, b: n >= b, str),
    "maxLength": _bound(lambda n, b: n <= b, str),
    "minItems": _bound(lambda n, b: n >= b, list),
    "maxItems": _bound(lambda n, b: n <= b, list),
    "minProperties": _bound(lambda n, b: n >= b, dict),
    "maxProperties": _bound(lambda n, b: n <= b, dict),
    "enum": _enum,
    "const": _const,
    "allOf": _all_of,
    "anyOf": _any_of,
    "not": _not,
}
