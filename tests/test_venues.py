from __future__ import annotations

import itertools

import pytest

from awesome_lint import venues
from awesome_lint.venues import (
    DEFAULT_VENUES,
    DEFAULT_VOCABULARY,
    KINDS,
    QUALIFIERS,
    STYLES,
    Mention,
    Style,
    Venue,
    Vocabulary,
    canonical,
    format_venue,
    majority_style,
    parse,
    suggest,
)

# text -> (name as written, canonical, year, style, qualifier, extra)
PARSE_CASES: list[
    tuple[str, tuple[str, str | None, int | None, str | None, str | None, str | None]]
] = [
    ("ICCV 2023", ("ICCV", "ICCV", 2023, "VENUE YYYY", None, None)),
    ("ICCV2023", ("ICCV", "ICCV", 2023, "VENUEYYYY", None, None)),
    ("ICCV'23", ("ICCV", "ICCV", 2023, "VENUE'YY", None, None)),
    ("ICCV\u201923", ("ICCV", "ICCV", 2023, "VENUE'YY", None, None)),
    ("ICCV`23", ("ICCV", "ICCV", 2023, "VENUE'YY", None, None)),
    ("ICCV '23", ("ICCV", "ICCV", 2023, "VENUE 'YY", None, None)),
    ("ICCV'2023", ("ICCV", "ICCV", 2023, "VENUE'YYYY", None, None)),
    ("ICCV' 23", ("ICCV", "ICCV", 2023, None, None, None)),
    ("ICCV 23", ("ICCV", "ICCV", 2023, None, None, None)),
    ("ICCV23", ("ICCV", "ICCV", 2023, None, None, None)),
    ("AAAI' 19", ("AAAI", "AAAI", 2019, None, None, None)),
    ("arXiv(2023)", ("arXiv", "arXiv", 2023, "VENUE(YYYY)", None, None)),
    ("arXiv (2023)", ("arXiv", "arXiv", 2023, "VENUE (YYYY)", None, None)),
    ("TMI(2022)", ("TMI", "TMI", 2022, "VENUE(YYYY)", None, None)),
    ("CVPR, 2023", ("CVPR", "CVPR", 2023, "VENUE, YYYY", None, None)),
    ("CVPR,2018", ("CVPR", "CVPR", 2018, None, None, None)),
    ("Arxiv, 2026", ("Arxiv", "arXiv", 2026, "VENUE, YYYY", None, None)),
    ("ICLR'24 OpenReview", ("ICLR", "ICLR", 2024, "VENUE'YY", None, "OpenReview")),
    ("ICCV'23 PDF", ("ICCV", "ICCV", 2023, "VENUE'YY", None, "PDF")),
    ("arXiv 2023 paper", ("arXiv", "arXiv", 2023, "VENUE YYYY", None, "paper")),
    ("NIPS 2019", ("NIPS", "NeurIPS", 2019, "VENUE YYYY", None, None)),
    ("Neurips'23", ("Neurips", "NeurIPS", 2023, "VENUE'YY", None, None)),
    ("NeurIPS'23 (Oral)", ("NeurIPS", "NeurIPS", 2023, "VENUE'YY", "Oral", None)),
    ("NeurIPS'23 Oral", ("NeurIPS", "NeurIPS", 2023, "VENUE'YY", "Oral", None)),
    ("NeurIPS 2023 [spotlight]", ("NeurIPS", "NeurIPS", 2023, "VENUE YYYY", "Spotlight", None)),
    ("ICLR 2024, Poster", ("ICLR", "ICLR", 2024, "VENUE YYYY", "Poster", None)),
    ("CVPR 2023 Highlight", ("CVPR", "CVPR", 2023, "VENUE YYYY", "Highlight", None)),
    ("CVPR 2023 Best Paper Award", ("CVPR", "CVPR", 2023, "VENUE YYYY", "Best Paper", None)),
    (
        "NeurIPS 2023 Datasets and Benchmarks Track",
        ("NeurIPS", "NeurIPS", 2023, "VENUE YYYY", "Datasets and Benchmarks", None),
    ),
    ("ICLR'24 Oral OpenReview", ("ICLR", "ICLR", 2024, "VENUE'YY", "Oral", "OpenReview")),
    ("ICLR'24 OpenReview (Oral)", ("ICLR", "ICLR", 2024, "VENUE'YY", "Oral", "OpenReview")),
    ("CVPR 2023 Workshop", ("CVPR", "CVPR", 2023, "VENUE YYYY", "Workshop", None)),
    ("CVPR Workshop 2023", ("CVPR", "CVPR", 2023, "VENUE YYYY", "Workshop", None)),
    ("CVPRW'23", ("CVPRW", "CVPRW", 2023, "VENUE'YY", None, None)),
    ("CVPRW, 2023", ("CVPRW", "CVPRW", 2023, "VENUE, YYYY", None, None)),
    ("Findings of EMNLP 2023", ("EMNLP", "EMNLP", 2023, "VENUE YYYY", "Findings", None)),
    ("Findings of the ACL 2023", ("ACL", "ACL", 2023, "VENUE YYYY", "Findings", None)),
    (
        "Findings of the Association for Computational Linguistics: EMNLP 2023",
        ("EMNLP", "EMNLP", 2023, "VENUE YYYY", "Findings", None),
    ),
    ("ACL'23 Findings", ("ACL", "ACL", 2023, "VENUE'YY", "Findings", None)),
    ("ACL Findings 2023", ("ACL", "ACL", 2023, "VENUE YYYY", "Findings", None)),
    ("IEEE TMI 2022", ("IEEE TMI", "TMI", 2022, "VENUE YYYY", None, None)),
    ("T-MI 2022", ("T-MI", "TMI", 2022, "VENUE YYYY", None, None)),
    ("MedIA'20", ("MedIA", "MedIA", 2020, "VENUE'YY", None, None)),
    (
        "Medical Image Analysis 2020",
        ("Medical Image Analysis", "MedIA", 2020, "VENUE YYYY", None, None),
    ),
    ("T-PAMI'16", ("T-PAMI", "TPAMI", 2016, "VENUE'YY", None, None)),
    ("Proceedings of CVPR 2023", ("Proceedings of CVPR", "CVPR", 2023, "VENUE YYYY", None, None)),
    (
        "IEEE Trans. Artif. Intell. 2022",
        ("IEEE Trans. Artif. Intell.", "TAI", 2022, "VENUE YYYY", None, None),
    ),
    ("ECML-PKDD 2022", ("ECML-PKDD", "ECML PKDD", 2022, "VENUE YYYY", None, None)),
    ("EMNLP-IJCNLP 2019", ("EMNLP-IJCNLP", "EMNLP", 2019, "VENUE YYYY", None, None)),
    ("SIGGRAPH Asia 2023", ("SIGGRAPH Asia", "SIGGRAPH Asia", 2023, "VENUE YYYY", None, None)),
    ("3DV 2024", ("3DV", "3DV", 2024, "VENUE YYYY", None, None)),
    ("ML4H 2023", ("ML4H", "ML4H", 2023, "VENUE YYYY", None, None)),
    ("NIPS'98", ("NIPS", "NeurIPS", 1998, "VENUE'YY", None, None)),
    ("ICML'69", ("ICML", "ICML", 2069, "VENUE'YY", None, None)),
    ("ICML'70", ("ICML", "ICML", 1970, "VENUE'YY", None, None)),
    ("  ICCV\u00a0 2023  ", ("ICCV", "ICCV", 2023, "VENUE YYYY", None, None)),
    ("ICCV 2023.", ("ICCV", "ICCV", 2023, "VENUE YYYY", None, None)),
    # the name alone
    ("CVPR", ("CVPR", "CVPR", None, None, None, None)),
    ("Nature Medicine", ("Nature Medicine", "Nature Medicine", None, None, None, None)),
    ("Nat Med", ("Nat Med", "Nature Medicine", None, None, None, None)),
    ("npjDM", ("npjDM", "npj Digital Medicine", None, None, None, None)),
    ("CVPR Workshop", ("CVPR", "CVPR", None, None, "Workshop", None)),
    ("NeurIPS (Spotlight)", ("NeurIPS", "NeurIPS", None, None, "Spotlight", None)),
    ("Findings of EMNLP", ("EMNLP", "EMNLP", None, None, "Findings", None)),
    # unknown venues need a year
    ("FooConf'23", ("FooConf", None, 2023, "VENUE'YY", None, None)),
    ("WACW, 2023", ("WACW", None, 2023, "VENUE, YYYY", None, None)),
    ("DASFAB 2021 Oral", ("DASFAB", None, 2021, "VENUE YYYY", "Oral", None)),
    ("Foo Workshop 2021", ("Foo", None, 2021, "VENUE YYYY", "Workshop", None)),
]

SEED_MENTIONS = [
    ("ICLR'24 OpenReview", "ICLR", 2024, "OpenReview"),
    ("NeurIPS'23", "NeurIPS", 2023, None),
    ("arXiv(2023)", "arXiv", 2023, None),
    ("ICCV'23", "ICCV", 2023, None),
    ("MICCAI'22", "MICCAI", 2022, None),
    ("TMI(2022)", "TMI", 2022, None),
]

NOT_MENTIONS = [
    "",
    "   ",
    "-",
    "N/A",
    "Link",
    "link",
    "PDF",
    "Paper",
    "TBD",
    "FooConf",
    "2023",
    "'23",
    "(2023)",
    "Oral",
    "Oral 2023",
    "Dec., 2023",
    "May 2023",
    "Sept. 2021",
    "Released 2023",
    "RWKV 5",
    "Mistral 7B",
    "Foo 23",
    "Foo23",
    "https://arxiv.org/pdf/2306.11925.pdf",
    "https://openaccess.thecvf.com/content/ICCV2023/papers/Wu_MedKLIP_ICCV_2023_paper.pdf",
    "arxiv.org/abs/2023.12345",
    "CVPR 2023 & ICCV 2023",
    "CVPR 2023, ICCV'23",
    "ICCV'23 with a long sentence after the year that goes on and on",
    "Nature is a journal",
    "CVPR Workshop on Something",
    "Scaling Laws 2020: the paper",
    # titles from the seed list
    "Unified Medical Image Pre-training in Language-Guided Common Semantic Space",
    "LVM-Med: Learning Large-Scale Self-Supervised Vision Models for Medical Imaging via "
    "Second-order Graph Matching",
    "SAMv2: A Unified Framework for Learning Appearance, Semantic and Cross-Modality "
    "Anatomical Embeddings",
    "MedKLIP: Medical Knowledge Enhanced Language-Image Pre-Training for X-ray Diagnosis",
    "LIMITR: Leveraging Local Information for Medical Image-Text Representation",
    "Anatomical Invariance Modeling and Semantic Alignment for Self-supervised Learning in 3D "
    "Medical Image Analysis",
    "PRIOR: Prototype Representation Joint Learning from Medical Images and Reports",
    "Towards Unifying Medical Vision-and-Language Pre-training via Soft Prompts",
    "MRM: Masked Relation Modeling for Medical Image Pre-Training with Genetics",
    "Multi-Modal Masked Autoencoders for Medical Vision-and-Language Pre-Training",
    "SAM: Self-Supervised Learning of Pixel-Wise Anatomical Embeddings in Radiological Images",
    "CT, X-Ray, Text",
]


@pytest.mark.parametrize(("text", "expected"), PARSE_CASES)
def test_parse(
    text: str,
    expected: tuple[str, str | None, int | None, str | None, str | None, str | None],
) -> None:
    mention = parse(text)
    assert mention is not None
    got = (
        mention.name,
        mention.canonical,
        mention.year,
        mention.style,
        mention.qualifier,
        mention.extra,
    )
    assert got == expected
    assert mention.text == text.strip()


@pytest.mark.parametrize(("text", "venue", "year", "extra"), SEED_MENTIONS)
def test_seed_mentions(text: str, venue: str, year: int, extra: str | None) -> None:
    assert parse(text) == Mention(
        text, venue, venue, year, "VENUE'YY" if "'" in text else "VENUE(YYYY)", None, extra
    )


@pytest.mark.parametrize("text", NOT_MENTIONS)
def test_not_a_mention(text: str) -> None:
    assert parse(text) is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("NeurIPS", "NeurIPS"),
        ("NIPS", "NeurIPS"),
        ("Neurips", "NeurIPS"),
        ("NeurIps", "NeurIPS"),
        ("neurips", "NeurIPS"),
        ("TPAMI", "TPAMI"),
        ("T-PAMI", "TPAMI"),
        ("PAMI", "TPAMI"),
        ("IEEE TPAMI", "TPAMI"),
        ("IEEE Transactions on Pattern Analysis and Machine Intelligence", "TPAMI"),
        ("IEEE TMI", "TMI"),
        ("T-MI", "TMI"),
        ("Medical Image Analysis", "MedIA"),
        ("Media", "MedIA"),
        ("MIA", "MedIA"),
        ("ArXiv", "arXiv"),
        ("arxiv", "arXiv"),
        ("Arxiv", "arXiv"),
        ("CoRR", "arXiv"),
        ("Nat. Med.", "Nature Medicine"),
        ("Nat Commun", "Nature Communications"),
        ("The Lancet Digital Health", "Lancet Digital Health"),
        ("NPJ Digital Medicine", "npj Digital Medicine"),
        ("ACM MM", "ACM MM"),
        ("MM", "ACM MM"),
        ("SIGKDD", "KDD"),
        ("The Web Conference", "WWW"),
        ("NAACL-HLT", "NAACL"),
        ("ieee/cvf conference on computer vision and pattern recognition", "CVPR"),
        ("INTERSPEECH", "Interspeech"),
        ("Iscience", "iScience"),
        ("FooConf", None),
        ("", None),
    ],
)
def test_canonical(name: str, expected: str | None) -> None:
    assert canonical(name) == expected


@pytest.mark.parametrize(
    ("text", "is_alias"),
    [
        ("NeurIPS 2023", False),
        ("NIPS 2019", True),
        ("neurips 2023", True),
        ("IEEE TMI 2022", True),
        ("MedIA'20", False),
        ("FooConf'23", False),
    ],
)
def test_is_alias(text: str, is_alias: bool) -> None:
    mention = parse(text)
    assert mention is not None
    assert mention.is_alias is is_alias


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("NeurIPS", "conference"),
        ("TMLR", "journal"),
        ("CVPRW", "workshop"),
        ("arXiv", "preprint"),
        ("medRxiv", "preprint"),
        ("Nature", "journal"),
    ],
)
def test_kinds(name: str, kind: str) -> None:
    venue = DEFAULT_VOCABULARY.get(name)
    assert venue is not None
    assert venue.kind == kind


@pytest.mark.parametrize(
    ("name", "year", "style", "qualifier", "expected"),
    [
        ("ICCV", 2023, "VENUE'YY", None, "ICCV'23"),
        ("ICCV", 2023, "VENUE 'YY", None, "ICCV '23"),
        ("ICCV", 2023, "VENUE'YYYY", None, "ICCV'2023"),
        ("ICCV", 2023, "VENUE YYYY", None, "ICCV 2023"),
        ("ICCV", 2023, "VENUEYYYY", None, "ICCV2023"),
        ("ICCV", 2023, "VENUE(YYYY)", None, "ICCV(2023)"),
        ("ICCV", 2023, "VENUE (YYYY)", None, "ICCV (2023)"),
        ("ICCV", 2023, "VENUE, YYYY", None, "ICCV, 2023"),
        ("NeurIPS", 2023, "VENUE'YY", "Oral", "NeurIPS'23 Oral"),
        ("EMNLP", 2023, "VENUE YYYY", "Findings", "EMNLP 2023 Findings"),
        ("NeurIPS", 2005, "VENUE'YY", None, "NeurIPS'05"),
        ("CVPR", None, "VENUE'YY", None, "CVPR"),
        ("CVPR", None, "VENUE YYYY", "Workshop", "CVPR Workshop"),
    ],
)
def test_format_venue(
    name: str, year: int | None, style: Style, qualifier: str | None, expected: str
) -> None:
    assert format_venue(name, year, style, qualifier) == expected


def test_format_venue_rejects_unknown_style() -> None:
    with pytest.raises(ValueError, match="unknown venue style"):
        format_venue("ICCV", 2023, "YYYY VENUE")  # type: ignore[arg-type]


def test_styles_are_the_templates() -> None:
    for style in STYLES:
        assert (
            format_venue("VENUE", 2023, style).replace("2023", "YYYY").replace("23", "YY") == style
        )


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("qualifier", [None, "Oral", "Datasets and Benchmarks"])
def test_format_round_trip(style: Style, qualifier: str | None) -> None:
    for venue, year in itertools.product(DEFAULT_VENUES, (1999, 2023)):
        text = format_venue(venue.name, year, style, qualifier)
        assert parse(text) == Mention(text, venue.name, venue.name, year, style, qualifier), text


@pytest.mark.parametrize("qualifier", QUALIFIERS)
def test_every_qualifier_parses(qualifier: str) -> None:
    mention = parse(f"NeurIPS'23 {qualifier.lower()}")
    assert mention is not None
    assert mention.qualifier == qualifier
    assert mention.extra is None


def test_qualifiers_cover_the_common_ones() -> None:
    expected = {"Oral", "Spotlight", "Poster", "Highlight", "Workshop", "Findings", "Best Paper"}
    assert expected <= set(QUALIFIERS)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("WACW", "WACV"),
        ("CPVR", "CVPR"),
        ("RCMLPKDD", "ECML PKDD"),
        ("KIS", "KAIS"),
        ("Neurips", "NeurIPS"),
        ("neurips", "NeurIPS"),
        ("MICCIA", "MICCAI"),
        ("Nature Medecine", "Nature Medicine"),
        ("FooConf", None),
        ("DASFAB", "DASFAA"),
        ("XYZ", None),
        ("", None),
    ],
)
def test_suggest(name: str, expected: str | None) -> None:
    assert suggest(name) == expected


def _mentions(*texts: str) -> list[Mention | None]:
    return [parse(text) for text in texts]


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (("ICCV'23", "CVPR'22", "arXiv (2023)"), "VENUE'YY"),
        (("arXiv (2023)", "ICCV'23", "CVPR 2022", "ECCV 2022"), "VENUE YYYY"),
        # ties go to the style seen first
        (("arXiv (2023)", "ICCV'23", "CVPR'22", "ECCV (2022)"), "VENUE (YYYY)"),
        (("ICCV'23", "arXiv (2023)"), "VENUE'YY"),
        # mentions without a style, and cells that are not mentions, do not count
        (("CVPR", "ICCV' 23", "ICCV' 23", "Link", "NIPS 2019"), "VENUE YYYY"),
        (("CVPR", "Link"), None),
        ((), None),
    ],
)
def test_majority_style(texts: tuple[str, ...], expected: Style | None) -> None:
    assert majority_style(_mentions(*texts)) == expected


def test_default_vocabulary_names_do_not_collide() -> None:
    owners: dict[str, str] = {}
    for venue in DEFAULT_VENUES:
        for name in (venue.name, *venue.aliases):
            key = venues.name_key(name)
            assert owners.setdefault(key, venue.name) == venue.name, (name, owners[key])
    assert len(DEFAULT_VOCABULARY) == len(DEFAULT_VENUES)
    assert {venue.kind for venue in DEFAULT_VENUES} == set(KINDS)


def test_every_alias_resolves_to_its_venue() -> None:
    for venue in DEFAULT_VENUES:
        for alias in venue.aliases:
            assert canonical(alias) == venue.name
            mention = parse(f"{alias} 2021")
            assert mention is not None
            assert (mention.canonical, mention.year, mention.is_alias) == (venue.name, 2021, True)


def test_extend_adds_venues_and_aliases_without_changing_the_default() -> None:
    vocabulary = DEFAULT_VOCABULARY.extend(
        [Venue("FooConf", "conference", ("Foo Conference",))],
        {"Neural Info Proc": "NeurIPS", "FC": "FooConf"},
    )
    assert vocabulary.canonical("fooconf") == "FooConf"
    assert vocabulary.canonical("Foo Conference") == "FooConf"
    assert vocabulary.canonical("FC") == "FooConf"
    assert vocabulary.canonical("Neural Info Proc") == "NeurIPS"
    assert vocabulary.canonical("NIPS") == "NeurIPS"
    assert vocabulary.parse("FooConf'23") == Mention(
        "FooConf'23", "FooConf", "FooConf", 2023, "VENUE'YY"
    )
    assert vocabulary.suggest("FooConff") == "FooConf"
    assert "FooConf" in vocabulary
    assert len(vocabulary) == len(DEFAULT_VOCABULARY) + 1
    assert canonical("FooConf") is None
    assert canonical("Neural Info Proc") is None
    assert "FooConf" not in DEFAULT_VOCABULARY


def test_extend_overrides_on_conflict() -> None:
    vocabulary = DEFAULT_VOCABULARY.extend(
        [Venue("MIA", "conference"), Venue("ICCV", "journal", ("Intl. Conf. Comp. Vis.",))]
    )
    assert vocabulary.canonical("MIA") == "MIA"
    assert vocabulary.canonical("Medical Image Analysis") == "MedIA"
    venue = vocabulary.get("ICCV")
    assert venue == Venue("ICCV", "journal", ("Intl. Conf. Comp. Vis.",))
    assert vocabulary.canonical("International Conference on Computer Vision") is None
    assert len(vocabulary) == len(DEFAULT_VOCABULARY) + 1


def test_a_canonical_name_wins_over_an_alias() -> None:
    vocabulary = Vocabulary([Venue("Alpha", "conference"), Venue("Beta", "journal", ("Alpha",))])
    assert vocabulary.canonical("Alpha") == "Alpha"


def test_alias_to_an_unknown_venue_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown venue 'FooConf'"):
        DEFAULT_VOCABULARY.extend(aliases={"FC": "FooConf"})


def test_bad_kind_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown kind"):
        Vocabulary([Venue("FooConf", "symposium")])  # type: ignore[arg-type]


def test_empty_vocabulary_parses_unknown_venues_only() -> None:
    vocabulary = Vocabulary([])
    assert vocabulary.parse("CVPR") is None
    assert vocabulary.parse("CVPR'23") == Mention("CVPR'23", "CVPR", None, 2023, "VENUE'YY")
    assert vocabulary.suggest("CVPR") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("'" * 10_000, None),
        ("1" * 10_000, None),
        (" " * 10_000, None),
        ("(" * 5_000 + ")" * 5_000, None),
        ("'1" * 5_000, None),
        ("' 1(2) " * 1_500, None),
        ("ICCV" + "'" * 10_000 + "23", None),
        ("ICCV'23" + " " * 10_000, ("ICCV", 2023, "VENUE'YY")),
        (" " * 10_000 + "ICCV (2023)", ("ICCV", 2023, "VENUE (YYYY)")),
        ("ICCV" + " " * 5_000 + "'23", ("ICCV", 2023, "VENUE 'YY")),
        ("ICCV'23 " + "Oral " * 2_000, None),
        ("A " * 5_000 + "2023", None),
        ("Findings of " * 1_000 + "EMNLP 2023", None),
    ],
)
def test_long_adversarial_cells(text: str, expected: tuple[str, int, str] | None) -> None:
    mention = parse(text)
    if expected is None:
        assert mention is None
    else:
        assert mention is not None
        assert (mention.canonical, mention.year, mention.style) == expected


@pytest.mark.parametrize(
    "text",
    [
        "'" * 10_000,
        "1" * 10_000,
        "'1" * 5_000,
        "A'" * 5_000,
        "A(" * 5_000,
        "A 1" * 3_333,
        "(" * 5_000 + ")" * 5_000,
        "ICCV" + "x" * 10_000,
        "A " * 5_000 + "2023",
        "ICCV'23 " + "Oral " * 2_000,
    ],
)
def test_long_cells_without_the_length_limit(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    # The length limit is a shortcut, not what keeps parsing linear; lift it to exercise the
    # regular expressions and the word loops on the whole text.
    monkeypatch.setattr(venues, "MAX_MENTION_LENGTH", 10**9)
    assert parse(text) is None
