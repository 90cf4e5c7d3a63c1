"""A GitHub repository or GitLab project link to an archived (read-only) one.

## What it does
With `--online`, each GitHub repository link is looked up through the GitHub API, and each
gitlab.com project link through the GitLab API; an archived one is reported as a warning.

## Why
An archived repository is no longer maintained: the entry may deserve a note or a successor.

## Example
`[Code](https://github.com/org/foonet)`, archived: `FooNet: Code repository org/foonet is
archived`.

## Fix
None.
"""

ID = "repo-archived"
FIX = None
SEVERITY = "warning"
