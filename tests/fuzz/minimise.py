"""Shrink a failing document to a small one that fails the same way (delta debugging).

`minimise(text, fails)` removes chunks of lines, then single lines, then runs of
characters and single characters, keeping each removal after which `fails` still holds,
until no removal does. `fails` should test for the same kind of failure (see `kind`).
"""

from __future__ import annotations

from collections.abc import Callable


def kind(difference: str) -> str:
    """What a difference is about, without its details: `export: table 1 row 2: ...` ->
    `export`, so that shrinking keeps the failure while its details change."""
    return difference.split(":", 1)[0]


def _shrink(parts: list[str], fails: Callable[[str], bool], budget: list[int]) -> list[str]:
    size = max(1, len(parts) // 2)
    while size >= 1:
        i = 0
        while i < len(parts) and budget[0] > 0:
            candidate = parts[:i] + parts[i + size :]
            budget[0] -= 1
            if candidate and fails("".join(candidate)):
                parts = candidate
            else:
                i += size
        size //= 2
    return parts


def minimise(text: str, fails: Callable[[str], bool], max_tries: int = 5000) -> str:
    budget = [max_tries]
    lines = text.splitlines(keepends=True)
    while True:
        before = "".join(lines)
        lines = _shrink(lines, fails, budget)
        chars = _shrink(list("".join(lines)), fails, budget)
        after = "".join(chars)
        lines = after.splitlines(keepends=True)
        if after == before or budget[0] <= 0:
            return after
