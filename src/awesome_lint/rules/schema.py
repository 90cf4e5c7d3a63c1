"""(being written) schema.

## What it does
Not written yet.

## Why
Not written yet.

## Fix
None yet.
"""

from __future__ import annotations

from awesome_lint.model import FixSafety

ID = "schema"
FIX: FixSafety | None = None
