"""Typeset our own held-out pages as PDFs in random layouts and score the PDF reader on them.

The shared sample PDFs come from one typesetting program; this set varies what a parser must not
depend on (page size, 3-7 columns, gutters, faces and sizes, headlines beside their text, rules,
photo news, ads, running heads), drawn from a seed. The page texts are the held-out text pages
in articles/tests/pages (held-01..08 were used while tuning the PDF reader, held-09..16 never).

    .venv/bin/python bench/pdf_layouts.py OUT_DIR [--pages held-09,...] [--seed 900] [--score]

--score runs ../shared/eval/score.py over OUT_DIR (through import_issue, as for the shared PDFs).
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from articles.tests.typeset_pdf import Layout, typeset  # noqa: E402

HELD_OUT = ",".join(f"held-{n:02d}" for n in range(9, 17))
SCORE = ROOT.parent / "shared" / "eval" / "score.py"
# score.py feeds the command each page's .txt; the PDF beside it is what is read.
COMMAND = (
    f"p={{page}}; {ROOT}/.venv/bin/python {ROOT}/manage.py "
    'import_issue --dry-run --format json "${p%.txt}.pdf"'
)


def random_layout(rng: random.Random) -> Layout:
    return Layout(
        page=rng.choice([(770, 1100), (842, 1191), (1105, 1545)]),
        columns=rng.randint(3, 7),
        gutter=rng.choice([1.0, 1.5, 2.0, 2.5]),
        body_size=rng.choice([9.0, 9.5, 10.0, 10.5, 11.0]),
        leading=rng.choice([1.45, 1.6, 1.75]),
        body_face=rng.choice(["STSong-Light", "WQYMicroHeiMono"]),
        head_face="WQYMicroHei",
        caption_face=rng.choice(["WQYMicroHeiMono", "WQYMicroHei"]),
        head_size=rng.choice([20, 24, 28, 32]),
        caption_size=rng.choice([7.5, 8.0, 8.5]),
        fake_bold=rng.random() < 0.6,
        rules=rng.random() < 0.6,
        beside=rng.random() < 0.4,
        photo_news=True,
        ad=rng.random() < 0.6,
        running_head=rng.random() < 0.8,
        two_per_band=rng.random() < 0.7,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", default=HELD_OUT)
    parser.add_argument("--seed", type=int, default=900)
    parser.add_argument("--score", action="store_true")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for offset, name in enumerate(args.pages.split(",")):
        seed = args.seed + offset
        source = ROOT / "articles" / "tests" / "pages" / f"{name}.expected.json"
        articles = json.loads(source.read_text())["articles"]
        printed = typeset(articles, random_layout(random.Random(seed)), seed=seed)
        (args.out / f"{name}.pdf").write_bytes(printed.pdf)
        (args.out / f"{name}.txt").write_text("")
        expected = {"articles": printed.articles, "running_head": printed.running_head}
        (args.out / f"{name}.expected.json").write_text(json.dumps(expected, ensure_ascii=False))
    if not args.score:
        return 0
    if not SCORE.exists():
        print(f"没有 {SCORE}：只生成了版面，未评分。")
        return 0
    command = [sys.executable, str(SCORE), "--dir", str(args.out), "--cmd", COMMAND]
    return subprocess.call(command, cwd=ROOT)


if __name__ == "__main__":
    raise SystemExit(main())
