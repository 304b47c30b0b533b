"""How bylines are written out as text: `记者 李墨、通讯员 周钢` (a role, a space, the name;
the name alone without a role), the way a Chinese paper prints them.

The admin, the feed, the history and the search index use it as it is; the import/export file
uses the same shape with separators it can read back (`记者：李墨；通讯员：周钢`). The article
page links each name, so its template spells out the same shape in markup.
"""

BETWEEN_BYLINES = "、"


def byline_label(role: str, name: str, role_separator: str = " ") -> str:
    role = (role or "").strip()
    return f"{role}{role_separator}{name}" if role else name


def format_bylines(bylines, *, between: str = BETWEEN_BYLINES, role_separator: str = " ") -> str:
    """Bylines (anything with `role` and `contributor.name`) in order, as one text."""
    return between.join(
        byline_label(byline.role, byline.contributor.name, role_separator) for byline in bylines
    )
