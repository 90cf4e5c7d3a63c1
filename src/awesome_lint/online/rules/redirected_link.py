"""A link that permanently redirects to another URL.

## What it does
With `--online`, a link whose redirect chain starts or ends with a permanent redirect (301 or
308) and arrives, after at most 10 hops, at a page that answers 2xx under a different URL.
Not reported (decided for precision): a chain of temporary redirects only (302, 303, 307);
a redirect to a login or sign-in page, a cookie or consent wall, or a site's home page (the
target's path is `/`, which is also how another host's landing page looks): those say that
the page is gone or hidden, not where it went, so they are neither a redirect to follow nor a
proof of death; and a redirect that only adds query parameters (session ids).

## Why
A moved page keeps working until the redirect is dropped; the final URL is the one to keep.

## Example
`[Code](http://old.example.org/x)` answering `301 Location: https://new.example.org/x`:
`FooNet: Code link redirects permanently to https://new.example.org/x`.

## Fix
Unsafe (`--fix --unsafe-fixes --online`): the destination becomes the final URL, where it is
written literally in the cell.
"""

ID = "redirected-link"
FIX = "unsafe"
SEVERITY = "warning"
