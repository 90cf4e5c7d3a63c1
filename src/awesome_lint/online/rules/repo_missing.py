"""A GitHub repository or GitLab project link to one that does not exist (deleted, or private).

## What it does
With `--online`, each GitHub repository link is looked up through the GitHub API, and each
gitlab.com project link through the GitLab API; a repository the API does not know (GraphQL
`NOT_FOUND`, REST 404; on GitLab a 404 for a path that is not a group either) is reported.

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
