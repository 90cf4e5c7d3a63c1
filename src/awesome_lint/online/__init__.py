"""Online link checks (`--online`): dead, redirected and unverifiable links, moved, archived
and missing GitHub repositories and GitLab projects, per table row.

Nothing here is imported by an offline run: the command line imports this package only when
`--online` is given or the config says `"online": true`, so an offline run neither pays for
the HTTP client nor reaches the network.

- `http`: the HTTP checker (aiohttp, asyncio), with global and per-host limits and Retry-After;
- `outcomes`, `repos`: the plain values, and the repository a link leads into;
- `network`: the checks of a run within its time budget (imports the HTTP client lazily);
- `github`: repository states through the GitHub API (GraphQL batches, REST without a token);
- `gitlab`: project states through the GitLab REST API;
- `cache`: the persistent cache of outcomes, and when an outcome is stale;
- `check`: the run: options, the links of the table rows, cache, checks, and the problems
  of the rules in `rules/`.
"""

from __future__ import annotations

from awesome_lint.rules import ONLINE_IDS as RULE_IDS

__all__ = ["RULE_IDS"]
