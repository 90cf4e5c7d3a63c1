"""A GitHub repository link to a repository that does not exist (deleted, or made private).

## What it does
With `--online`, each GitHub repository link is looked up through the GitHub API; a
repository the API does not know (GraphQL `NOT_FOUND`, REST 404) is reported.

## Why
The code of an entry is often its most useful link; a missing repository leaves the row
without it.

## Example
`[Code](https://github.com/org/gone)`: `FooNet: Code repository org/gone not found`.

## Fix
None.
"""

ID = "repo-missing"
FIX = None
