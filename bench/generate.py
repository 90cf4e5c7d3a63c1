"""Seeded generator of synthetic paper-list READMEs, the inputs of bench/run.py.

The output looks like ../shared/seed-README.md grown large: a title, a table of contents,
one "## topic" section per table, and tables with the columns Name | Title | Venue | Paper | Code.
It carries the mess that real lists have: padding that does not line up, CJK titles, emoji
(ZWJ sequences, skin tones, flags), escaped pipes and code spans, venues in many spellings,
PDF and tracking-parameter links, star badges, ragged rows, all-empty rows, duplicates and
N/A placeholders. A fenced block holding a table-like template is never a table.

`rows` counts table body rows (empty, ragged and duplicate rows included) and is exact.
The same arguments always give the same text. `regular` leaves out the rows with too few or
too many cells and those missing an outer pipe: some formatters stop a table at such a row.

    python bench/generate.py --rows 10000 --seed 1 -o bench/out/rows-10000.md
    python -c "import generate; print(generate.generate(100, 1))"   # from bench/
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

HEADER = ("Name", "Title", "Venue", "Paper", "Code")
SECTION_ROWS = (300, 3000)

TOPICS = (
    "Vision-Language Pre-training",
    "Self-Supervised Learning",
    "Segmentation",
    "Detection",
    "Diffusion Models",
    "Large Language Models",
    "Medical Imaging",
    "3D Reconstruction",
    "Video Understanding",
    "Graph Neural Networks",
    "Reinforcement Learning",
    "Benchmarks",
    "Efficient Inference",
    "Speech and Audio",
    "Retrieval-Augmented Generation",
    "Agents",
)
NAME_PARTS = (
    "Med",
    "Uni",
    "LVM",
    "SAM",
    "CLIP",
    "ViT",
    "Diff",
    "Seg",
    "Vox",
    "Omni",
    "Open",
    "Llama",
    "Mamba",
    "Flow",
    "Mask",
    "Prior",
    "Align",
    "Dino",
    "Swin",
    "Gen",
    "Radi",
    "Path",
    "Echo",
)
NAME_SUFFIXES = ("", "", "", "-Med", "v2", "++", "-XL", "3D", "-R1", "Net", "Former", "-2")
ADJECTIVES = (
    "Unified",
    "Masked",
    "Scalable",
    "Efficient",
    "Robust",
    "Self-Supervised",
    "Large-Scale",
    "Contrastive",
    "Generalist",
    "Multi-Modal",
    "Sparse",
    "Hierarchical",
    "Label-Efficient",
)
NOUNS = (
    "Representation Learning",
    "Pre-training",
    "Autoencoders",
    "Transformers",
    "Embeddings",
    "Foundation Models",
    "Prompt Tuning",
    "Graph Matching",
    "Knowledge Distillation",
    "Semantic Alignment",
    "Diffusion",
    "State Space Models",
    "Instruction Tuning",
)
TASKS = (
    "Medical Image Analysis",
    "X-ray Diagnosis",
    "Radiology Reports",
    "Dense Prediction",
    "Open-Vocabulary Detection",
    "Video Generation",
    "Code Generation",
    "Anatomical Embedding",
    "3D Medical Image Segmentation",
    "Long-Context Reasoning",
    "Whole-Slide Images",
)
# Chinese, Japanese, Korean, and full-width Latin with an ideographic space.
CJK_TITLES = (
    "基于大语言模型的医学影像分割方法",
    "面向放射学报告的自监督预训练",
    "自己教師あり学習による医用画像表現の獲得",
    "大規模言語モデルの効率的な推論",
    "의료 영상을 위한 자기 지도 학습",
    "多模态大模型：综述与展望",  # noqa: RUF001
    "ＣＬＩＰ　全角テキストの検証",  # noqa: RUF001
)
# Plain, with variation selector, skin tones, ZWJ sequences (family, scientist, flag), flags.
EMOJI = (
    "🔥",
    "⭐",
    "🚀",
    "✨",
    "❤️",
    "👍🏽",
    "👩🏾\u200d🔬",
    "🧑🏻\u200d💻",
    "👨\u200d👩\u200d👧\u200d👦",
    "🏳️\u200d🌈",
    "🇯🇵",
    "🇨🇳",
    "🤗",
)
CODE_SPANS = ("`torch.compile`", "`pip install x`", "`a \\| b`", "`O(n log n)`", "`<mask>`")
PLACEHOLDERS = ("N/A", "N/A", "-", "TBD", "n/a", "Coming soon", "")
# (name, first year, last year); NIPS, the old name of NeurIPS, still turns up for 2018-2019.
CONFERENCES = (
    ("ICCV", 2017, 2025),
    ("CVPR", 2017, 2025),
    ("ECCV", 2018, 2024),
    ("NeurIPS", 2018, 2025),
    ("NIPS", 2014, 2019),
    ("ICLR", 2018, 2025),
    ("ICML", 2017, 2025),
    ("MICCAI", 2017, 2025),
    ("TMI", 2018, 2024),
    ("MedIA", 2019, 2024),
    ("AAAI", 2019, 2025),
    ("ACL", 2019, 2025),
)
VENUE_STYLES = ("{c}'{yy}", "{c} {yyyy}", "{c}({yyyy})", "{c}{yyyy}", "{c} '{yy}", "{c}-{yyyy}")
OWNERS = (
    "alibaba-damo-academy",
    "MediaBrain-SJTU",
    "zhjohnchan",
    "CityU-AIM-Group",
    "openmedlab",
    "facebookresearch",
    "google-research",
    "microsoft",
    "OpenGVLab",
    "THUDM",
    "hkust-nlp",
)
TRACKING = ("?utm_source=x", "?utm_source=github&utm_medium=readme", "?ref=awesome")
ROW_STYLES = ("aligned", "spaced", "compact", "messy")


class _Writer:
    """Draws every piece of one document from a single seeded random stream."""

    def __init__(self, seed: int, regular: bool) -> None:
        self.rng = random.Random(seed)
        self.regular = regular
        self.previous: list[list[str]] = []

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def name(self) -> str:
        pick = self.rng.choice
        name = pick(NAME_PARTS) + pick(NAME_PARTS) + pick(NAME_SUFFIXES)
        roll = self.rng.random()
        if roll < 0.04:
            return f"**{name}**"
        if roll < 0.07:
            return f"`{name}`"
        if roll < 0.10:
            return f"{pick(EMOJI)} {name}"
        return name

    def title(self, name: str) -> str:
        pick = self.rng.choice
        if self.chance(0.05):
            return pick(CJK_TITLES)
        title = f"{pick(ADJECTIVES)} {pick(NOUNS)} for {pick(TASKS)}"
        if self.chance(0.6):
            title = f"{name.strip('*`')}: {title}"
        roll = self.rng.random()
        if roll < 0.03:
            title += f" {pick(EMOJI)}"
        elif roll < 0.05:
            title = title.replace(" for ", " \\| ", 1)
        elif roll < 0.07:
            title += f" with {pick(CODE_SPANS)}"
        elif roll < 0.08:
            title += f"<br>{pick(CJK_TITLES)}"
        return title

    def venue(self) -> tuple[str, str, int]:
        conf, first, last = self.rng.choice(CONFERENCES)
        year = self.rng.randint(first, last)
        if self.chance(0.15):
            conf = "arXiv"
        style = self.rng.choice(VENUE_STYLES)
        text = style.format(c=conf, yy=f"{year % 100:02d}", yyyy=year)
        return text, conf, year

    def paper_url(self, conf: str, year: int, title: str) -> str:
        rng = self.rng
        arxiv_id = f"{year % 100:02d}{rng.randint(1, 12):02d}.{rng.randint(1, 29999):05d}"
        roll = rng.random()
        if conf == "arXiv" or roll < 0.45:
            if rng.random() < 0.35:
                url = f"https://arxiv.org/pdf/{arxiv_id}.pdf"
            else:
                url = f"https://arxiv.org/abs/{arxiv_id}" + ("v2" if rng.random() < 0.1 else "")
            if rng.random() < 0.05:
                url = url.replace("https://", "http://", 1)
        elif conf in ("ICCV", "CVPR") and roll < 0.8:
            slug = "_".join(w for w in title.split()[:6] if w.isascii() and w.isalnum())
            url = (
                f"https://openaccess.thecvf.com/content/{conf}{year}/papers/"
                f"Author_{slug}_{conf}_{year}_paper.pdf"
            )
        elif roll < 0.75:
            token = "".join(rng.choice("abcdefghijkLMNOPQRSTUVwxyz0123456789") for _ in range(10))
            url = f"https://openreview.net/forum?id={token}"
        elif roll < 0.9:
            url = f"https://ieeexplore.ieee.org/document/{rng.randint(7000000, 10999999)}"
        else:
            chapter = f"{rng.randint(10000, 99999)}-{rng.randint(1, 9)}"
            url = f"https://doi.org/10.1007/978-3-031-{chapter}"
        if rng.random() < 0.05:
            url += rng.choice(TRACKING)
        return url

    def paper(self, venue: str, conf: str, year: int, title: str) -> str:
        if self.chance(0.04):
            return self.rng.choice(PLACEHOLDERS)
        label = venue
        if self.chance(0.4):
            label = self.rng.choice(("Paper", "PDF", f"arXiv'{year % 100:02d}"))
        return f"[{label}]({self.paper_url(conf, year, title)})"

    def code(self, name: str) -> str:
        rng = self.rng
        owner = rng.choice(OWNERS)
        repo = "".join(ch for ch in name if ch.isascii() and (ch.isalnum() or ch in "-+")) or "repo"
        url = f"https://github.com/{owner}/{repo}"
        badge = (
            f"[![Star](https://img.shields.io/github/stars/{owner}/{repo}.svg?style=social"
            + ("&label=Star" if rng.random() < 0.3 else "")
            + f")]({url})"
        )
        roll = rng.random()
        if roll < 0.55:
            return f"[Link]({url})"
        if roll < 0.70:
            return badge
        if roll < 0.75:
            return f"[Link]({url}) {badge}"
        if roll < 0.78:
            return f"[Code]({url}/)"
        if roll < 0.80:
            return f"[GitHub]({url}/tree/main{rng.choice(TRACKING)})"
        return rng.choice(PLACEHOLDERS)

    def entry(self) -> list[str]:
        name = self.name() if self.chance(0.98) else ""
        title = self.title(name)
        venue, conf, year = self.venue()
        paper = self.paper(venue, conf, year, title)
        if self.chance(0.08):
            venue = self.rng.choice(PLACEHOLDERS)
        return [name, title, venue, paper, self.code(name)]

    def body_row(self) -> list[str]:
        rng = self.rng
        roll = rng.random()
        if roll < 0.01:
            return [""] * len(HEADER)
        if roll < 0.03 and self.previous:
            return list(rng.choice(self.previous))
        cells = self.entry()
        self.previous.append(cells)
        if len(self.previous) > 500:
            del self.previous[: len(self.previous) - 250]
        roll = rng.random()
        if roll < 0.02 and not self.regular:
            return cells[: rng.randint(2, 4)]
        if roll < 0.03 and not self.regular:
            return [*cells, rng.choice(("", "N/A", "extra"))]
        return cells

    def render(
        self, cells: list[str], style: str, widths: tuple[int, ...], *, body: bool = True
    ) -> str:
        rng = self.rng
        if style == "compact":
            padded = cells
        elif style == "spaced":
            padded = [f" {c} " for c in cells]
        elif style == "aligned":
            # Pads by code points, as many hand-written lists do: CJK and emoji then misalign.
            padded = [f" {c.ljust(widths[min(i, len(widths) - 1)])} " for i, c in enumerate(cells)]
        else:
            padded = [" " * rng.randint(0, 3) + c + " " * rng.randint(0, 3) for c in cells]
        line = "|" + "|".join(padded) + "|"
        if not body:
            return line
        roll = rng.random()
        if roll < 0.01 and not self.regular:
            line = line[:-1].rstrip()
        elif roll < 0.02 and cells[0] and style != "compact" and not self.regular:
            line = line[1:].lstrip()
        elif roll < 0.03:
            line += " " * rng.randint(1, 3)
        return line

    def table(self, rows: int) -> list[str]:
        rng = self.rng
        style = rng.choice(ROW_STYLES)
        widths = (7, *(rng.choice((10, 40, 60)) for _ in HEADER[1:]))
        delimiter = []
        for width in widths:
            length = width if style == "aligned" else rng.choice((1, 3, 3, 5))
            left, right = rng.choice((("", ""), ("", ""), (":", ""), (":", ":"), ("", ":")))
            delimiter.append(left + "-" * max(1, length - len(left) - len(right)) + right)
        lines = [
            self.render(list(HEADER), style, widths, body=False),
            self.render(delimiter, style, widths, body=False),
        ]
        trailing_empty = 1 if rows > 1 and self.chance(0.4) else 0
        for _ in range(rows - trailing_empty):
            row_style = style if self.chance(0.97) else rng.choice(ROW_STYLES)
            lines.append(self.render(self.body_row(), row_style, widths))
        if trailing_empty:
            lines.append(self.render([""] * len(HEADER), style, widths))
        return lines


def _section_sizes(rng: random.Random, rows: int, one_table: bool) -> list[int]:
    if one_table or rows <= 1:
        return [rows]
    low, high = SECTION_ROWS
    if rows < 2 * low:
        low, high = max(1, rows // 4), max(1, rows // 2)
    sizes: list[int] = []
    left = rows
    while left > 0:
        size = min(left, rng.randint(low, high))
        if left - size < low // 4:
            size = left
        sizes.append(size)
        left -= size
    return sizes


def generate(rows: int, seed: int, *, one_table: bool = False, regular: bool = False) -> str:
    """Return a synthetic README whose tables hold exactly `rows` body rows in total."""
    writer = _Writer(seed, regular)
    rng = writer.rng
    sizes = _section_sizes(rng, rows, one_table)
    topics = [f"{rng.choice(TOPICS)} {i + 1}" for i in range(len(sizes))]
    out = [
        f"# Awesome Synthetic Papers {rng.choice(EMOJI)} "
        "[![Awesome](https://awesome.re/badge.svg)](https://awesome.re)",
        "",
        f"A generated paper list ({rows} rows, seed {seed}) for benchmarking table tools. "
        "Entries are *invented*; links look real but are not.",
        "",
        "## Contents",
        "",
    ]
    out += [f"- [{t}](#{t.lower().replace(' ', '-')})" for t in topics]
    out.append("")
    for topic, size in zip(topics, sizes):
        out += [f"## {topic}", ""]
        if writer.chance(0.5):
            out += [f"### {rng.randint(2017, 2025)}", ""]
        if writer.chance(0.5):
            out += [f"Papers on **{topic.rsplit(' ', 1)[0].lower()}**, newest first.", ""]
        out += writer.table(size)
        out += ["", "[⬆ back to top](#contents)", ""]
    out += [
        "## Contributing",
        "",
        "Add a row in this form (this block is code, not a table):",
        "",
        "```markdown",
        "| " + " | ".join(HEADER) + " |",
        "| --- | --- | --- | --- | --- |",
        "| Foo | Foo: a title | ICCV'23 | [ICCV'23](https://arxiv.org/abs/2301.00001) | N/A |",
        "```",
        "",
    ]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, required=True, help="table body rows in total")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--one-table", action="store_true", help="put every row in one table")
    parser.add_argument(
        "--regular", action="store_true", help="no ragged rows, no rows missing an outer pipe"
    )
    parser.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")
    args = parser.parse_args(argv)
    if args.rows < 0:
        parser.error("--rows must be >= 0")
    text = generate(args.rows, args.seed, one_table=args.one_table, regular=args.regular)
    if args.output is None:
        sys.stdout.write(text)
    else:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text, encoding="utf-8", newline="\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
