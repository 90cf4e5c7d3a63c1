"""Regenerate what the rules document about themselves: the README's rule table (from their
docstrings) and the `rules` part of schema/config.schema.json (from their ids and OPTIONS).

    python tests/update_readme.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from awesome_lint.rules import rules_markdown, rules_schema

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
CONFIG_SCHEMA = ROOT / "schema" / "config.schema.json"
_WIDTH = 100


def with_rules(text: str) -> str:
    return re.sub(
        r"(<!-- rules:start -->\n).*?(<!-- rules:end -->)",
        lambda m: m.group(1) + rules_markdown() + m.group(2),
        text,
        flags=re.DOTALL,
    )


def schema_with_rules(text: str) -> str:
    """The config schema's text with its `rules` part generated from the rules (the rest of
    the file is written by hand and kept as it is)."""
    block = re.compile(r'^    "rules": \{\n.*?^    \}', re.DOTALL | re.MULTILINE)
    generated = '    "rules": ' + dump_json(rules_schema(), 4, '"rules": ')
    new, count = block.subn(lambda _: generated, text, count=1)
    if count != 1:
        raise SystemExit(f'{CONFIG_SCHEMA}: no top-level "rules" property found')
    return new


def dump_json(value: Any, indent: int = 0, prefix: str = "") -> str:
    """JSON with two-space indents, an object or array on one line when it fits."""
    flat = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    if indent + len(prefix) + len(flat) + 1 <= _WIDTH or not isinstance(value, (dict, list)):
        return flat
    if not value:
        return flat
    inner = " " * (indent + 2)
    if isinstance(value, dict):
        items = [
            f"{inner}{json.dumps(k)}: " + dump_json(v, indent + 2, f"{json.dumps(k)}: ")
            for k, v in value.items()
        ]
        opening, closing = "{", "}"
    else:
        items = [inner + dump_json(v, indent + 2) for v in value]
        opening, closing = "[", "]"
    return opening + "\n" + ",\n".join(items) + "\n" + " " * indent + closing


if __name__ == "__main__":
    README.write_text(with_rules(README.read_text(encoding="utf-8")), encoding="utf-8")
    text = CONFIG_SCHEMA.read_text(encoding="utf-8")
    CONFIG_SCHEMA.write_text(schema_with_rules(text), encoding="utf-8")
