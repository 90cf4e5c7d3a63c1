"""Regenerate the README's rule table from the rules' docstrings: python tests/update_readme.py"""

from __future__ import annotations

import re
from pathlib import Path

from awesome_lint.rules import rules_markdown

README = Path(__file__).resolve().parents[1] / "README.md"


def with_rules(text: str) -> str:
    return re.sub(
        r"(<!-- rules:start -->\n).*?(<!-- rules:end -->)",
        lambda m: m.group(1) + rules_markdown() + m.group(2),
        text,
        flags=re.DOTALL,
    )


if __name__ == "__main__":
    README.write_text(with_rules(README.read_text(encoding="utf-8")), encoding="utf-8")
