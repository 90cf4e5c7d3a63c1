"""Links to repositories on a forge, and the key each is known by.

A GitHub repository is `owner/name` (from `https://github.com/OWNER/NAME...`); a GitLab
project is `gitlab.com/GROUP/.../NAME` (from `https://gitlab.com/GROUP/.../NAME`, the path
ending at GitLab's `/-/` separator, or at a page of the project's old routes such as `/tree/`
or `/blob/`). Links to a forge's own pages (`/explore`, `/users/...`) are not repositories.
Keys are compared and cached in lower case.
"""

from __future__ import annotations

import re

GITLAB = "gitlab.com/"

_REPO = re.compile(
    r"^https?://(?:www\.)?github\.com/([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))/([A-Za-z0-9._-]+)"
    r"(?:[/?#].*)?$",
    re.IGNORECASE,
)
# First path segments that are GitHub's own pages, not owners.
_NOT_OWNERS = frozenset(
    [
        "about",
        "apps",
        "collections",
        "contact",
        "customer-stories",
        "enterprise",
        "events",
        "explore",
        "features",
        "login",
        "marketplace",
        "new",
        "notifications",
        "orgs",
        "organizations",
        "pricing",
        "pulls",
        "issues",
        "search",
        "security",
        "settings",
        "site",
        "sponsors",
        "topics",
        "trending",
        "users",
        "readme",
        "team",
    ]
)


def _github(url: str) -> str | None:
    found = _REPO.match(url)
    if found is None:
        return None
    owner, name = found.group(1), found.group(2)
    if owner.lower() in _NOT_OWNERS:
        return None
    name = name.removesuffix(".git")
    if not name or name in (".", ".."):
        return None
    return f"{owner}/{name}"


_GITLAB = re.compile(r"^https?://(?:www\.)?gitlab\.com/([^?#]*)", re.IGNORECASE)
_GITLAB_SEGMENT = re.compile(r"^[A-Za-z0-9_.][A-Za-z0-9_.-]*$")
# First path segments that are GitLab's own pages, not groups or users.
_GITLAB_PAGES = frozenset(
    [
        "-",
        "admin",
        "api",
        "assets",
        "dashboard",
        "explore",
        "groups",
        "help",
        "oauth",
        "profile",
        "projects",
        "public",
        "s",
        "search",
        "snippets",
        "uploads",
        "users",
    ]
)
# A project's pages under its old routes (without `/-/`): the project's path ends before.
_GITLAB_ROUTES = frozenset(
    [
        "activity",
        "blame",
        "blob",
        "branches",
        "commit",
        "commits",
        "compare",
        "graphs",
        "issues",
        "jobs",
        "merge_requests",
        "pipelines",
        "raw",
        "releases",
        "tags",
        "tree",
        "wikis",
    ]
)


def _gitlab(url: str) -> str | None:
    found = _GITLAB.match(url)
    if found is None:
        return None
    segments = found.group(1).split("/")
    if "-" in segments:
        segments = segments[: segments.index("-")]
    for i, segment in enumerate(segments[2:], start=2):
        if segment in _GITLAB_ROUTES:
            segments = segments[:i]
            break
    segments = [s for s in segments if s]
    if segments:
        segments[-1] = segments[-1].removesuffix(".git")
    if len(segments) < 2 or segments[0].lower() in _GITLAB_PAGES:
        return None
    if not all(_GITLAB_SEGMENT.match(s) for s in segments):
        return None
    return GITLAB + "/".join(segments)


def repository(url: str) -> str | None:
    """The key of the repository a link points to (or into), else None."""
    return _github(url) or _gitlab(url)


def is_gitlab(repo: str) -> bool:
    return repo.lower().startswith(GITLAB)


def moved_url(url: str, old: str, new: str) -> str:
    """`url` with the repository `old` (a key) replaced by `new` (its current key)."""
    host = "gitlab.com/" if is_gitlab(old) else "github.com/"
    old_path = old[len(GITLAB) :] if is_gitlab(old) else old
    new_path = new[len(GITLAB) :] if is_gitlab(new) else new
    at = url.lower().index(host) + len(host)
    if url[at : at + len(old_path)].lower() != old_path.lower():  # e.g. .git was dropped
        return f"https://{host}{new_path}"
    return f"https://{host}{new_path}{url[at + len(old_path) :]}"
