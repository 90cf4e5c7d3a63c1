"""awesome-lint: lint and format the Markdown tables of awesome lists.

The public API, text in and text or values out (no files, no printing):

- `lint_text(text, config=None, selection=None) -> list[Problem]`
- `fix_text(text, config=None, selection=None, *, unsafe_fixes=False, complete_before=True)
  -> FixResult`: `before`, `after`, `fixed` and the fixed `text`
- `export_json(text, path) -> str`, `export_csv(text, index) -> str`: the tables as data
- `load_config(path)`, `default_config()`, `Selection(select, ignore)`: what runs and how

Each name is imported when first used, so that `import awesome_lint` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from awesome_lint.api import Selection, lint_text
    from awesome_lint.config import Config, default_config, load_config
    from awesome_lint.export import export_csv, export_json
    from awesome_lint.fixer import FixError, FixResult, fix_text
    from awesome_lint.model import Problem

__version__ = "0.1.0"

_EXPORTS = {
    "lint_text": "awesome_lint.api",
    "Selection": "awesome_lint.api",
    "fix_text": "awesome_lint.fixer",
    "FixResult": "awesome_lint.fixer",
    "FixError": "awesome_lint.fixer",
    "export_json": "awesome_lint.export",
    "export_csv": "awesome_lint.export",
    "Config": "awesome_lint.config",
    "default_config": "awesome_lint.config",
    "load_config": "awesome_lint.config",
    "Problem": "awesome_lint.model",
}

__all__ = [
    "Config",
    "FixError",
    "FixResult",
    "Problem",
    "Selection",
    "__version__",
    "default_config",
    "export_csv",
    "export_json",
    "fix_text",
    "lint_text",
    "load_config",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'awesome_lint' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
