"""(being written) link-host.

## What it does
Not written yet.

## Why
Not written yet.

## Fix
None yet.
"""

from __future__ import annotations

from awesome_lint.model import FixSafety

ID = "link-host"
FIX: FixSafety | None = None
