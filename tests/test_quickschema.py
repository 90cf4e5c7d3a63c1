"""The quick config check says "valid" only where jsonschema does: on every config the
tests use, on the README's examples, and on configs with values changed at random."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from awesome_lint.config import config_schema
from awesome_lint.quickschema import is_valid

ROOT = Path(__file__).resolve().parents[1]
CONFIGS = sorted(
    [
        *ROOT.glob("tests/fixtures/*/*/config.json"),
        *ROOT.glob("tests/fixtures/**/.awesome-lint.json"),
    ]
)


def reference(data: Any) -> bool:
    return not list(Draft202012Validator(config_schema()).iter_errors(data))


def test_the_test_configs_pass_quickly() -> None:
    assert len(CONFIGS) > 5
    for path in CONFIGS:
        data = json.loads(path.read_text(encoding="utf-8"))
        assert reference(data), path
        assert is_valid(data, config_schema()), path


def test_typical_configs_pass_quickly_and_mistakes_do_not() -> None:
    good: list[Any] = [
        {},
        {"online": True},
        {"online": {"cache": "cache", "per_host": 10, "expire": {"ok": 24}}},
        {"online": {"cache": False, "skip": ["*.example.org"], "gitlab": False}},
        {"rules": {"pdf-link": "off", "dead-link": "warning"}},
    ]
    bad: list[Any] = [
        [],
        {"online": {"retries": "many"}},
        {"online": {"per_host": 0}},
        {"online": {"cache": True}},
        {"no-such-key": 1},
        {"rules": {"pdf-link": "loud"}},
        {"online": {"timeout": True}},
    ]
    for data in good:
        assert reference(data) and is_valid(data, config_schema()), data
    for data in bad:
        assert not reference(data) and not is_valid(data, config_schema()), data


JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 200) | st.floats(-2, 2) | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)
KEYS = ["online", "rules", "style", "tables", "venues", "max_file_size", "https_hosts"]
ONLINE_KEYS = ["cache", "per_host", "timeout", "expire", "skip", "github", "gitlab", "enabled"]


@settings(max_examples=300, deadline=None)
@given(
    key=st.sampled_from(KEYS),
    sub=st.sampled_from(ONLINE_KEYS),
    value=JSON,
    nested=st.booleans(),
)
def test_quick_yes_is_never_wrong(key: str, sub: str, value: Any, nested: bool) -> None:
    data = {key: {sub: value}} if nested else {key: value}
    if is_valid(data, config_schema()):
        assert reference(data), data
