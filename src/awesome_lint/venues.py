"""Publication venues: names, aliases, and the venue mentions written in paper lists.

A *mention* is the short text of a venue cell, such as ``ICCV'23``, ``arXiv (2023)`` or
``NeurIPS'23 Oral``: a venue name, an optional year written in one of the :data:`STYLES`, an
optional qualifier from :data:`QUALIFIERS`, and possibly some extra trailing text
(``ICLR'24 OpenReview``) that a linter reports and an unsafe fix drops.

:func:`format_venue` always writes a qualifier last, after the year, separated by one space
(``NeurIPS'23 Oral``, ``CVPR 2023 Workshop``, ``EMNLP'23 Findings``). Parsing also accepts it in
brackets (``NeurIPS'23 (Oral)``), before the year (``ACL Findings 2023``) or as a prefix
(``Findings of EMNLP 2023``).

A :class:`Vocabulary` holds the known venues; :data:`DEFAULT_VOCABULARY` is the built-in one and
:meth:`Vocabulary.extend` adds a user's venues and aliases on top of it without changing it.
Nothing here reads files or prints.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Final, Literal, get_args

__all__ = [
    "DEFAULT_VENUES",
    "DEFAULT_VOCABULARY",
    "KINDS",
    "MAX_MENTION_LENGTH",
    "QUALIFIERS",
    "STYLES",
    "Kind",
    "Mention",
    "Style",
    "Venue",
    "Vocabulary",
    "canonical",
    "format_venue",
    "majority_style",
    "parse",
    "suggest",
]

Kind = Literal["conference", "journal", "preprint", "workshop"]
KINDS: Final[tuple[Kind, ...]] = get_args(Kind)
_KIND_NAMES: Final[dict[str, Kind]] = {kind: kind for kind in KINDS}

Style = Literal[
    "VENUE'YY",
    "VENUE 'YY",
    "VENUE'YYYY",
    "VENUE YYYY",
    "VENUEYYYY",
    "VENUE(YYYY)",
    "VENUE (YYYY)",
    "VENUE, YYYY",
]
"""How a mention writes its year; each name is its own template (``ICCV'23`` is ``VENUE'YY``)."""
STYLES: Final[tuple[Style, ...]] = get_args(Style)

_SPACE_STYLES: Final[dict[str, Style]] = {" ": "VENUE YYYY", ", ": "VENUE, YYYY"}
_STYLE_TEMPLATES: Final[dict[Style, str]] = {
    "VENUE'YY": "{name}'{yy}",
    "VENUE 'YY": "{name} '{yy}",
    "VENUE'YYYY": "{name}'{yyyy}",
    "VENUE YYYY": "{name} {yyyy}",
    "VENUEYYYY": "{name}{yyyy}",
    "VENUE(YYYY)": "{name}({yyyy})",
    "VENUE (YYYY)": "{name} ({yyyy})",
    "VENUE, YYYY": "{name}, {yyyy}",
}

MAX_MENTION_LENGTH: Final = 100
"""Longer cell texts are never mentions: the longest full venue name plus a year fits easily."""

# Canonical qualifier, then the other spellings that mean it (case does not matter).
_QUALIFIER_TABLE: Final[dict[str, tuple[str, ...]]] = {
    "Oral": ("oral presentation",),
    "Spotlight": (),
    "Poster": (),
    "Highlight": (),
    "Workshop": ("workshops",),
    "Findings": (),
    "Best Paper": ("best paper award",),
    "Best Student Paper": ("best student paper award",),
    "Outstanding Paper": ("outstanding paper award",),
    "Honorable Mention": ("honourable mention",),
    "Demo": ("demo track", "demos", "demonstration", "demonstrations"),
    "Short": ("short paper",),
    "Long": ("long paper",),
    "Main": ("main conference", "main track"),
    "Industry": ("industry track",),
    "Datasets and Benchmarks": (
        "datasets and benchmarks track",
        "datasets & benchmarks",
        "datasets & benchmarks track",
        "D&B",
    ),
}
QUALIFIERS: Final[tuple[str, ...]] = tuple(_QUALIFIER_TABLE)
_MAX_QUALIFIER_WORDS: Final = max(
    len(spelling.split()) for spellings in _QUALIFIER_TABLE.values() for spelling in spellings
)

# kind | canonical name | aliases separated by ";". A row with empty kind and name continues
# the aliases of the row above. Case variants (Neurips, ARXIV) and spacing, dot and hyphen
# variants (T-PAMI, Nat. Med.) need no row: lookups ignore case, spaces, dots and hyphens.
_VENUE_TABLE: Final = """
conference | NeurIPS              | NIPS; Neural Information Processing Systems
           |                      | Advances in Neural Information Processing Systems
conference | ICML                 | International Conference on Machine Learning
conference | ICLR                 | International Conference on Learning Representations
conference | AAAI                 | AAAI Conference on Artificial Intelligence
conference | IJCAI                | IJCAI-ECAI; IJCAI-PRICAI
           |                      | International Joint Conference on Artificial Intelligence
conference | UAI                  | Conference on Uncertainty in Artificial Intelligence
conference | AISTATS              | Artificial Intelligence and Statistics
conference | COLT                 | Conference on Learning Theory
conference | ALT                  | Algorithmic Learning Theory
conference | CoRL                 | Conference on Robot Learning
conference | ECML PKDD            | ECML; PKDD; ECML/PKDD
conference | ECAI                 | European Conference on Artificial Intelligence
conference | ACML                 | Asian Conference on Machine Learning
conference | IJCNN                | International Joint Conference on Neural Networks
conference | ICONIP               | International Conference on Neural Information Processing
conference | MLSys                | SysML; Conference on Machine Learning and Systems
conference | L4DC                 | Learning for Dynamics and Control
conference | LoG                  | Learning on Graphs; Learning on Graphs Conference
conference | COLM                 | Conference on Language Modeling
journal    | TMLR                 | Transactions on Machine Learning Research
journal    | JMLR                 | Journal of Machine Learning Research; J. Mach. Learn. Res.
journal    | MLJ                  | Machine Learning Journal
journal    | TNNLS                | IEEE Transactions on Neural Networks and Learning Systems; TNN
journal    | TAI                  | IEEE Transactions on Artificial Intelligence
           |                      | IEEE Trans. Artif. Intell.
journal    | TCYB                 | IEEE Transactions on Cybernetics
journal    | AIJ                  | Artificial Intelligence; Artificial Intelligence Journal
journal    | JAIR                 | Journal of Artificial Intelligence Research
journal    | Neural Networks      | Neural Netw.
journal    | Neural Computation   | Neural Comput.
journal    | Neurocomputing       |
journal    | KBS                  | Knowledge-Based Systems; Knowl.-Based Syst.
journal    | Information Sciences | INS; Inf. Sci.
journal    | IPM                  | Information Processing & Management
           |                      | Information Processing and Management
journal    | SCIS                 | Science China Information Sciences; Sci. China Inf. Sci.
journal    | TIST                 | ACM Transactions on Intelligent Systems and Technology
journal    | Nature Machine Intelligence | Nat. Mach. Intell.; Nat MI; NMI

conference | CVPR                 | Computer Vision and Pattern Recognition
           |                      | Conference on Computer Vision and Pattern Recognition
           |                      | IEEE/CVF Conference on Computer Vision and Pattern Recognition
conference | ICCV                 | International Conference on Computer Vision
conference | ECCV                 | European Conference on Computer Vision
conference | WACV                 | Winter Conference on Applications of Computer Vision
conference | BMVC                 | British Machine Vision Conference
conference | 3DV                  | International Conference on 3D Vision
conference | ACCV                 | Asian Conference on Computer Vision
conference | ICIP                 | International Conference on Image Processing
conference | ICPR                 | International Conference on Pattern Recognition
conference | ICIAP                | International Conference on Image Analysis and Processing
conference | SIGGRAPH             | ACM SIGGRAPH
conference | SIGGRAPH Asia        | ACM SIGGRAPH Asia
conference | Eurographics         |
workshop   | CVPRW                |
workshop   | ICCVW                |
workshop   | ECCVW                |
journal    | TPAMI                | PAMI; IEEE Trans. Pattern Anal. Mach. Intell.
           |                      | IEEE Transactions on Pattern Analysis and Machine Intelligence
journal    | IJCV                 | International Journal of Computer Vision; Int. J. Comput. Vis.
journal    | TIP                  | IEEE Transactions on Image Processing
           |                      | IEEE Trans. Image Process.
journal    | TOG                  | ACM Transactions on Graphics; ACM Trans. Graph.
journal    | TVCG                 | IEEE Transactions on Visualization and Computer Graphics
journal    | CVIU                 | Computer Vision and Image Understanding
journal    | TCSVT                | IEEE Transactions on Circuits and Systems for Video Technology
journal    | TMM                  | IEEE Transactions on Multimedia
journal    | TOMM                 |
journal    | IVC                  | Image and Vision Computing
journal    | Pattern Recognition  | PR; Pattern Recognit.
journal    | PRL                  | Pattern Recognition Letters; Pattern Recognit. Lett.
journal    | TGRS                 | IEEE Transactions on Geoscience and Remote Sensing
journal    | TITS                 | IEEE Transactions on Intelligent Transportation Systems
journal    | TIFS                 | IEEE Transactions on Information Forensics and Security

conference | ACL                  | Association for Computational Linguistics; ACL-IJCNLP
           |                      | Annual Meeting of the Association for Computational Linguistics
conference | EMNLP                | EMNLP-IJCNLP; EMNLP-CoNLL
           |                      | Empirical Methods in Natural Language Processing
           |                      | Conference on Empirical Methods in Natural Language Processing
conference | NAACL                | NAACL-HLT
conference | EACL                 |
conference | AACL                 | AACL-IJCNLP
conference | COLING               | International Conference on Computational Linguistics
conference | CoNLL                | Conference on Computational Natural Language Learning
conference | LREC                 | LREC-COLING; Language Resources and Evaluation Conference
conference | SIGDIAL              |
workshop   | SemEval              |
journal    | TACL                 | Transactions of the Association for Computational Linguistics
journal    | Computational Linguistics |
journal    | TASLP                | IEEE/ACM Transactions on Audio, Speech, and Language Processing

conference | KDD                  | SIGKDD; Knowledge Discovery and Data Mining
conference | WWW                  | The Web Conference; TheWebConf; WebConf
           |                      | International World Wide Web Conference
conference | WSDM                 | Web Search and Data Mining
conference | ICDM                 | International Conference on Data Mining
conference | SDM                  | SIAM International Conference on Data Mining
conference | CIKM                 | Conference on Information and Knowledge Management
conference | SIGIR                | Research and Development in Information Retrieval
conference | RecSys               | Conference on Recommender Systems
conference | ECIR                 | European Conference on Information Retrieval
conference | ICWSM                | Conference on Web and Social Media
conference | VLDB                 | PVLDB; Proceedings of the VLDB Endowment; Proc. VLDB Endow.
conference | SIGMOD               | International Conference on Management of Data
conference | ICDE                 | International Conference on Data Engineering
conference | EDBT                 | Extending Database Technology
conference | DASFAA               | Database Systems for Advanced Applications
conference | PAKDD                | Pacific-Asia Conference on Knowledge Discovery and Data Mining
conference | SSDBM                | Scientific and Statistical Database Management
journal    | TKDE                 | IEEE Transactions on Knowledge and Data Engineering
journal    | TKDD                 | ACM Transactions on Knowledge Discovery from Data
journal    | TOIS                 | ACM Transactions on Information Systems
journal    | VLDBJ                | VLDB Journal; The VLDB Journal
journal    | DMKD                 | DAMI; Data Mining and Knowledge Discovery
journal    | KAIS                 | Knowledge and Information Systems
journal    | TCSS                 | IEEE Transactions on Computational Social Systems

conference | MICCAI               | Medical Image Computing and Computer Assisted Intervention
           |                      | Medical Image Computing and Computer-Assisted Intervention
conference | IPMI                 | Information Processing in Medical Imaging
conference | ISBI                 | International Symposium on Biomedical Imaging
conference | MIDL                 | Medical Imaging with Deep Learning
conference | SPIE Medical Imaging | SPIE MI
conference | BIBM                 | Bioinformatics and Biomedicine
conference | MLHC                 | Machine Learning for Healthcare
conference | CHIL                 | Conference on Health, Inference, and Learning
conference | ML4H                 | Machine Learning for Health
journal    | MedIA                | Medical Image Analysis; Med. Image Anal.; MIA
journal    | TMI                  | IEEE Transactions on Medical Imaging; IEEE Trans. Med. Imaging
journal    | JBHI                 | IEEE Journal of Biomedical and Health Informatics
journal    | TBME                 | IEEE Transactions on Biomedical Engineering
journal    | CMIG                 | Computerized Medical Imaging and Graphics
journal    | CMPB                 | Computer Methods and Programs in Biomedicine
journal    | CIBM                 | Computers in Biology and Medicine; Comput. Biol. Med.
journal    | IJCARS               | International Journal of Computer Assisted Radiology and Surgery
journal    | JDI                  | Journal of Digital Imaging
journal    | Medical Physics      | Med. Phys.
journal    | European Radiology   | Eur. Radiol.
journal    | Radiology            |
journal    | Radiology: Artificial Intelligence | Radiol. Artif. Intell.
journal    | Nature Medicine      | Nat. Med.
journal    | Nature Biomedical Engineering | Nat. Biomed. Eng.; Nat BME; NBME
journal    | npj Digital Medicine | npj Digit. Med.; npjDM
journal    | Lancet Digital Health | The Lancet Digital Health; Lancet Digit. Health
journal    | Lancet               | The Lancet
journal    | NEJM                 | New England Journal of Medicine; N. Engl. J. Med.
journal    | NEJM AI              |
journal    | JAMA                 | Journal of the American Medical Association
journal    | JAMIA                | Journal of the American Medical Informatics Association
journal    | BMJ                  | British Medical Journal

conference | ICRA                 | International Conference on Robotics and Automation
conference | IROS                 | International Conference on Intelligent Robots and Systems
conference | RSS                  | Robotics: Science and Systems
journal    | RA-L                 | Robotics and Automation Letters
journal    | T-RO                 | Transactions on Robotics; IEEE Transactions on Robotics
journal    | IJRR                 | International Journal of Robotics Research
journal    | Science Robotics     | Sci. Robot.
conference | ICASSP               |
conference | Interspeech          |
conference | ASRU                 | Automatic Speech Recognition and Understanding Workshop
conference | SLT                  | Spoken Language Technology Workshop
conference | ACM MM               | MM; ACM Multimedia; ACM International Conference on Multimedia
conference | ICME                 | International Conference on Multimedia and Expo
conference | ICMR                 | International Conference on Multimedia Retrieval

journal    | Nature               |
journal    | Science              |
journal    | Cell                 |
journal    | Nature Communications | Nat. Commun.; Nature Comms
journal    | Nature Methods       | Nat. Methods
journal    | Nature Biotechnology | Nat. Biotechnol.
journal    | Nature Genetics      | Nat. Genet.
journal    | Nature Neuroscience  | Nat. Neurosci.
journal    | PNAS                 | Proceedings of the National Academy of Sciences
           |                      | Proc. Natl. Acad. Sci.; Proc. Natl. Acad. Sci. USA
journal    | Science Advances     | Sci. Adv.
journal    | Scientific Reports   | Sci. Rep.
journal    | iScience             |
journal    | eLife                |
journal    | Patterns             |
journal    | PLOS ONE             |
journal    | PLOS Computational Biology | PLoS Comput. Biol.
journal    | Bioinformatics       |
journal    | Briefings in Bioinformatics | Brief. Bioinform.
journal    | Nucleic Acids Research | NAR; Nucleic Acids Res.

preprint   | arXiv                | CoRR; arXiv preprint; arxiv.org
preprint   | bioRxiv              |
preprint   | medRxiv              |
preprint   | ChemRxiv             |
preprint   | SSRN                 |
preprint   | TechRxiv             |
preprint   | Research Square      |
"""


@dataclass(frozen=True)
class Venue:
    """A known venue: its canonical spelling, its kind, and the other names it goes by."""

    name: str
    kind: Kind
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mention:
    """A venue mention parsed from a cell's plain text."""

    text: str
    """The cell text the mention was parsed from, stripped."""
    name: str
    """The venue name as written (``NIPS``, ``IEEE TMI``), without year or qualifier."""
    canonical: str | None
    """The canonical name of the venue, or None when it is not in the vocabulary."""
    year: int | None
    style: Style | None
    """The style of the year; None without a year or when it is written irregularly
    (``ICCV' 23``, ``ICCV 23``, ``CVPR,2018``)."""
    qualifier: str | None = None
    """The qualifier in its canonical spelling (``Oral``), kept by fixes."""
    extra: str | None = None
    """Trailing text that is neither year nor qualifier (``OpenReview``)."""

    @property
    def is_alias(self) -> bool:
        """Whether the name is written differently from the canonical name (``NIPS``, ``tmi``)."""
        return self.canonical is not None and self.name != self.canonical

    @property
    def is_variant(self) -> bool:
        """Whether the name is the canonical one or spelled like it (``Neurips``, ``T-PAMI``:
        case, spaces, dots, hyphens differ), rather than another name of the venue (``NIPS``)."""
        return self.canonical is not None and _key(self.name) == _key(self.canonical)


def format_venue(name: str, year: int | None, style: Style, qualifier: str | None = None) -> str:
    """Render a mention: ``format_venue("NeurIPS", 2023, "VENUE'YY", "Oral") == "NeurIPS'23 Oral"``.

    Without a year the style does not matter: the result is the name (and the qualifier).
    Two-digit styles only round-trip through :func:`parse` for the years 1970 to 2069.
    """
    template = _STYLE_TEMPLATES.get(style)
    if template is None:
        raise ValueError(f"unknown venue style {style!r}; expected one of {', '.join(STYLES)}")
    text = name if year is None else template.format(name=name, yy=f"{year % 100:02d}", yyyy=year)
    return f"{text} {qualifier}" if qualifier else text


def majority_style(mentions: Iterable[Mention | None]) -> Style | None:
    """The style most mentions use; a tie goes to the style seen first. None if no mention has one.

    Holds a list without a configured style to its own convention. ``None`` items (cells that
    are not mentions) are skipped, so the result of mapping :func:`parse` can be passed as is.
    """
    counts: dict[Style, int] = {}
    for mention in mentions:
        if mention is not None and mention.style is not None:
            counts[mention.style] = counts.get(mention.style, 0) + 1
    if not counts:
        return None
    # dicts keep insertion order, and max() returns the first of equal items.
    return max(counts, key=lambda style: counts[style])


_KEY_DROP: Final = str.maketrans("", "", ".-_")


def _key(name: str) -> str:
    return "".join(name.casefold().split()).translate(_KEY_DROP)


_QUALIFIER_INDEX: Final[dict[str, str]] = {
    _key(spelling): canonical_qualifier
    for canonical_qualifier, spellings in _QUALIFIER_TABLE.items()
    for spelling in (canonical_qualifier, *spellings)
}

_NORMALIZE: Final = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u02bc": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "`": "'",
        "\uff07": "'",
        "\uff08": "(",
        "\uff09": ")",
        "\uff0c": ",",
        "\u2013": "-",
        "\u2014": "-",
    }
)

_YEAR4: Final = r"(?:19|20)\d\d"
# The name is the shortest prefix followed by a year, so the year is the first one in the text.
# After whitespace is collapsed every alternative has a bounded length, so a failed match costs
# a constant per position: linear time, whatever the input.
_MENTION_RE: Final = re.compile(
    r"(?P<name>[^\s'(,].*?)"
    r"(?:"
    rf"(?P<q> ?' ?)(?P<qy>{_YEAR4}|\d\d)"
    rf"|(?P<p> ?\()(?P<py>{_YEAR4})\)"
    rf"|(?P<s>, ?| )(?P<sy>{_YEAR4})"
    rf"|(?<=[^\W\d_])(?P<gy>{_YEAR4})"
    r"|(?P<ls> |(?<=[^\W\d_]))(?P<ly>\d\d)"
    r")"
    r"(?!\w|\.\d)"
    r"(?P<rest>.*)"
)
_FINDINGS_PREFIX_RE: Final = re.compile(
    r"findings (?:of )?(?:the )?(?:(?:acl|association for computational linguistics) ?: ?)?",
    re.IGNORECASE,
)
_PUBLISHER_PREFIX_RE: Final = re.compile(
    r"(?:(?:in|proc\.?|proceedings of|the|ieee|acm|siam|isca|ieee/cvf|ieee/acm|acm/ieee|ieee/rsj)"
    r" )+",
    re.IGNORECASE,
)
_NAME_WORD_RE: Final = re.compile(r"(?:[A-Z0-9]|[a-z]{1,4}[A-Z])[A-Za-z0-9&+.\-]*")
_HAS_LETTER_RE: Final = re.compile(r"[A-Za-z]")
_HAS_YEAR_RE: Final = re.compile(rf"{_YEAR4}|'\d\d")
_CONNECTORS: Final = frozenset({"of", "on", "and", "for", "in", "the", "&"})
# Short capitalised words that often precede a year but never name a venue (``Dec., 2023``).
_NOT_VENUE_TEXT: Final = (
    "jan january feb february mar march apr april may jun june jul july aug august sep sept"
    " september oct october nov november dec december spring summer fall autumn winter"
    " q1 q2 q3 q4 h1 h2 since from until before after circa year released release updated"
    " update version ver v copyright link links pdf paper code website web project github"
    " blog preprint submitted accepted under in n/a na none todo page homepage"
    " video slides dataset model"
)
_NOT_VENUE_WORDS: Final = frozenset(_key(word) for word in _NOT_VENUE_TEXT.split())
_MAX_EXTRA_WORDS: Final = 4
_MAX_EXTRA_LENGTH: Final = 40
_MAX_UNKNOWN_NAME_WORDS: Final = 4
_MAX_UNKNOWN_NAME_LENGTH: Final = 40
_MAX_CACHED_LENGTH: Final = 200
_MAX_CACHED_MENTIONS: Final = 1 << 16


def _normalize(text: str) -> str:
    return " ".join(text.translate(_NORMALIZE).split())


def _unwrap(text: str) -> str:
    if len(text) >= 2 and (text[0], text[-1]) in (("(", ")"), ("[", "]")):
        return text[1:-1].strip()
    return text


def _qualifier(text: str) -> str | None:
    return _QUALIFIER_INDEX.get(_key(_unwrap(text)))


def _year_and_style(match: re.Match[str]) -> tuple[int, Style | None, bool]:
    """The year, its style, and whether it is a loose two-digit year (``ICCV 23``, ``ICCV23``)."""
    if match["qy"] is not None:
        digits, sep = match["qy"], match["q"]
        style: Style | None
        if sep == "'":
            style = "VENUE'YY" if len(digits) == 2 else "VENUE'YYYY"
        elif sep == " '" and len(digits) == 2:
            style = "VENUE 'YY"
        else:
            style = None
        return _full_year(digits), style, False
    if match["py"] is not None:
        style = "VENUE(YYYY)" if match["p"] == "(" else "VENUE (YYYY)"
        return int(match["py"]), style, False
    if match["sy"] is not None:
        return int(match["sy"]), _SPACE_STYLES.get(match["s"]), False
    if match["gy"] is not None:
        return int(match["gy"]), "VENUEYYYY", False
    return _full_year(match["ly"]), None, True


def _full_year(digits: str) -> int:
    year = int(digits)
    if len(digits) == 4:
        return year
    return 2000 + year if year < 70 else 1900 + year


def _looks_like_venue(name: str) -> bool:
    """Whether an unknown name could be a venue: a short acronym or capitalised name."""
    words = name.split(" ")
    if len(name) > _MAX_UNKNOWN_NAME_LENGTH or len(words) > _MAX_UNKNOWN_NAME_WORDS:
        return False
    first = words[0]
    if _key(first) in _NOT_VENUE_WORDS or _qualifier(first) is not None:
        return False
    for index, word in enumerate(words):
        if 0 < index < len(words) - 1 and word.lower() in _CONNECTORS:
            continue
        if not _NAME_WORD_RE.fullmatch(word) or not _HAS_LETTER_RE.search(word):
            return False
    return True


def _split_trailer(rest: str) -> tuple[str | None, str | None] | None:
    """Split what follows the year into (qualifier, extra); None if it is too much for a cell."""
    text = rest.strip(" ,;-").rstrip(". ")
    if not text:
        return None, None
    qualifier = _qualifier(text)
    if qualifier is not None:
        return qualifier, None
    words = text.split(" ")
    if len(words) > _MAX_EXTRA_WORDS + _MAX_QUALIFIER_WORDS:
        return None
    for index in range(1, len(words)):
        head, tail = " ".join(words[:index]), " ".join(words[index:])
        qualifier = _qualifier(head)
        if qualifier is not None:
            return (qualifier, tail) if _is_extra(tail) else None
        qualifier = _qualifier(tail)
        if qualifier is not None:
            return (qualifier, head) if _is_extra(head) else None
    return (None, text) if _is_extra(text) else None


def _is_extra(text: str) -> bool:
    """Whether trailing text is a short remark (``OpenReview``, ``PDF``) and not a second mention
    or a sentence, which would make the whole cell something other than a mention."""
    words = text.split(" ")
    return (
        len(words) <= _MAX_EXTRA_WORDS
        and len(text) <= _MAX_EXTRA_LENGTH
        and ":" not in text
        and "/" not in text
        and words[0].lower() not in ("&", "+", "and")
        and not _HAS_YEAR_RE.search(text)
    )


class Vocabulary:
    """Known venues, looked up by any of their names regardless of case, spaces, dots, hyphens.

    Later venues win: a venue named like an earlier one replaces it, and an alias shared with
    an earlier venue points to the later one; a canonical name always resolves to its own venue.
    ``aliases`` maps extra alias -> canonical name of a venue in ``venues``.
    """

    def __init__(self, venues: Iterable[Venue], aliases: Mapping[str, str] | None = None) -> None:
        by_key: dict[str, Venue] = {}
        for venue in venues:
            if venue.kind not in KINDS:
                raise ValueError(f"venue {venue.name!r}: unknown kind {venue.kind!r}")
            if not _key(venue.name):
                raise ValueError(f"venue name must not be empty: {venue!r}")
            # Re-inserting moves the venue after the ones it overrides, so its aliases win too.
            by_key.pop(_key(venue.name), None)
            by_key[_key(venue.name)] = venue
        for alias, target in (aliases or {}).items():
            venue_or_none = by_key.get(_key(target))
            if venue_or_none is None:
                raise ValueError(f"alias {alias!r} refers to unknown venue {target!r}")
            by_key[_key(target)] = replace(venue_or_none, aliases=(*venue_or_none.aliases, alias))
        self._venues: tuple[Venue, ...] = tuple(by_key.values())
        index: dict[str, Venue] = {}
        for venue in self._venues:
            for alias in venue.aliases:
                if _key(alias):
                    index[_key(alias)] = venue
        index.update(by_key)
        self._index = index
        self._max_name_words = max(
            (len(name.split()) for v in self._venues for name in (v.name, *v.aliases)), default=1
        )
        self._suggest_keys = list(index)
        self._suggestions: dict[str, str | None] = {}
        self._parsed: dict[str, Mention | None] = {}

    def extend(
        self, venues: Iterable[Venue] = (), aliases: Mapping[str, str] | None = None
    ) -> Vocabulary:
        """A new vocabulary: this one plus ``venues`` and ``aliases``, which win on conflicts."""
        return Vocabulary((*self._venues, *venues), aliases)

    @property
    def venues(self) -> tuple[Venue, ...]:
        return self._venues

    def __len__(self) -> int:
        return len(self._venues)

    def __iter__(self) -> Iterator[Venue]:
        return iter(self._venues)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.get(name) is not None

    def get(self, name: str) -> Venue | None:
        """The venue called ``name`` (canonical or alias), also after a publisher prefix such
        as ``IEEE``, ``ACM`` or ``Proceedings of``."""
        venue = self._index.get(_key(name))
        if venue is None:
            prefix = _PUBLISHER_PREFIX_RE.match(name)
            if prefix is not None and prefix.end() < len(name):
                venue = self._index.get(_key(name[prefix.end() :]))
        return venue

    def canonical(self, name: str) -> str | None:
        venue = self.get(name)
        return None if venue is None else venue.name

    def suggest(self, name: str) -> str | None:
        """The canonical name of the known venue closest to ``name``, if any is close enough."""
        venue = self.get(name)
        if venue is not None:
            return venue.name
        key = _key(name)
        if key not in self._suggestions:
            self._suggestions[key] = self._closest(key)
        return self._suggestions[key]

    def _closest(self, key: str) -> str | None:
        import difflib  # only for names the vocabulary lacks

        matcher = difflib.SequenceMatcher(b=key)
        best: tuple[float, bool, bool] | None = None
        closest = None
        for candidate in difflib.get_close_matches(key, self._suggest_keys, n=5, cutoff=0.75):
            matcher.set_seq1(candidate)
            # Equal ratios are common between short acronyms; a swap of letters (CPVR) or a
            # shared first letter is the likelier typo.
            rank = (matcher.ratio(), sorted(candidate) == sorted(key), candidate[0] == key[0])
            if best is None or rank > best:
                best, closest = rank, self._index[candidate].name
        return closest

    def parse(self, text: str) -> Mention | None:
        """Parse a cell's plain text as a venue mention; None if it is not one.

        A mention is a venue name, then optionally a year and a qualifier or short extra text.
        An unknown name is accepted only with a year and only if it looks like a venue name
        (an acronym or a few capitalised words), so that a linter can suggest a known one.
        """
        # Lists repeat the same few mentions on thousands of rows.
        if len(text) > _MAX_CACHED_LENGTH:
            return self._parse(text)
        if text not in self._parsed:
            if len(self._parsed) >= _MAX_CACHED_MENTIONS:
                self._parsed.clear()
            self._parsed[text] = self._parse(text)
        return self._parsed[text]

    def _parse(self, text: str) -> Mention | None:
        raw = text.strip()
        body = _normalize(raw)
        if not body or len(body) > MAX_MENTION_LENGTH:
            return None
        prefix_qualifier = None
        prefix = _FINDINGS_PREFIX_RE.match(body)
        if prefix is not None and prefix.end() < len(body):
            prefix_qualifier, body = "Findings", body[prefix.end() :]
        match = _MENTION_RE.match(body)
        if match is None:
            return self._parse_without_year(raw, body, prefix_qualifier)
        resolved = self._resolve(match["name"])
        if resolved is None:
            return None
        name, venue, qualifier = resolved
        year, style, loose = _year_and_style(match)
        if venue is None and loose:
            return None
        if qualifier is not None and prefix_qualifier is not None:
            return None
        qualifier = qualifier or prefix_qualifier
        trailer = _split_trailer(match["rest"])
        if trailer is None:
            return None
        trailing_qualifier, extra = trailer
        if trailing_qualifier is not None:
            if qualifier is not None:
                return None
            qualifier = trailing_qualifier
        if venue is None and extra is not None:
            return None
        known = None if venue is None else venue.name
        return Mention(raw, name, known, year, style, qualifier, extra)

    def _resolve(self, name: str) -> tuple[str, Venue | None, str | None] | None:
        """The written name, its venue if known, and a qualifier written before the year."""
        venue = self.get(name)
        if venue is not None:
            return name, venue, None
        words = name.split(" ")
        for index in range(len(words) - 1, max(0, len(words) - 1 - _MAX_QUALIFIER_WORDS), -1):
            qualifier = _qualifier(" ".join(words[index:]))
            if qualifier is None:
                continue
            head = " ".join(words[:index])
            venue = self.get(head)
            if venue is not None or _looks_like_venue(head):
                return head, venue, qualifier
        if _looks_like_venue(name):
            return name, None, None
        return None

    def _parse_without_year(
        self, raw: str, body: str, prefix_qualifier: str | None
    ) -> Mention | None:
        words = body.split(" ")
        for count in range(min(len(words), self._max_name_words), 0, -1):
            name = " ".join(words[:count])
            venue = self.get(name)
            if venue is None:
                continue
            rest = " ".join(words[count:]).strip(" ,;-").rstrip(". ")
            qualifier = _qualifier(rest) if rest else None
            if rest and qualifier is None:
                return None
            if qualifier is not None and prefix_qualifier is not None:
                return None
            return Mention(raw, name, venue.name, None, None, qualifier or prefix_qualifier)
        return None


def _parse_table(table: str) -> tuple[Venue, ...]:
    rows: list[tuple[Kind, str, list[str]]] = []
    for line in table.splitlines():
        if not line.strip():
            continue
        kind, name, aliases = (column.strip() for column in line.split("|"))
        names = [alias.strip() for alias in aliases.split(";") if alias.strip()]
        if not kind and not name:
            rows[-1][2].extend(names)
            continue
        if kind not in _KIND_NAMES:
            raise ValueError(f"venue table: unknown kind {kind!r} for {name!r}")
        rows.append((_KIND_NAMES[kind], name, names))
    return tuple(Venue(name, kind, tuple(aliases)) for kind, name, aliases in rows)


DEFAULT_VENUES: Final[tuple[Venue, ...]] = _parse_table(_VENUE_TABLE)
DEFAULT_VOCABULARY: Final = Vocabulary(DEFAULT_VENUES)


def parse(text: str) -> Mention | None:
    """:meth:`Vocabulary.parse` with the default vocabulary."""
    return DEFAULT_VOCABULARY.parse(text)


def canonical(name: str) -> str | None:
    """:meth:`Vocabulary.canonical` with the default vocabulary."""
    return DEFAULT_VOCABULARY.canonical(name)


def suggest(name: str) -> str | None:
    """:meth:`Vocabulary.suggest` with the default vocabulary."""
    return DEFAULT_VOCABULARY.suggest(name)
