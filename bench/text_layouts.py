"""Typeset pages in random layouts and keep only what pdfminer's plain-text extraction gives.

The text importer meets a page as the text of pdfminer.six's default
``pdfminer.high_level.extract_text`` (how the shared page .txt files were made), not as a clean
typed page. This writes, for each page that bench/pdf_layouts.py typesets (same sets, same
seeds), OUT/<page>-s<seed>.txt holding that extraction and the expected parse beside it, and no
PDF, so that score.py scores the text path on it:

    .venv/bin/python bench/text_layouts.py OUT_DIR [--set dev|held-out] [--rounds 3]
    python3 ../shared/eval/score.py --dir OUT_DIR \
        --cmd '.venv/bin/python manage.py import_issue --dry-run --format json {page}'

Tune on `--set dev` only; `--set held-out` is for reporting.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pdfminer.high_level import extract_text  # noqa: E402

from bench.pdf_layouts import SETS, make_pages  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--set", choices=sorted(SETS), default="dev")
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    names, seed = SETS[args.set]
    args.out.mkdir(parents=True, exist_ok=True)
    for stale in args.out.glob("*"):
        stale.unlink()
    make_pages(args.out, names, seed, args.rounds)
    for pdf in sorted(args.out.glob("*.pdf")):
        pdf.with_suffix(".txt").write_text(extract_text(io.BytesIO(pdf.read_bytes())), "utf-8")
        pdf.unlink()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
