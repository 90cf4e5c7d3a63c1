"""`awesome-lint init`: a config inferred from a list's own tables (filled in later)."""

from __future__ import annotations

import json


def infer_config(text: str) -> str:
    return json.dumps({"$schema": "https://github.com/awesome-lint/awesome-lint/blob/main/schema/config.schema.json"}, indent=2) + "\n"
