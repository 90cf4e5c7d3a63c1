"""A quick yes to "is this valid?" for the config schema, without importing jsonschema.

jsonschema (with referencing and its metaschemas) takes about 50 ms to import, a third of an
ordinary run with a config file. Most configs are valid, so they are first checked here, for
the keywords the config schema uses (`type`, `properties`, `additionalProperties`,
`required`, `items`, `enum`, `const`, `oneOf`, `$ref` into the same schema, `minimum`,
`maximum`, `exclusiveMinimum`, `minLength`, `pattern`; annotations such as `description` are
ignored). The answer is only ever a certain yes: a value it cannot vouch for (invalid, or a
schema keyword it does not know) goes to jsonschema, which decides and words the message. So
this may be stricter than jsonschema (equality in `enum` also compares types), never looser.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

_ANNOTATIONS = frozenset(
    {"$schema", "$id", "$comment", "title", "description", "default", "deprecated"}
    | {"examples", "format", "readOnly", "writeOnly", "$defs"}
)
_TYPES: dict[str, type | tuple[type, ...]] = {
    "object": dict,
    "array": list,
    "string": str,
    "boolean": bool,
    "null": type(None),
}


class _Unsure(Exception):
    """A keyword this validator does not know: jsonschema decides."""


def is_valid(instance: Any, schema: Mapping[str, Any]) -> bool:
    """True only when `instance` is certainly valid against `schema` (the root schema)."""
    try:
        return _valid(instance, schema, schema)
    except (_Unsure, re.error, KeyError, TypeError, ValueError):
        return False


def _valid(value: Any, schema: Any, root: Mapping[str, Any]) -> bool:
    if schema is True:
        return True
    if not isinstance(schema, Mapping):
        raise _Unsure
    for key, spec in schema.items():
        if key in _ANNOTATIONS:
            continue
        check = _KEYWORDS.get(key)
        if check is None:
            raise _Unsure
        if not check(value, spec, schema, root):
            return False
    return True


def _type(value: Any, spec: Any, schema: Any, root: Any) -> bool:
    names = [spec] if isinstance(spec, str) else list(spec)
    return any(_is_type(value, name) for name in names)


def _is_type(value: Any, name: str) -> bool:
    if name in ("number", "integer"):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return False
        return name == "number" or isinstance(value, int) or float(value).is_integer()
    kind = _TYPES.get(name)
    if kind is None:
        raise _Unsure
    return isinstance(value, kind) and not (kind is not bool and isinstance(value, bool))


def _properties(value: Any, spec: Any, schema: Any, root: Any) -> bool:
    if not isinstance(value, dict):
        return True
    return all(_valid(value[k], sub, root) for k, sub in spec.items() if k in value)


def _additional(value: Any, spec: Any, schema: Any, root: Any) -> bool:
    if not isinstance(value, dict):
        return True
    if "patternProperties" in schema:
        raise _Unsure
    known = schema.get("properties", {})
    extra = [v for k, v in value.items() if k not in known]
    if spec is False:
        return not extra
    return all(_valid(v, spec, root) for v in extra)


def _required(value: Any, spec: Any, schema: Any, root: Any) -> bool:
    return not isinstance(value, dict) or all(k in value for k in spec)


def _items(value: Any, spec: Any, schema: Any, root: Any) -> bool:
    if not isinstance(value, list):
        return True
    return all(_valid(v, spec, root) for v in value)


def _same(a: Any, b: Any) -> bool:
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(map(_same, a, b))
    return bool(a == b)


def _enum(value: Any, spec: Any, schema: Any, root: Any) -> bool:
    return any(_same(value, option) for option in spec)


def _const(value: Any, spec: Any, schema: Any, root: Any) -> bool:
    return _same(value, spec)


def _one_of(value: Any, spec: Any, schema: Any, root: Any) -> bool:
    # Certain only when exactly one branch is certainly valid and every other one certainly
    # invalid: a branch that is merely "not certainly valid" may still be valid.
    valid = [_valid(value, branch, root) for branch in spec]
    if valid.count(True) != 1:
        return False
    for branch, ok in zip(spec, valid):
        if not ok and not _certainly_invalid(value, branch, root):
            raise _Unsure
    return True


def _certainly_invalid(value: Any, branch: Any, root: Any) -> bool:
    # The branches of the config schema's oneOf differ by `type`, `const` or `enum` (after a
    # `$ref`): a branch failing one of those is certainly invalid.
    while isinstance(branch, Mapping) and set(branch) - _ANNOTATIONS == {"$ref"}:
        branch = _resolve(branch["$ref"], root)
    if not isinstance(branch, Mapping):
        return False
    return any(
        key in branch and not check(value, branch[key], branch, root)
        for key, check in (("type", _type), ("const", _const), ("enum", _enum))
    )


def _ref(value: Any, spec: Any, schema: Any, root: Any) -> bool:
    return _valid(value, _resolve(spec, root), root)


def _resolve(ref: Any, root: Any) -> Any:
    if not isinstance(ref, str) or not ref.startswith("#/"):
        raise _Unsure
    target: Any = root
    for part in ref[2:].split("/"):
        target = target[part.replace("~1", "/").replace("~0", "~")]
    return target


def _number(compare: Any) -> Any:
    def check(value: Any, spec: Any, schema: Any, root: Any) -> bool:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return True
        return bool(compare(value, spec))

    return check


def _min_length(value: Any, spec: Any, schema: Any, root: Any) -> bool:
    return not isinstance(value, str) or len(value) >= spec


def _pattern(value: Any, spec: Any, schema: Any, root: Any) -> bool:
    return not isinstance(value, str) or re.search(spec, value) is not None


_KEYWORDS = {
    "type": _type,
    "properties": _properties,
    "additionalProperties": _additional,
    "required": _required,
    "items": _items,
    "enum": _enum,
    "const": _const,
    "oneOf": _one_of,
    "$ref": _ref,
    "minimum": _number(lambda v, s: v >= s),
    "maximum": _number(lambda v, s: v <= s),
    "exclusiveMinimum": _number(lambda v, s: v > s),
    "minLength": _min_length,
    "pattern": _pattern,
}
