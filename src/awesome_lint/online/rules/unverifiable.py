"""A link whose server refuses to answer a program (403 or 401), so it cannot be verified.

## What it does
With `--online`, a link answering 403 or 401 to both HEAD and GET: many publishers and sites
behind Cloudflare refuse every client that is not a browser. The link may be fine; it is
reported once, as a warning, so that it can be checked by hand or skipped with the config's
`online.skip` list of hosts (`*.example.org` for a domain and its subdomains). A short list of
such hosts is skipped by default (`online.skip_defaults`: true): dl.acm.org,
ieeexplore.ieee.org, www.sciencedirect.com, onlinelibrary.wiley.com, www.researchgate.net,
www.tandfonline.com, link.springer.com, academic.oup.com, www.jstor.org, www.nature.com.

## Why
A 403 is not a dead link: reporting it as one would teach maintainers to ignore dead-link.

## Example
`[Paper](https://publisher.example/doi/10.1/x)` answering 403: `FooNet: Paper link cannot be
verified: 403 to a program (check it in a browser, or skip the host)`.

## Fix
None.
"""

ID = "unverifiable"
FIX = None
SEVERITY = "warning"
