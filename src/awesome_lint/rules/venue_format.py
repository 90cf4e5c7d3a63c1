"""(being written) venue-format.

## What it does
Not written yet.

## Why
Not written yet.

## Fix
None yet.
"""

from __future__ import annotations

from awesome_lint.model import FixSafety

ID = "venue-format"
FIX: FixSafety | None = None
