"""`python -m articles.pagetext PAGE.txt` prints the page's parse as JSON."""

import argparse
import json
import sys
from pathlib import Path

from . import PageTextError, parse_page


def main(argv: list[str] | None = None) -> int:
    arguments = argparse.ArgumentParser(description=__doc__)
    arguments.add_argument("page", type=Path, help="extracted text of one printed page")
    page = arguments.parse_args(argv).page
    try:
        parsed = parse_page(page.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        print(f"cannot read {page}: {error}", file=sys.stderr)
        return 2
    except PageTextError as error:
        print(f"{page}: {error}", file=sys.stderr)
        return 1
    print(json.dumps(parsed.to_dict(), ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
