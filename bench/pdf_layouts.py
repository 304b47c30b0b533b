"""Typeset our own held-out pages as PDFs in random layouts and score the PDF reader on them.

The shared sample PDFs come from one typesetting program; this set varies what a parser must not
depend on (page size, 3-8 columns, gutters, leading, faces among the Debian CJK fonts installed,
sizes, headlines above or beside their text, kickers and subtitles, rules or white space, photos
above, inset in or under an article's columns, photo news, ads, running heads), drawn from a
seed. The page texts are the held-out text pages in articles/tests/pages.

Two sets, kept apart: `--set dev` (held-01..08 typeset from seed 1000 on) is what the reader's
rules were tuned on; `--set held-out` (held-09..16 from seed 9000 on) is looked at only to
report. Each page of a round gets its own seed (seed + round * pages + position).

    .venv/bin/python bench/pdf_layouts.py OUT_DIR [--set dev|held-out] [--rounds 3] [--score]
    .venv/bin/python bench/pdf_layouts.py OUT_DIR --pages held-09,... --seed 900 --score
    .venv/bin/python bench/pdf_layouts.py OUT_DIR --set dev --wide --quick

--wide also varies what another typesetting program would do otherwise: fake bold's offset
(and a rise), the white between bands, a headline's leading and letter space, a
subheading's size, a full-width space in bylines. Without it the pages of every seed are
the ones typeset before it was added.

--score runs ../shared/eval/score.py over OUT_DIR (through import_issue, as for the shared
PDFs); --quick scores in this process with score.py's own functions (no Django, much faster)
and prints each page that is not perfect. Both print the regions figure: the share of printed
articles whose regions hold every glyph typeset for it and none typeset for another, and the
slowest page's parse time.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from articles.tests.typeset_pdf import (  # noqa: E402
    BYLINE_FACES,
    CAPTION_FACES,
    HEAD_FACES,
    TEXT_FACES,
    Layout,
    available_faces,
    page_furniture,
    typeset,
)

SETS = {
    "dev": ([f"held-{n:02d}" for n in range(1, 9)], 1000),
    "held-out": ([f"held-{n:02d}" for n in range(9, 17)], 9000),
}
SCORE = ROOT.parent / "shared" / "eval" / "score.py"
#: Where page texts are looked up by name: our own held pages, then the shared text pages
#: (`--pages page-01-01,...` typesets other texts to tune on, kept apart from held-out).
PAGE_DIRS = (ROOT / "articles" / "tests" / "pages", ROOT.parent / "shared" / "pages")
# score.py feeds the command each page's .txt; the PDF beside it is what is read.
COMMAND = (
    f"p={{page}}; {ROOT}/.venv/bin/python {ROOT}/manage.py "
    'import_issue --dry-run --format json "${p%.txt}.pdf" 2>/dev/null'
)


def random_layout(rng: random.Random, wide: bool = False) -> Layout:
    """A layout drawn from the seed; `wide` also varies what another typesetting program does
    otherwise (drawn after the rest, so the usual sets' pages stay as they were)."""
    faces = set(available_faces())

    def face(choices):
        return rng.choice([name for name in choices if name in faces])

    page = rng.choice([(770, 1100), (842, 1191), (1105, 1545), (595, 842)])
    body_size = rng.choice([8.5, 9.0, 9.5, 10.0, 10.5, 11.0])
    gutter = rng.choice([1.0, 1.5, 2.0, 2.5])
    # Papers set 9 to 20 characters a column (a broadsheet's 8 columns, a tabloid's 4).
    usable = page[0] - 72
    fits = [
        n for n in range(3, 9) if 9 <= (usable - (n - 1) * gutter * body_size) / n / body_size <= 20
    ]
    layout = Layout(
        page=page,
        columns=rng.choice(fits or [4]),
        gutter=gutter,
        body_size=body_size,
        leading=rng.choice([1.4, 1.5, 1.6, 1.75]),
        body_face=face(TEXT_FACES),
        head_face=face(HEAD_FACES),
        caption_face=face(CAPTION_FACES),
        byline_face=face(BYLINE_FACES),
        head_size=rng.choice([18, 20, 24, 28, 32, 36]),
        kicker_ratio=rng.choice([0.5, 0.6, 0.7]),
        head_align=rng.choice(["centre", "centre", "left"]),
        # Captions are set smaller than the body (小一号 or more).
        caption_size=min(rng.choice([7.0, 7.5, 8.0, 8.5]), body_size - 0.5),
        caption_mark=rng.random() < 0.3,
        fake_bold=rng.random() < 0.6,
        rules=rng.random() < 0.6,
        beside=rng.random() < 0.4,
        beside_first=rng.random() < 0.2,
        photo_place=rng.choice(["below", "above", "inset"]),
        photo_news=True,
        **page_furniture(rng),
        two_per_band=rng.random() < 0.7,
        three_per_band=rng.random() < 0.3,
    )
    if wide:
        layout.bold_offset = rng.choice([0.02, 0.03, 0.05, 0.08])
        layout.bold_rise = rng.choice([0.0, 0.0, 0.02, 0.04])
        layout.band_white = rng.choice([1.0, 1.2, 1.8, 2.5])
        layout.head_leading = rng.choice([1.15, 1.3, 1.5])
        layout.head_tracking = rng.choice([0.0, 0.0, 0.1, 0.2])
        layout.subheading_ratio = rng.choice([1.0, 1.1, 1.2])
        layout.byline_space = rng.choice([" ", "\u3000"])
    return layout


def make_pages(
    out: Path, names: list[str], seed: int, rounds: int, wide: bool = False
) -> dict[str, list]:
    """Write OUT/<page>-s<seed>.pdf with its expected parse; returns each page's glyphs."""
    glyphs = {}
    for round_number in range(rounds):
        for offset, name in enumerate(names):
            page_seed = seed + round_number * len(names) + offset
            articles = page_articles(name)
            layout = random_layout(random.Random(page_seed), wide)
            printed = typeset(articles, layout, seed=page_seed)
            stem = f"{name}-s{page_seed}"
            (out / f"{stem}.pdf").write_bytes(printed.pdf)
            (out / f"{stem}.txt").write_text("")
            expected = {"articles": printed.articles, "running_head": printed.running_head}
            (out / f"{stem}.expected.json").write_text(json.dumps(expected, ensure_ascii=False))
            glyphs[stem] = (printed.articles, printed.glyphs)
    return glyphs


def page_articles(name: str) -> list[dict]:
    """The articles of a page text, looked up by name in PAGE_DIRS."""
    source = next(
        path for path in (folder / f"{name}.expected.json" for folder in PAGE_DIRS) if path.exists()
    )
    return json.loads(source.read_text())["articles"]


def load_score():
    spec = importlib.util.spec_from_file_location("score", SCORE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_pages(out: Path, stems) -> dict[str, tuple[dict, float]]:
    """Each page's parse as import_issue prints it (organisations found, none known yet)."""
    from articles.pagetext.model import PageTextError
    from articles.pdfpage import read_pdf
    from entities.matching import find_organisations

    parses = {}
    for stem in stems:
        started = time.perf_counter()
        try:
            document = read_pdf((out / f"{stem}.pdf").read_bytes())
            page = document.parse_page(0)
        except PageTextError as error:
            print(f"{stem}: {error}")
            parses[stem] = ({"articles": []}, time.perf_counter() - started)
            continue
        elapsed = time.perf_counter() - started
        for article in page.articles:
            article.organisations = find_organisations(article.plain_text())
        parses[stem] = (page.to_dict(), elapsed)
    return parses


def regions_hold(score, gold: list[dict], glyphs: list, predicted: dict, size) -> tuple[int, int]:
    """(articles whose regions hold all their glyphs and none of another's, articles)."""
    width, height = size

    def inside(point, regions) -> bool:
        x, y = point[0] / width, point[1] / height
        return any(
            r["x"] <= x <= r["x"] + r["w"] and r["y"] <= y <= r["y"] + r["h"] for r in regions
        )

    right = 0
    for index, (_, match) in enumerate(score.align(gold, predicted["articles"])):
        if match is None:
            continue
        own = match.get("regions") or []
        others = [
            region
            for article in predicted["articles"]
            if article is not match
            for region in article.get("regions") or []
        ]
        foreign = [p for other, points in enumerate(glyphs) if other != index for p in points]
        right += all(
            inside(point, own) and not inside(point, others) for point in glyphs[index]
        ) and not any(inside(point, own) for point in foreign)
    return right, len(gold)


def quick(out: Path, glyphs: dict) -> None:
    from articles.pdfpage import read_pdf

    score = load_score()
    parses = read_pages(out, glyphs)
    counts, held, total = [], 0, 0
    for stem, (predicted, _) in parses.items():
        gold = json.loads((out / f"{stem}.expected.json").read_text())
        page = score.score_page(gold, predicted)
        counts.append(page)
        size = read_pdf((out / f"{stem}.pdf").read_bytes()).page_size(0)
        hit, count = regions_hold(score, gold["articles"], glyphs[stem][1], predicted, size)
        held, total = held + hit, total + count
        alone = score.summarise([page])
        figures = [alone[k] for k in ("headline_accuracy", "block_f1", "byline_accuracy")]
        figures += [alone[k] for k in ("dateline_accuracy", "caption_f1", "text_fidelity")]
        if min(figures) < 1 or hit < count or page["articles_gold"] != page["articles_pred"]:
            print(f"  {stem}: " + " ".join(f"{f:.3f}" for f in figures), f"regions {hit}/{count}")
    print(score.line(score.summarise(counts)))
    report_regions_and_time(held, total, parses)


def report_regions_and_time(held: int, total: int, parses: dict) -> None:
    times = sorted(elapsed for _, elapsed in parses.values())
    print(
        f"regions={held / max(total, 1):.3f} ({held}/{total} articles)"
        f" parse_s median={times[len(times) // 2]:.2f} max={times[-1]:.2f}"
    )


def arguments(description: str) -> argparse.ArgumentParser:
    """The arguments of a layout bench: OUT, the set or pages, seed, rounds, how to score."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("out", type=Path)
    parser.add_argument("--set", choices=sorted(SETS), default="held-out")
    parser.add_argument("--pages", help="comma-separated page names (instead of the set's)")
    parser.add_argument("--seed", type=int, help="first seed (instead of the set's)")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--score", action="store_true")
    parser.add_argument("--quick", action="store_true")
    return parser


def pages_and_seed(args) -> tuple[list[str], int]:
    """The page names and first seed the arguments ask for; OUT made and emptied."""
    names, seed = SETS[args.set]
    names = args.pages.split(",") if args.pages else names
    seed = args.seed if args.seed is not None else seed
    args.out.mkdir(parents=True, exist_ok=True)
    for stale in args.out.glob("*"):
        stale.unlink()
    return names, seed


def main() -> int:
    parser = arguments(__doc__.splitlines()[0])
    parser.add_argument(
        "--wide", action="store_true", help="also vary what other typesetting programs do"
    )
    args = parser.parse_args()
    names, seed = pages_and_seed(args)
    glyphs = make_pages(args.out, names, seed, args.rounds, args.wide)
    if args.quick:
        if SCORE.exists():
            quick(args.out, glyphs)
        return 0
    if not args.score:
        return 0
    if not SCORE.exists():
        print(f"没有 {SCORE}：只生成了版面，未评分。")
        return 0
    return score_through_import(args.out, glyphs)


def score_through_import(out: Path, glyphs: dict) -> int:
    """score.py over OUT through import_issue, then the regions figure and parse times."""
    command = [sys.executable, str(SCORE), "--dir", str(out), "--cmd", COMMAND]
    status = subprocess.call(command, cwd=ROOT)
    score = load_score()
    from articles.pdfpage import read_pdf

    parses = read_pages(out, glyphs)
    held = total = 0
    for stem, (predicted, _) in parses.items():
        gold = json.loads((out / f"{stem}.expected.json").read_text())["articles"]
        size = read_pdf((out / f"{stem}.pdf").read_bytes()).page_size(0)
        hit, count = regions_hold(score, gold, glyphs[stem][1], predicted, size)
        held, total = held + hit, total + count
    report_regions_and_time(held, total, parses)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
