from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awesome_lint.urls import (
    HTTPS_HOSTS,
    REPOSITORY_HOSTS,
    TRACKING_PARAMS,
    HostPatterns,
    abstract_url,
    arxiv_abs,
    arxiv_id,
    bare_host,
    canonical_key,
    doi,
    host,
    host_matches,
    is_absolute,
    malformed_reason,
    strip_tracking,
    tracking_params,
    upgrade_https,
)

# Links from the seed list (/work/shared/seed-README.md), kept here so the tests stand alone.
SEED_IEEE = (
    "https://ieeexplore.ieee.org/stamp/stamp.jsp?arnumber=9760421&casa_token=Gp1KjhR8aWEAAAAA:"
    "E8snr-QFR5Q1LYSy2u6rNJhWK67gDNmo3eueNCWkWAUp2EkhsnDOK4oMCr00p7aDqvXwPkv7lrw&tag=1"
)
SEED_CVF = (
    "https://openaccess.thecvf.com/content/ICCV2023/papers/Wu_MedKLIP_Medical_Knowledge_Enhanced"
    "_Language-Image_Pre-Training_for_X-ray_Diagnosis_ICCV_2023_paper.pdf"
)
SEED_OPENREVIEW = "https://openreview.net/forum?id=XZGklkaOsL"
SEED_ARXIV_PDFS = (
    "https://arxiv.org/pdf/2306.11925.pdf",
    "https://arxiv.org/pdf/2311.15111.pdf",
    "https://arxiv.org/pdf/2302.08958.pdf",
    "https://arxiv.org/pdf/2209.07098.pdf",
)
SEED_GITHUB = "https://github.com/alibaba-damo-academy/self-supervised-anatomical-embedding-v2"

LONG = 10_000


# --------------------------------------------------------------------------------------------
# Hosts


@pytest.mark.parametrize(
    ("url", "expected", "bare"),
    [
        ("https://github.com/a/b", "github.com", "github.com"),
        ("https://WWW.GitHub.com/a/b", "www.github.com", "github.com"),
        ("http://user:pw@Example.org:8080/x?y#z", "example.org", "example.org"),
        ("https://example.org./", "example.org", "example.org"),
        ("//cdn.example.com/lib.js", "cdn.example.com", "cdn.example.com"),
        ("https://[2001:db8::1]:443/", "2001:db8::1", "2001:db8::1"),
        ("https://www.nature.com/articles/x", "www.nature.com", "nature.com"),
        ("mailto:someone@example.org", None, None),
        ("./docs/README.md", None, None),
        ("#anchor", None, None),
        ("", None, None),
        ("https://", None, None),
        ("http://[oops/", None, None),
    ],
)
def test_host(url: str, expected: str | None, bare: str | None) -> None:
    assert host(url) == expected
    assert bare_host(url) == bare


@pytest.mark.parametrize(
    ("name", "pattern", "expected"),
    [
        ("github.com", "github.com", True),
        ("www.github.com", "github.com", True),
        ("GitHub.COM.", "github.com", True),
        ("github.com", "www.github.com", True),
        ("gist.github.com", "github.com", False),
        ("notgithub.com", "github.com", False),
        ("github.com.evil.org", "github.com", False),
        ("user.github.io", "*.github.io", True),
        ("a.b.github.io", "*.github.io", True),
        ("github.io", "*.github.io", False),
        ("xgithub.io", "*.github.io", False),
        ("docs.example.com", "*.example.com", True),
    ],
)
def test_host_matches(name: str, pattern: str, expected: bool) -> None:
    assert host_matches(name, pattern) is expected


@pytest.mark.parametrize(
    "pattern", ["", "*.", "github.com/x", "exa mple.com", "*", "a..b", "-a.com"]
)
def test_invalid_host_pattern(pattern: str) -> None:
    with pytest.raises(ValueError, match="invalid host pattern"):
        HostPatterns([pattern])


def test_host_patterns_match_urls() -> None:
    patterns = HostPatterns(["github.com", "*.github.io", "gitlab.example.org"])
    assert patterns.match(SEED_GITHUB)
    assert patterns.match("http://www.github.com/x")
    assert patterns.match("https://someone.github.io/project/")
    assert patterns.match("https://GitLab.Example.org/group/repo")
    assert not patterns.match("https://gitlab.com/group/repo")
    assert not patterns.match("./relative")
    assert not patterns.match("N/A")
    assert "github.com" in repr(patterns)
    # The longest name DNS allows still matches; longer is no host (and no quadratic walk).
    longest = "a." * 120 + "x.github.io"
    assert len(longest) == 251 and patterns.match_host(longest)
    assert not patterns.match_host("a." * 200_000 + "x.github.io")


def test_default_host_lists_are_valid_patterns() -> None:
    repositories = HostPatterns(REPOSITORY_HOSTS)
    https = HostPatterns(HTTPS_HOSTS)
    for url in [SEED_GITHUB, "https://gitlab.com/a/b", "https://huggingface.co/bert-base"]:
        assert repositories.match(url)
    for url in ["https://openreview.net/forum?id=x", "https://arxiv.org/abs/2306.11925"]:
        assert not repositories.match(url)
    assert https.match("http://www.sciencedirect.com/science/article/pii/S0")
    assert https.match("http://foo.github.io/")


# --------------------------------------------------------------------------------------------
# arXiv


@pytest.mark.parametrize(
    ("url", "expected", "versioned"),
    [
        ("https://arxiv.org/abs/2306.11925", "2306.11925", "2306.11925"),
        ("https://arxiv.org/abs/2306.11925v2", "2306.11925", "2306.11925v2"),
        ("https://arxiv.org/pdf/2306.11925", "2306.11925", "2306.11925"),
        ("https://arxiv.org/pdf/2306.11925.pdf", "2306.11925", "2306.11925"),
        ("https://arxiv.org/pdf/2306.11925v3.pdf", "2306.11925", "2306.11925v3"),
        ("https://arxiv.org/html/2404.14619v2", "2404.14619", "2404.14619v2"),
        ("https://arxiv.org/html/2404.14619v2/", "2404.14619", "2404.14619v2"),
        ("http://export.arxiv.org/abs/1706.03762", "1706.03762", "1706.03762"),
        ("https://www.arxiv.org/pdf/2506.19290", "2506.19290", "2506.19290"),
        ("http://arxiv.org/abs/1504.08083v2", "1504.08083", "1504.08083v2"),
        ("https://arxiv.org/abs/2306.11925/", "2306.11925", "2306.11925"),
        ("https://arxiv.org/abs//2306.08707", "2306.08707", "2306.08707"),
        ("https://arxiv.org/abs/2503.01840?utm_source=chatgpt.com", "2503.01840", "2503.01840"),
        ("https://arxiv.org/abs/2306.11925#S3", "2306.11925", "2306.11925"),
        ("https://ARXIV.org/abs/0704.0001", "0704.0001", "0704.0001"),
        ("https://arxiv.org/abs/hep-th/9901001", "hep-th/9901001", "hep-th/9901001"),
        ("https://arxiv.org/abs/hep-th/9901001v3", "hep-th/9901001", "hep-th/9901001v3"),
        ("https://arxiv.org/pdf/cs.LG/0101001.pdf", "cs.LG/0101001", "cs.LG/0101001"),
        ("https://arxiv.org/abs/math.GT/0309136v1", "math.GT/0309136", "math.GT/0309136v1"),
        ("arXiv:2306.11925v1", "2306.11925", "2306.11925v1"),
        ("https://arxiv.org/abs/2313.11925", None, None),  # month 13
        ("https://arxiv.org/abs/2306.119", None, None),
        ("https://arxiv.org/help/api/user-manual", None, None),
        ("https://arxiv.org/html/2404.14619v2/x1.png", None, None),
        ("https://arxiv.org/list/cs.LG/recent", None, None),
        ("https://huggingface.co/models?other=arxiv:2101.11038", None, None),
        ("https://notarxiv.org/abs/2306.11925", None, None),
        ("ftp://arxiv.org/abs/2306.11925", None, None),
        ("assets/arxiv_llms.png", None, None),
    ],
)
def test_arxiv_id(url: str, expected: str | None, versioned: str | None) -> None:
    assert arxiv_id(url) == expected
    assert arxiv_id(url, version=True) == versioned


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        *((url, "https://arxiv.org/abs/" + url[22:32]) for url in SEED_ARXIV_PDFS),
        ("https://arxiv.org/abs/2306.11925", None),
        ("https://arxiv.org/abs/2306.11925v2", "https://arxiv.org/abs/2306.11925"),
        ("http://arxiv.org/abs/2306.11925", "https://arxiv.org/abs/2306.11925"),
        ("https://www.arxiv.org/abs/2306.11925", "https://arxiv.org/abs/2306.11925"),
        ("https://export.arxiv.org/abs/2306.11925", "https://arxiv.org/abs/2306.11925"),
        ("https://arxiv.org/abs/2306.11925/", "https://arxiv.org/abs/2306.11925"),
        ("https://arxiv.org/abs/2306.11925?context=cs", "https://arxiv.org/abs/2306.11925"),
        ("https://arxiv.org/html/2404.14619v2", "https://arxiv.org/abs/2404.14619"),
        ("https://arxiv.org/abs/hep-th/9901001", None),
        ("https://arxiv.org/pdf/hep-th/9901001v2", "https://arxiv.org/abs/hep-th/9901001"),
        ("arXiv:2306.11925", "https://arxiv.org/abs/2306.11925"),
        (SEED_OPENREVIEW, None),
        (SEED_GITHUB, None),
    ],
)
def test_arxiv_abs(url: str, expected: str | None) -> None:
    assert arxiv_abs(url) == expected


# --------------------------------------------------------------------------------------------
# DOI


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://doi.org/10.1145/3580305.3599504", "10.1145/3580305.3599504"),
        ("http://dx.doi.org/10.1038/nature14539", "10.1038/nature14539"),
        ("https://www.doi.org/10.1000/XYZ", "10.1000/XYZ"),
        ("doi:10.1000/ABC", "10.1000/ABC"),
        ("DOI:10.1000/abc", "10.1000/abc"),
        ("https://doi.org/10.1002/%28SICI%291097", "10.1002/(SICI)1097"),
        ("https://doi.org/10.1000/abc/", "10.1000/abc"),
        ("https://dl.acm.org/doi/10.1145/3139241", "10.1145/3139241"),
        ("https://dl.acm.org/doi/abs/10.1145/3056563", "10.1145/3056563"),
        ("https://dl.acm.org/doi/pdf/10.1145/3580305.3599288", "10.1145/3580305.3599288"),
        ("https://epubs.siam.org/doi/abs/10.1137/1.9781611974973.64", "10.1137/1.9781611974973.64"),
        (
            "https://link.springer.com/chapter/10.1007/978-3-030-73194-6_18",
            "10.1007/978-3-030-73194-6_18",
        ),
        (
            "https://link.springer.com/content/pdf/10.1007/s10115-023-01975-7.pdf",
            "10.1007/s10115-023-01975-7",
        ),
        ("https://www.nature.com/articles/s41586-021-03819-2.pdf", "10.1038/s41586-021-03819-2"),
        (
            "https://www.nature.com/articles/s41597-023-02585-2#ref-CR23",
            "10.1038/s41597-023-02585-2",
        ),
        ("https://doi.org/", None),
        ("https://doi.org/about", None),
        ("https://dl.acm.org/journal/tois", None),
        ("https://link.springer.com/book/series", None),
        ("https://example.org/doi/10.1000/x", None),
        ("doi: 10.1000/abc", None),
    ],
)
def test_doi(url: str, expected: str | None) -> None:
    assert doi(url) == expected


# --------------------------------------------------------------------------------------------
# Tracking parameters


@pytest.mark.parametrize(
    ("url", "names", "stripped"),
    [
        (
            SEED_IEEE,
            ["casa_token"],
            "https://ieeexplore.ieee.org/stamp/stamp.jsp?arnumber=9760421&tag=1",
        ),
        ("https://x.org/p?utm_source=a", ["utm_source"], "https://x.org/p"),
        ("https://x.org/p?utm_source=a#frag", ["utm_source"], "https://x.org/p#frag"),
        (
            "https://x.org/p?utm_source=a&utm_medium=b&utm_source=c",
            ["utm_source", "utm_medium"],
            "https://x.org/p",
        ),
        ("https://x.org/p?a=1&UTM_Campaign=x&b=%2F", ["UTM_Campaign"], "https://x.org/p?a=1&b=%2F"),
        ("https://x.org/p?fbclid=1&b=2&gclid=3", ["fbclid", "gclid"], "https://x.org/p?b=2"),
        (
            "https://x.org/p?z=1&a=2&mc_cid=3&mc_eid=4",
            ["mc_cid", "mc_eid"],
            "https://x.org/p?z=1&a=2",
        ),
        (
            "https://x.org/p?_hsenc=1&_hsmi=2&msclkid=3",
            ["_hsenc", "_hsmi", "msclkid"],
            "https://x.org/p",
        ),
        ("https://x.org/p?utm_source", ["utm_source"], "https://x.org/p"),
        ("https://x.org/p?a=1&&utm_source=x", ["utm_source"], "https://x.org/p?a=1&"),
        ("https://x.org/p?utm_source=x&", ["utm_source"], "https://x.org/p"),
        (
            "https://www.nature.com/articles/s41597-024-02911-2?_gl=1*16u2cf9*_up*MQ..&gclid=Cjw",
            ["_gl", "gclid"],
            "https://www.nature.com/articles/s41597-024-02911-2",
        ),
        (
            "https://x.substack.com/p/a?utm_source=email&utm_medium=email&open=false",
            ["utm_source", "utm_medium"],
            "https://x.substack.com/p/a?open=false",
        ),
        (
            "https://youtu.be/Ju_KgrGhANY?si=zUhZ1S6d&t=3502",
            ["si"],
            "https://youtu.be/Ju_KgrGhANY?t=3502",
        ),
        (
            "https://www.bilibili.com/video/BV1?spm_id_from=333&vd_source=ab",
            ["spm_id_from", "vd_source"],
            "https://www.bilibili.com/video/BV1",
        ),
        # Content-selecting parameters stay, and host-specific names stay on other hosts.
        ("https://www.youtube.com/watch?v=abc&t=30&list=PL1", [], None),
        ("https://openreview.net/forum?id=XZGklkaOsL", [], None),
        ("https://x.org/p?si=1&ref=main&source=a&tag=1&id=2", [], None),
        ("https://x.org/utm_source/p#utm_source=x", [], None),
        ("https://x.org/p", [], None),
        ("https://x.org/p?", [], None),
        ("", [], None),
    ],
)
def test_tracking(url: str, names: list[str], stripped: str | None) -> None:
    assert tracking_params(url) == names
    assert strip_tracking(url) == (url if stripped is None else stripped)


def test_tracking_params_set_leaves_content_parameters_alone() -> None:
    for name in ["id", "v", "t", "arnumber", "tag", "ref", "source", "q", "page", "list", "si"]:
        assert name not in TRACKING_PARAMS


# --------------------------------------------------------------------------------------------
# https


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://github.com/a/b", "https://github.com/a/b"),
        ("http://www.github.com/a/b?x=1#y", "https://www.github.com/a/b?x=1#y"),
        ("HTTP://arxiv.org/abs/1505.04597", "https://arxiv.org/abs/1505.04597"),
        (
            "http://openaccess.thecvf.com/content_ICCV_2019/papers/X_paper.pdf",
            "https://openaccess.thecvf.com/content_ICCV_2019/papers/X_paper.pdf",
        ),
        (
            "http://papers.nips.cc/paper/7315-metaanchor.pdf",
            "https://papers.nips.cc/paper/7315-metaanchor.pdf",
        ),
        ("http://someone.github.io/Project/%7Ex", "https://someone.github.io/Project/%7Ex"),
        ("http://proj.readthedocs.io/en/latest/", "https://proj.readthedocs.io/en/latest/"),
        (
            "http://www.sciencedirect.com/science/article/pii/S1",
            "https://www.sciencedirect.com/science/article/pii/S1",
        ),
        ("http://dx.doi.org/10.1038/nature14539", "https://dx.doi.org/10.1038/nature14539"),
        ("https://github.com/a/b", None),
        ("http://github.com:8080/a", None),
        ("http://example.com/a", None),
        ("http://github.com.evil.org/a", None),
        ("http://github.com/a b", None),
        ("ftp://github.com/a", None),
        ("github.com/a", None),
    ],
)
def test_upgrade_https(url: str, expected: str | None) -> None:
    assert upgrade_https(url) == expected


def test_upgrade_https_with_configured_hosts() -> None:
    hosts = HostPatterns(["example.com"])
    assert upgrade_https("http://example.com/a", hosts) == "https://example.com/a"
    assert upgrade_https("http://github.com/a", hosts) is None


# --------------------------------------------------------------------------------------------
# Abstract pages


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (SEED_CVF, SEED_CVF.replace("/papers/", "/html/").replace("_paper.pdf", "_paper.html")),
        (
            "http://openaccess.thecvf.com/content_CVPR_2019/papers/Cai_MaxpoolNMS_CVPR_2019_paper.pdf",
            "http://openaccess.thecvf.com/content_CVPR_2019/html/Cai_MaxpoolNMS_CVPR_2019_paper.html",
        ),
        (
            "https://openaccess.thecvf.com/content/CVPR2023W/ABAW/papers/X_Y_CVPRW_2023_paper.pdf",
            "https://openaccess.thecvf.com/content/CVPR2023W/ABAW/html/X_Y_CVPRW_2023_paper.html",
        ),
        ("https://openaccess.thecvf.com/content_cvpr_2018/CameraReady/0794.pdf", None),
        ("https://openaccess.thecvf.com/content/ICCV2023/supplemental/X_supp.pdf", None),
        ("https://openaccess.thecvf.com/content/ICCV2023/html/X_paper.html", None),
        ("https://openreview.net/pdf?id=84szxJZS1w", "https://openreview.net/forum?id=84szxJZS1w"),
        (
            "https://openreview.net/pdf?id=SJgEl3A5tm#page=2",
            "https://openreview.net/forum?id=SJgEl3A5tm",
        ),
        (SEED_OPENREVIEW, None),
        ("https://openreview.net/pdf?id=", None),
        ("https://openreview.net/pdf/0123abcd.pdf", None),
        (
            "https://aclanthology.org/2023.acl-long.1.pdf",
            "https://aclanthology.org/2023.acl-long.1/",
        ),
        (
            "https://aclanthology.org/2020.findings-emnlp.51.pdf",
            "https://aclanthology.org/2020.findings-emnlp.51/",
        ),
        ("https://aclanthology.org/N19-1423.pdf", "https://aclanthology.org/N19-1423/"),
        ("https://aclanthology.org/2022.naacl-main.167/", None),
        (SEED_IEEE, "https://ieeexplore.ieee.org/document/9760421"),
        (
            "https://ieeexplore.ieee.org/stamp/stamp.jsp?tp=&arnumber=8099589",
            "https://ieeexplore.ieee.org/document/8099589",
        ),
        ("https://ieeexplore.ieee.org/stamp/stamp.jsp?tp=", None),
        ("https://ieeexplore.ieee.org/document/9835653", None),
        (
            "https://proceedings.neurips.cc/paper/2019/file/093f65e080a295f8076b1c5722a46aa2-Paper.pdf",
            "https://proceedings.neurips.cc/paper/2019/hash/093f65e080a295f8076b1c5722a46aa2-Abstract.html",
        ),
        (
            "https://proceedings.neurips.cc/paper_files/paper/2023/file/5d1233f819202ade06023346df80a6d2-Paper-Conference.pdf",
            "https://proceedings.neurips.cc/paper_files/paper/2023/hash/5d1233f819202ade06023346df80a6d2-Abstract-Conference.html",
        ),
        (
            "https://papers.nips.cc/paper/2020/file/1457c0d6bfcb4967418bfb8ac142f64a-Paper.pdf",
            "https://papers.nips.cc/paper/2020/hash/1457c0d6bfcb4967418bfb8ac142f64a-Abstract.html",
        ),
        (
            "http://papers.nips.cc/paper/7315-metaanchor-learning-to-detect-objects-with-customized-anchors.pdf",
            "http://papers.nips.cc/paper/7315-metaanchor-learning-to-detect-objects-with-customized-anchors",
        ),
        (
            "https://proceedings.neurips.cc/paper_files/paper/2021/file/e234e195f3789f05483378c397db1cb5-Supplemental.pdf",
            None,
        ),
        (
            "https://proceedings.mlr.press/v162/song22a/song22a.pdf",
            "https://proceedings.mlr.press/v162/song22a.html",
        ),
        (
            "http://proceedings.mlr.press/v37/ioffe15.pdf",
            "http://proceedings.mlr.press/v37/ioffe15.html",
        ),
        ("https://proceedings.mlr.press/v37/ioffe15-supp.pdf", None),
        ("https://proceedings.mlr.press/v162/song22a/other.pdf", None),
        (
            "https://jmlr.org/papers/volume21/20-074/20-074.pdf",
            "https://jmlr.org/papers/v21/20-074.html",
        ),
        (
            "https://dl.acm.org/doi/pdf/10.1145/3580305.3599288",
            "https://dl.acm.org/doi/10.1145/3580305.3599288",
        ),
        ("https://dl.acm.org/doi/abs/10.1145/3056563", None),
        (
            "https://www.nature.com/articles/s41586-021-03819-2.pdf",
            "https://www.nature.com/articles/s41586-021-03819-2",
        ),
        (
            "https://www.biorxiv.org/content/10.1101/2020.03.04.975771v1.full.pdf",
            "https://www.biorxiv.org/content/10.1101/2020.03.04.975771v1",
        ),
        (
            "https://ojs.aaai.org/index.php/AAAI/article/view/16551/16358",
            "https://ojs.aaai.org/index.php/AAAI/article/view/16551",
        ),
        (
            "https://ojs.aaai.org/index.php/AAAI/article/download/16551/16358",
            "https://ojs.aaai.org/index.php/AAAI/article/view/16551",
        ),
        ("https://ojs.aaai.org/index.php/AAAI/article/view/16551", None),
        (
            "https://www.ijcai.org/proceedings/2022/0330.pdf",
            "https://www.ijcai.org/proceedings/2022/330",
        ),
        ("https://www.ijcai.org/proceedings/2020/398", None),
        # arXiv is arxiv_abs's business; other hosts and broken input have no mapping.
        (SEED_ARXIV_PDFS[0], None),
        ("https://example.org/papers/X_paper.pdf", None),
        ("/papers/X_paper.pdf", None),
        ("https://openreview.net/pdf?id=a b", None),
        ("", None),
    ],
)
def test_abstract_url(url: str, expected: str | None) -> None:
    assert abstract_url(url) == expected


# --------------------------------------------------------------------------------------------
# Duplicate keys


@pytest.mark.parametrize(
    ("urls", "key"),
    [
        (
            [
                "https://arxiv.org/abs/2306.11925",
                "http://arxiv.org/abs/2306.11925v2",
                "https://arxiv.org/pdf/2306.11925.pdf",
                "https://arxiv.org/pdf/2306.11925v3.pdf",
                "https://www.arxiv.org/html/2306.11925v1/",
                "http://export.arxiv.org/abs/2306.11925#S1",
                "https://doi.org/10.48550/arXiv.2306.11925",
                "arXiv:2306.11925",
            ],
            "arxiv:2306.11925",
        ),
        (
            ["https://arxiv.org/abs/cs.LG/0101001", "https://arxiv.org/pdf/cs/0101001v2"],
            "arxiv:cs/0101001",
        ),
        (
            [
                "https://doi.org/10.1038/Nature14539",
                "http://dx.doi.org/10.1038/nature14539",
                "doi:10.1038/NATURE14539",
                "https://www.nature.com/articles/nature14539",
                "https://www.nature.com/articles/nature14539.pdf",
            ],
            "doi:10.1038/nature14539",
        ),
        (
            [
                "https://dl.acm.org/doi/10.1145/3580305.3599288",
                "https://dl.acm.org/doi/pdf/10.1145/3580305.3599288",
                "https://doi.org/10.1145/3580305.3599288",
            ],
            "doi:10.1145/3580305.3599288",
        ),
        (
            [
                "https://github.com/gefend/LIMITR",
                "http://www.github.com/gefend/LIMITR/",
                "https://github.com/gefend/limitr.git",
                "https://GitHub.com:443/Gefend/LIMITR#readme",
                "https://github.com/gefend/LIMITR?utm_source=x",
            ],
            "github.com/gefend/limitr",
        ),
        (
            [
                "https://github.com/a/b/blob/main/README.md",
                "https://github.com/A/B/blob/main/README.md",
            ],
            "github.com/a/b/blob/main/README.md",
        ),
        (["https://gitlab.com/g/r.git", "https://gitlab.com/g/r"], "gitlab.com/g/r"),
        (["https://example.org:8443/x", "http://www.example.org:8443/x/"], "example.org:8443/x"),
        (["http://example.org:80/x", "https://example.org/x"], "example.org/x"),
        (
            [SEED_IEEE, "https://ieeexplore.ieee.org/stamp/stamp.jsp?arnumber=9760421&tag=1"],
            "ieeexplore.ieee.org/stamp/stamp.jsp?arnumber=9760421&tag=1",
        ),
        (["https://www.synapse.org/#!Synapse:syn25313156"], "synapse.org#!Synapse:syn25313156"),
        (["./docs/a.md"], "./docs/a.md"),
        (["mailto:a@b.org"], "mailto:a@b.org"),
    ],
)
def test_canonical_key(urls: list[str], key: str) -> None:
    assert {canonical_key(url) for url in urls} == {key}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://github.com/a/b", "https://github.com/a/c"),
        ("https://github.com/a/b", "https://github.com/a/b/tree/dev"),
        ("https://github.com/a/b.github.io", "https://github.com/a/b"),
        ("https://example.org/Path", "https://example.org/path"),
        ("https://example.org/x?a=1&b=2", "https://example.org/x?b=2&a=1"),
        ("https://example.org/x?id=1", "https://example.org/x?id=2"),
        ("https://example.org:8080/x", "https://example.org/x"),
        ("https://www.youtube.com/watch?v=a", "https://www.youtube.com/watch?v=b"),
        ("https://arxiv.org/abs/2306.11925", "https://arxiv.org/abs/2306.11926"),
        ("https://doi.org/10.1000/a", "https://doi.org/10.1000/b"),
        ("https://www.synapse.org/#!Synapse:syn1", "https://www.synapse.org/#!Synapse:syn2"),
        ("https://star-history.com/#a/b&Date", "https://star-history.com/#c/d&Date"),
        ("https://example.com/x.git", "https://example.com/x"),
    ],
)
def test_canonical_key_keeps_different_things_apart(a: str, b: str) -> None:
    assert canonical_key(a) != canonical_key(b)


# --------------------------------------------------------------------------------------------
# Syntax


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://github.com/a/b", True),
        ("HTTP://EXAMPLE.ORG", True),
        ("ftp://ftp.example.org/file", True),
        ("mailto:someone@example.org", True),
        ("mailto:", False),
        ("//example.org/x", False),
        ("./README.md", False),
        ("/content/HelloGitHub100.md", False),
        ("#anchor", False),
        ("github.com/ray-project/ray", False),
        ("https:/example.org", False),
        ("https://", False),
        ("http://[oops", False),
        ("", False),
    ],
)
def test_is_absolute(url: str, expected: bool) -> None:
    assert is_absolute(url) is expected


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("", "empty URL"),
        ("   ", "empty URL"),
        ("https://example.org/a b", "contains whitespace"),
        ("https://example.org/a\tb", "contains whitespace"),
        ("https://example.org/a\u00a0b", "contains whitespace"),
        ("htps://example.org", "scheme typo 'htps' (expected http or https)"),
        ("htp://example.org", "scheme typo 'htp' (expected http or https)"),
        ("htttps://example.org", "scheme typo 'htttps' (expected http or https)"),
        ("hhtps://example.org", "scheme typo 'hhtps' (expected http or https)"),
        ("ttps://example.org", "scheme typo 'ttps' (expected http or https)"),
        ("hxxps://example.org", "scheme typo 'hxxps' (expected http or https)"),
        ("htps//example.org", "scheme typo 'htps' (expected http or https)"),
        ("http//example.org", "missing ':' after the scheme"),
        ("https//example.org", "missing ':' after the scheme"),
        ("https:/example.org", "missing '/' after the scheme"),
        ("https:example.org", "missing '//' after the scheme"),
        ("https:///example.org", "too many slashes after the scheme"),
        ("http:\\\\example.org", "backslash instead of slash after the scheme"),
        ("https:/\\example.org", "backslash instead of slash after the scheme"),
        ("https;//example.org", "';' instead of ':' after the scheme"),
        ("https:://example.org", "malformed scheme separator"),
        ("https://", "missing host"),
        ("https://?q=1", "missing host"),
        ("https://:8080/x", "missing host"),
        ("https://user@/x", "missing host"),
        ("ftp://", "missing host"),
        ("ftp:/x", "missing host"),
        ("https://https://example.org", "scheme repeated"),
        ("http://http//example.org", "scheme repeated"),
        ("https://exa,mple.org/", "invalid character ',' in host"),
        ("https://example.org\\x", "invalid character '\\\\' in host"),
        ("https://exa<mple.org", "invalid character '<' in host"),
        ("https://example..org", "empty label in host"),
        ("https://.example.org", "empty label in host"),
        ("https://example.org:80a/", "invalid port"),
        ("https://example.org:99999/", "invalid port"),
        ("https://[::1/", "invalid IPv6 address"),
        ("https://[::1]x/", "invalid character after IPv6 address"),
        ("mailto:", "missing address after mailto:"),
        ("github.com/ray-project/ray", "missing scheme (https://)"),
        ("www.postman.com/filestack-wolfpack/filestack/overview", "missing scheme (https://)"),
        ("arxiv.org/abs/2306.11925", "missing scheme (https://)"),
    ],
)
def test_malformed(url: str, reason: str) -> None:
    assert malformed_reason(url) == reason


@pytest.mark.parametrize(
    "url",
    [
        SEED_IEEE,
        SEED_CVF,
        SEED_OPENREVIEW,
        SEED_GITHUB,
        *SEED_ARXIV_PDFS,
        "https://arxiv.org/abs//2306.08707",
        "https://www.synapse.org/#!Synapse:syn26707219/wiki/615178",
        "https://huggingface.co/LLM360/Amber#%F0%9F%9F%A0-model-description",
        "https://www.nature.com/articles/s41597-024-02911-2?_gl=1*16u2cf9*_up*MQ..&gclid=Cjw",
        "https://例え.jp/パス",
        "https://xn--r8jz45g.jp/",
        "https://user:pw@example.org:8080/x",
        "https://[2001:db8::1]:8443/x",
        "https://localhost:8000/",
        "https://example.org./",
        "https://my_host.example.org/",
        "HTTPS://EXAMPLE.ORG",
        "//cdn.example.org/x.js",
        "mailto:someone@example.org",
        "tel:+1-555-0100",
        "javascript:void(0)",
        "data:image/png;base64,AAAA",
        "doi:10.1000/x",
        "arXiv:2306.11925",
        "ftp://ftp.example.org/pub",
        "#anchor",
        "#java-中的正则表达式",
        "./resources/M&Ms.md",
        "../README.md#chatllm",
        "/content/HelloGitHub100.md",
        "docs/base-llm.md",
        "README.md",
        "http/README.md",
        "https.md",
        "N/A",
        "C:\\docs\\file.md",
    ],
)
def test_not_malformed(url: str) -> None:
    assert malformed_reason(url) is None


_LINK = re.compile(r"\]\(([^)]*)\)")
_CORPUS = Path("/work/shared")
# What the corpus really gets wrong; everything else in it must pass.
_CORPUS_MALFORMED = {
    "": "empty URL",
    "github.com/ray-project/ray": "missing scheme (https://)",
    "www.postman.com/filestack-wolfpack/filestack/overview?sideView=agentMode": (
        "missing scheme (https://)"
    ),
}


def _corpus_urls() -> list[str]:
    files = [*sorted(_CORPUS.glob("corpus/*.md")), _CORPUS / "seed-README.md"]
    found: set[str] = set()
    for path in files:
        if path.exists():
            for destination in _LINK.findall(path.read_text(encoding="utf-8")):
                # What a Markdown parser would hand over: no padding, no link title.
                found.add(destination.strip().split(' "')[0])
    return sorted(found)


@pytest.mark.skipif(not (_CORPUS / "corpus").is_dir(), reason="the shared corpus is not here")
def test_corpus_urls_are_not_reported_malformed() -> None:
    urls = _corpus_urls()
    assert len(urls) > 5000
    flagged = {url: malformed_reason(url) for url in urls if malformed_reason(url) is not None}
    assert flagged == _CORPUS_MALFORMED
    for url in urls:
        if url.startswith(("http://", "https://")) and " " not in url:
            assert is_absolute(url), url
            assert strip_tracking(strip_tracking(url)) == strip_tracking(url)
            assert canonical_key(url) == canonical_key(url.replace("http://", "https://", 1))


# --------------------------------------------------------------------------------------------
# Long adversarial input: correct answers, in linear time (a backtracking regex would hang).


@pytest.mark.parametrize("char", ["/", "?", "&", "%", ".", ":", "#", "@", "[", "a", "="])
@pytest.mark.parametrize(
    "prefix",
    [
        "",
        "https://",
        "https://example.org/",
        "https://arxiv.org/abs/",
        "https://openaccess.thecvf.com/content/",
        "https://ieeexplore.ieee.org/stamp/stamp.jsp?",
        "https://proceedings.neurips.cc/paper/2019/file/",
        "https://doi.org/10.1000/",
        "http:",
        "htps:",
    ],
)
def test_long_input_is_total(prefix: str, char: str) -> None:
    url = prefix + char * LONG
    assert arxiv_id(url) is None
    assert arxiv_abs(url) is None
    assert abstract_url(url) is None
    assert tracking_params(url) == []
    assert strip_tracking(url) == url
    assert upgrade_https(url) is None
    assert isinstance(canonical_key(url), str)
    assert isinstance(is_absolute(url), bool)
    reason = malformed_reason(url)
    assert reason is None or isinstance(reason, str)
    assert host(url) is None or len(host(url) or "") <= LONG


def test_long_input_answers() -> None:
    slashes = "https://example.org" + "/" * LONG
    assert malformed_reason(slashes) is None
    assert canonical_key(slashes) == "example.org"
    assert malformed_reason("https:" + "/" * LONG) == "too many slashes after the scheme"
    assert malformed_reason("https://" + "." * LONG) == "empty label in host"
    assert malformed_reason("https://" + "a" * LONG + ".org") is None
    assert malformed_reason("https://x.org/" + "%" * LONG) is None
    assert malformed_reason("https://x.org/?" + "&" * LONG) is None
    assert malformed_reason("a" * LONG + "://x.org") is None
    assert malformed_reason("http" + ":" * LONG) == "malformed scheme separator"
    assert host("https://" + "a." * (LONG // 2) + "org/") == "a." * (LONG // 2) + "org"

    params = "&".join(["a=1", "utm_source=x"] * (LONG // 16))
    url = "https://x.org/p?" + params
    assert tracking_params(url) == ["utm_source"]
    assert strip_tracking(url) == "https://x.org/p?" + "&".join(["a=1"] * (LONG // 16))

    assert arxiv_id("https://arxiv.org/abs/" + "/" * LONG + "2306.11925") == "2306.11925"
    assert arxiv_id("https://arxiv.org/abs/2306.11925" + "/" * LONG) == "2306.11925"
    assert arxiv_id("https://arxiv.org/abs/" + "1" * LONG) is None

    deep = "https://openaccess.thecvf.com/" + "a/" * (LONG // 2) + "papers/X_paper.pdf"
    assert abstract_url(deep) == deep.replace("/papers/X_paper.pdf", "/html/X_paper.html")
    ieee = "https://ieeexplore.ieee.org/stamp/stamp.jsp?" + "&" * LONG + "arnumber=1"
    assert abstract_url(ieee) == "https://ieeexplore.ieee.org/document/1"
    assert abstract_url("https://proceedings.mlr.press/v1/" + "a" * LONG + ".pdf") == (
        "https://proceedings.mlr.press/v1/" + "a" * LONG + ".html"
    )
    assert abstract_url("https://jmlr.org/papers/volume1/" + "a" * LONG + "/b.pdf") is None


# --------------------------------------------------------------------------------------------
# Properties

_label = st.from_regex(r"[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?", fullmatch=True)
_hostnames = st.lists(_label, min_size=1, max_size=3).map(lambda labels: ".".join([*labels, "org"]))
_segment = st.text(alphabet="abcXYZ019-._~%!$'()*+,;=:@", min_size=1, max_size=8)
_paths = st.lists(_segment, max_size=4).map(lambda segments: "".join("/" + s for s in segments))
_names = st.sampled_from(
    [
        "id",
        "v",
        "t",
        "q",
        "arnumber",
        "tag",
        "ref",
        "page",
        "a",
        "B",
        "utm_source",
        "UTM_Medium",
        "utm_x",
        "fbclid",
        "gclid",
        "casa_token",
        "mc_eid",
        "_gl",
        "spm",
    ]
)
_values = st.text(alphabet="abcXYZ019-._~%!$'()*+,;:@/?", max_size=8)
_params = st.tuples(_names, st.booleans(), _values).map(
    lambda p: p[0] + ("=" + p[2] if p[1] else "")
)
_queries = st.none() | st.lists(_params, max_size=5).map("&".join)
_fragments = st.none() | st.text(alphabet="abc-_019%", max_size=8)


@st.composite
def _urls(draw: st.DrawFn) -> str:
    url = draw(st.sampled_from(["http://", "https://"])) + draw(st.sampled_from(["", "www."]))
    url += draw(_hostnames) + draw(_paths)
    query = draw(_queries)
    if query is not None:
        url += "?" + query
    fragment = draw(_fragments)
    if fragment is not None:
        url += "#" + fragment
    return url


@given(_urls())
def test_strip_tracking_properties(url: str) -> None:
    stripped = strip_tracking(url)
    assert strip_tracking(stripped) == stripped
    assert tracking_params(stripped) == []
    if not tracking_params(url):
        assert stripped == url
    else:
        assert len(stripped) < len(url)
    # Whatever is not a tracking parameter survives byte for byte, in order.
    kept = [p for p in url.partition("#")[0].partition("?")[2].split("&") if p]
    kept = [p for p in kept if p.partition("=")[0] not in tracking_params(url)]
    assert [p for p in stripped.partition("#")[0].partition("?")[2].split("&") if p] == kept
    assert stripped.partition("#")[0].partition("?")[0] == url.partition("#")[0].partition("?")[0]
    assert stripped.partition("#")[1:] == url.partition("#")[1:]
    assert malformed_reason(stripped) is None


@given(_urls())
def test_canonical_key_ignores_scheme_and_www(url: str) -> None:
    rest = url.partition("://")[2]
    bare = rest.removeprefix("www.")
    variants = [f"{s}://{w}{bare}" for s in ("http", "https") for w in ("", "www.")]
    assert {canonical_key(variant) for variant in variants} == {canonical_key(url)}
    assert canonical_key(url) == canonical_key(strip_tracking(url))
    if "?" not in url and "#" not in url:
        assert canonical_key(url + "/") == canonical_key(url)


@given(_urls())
def test_well_formed_urls(url: str) -> None:
    assert malformed_reason(url) is None
    assert is_absolute(url)
    assert host(url) == url.partition("://")[2].split("/")[0].split("?")[0].split("#")[0]


@given(_urls())
def test_upgrade_https_changes_only_the_scheme(url: str) -> None:
    hosts = HostPatterns(["*.org"])
    upgraded = upgrade_https(url, hosts)
    if url.startswith("http://"):
        assert upgraded == "https://" + url[len("http://") :]
    else:
        assert upgraded is None


@given(
    st.from_regex(r"\d\d(0[1-9]|1[0-2])\.\d{4,5}", fullmatch=True),
    st.sampled_from(["", "v1", "v12"]),
    st.sampled_from(
        [
            "https://arxiv.org/abs/{}",
            "http://arxiv.org/abs/{}",
            "https://www.arxiv.org/pdf/{}",
            "https://arxiv.org/pdf/{}.pdf",
            "http://export.arxiv.org/abs/{}/",
            "https://arxiv.org/html/{}#S2",
            "https://arxiv.org/abs/{}?context=cs",
        ]
    ),
)
def test_arxiv_forms(ident: str, version: str, form: str) -> None:
    url = form.format(ident + version)
    assert arxiv_id(url) == ident
    assert arxiv_id(url, version=True) == ident + version
    assert canonical_key(url) == "arxiv:" + ident
    canonical = "https://arxiv.org/abs/" + ident
    assert arxiv_abs(url) == (None if url == canonical else canonical)
    assert arxiv_abs(canonical) is None


@given(st.text(max_size=200))
def test_every_function_is_total(text: str) -> None:
    host(text)
    bare_host(text)
    arxiv_id(text)
    arxiv_abs(text)
    doi(text)
    tracking_params(text)
    assert strip_tracking(strip_tracking(text)) == strip_tracking(text)
    upgrade_https(text)
    abstract_url(text)
    canonical_key(text)
    is_absolute(text)
    malformed_reason(text)


# --------------------------------------------------------------------------------------------
# Fast paths: the common shape of URL is read by one regular expression; the general path
# (urllib.parse.urlsplit, the full syntax check) stays the reference.

_messy = st.text(alphabet="hHtTpPsS:/\\.?#aZ09-_@[]%: \t\n\r\x00\x0büé&=;", max_size=16)
_fast_path_urls = (
    _urls()
    | st.tuples(st.sampled_from(["http://", "https://", "HTTPS://", "hTtP://", ""]), _messy).map(
        "".join
    )
    | st.sampled_from(
        [
            "https://http/x",
            "https://HTTPS/x",
            "https://http?x",
            "https://.org/",
            "https://a..org/",
            "https://a.org./x",
            "https://a.org:443/x",
            "https://user@a.org/x",
            "https://a.org/x y",
            "https://a.org/\u00a0",
            "https://a.org/#?x",
            "https://[::1]/",
        ]
    )
)


@given(_fast_path_urls)
def test_parse_fast_path_is_urlsplit(url: str) -> None:
    from awesome_lint.urls.parse import parse_any, parse_url

    parse_url.cache_clear()
    fast, general = parse_url(url), parse_any(url)
    assert (fast is None) == (general is None)
    if fast is not None and general is not None:
        assert fast[:3] == general[:3]  # scheme, path, host
        try:
            port = general.port
        except ValueError:
            with pytest.raises(ValueError):
                fast.port  # noqa: B018
        else:
            assert fast.port == port


@given(_fast_path_urls)
def test_malformed_fast_path_is_the_full_check(url: str) -> None:
    from awesome_lint.urls.syntax import _malformed

    assert malformed_reason(url) == _malformed(url)


def test_bad_host_characters_are_the_ascii_outside_letters_digits_and_marks() -> None:
    from awesome_lint.urls.syntax import _BAD_HOST_CHAR

    allowed = re.compile(r"[A-Za-z0-9._~%\-]")
    for code in range(0x80):
        assert bool(_BAD_HOST_CHAR.match(chr(code))) != bool(allowed.match(chr(code)))
    assert _BAD_HOST_CHAR.search("\x80ü\u3000\ud800\U0010ffff") is None
