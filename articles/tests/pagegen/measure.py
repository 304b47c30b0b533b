"""Score the parser on generated pages, overall, per column width and per convention.

`python -m articles.tests.pagegen.measure DIR [--score ../shared/eval/score.py]` parses every
DIR/*.txt in process (the same parse and organisation matching as `import_issue --dry-run`,
with no organisations known from a database) and scores it with the shared score.py.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
from collections import defaultdict
from pathlib import Path

from articles.pagetext import PageTextError, parse_page
from entities.matching import find_organisations

DEFAULT_SCORE = Path(__file__).resolve().parents[4] / "shared" / "eval" / "score.py"
FIGURES = (
    "headline_accuracy",
    "block_f1",
    "byline_accuracy",
    "dateline_accuracy",
    "caption_f1",
    "org_f1",
    "text_fidelity",
)
SHORT = ("head", "block", "byline", "date", "caption", "org", "text")


def load_score(path: Path):
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def predict(text: str) -> dict:
    try:
        parsed = parse_page(text)
    except PageTextError:
        return {"articles": []}
    for article in parsed.articles:
        article.organisations = find_organisations(article.plain_text(), {})
    return parsed.to_dict()


def measure(directory: Path, score) -> dict:
    pages, by_width, by_feature = [], defaultdict(list), defaultdict(list)
    for path in sorted(directory.glob("*.txt")):
        gold = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
        pred = predict(path.read_text(encoding="utf-8"))
        counts = score.score_page(gold, pred)
        pages.append(counts)
        by_width[gold.get("width", 0)].append(counts)
        for item, (g, p) in zip(
            gold.get("features") or [],
            score.align(gold["articles"], pred["articles"]),
            strict=False,
        ):
            single = score.score_page({"articles": [g]}, {"articles": [p] if p else []})
            for feature in item:
                by_feature[feature].append(single)
    return {
        "all": score.summarise(pages),
        "width": {w: score.summarise(c) for w, c in sorted(by_width.items())},
        "feature": {f: score.summarise(c) for f, c in sorted(by_feature.items())},
    }


def row(label: str, summary: dict) -> str:
    figures = " ".join(
        f"{name}={summary[key]:.3f}" for name, key in zip(SHORT, FIGURES, strict=False)
    )
    return f"{label:<20} n={summary['pages']:<4} {figures}"


def main(argv=None) -> int:
    arguments = argparse.ArgumentParser(description=__doc__)
    arguments.add_argument("dir", type=Path)
    arguments.add_argument("--score", type=Path, default=DEFAULT_SCORE)
    options = arguments.parse_args(argv)
    result = measure(options.dir, load_score(options.score))
    print(row("all pages", result["all"]))
    for width, summary in result["width"].items():
        print(row(f"width {width}", summary))
    for feature, summary in result["feature"].items():
        print(row(feature, summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
