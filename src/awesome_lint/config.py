"""Find, load and validate `.awesome-lint.json`, and merge it over the built-in default.

A config is checked against `schema/config.schema.json` before anything is linted: an
unknown key, a wrong type or a regular expression that does not compile stops the run with
a message naming the file and the JSON pointer of the bad value.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from awesome_lint.model import Severity
from awesome_lint.tableschema import TableSchema, table_schema

CONFIG_NAME = ".awesome-lint.json"


def _schema_dir() -> Path:
    # Installed, the JSON Schemas are package data (awesome_lint/schema/); in a source
    # checkout they are the top-level schema/ folder, which pyproject.toml maps onto it.
    package = Path(__file__).resolve().parent
    installed = package / "schema"
    return installed if installed.is_dir() else package.parents[1] / "schema"


SCHEMA_DIR = _schema_dir()
DEFAULT_MAX_FILE_SIZE = 50 * 1024 * 1024

Setting = Literal["error", "warning", "off"]


class ConfigError(Exception):
    """A config file that cannot be used; the message names the file and the reason."""


@dataclass(frozen=True)
class RuleSetting:
    # None: the rule's own default severity (a config that gives only options).
    severity: Setting | None
    options: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Config:
    path: str | None = None
    style: str = "auto"
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    rules: Mapping[str, RuleSetting] = field(default_factory=dict)
    tables: tuple[TableSchema, ...] = ()
    venue_style: str = "auto"
    known_venues: tuple[Mapping[str, Any], ...] = ()
    venue_aliases: Mapping[str, str] = field(default_factory=dict)
    https_hosts: tuple[str, ...] = ()
    tracking_params: tuple[str, ...] = ()
    repository_hosts: tuple[str, ...] = ()
    # The `online` key as written: true/false or an object (see awesome_lint.online.check).
    online: bool | Mapping[str, Any] = False

    def setting(self, rule: str, default: Severity, aliases: Iterable[str] = ()) -> RuleSetting:
        """The setting of `rule` (or of a former id of it, in `aliases`), whose own default
        severity is `default`."""
        setting = self.rules.get(rule)
        for alias in aliases:
            if setting is None:
                setting = self.rules.get(alias)
        if setting is None:
            return RuleSetting(default)
        if setting.severity is None:
            return RuleSetting(default, setting.options)
        return setting


# -- loading --------------------------------------------------------------------------------


def find_config(start: Path) -> Path | None:
    """The nearest `.awesome-lint.json` from `start` up to the repository root."""
    here = start if start.is_dir() else start.parent
    for folder in (here, *here.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
        if (folder / ".git").exists():
            return None
    return None


def load_config(path: Path | None) -> Config:
    """The default merged with the config at `path` (or the default alone)."""
    if path is None:
        return default_config()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the config: {_reason(exc)}") from None
    return config_from_text(text, str(path))


def config_from_text(text: str, name: str) -> Config:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{name}:{exc.lineno}:{exc.colno}: invalid JSON: {exc.msg}") from None
    validate_config(data, name)
    return merge(_default_data(), data, name)


def validate_config(data: Any, name: str) -> None:
    from awesome_lint.quickschema import is_valid

    # jsonschema only for a config the quick check cannot vouch for: it words the message.
    errors = [] if is_valid(data, config_schema()) else _schema_errors(data)
    if errors:
        error = _most_specific(errors[0])
        pointer = _pointer(error.absolute_path)
        raise ConfigError(f"{name}: {pointer or '/'}: {_config_message(error)}")
    for pointer, pattern in _regexes(data):
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ConfigError(
                f"{name}: {pointer}: invalid regular expression {pattern!r}: {exc}"
            ) from None
    for i, table in enumerate(data.get("tables", ())):
        if "row" in table:
            check_row_schema(table["row"], f"{name}: /tables/{i}/row")


def _schema_errors(data: Any) -> list[Any]:
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(config_schema())
    return sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))


def check_row_schema(schema: Any, where: str) -> None:
    """A row schema must be a valid draft 2020-12 schema and refer to nothing remote."""
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError

    for pointer, ref in _refs(schema):
        if not ref.startswith("#"):
            raise ConfigError(
                f"{where}{pointer}: $ref {ref!r} points outside the config;"
                " awesome-lint never fetches schemas (copy it into the row schema)"
            )
    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as exc:
        raise ConfigError(f"{where}{_pointer(exc.absolute_path)}: {exc.message}") from None


def _most_specific(error: Any) -> Any:
    # oneOf/anyOf wrap the useful error: prefer the deepest one that is not a type mismatch.
    while error.context:
        deeper = [e for e in error.context if e.validator != "type"] or list(error.context)
        error = max(deeper, key=lambda e: len(e.absolute_path))
    return error


def _config_message(error: Any) -> str:
    if error.validator == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        known = ", ".join(sorted(error.schema.get("properties", {})))
        keys = ", ".join(repr(k) for k in extra)
        return f"unknown key {keys} (expected one of: {known})"
    if error.validator == "enum":
        options = ", ".join(json.dumps(v) for v in error.validator_value)
        return f"{json.dumps(error.instance)} is not one of {options}"
    return str(error.message)


def _pointer(path: Sequence[Any]) -> str:
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in path)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return "not UTF-8"
    return exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)


def _walk(node: Any, pointer: str = "") -> Iterator[tuple[str, str, Any]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield pointer, key, value
            yield from _walk(value, f"{pointer}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _walk(value, f"{pointer}/{i}")


def _regexes(data: Any) -> Iterator[tuple[str, str]]:
    for i, table in enumerate(data.get("tables", ())):
        heading = table.get("match", {}).get("heading")
        if isinstance(heading, str):
            yield f"/tables/{i}/match/heading", heading
        for pointer, key, value in _walk(table.get("row", {}), f"/tables/{i}/row"):
            if key == "pattern" and isinstance(value, str):
                yield f"{pointer}/pattern", value
            elif key == "patternProperties" and isinstance(value, dict):
                for pattern in value:
                    yield f"{pointer}/patternProperties", pattern


def _refs(schema: Any) -> Iterator[tuple[str, str]]:
    for pointer, key, value in _walk(schema):
        if key in ("$ref", "$dynamicRef") and isinstance(value, str):
            yield f"{pointer}/{key}", value


@lru_cache(maxsize=1)
def config_schema() -> dict[str, Any]:
    with open(SCHEMA_DIR / "config.schema.json", encoding="utf-8") as f:
        return dict(json.load(f))


@lru_cache(maxsize=1)
def _default_data() -> dict[str, Any]:
    with open(SCHEMA_DIR / "default.json", encoding="utf-8") as f:
        return dict(json.load(f))


@lru_cache(maxsize=1)
def default_config() -> Config:
    return merge({}, _default_data(), None)


# -- merging --------------------------------------------------------------------------------


def merge(base: Mapping[str, Any], data: Mapping[str, Any], path: str | None) -> Config:
    """The config `data` (from `path`) over `base`: rules override, lists extend."""
    extends = data.get("extends", "default") == "default"
    rules: dict[str, RuleSetting] = {}
    for source in (base, data) if extends else (data,):
        for rule, value in source.get("rules", {}).items():
            setting = _rule_setting(value)
            earlier = rules.get(rule)
            if setting.severity is None and earlier is not None:
                setting = RuleSetting(earlier.severity, setting.options)
            rules[rule] = setting
    tables = [table_schema(t, f"{path}#/tables/{i}") for i, t in enumerate(data.get("tables", ()))]
    if extends:
        tables += [table_schema(t, "built-in") for t in base.get("tables", ())]
    venues = _merged(base, data, "venues", extends)
    links = _merged(base, data, "links", extends)
    return Config(
        path=path,
        style=data.get("style", base.get("style", "auto")),
        max_file_size=data.get("max_file_size", base.get("max_file_size", DEFAULT_MAX_FILE_SIZE)),
        rules=rules,
        tables=tuple(tables),
        venue_style=venues.get("style", "auto"),
        known_venues=tuple(venues.get("known", ())),
        venue_aliases=dict(venues.get("aliases", {})),
        https_hosts=tuple(links.get("https_hosts", ())),
        tracking_params=tuple(links.get("tracking_params", ())),
        repository_hosts=tuple(links.get("repository_hosts", ())),
        online=data.get("online", base.get("online", False)),
    )


def _merged(
    base: Mapping[str, Any], data: Mapping[str, Any], key: str, extends: bool
) -> dict[str, Any]:
    out: dict[str, Any] = dict(base.get(key, {})) if extends else {}
    for name, value in data.get(key, {}).items():
        if isinstance(value, list):
            out[name] = [*out.get(name, []), *value]
        elif isinstance(value, dict):
            out[name] = {**out.get(name, {}), **value}
        else:
            out[name] = value
    return out


def _rule_setting(value: Any) -> RuleSetting:
    if isinstance(value, str):
        return RuleSetting(value)  # type: ignore[arg-type]
    options = {k: v for k, v in value.items() if k != "severity"}
    return RuleSetting(value.get("severity"), options)
