"""A GitHub repository or GitLab project link to one that was renamed or transferred.

## What it does
With `--online`, each `https://github.com/OWNER/NAME` link (and deeper links into a
repository) is looked up through the GitHub API, and each `https://gitlab.com/GROUP/.../NAME`
link through the GitLab API. When the repository answers under another owner or name, the
link still works through the forge's redirect, until someone takes the old name.

## Why
A renamed repository's old URL can be reclaimed by anyone; the new URL is the entry's.

## Example
`[Code](https://github.com/old-org/foonet)` for a repository now at `new-org/FooNet`:
`FooNet: Code repository moved to new-org/FooNet`.

## Fix
Unsafe: the link's `OWNER/NAME` (on GitLab, the project's path) becomes the new one (the
rest of the URL is kept).
"""

ID = "repo-moved"
FIX = "unsafe"
SEVERITY = "warning"
