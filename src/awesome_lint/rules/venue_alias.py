"""(being written) venue-alias.

## What it does
Not written yet.

## Why
Not written yet.

## Fix
None yet.
"""

from __future__ import annotations

from awesome_lint.model import FixSafety

ID = "venue-alias"
FIX: FixSafety | None = None
