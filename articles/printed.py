"""The printed page's files (its PDF, the image readers see, a thumbnail) and its regions.

Files go through Django's default storage (MEDIA_ROOT here; object storage in a larger
deployment, see SCALING.md) under names that carry a hash of their content: a new rendering
is a new name, so the URL that serves it can be cached for a year, and a name cannot be
guessed. Readers reach them only through `views.printed_file`, which checks that the page
has a published article; they are never linked as plain media.
"""

from __future__ import annotations

import hashlib
import posixpath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction

from articles.pagerender import RenderedPage

PRINTED_DIRECTORY = "printed"
PRINTED_FILES = ("image", "thumbnail", "pdf")  # the Page fields holding them
CONTENT_TYPES = {".webp": "image/webp", ".png": "image/png", ".pdf": "application/pdf"}


def store_printed_files(page, rendered: RenderedPage) -> None:
    """Save the page's PDF, image and thumbnail, and point the (unsaved) page at them.

    Files the page pointed at before are deleted once the transaction commits; if it rolls
    back, the new files stay unreferenced, and the same content saved again reuses them."""
    stem = f"{PRINTED_DIRECTORY}/{page.issue.date:%Y/%m/%d}/{page.number:02d}"
    before = {getattr(page, field).name for field in PRINTED_FILES} - {""}
    page.image.name = _save(f"{stem}-page", rendered.image, ".webp")
    page.thumbnail.name = _save(f"{stem}-thumb", rendered.thumbnail, ".webp")
    page.pdf.name = _save(stem, rendered.pdf, ".pdf")
    page.image_width, page.image_height = rendered.width, rendered.height
    replaced = before - {getattr(page, field).name for field in PRINTED_FILES}
    if replaced:
        transaction.on_commit(lambda: _delete(replaced))


def _save(stem: str, content: bytes, extension: str) -> str:
    name = f"{stem}-{hashlib.sha256(content).hexdigest()[:20]}{extension}"
    if default_storage.exists(name):
        return name
    return default_storage.save(name, ContentFile(content))


def _delete(names) -> None:
    for name in names:
        default_storage.delete(name)


def printed_file(page, filename: str):
    """The page's stored file called `filename` (its base name), or None."""
    for field in PRINTED_FILES:
        stored = getattr(page, field)
        if stored and posixpath.basename(stored.name) == filename:
            return stored
    return None


def content_type(filename: str) -> str:
    return CONTENT_TYPES.get(posixpath.splitext(filename)[1], "application/octet-stream")


def stored_regions(regions) -> list[dict]:
    """The parser's regions as the database keeps them: page fractions, 4 decimals (a tenth
    of a point on an A3 page), clipped to the page."""
    stored = []
    for region in regions:
        x, y = _fraction(region.x), _fraction(region.y)
        w, h = _fraction(min(region.w, 1 - x)), _fraction(min(region.h, 1 - y))
        if w > 0 and h > 0:
            stored.append({"x": x, "y": y, "w": w, "h": h})
    return stored


def _fraction(value: float) -> float:
    return round(min(max(float(value), 0.0), 1.0), 4)
