"""An inline disable comment that suppresses nothing.

## What it does
Reports `<!-- awesome-lint-disable ... -->` comments (and their `-next-line`, `-line` and
`-file` forms) that no longer hide any problem, or that name a rule that does not exist.
A comment that suppresses nothing is a warning; an unknown rule id is an error whatever
this rule's severity (a misspelt id disables nothing, and the findings it was meant to
hide are reported).

## Why
A stale comment hides the next real problem of that kind without anyone noticing, and a
misspelt rule id never suppressed anything in the first place.

## Example
```markdown
<!-- awesome-lint-disable-next-line venue-format -->
| SAM | SAM: Self-supervised ... | [TMI'22](https://ieeexplore.ieee.org/document/9760421) |
```

## Fix
None: remove the comment by hand.
"""

from __future__ import annotations

from awesome_lint.model import FixSafety, Severity

ID = "unused-disable"
FIX: FixSafety | None = None
SEVERITY: Severity = "warning"
