"""(being written) pdf-link.

## What it does
Not written yet.

## Why
Not written yet.

## Fix
None yet.
"""

from __future__ import annotations

from awesome_lint.model import FixSafety

ID = "pdf-link"
FIX: FixSafety | None = None
