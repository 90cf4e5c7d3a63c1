"""Papers online: what open scholarly sources say of the papers a list links to.

Used by `awesome-lint add FILE URL` (the new row's title, year, venue and code) and by the
online rules `venue-outdated` and `venue-mismatch`. Nothing here is imported by an offline
run, and nothing reaches the network unless asked.

- `papers`: the ids a link names (`arxiv:`, `doi:`, `openreview:`, `acl:`) and `Paper`, what one
  source says of one paper (a plain value);
- `sources`: each source's requests and how its answers read (pure: bytes in, papers out),
  with the base URL overridable by `AWESOME_LINT_<SOURCE>_API`;
- `client`: the HTTP side (standard library): one request at a time per source, the source's
  pace, `Retry-After`, a bounded number of retries; a source that is down is "unknown";
- `cache`: answers kept between runs in `.awesome-lint-cache/papers.json`;
- `evidence`: what the answers mean for a row: the peer-reviewed version, if any;
- `venue_outdated`, `venue_mismatch`: the two rules; `check`: the run over a text.
"""
