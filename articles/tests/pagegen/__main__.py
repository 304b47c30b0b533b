"""`python -m articles.tests.pagegen OUT_DIR [--set SET] [--per-width N]`, SET one of SETS.

Writes OUT_DIR/wWW-NNN.txt and .expected.json (page-parse.schema.json shape, with the
generator's notes under "features") for every column width from 9 to 20.
"""

import argparse
import json
from pathlib import Path

from . import fresh, heldout, texts, unseen, unseen2
from .generate import compose

SETS = {
    "tuning": texts,
    "heldout": heldout,
    "fresh": fresh,
    "unseen": unseen,
    "unseen2": unseen2,
}


def main(argv=None) -> int:
    arguments = argparse.ArgumentParser(description=__doc__)
    arguments.add_argument("out", type=Path)
    arguments.add_argument("--set", choices=sorted(SETS), default="tuning")
    arguments.add_argument("--per-width", type=int, default=12)
    arguments.add_argument("--seed", type=int, default=0)
    options = arguments.parse_args(argv)
    source = SETS[options.set]
    options.out.mkdir(parents=True, exist_ok=True)
    for width in range(9, 21):
        for number in range(options.per_width):
            seed = options.seed * 100_000 + width * 1000 + number
            page = compose(source.ARTICLES, source.PHOTOS, width, seed)
            stem = options.out / f"w{width:02d}-{number:03d}"
            stem.with_suffix(".txt").write_text(page.text, encoding="utf-8")
            expected = dict(page.expected, features=page.features, width=width)
            stem.with_suffix(".expected.json").write_text(
                json.dumps(expected, ensure_ascii=False, indent=1), encoding="utf-8"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
