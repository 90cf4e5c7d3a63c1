"""What awesome-lint knows about URLs in paper lists.

Hosts and host patterns, arXiv and DOI identifiers, tracking parameters, hosts that serve https,
publisher PDF links that have an abstract page, keys for finding duplicate links, and links that
are clearly broken. Pure functions on strings: no I/O, no network.

Every rewrite changes only the part it means to change and copies the rest of the URL byte for
byte (query order, percent-encoding, case), because an unsafe fix applies it to someone's README.
Rewrites refuse URLs containing whitespace or control characters: `urllib.parse` silently drops
some of those, so what it reads would not match what is written.

The modules: `parse` (cutting a URL into pieces), `hosts` (host patterns, https hosts),
`ids` (arXiv, DOI), `publishers` (PDF -> abstract page), `tracking` (tracking parameters),
`canonical` (duplicate keys), `syntax` (absolute and malformed links).
"""

from __future__ import annotations

from awesome_lint.urls.canonical import canonical_key
from awesome_lint.urls.hosts import (
    HTTPS_HOSTS,
    REPOSITORY_HOSTS,
    HostPatterns,
    host_matches,
    upgrade_https,
)
from awesome_lint.urls.ids import arxiv_abs, arxiv_id, doi
from awesome_lint.urls.parse import bare_host, host
from awesome_lint.urls.publishers import abstract_url, quiet_host
from awesome_lint.urls.syntax import is_absolute, is_relative, malformed_reason
from awesome_lint.urls.tracking import (
    TRACKING_PARAMS,
    TRACKING_PREFIXES,
    strip_tracking,
    tracking_params,
)

__all__ = [
    "HTTPS_HOSTS",
    "REPOSITORY_HOSTS",
    "TRACKING_PARAMS",
    "TRACKING_PREFIXES",
    "HostPatterns",
    "abstract_url",
    "arxiv_abs",
    "arxiv_id",
    "bare_host",
    "canonical_key",
    "doi",
    "host",
    "host_matches",
    "is_absolute",
    "is_relative",
    "malformed_reason",
    "quiet_host",
    "strip_tracking",
    "tracking_params",
    "upgrade_https",
]
