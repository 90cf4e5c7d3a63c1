"""(being written) insecure-link.

## What it does
Not written yet.

## Why
Not written yet.

## Fix
None yet.
"""

from __future__ import annotations

from awesome_lint.model import FixSafety

ID = "insecure-link"
FIX: FixSafety | None = None
