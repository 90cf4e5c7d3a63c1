"""A link whose target is gone: 404 or 410, a host that does not exist, or a failure that persists.

## What it does
With `--online`, each link of a table row is requested (HEAD, then GET when HEAD is refused
or answers an error). The link is dead when the server answers 404 or 410 (at once), when its
host name does not resolve (`DNS: no such host`), when it redirects in a loop, or when it
keeps failing: timeouts, 5xx answers and refused or reset connections count only after every
retry of the run failed and, with the cache, when the failure has lasted across runs some hours
apart (`online.persist_hours`, 6 by default; 0 reports it after the retries of one run).

A 403, a 401 or a 429 is never a dead link (see `unverifiable`), nor is a redirect to a login
page, a cookie wall or a home page: a dead-link report is meant to be believed.

## Why
Link rot is the first thing that decays a list; the message names the row's entry and the
column, so the maintainer knows what to look for.

## Example
`| FooNet | [paper](https://example.org/foonet) |` where the page answers 404:
`FooNet: Paper link is dead: 404`.

## Fix
None: a dead link needs a person to find where the work went.
"""

ID = "dead-link"
FIX = None
