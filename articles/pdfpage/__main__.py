"""`python -m articles.pdfpage PAGE.pdf [--page N]` prints the page's parse as JSON."""

import argparse
import json
import sys
from pathlib import Path

from articles.pagetext.model import PageTextError
from entities.matching import find_organisations

from . import PdfError, read_pdf


def main(argv: list[str] | None = None) -> int:
    arguments = argparse.ArgumentParser(description=__doc__)
    arguments.add_argument("pdf", type=Path, help="a page PDF (or a whole issue's)")
    arguments.add_argument("--page", type=int, default=1, help="PDF page number, from 1")
    options = arguments.parse_args(argv)
    try:
        document = read_pdf(options.pdf.read_bytes())
        parsed = document.parse_page(options.page - 1)
    except OSError as error:
        print(f"cannot read {options.pdf}: {error}", file=sys.stderr)
        return 2
    except (PdfError, PageTextError) as error:
        print(f"{options.pdf}: {error}", file=sys.stderr)
        return 1
    for article in parsed.articles:
        article.organisations = find_organisations(article.plain_text())
    print(json.dumps(parsed.to_dict(), ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
