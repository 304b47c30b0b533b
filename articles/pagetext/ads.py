"""Advertisements (广告) on a printed page, which are no article.

Chinese advertising law has a printed advertisement carry a mark that says so (广告, 公益广告,
a paper's own 本报宣 …), set as a small label of its own. pdfminer gives each of the ad's
pieces as a text box of its own: the slogan, then the label.
"""

from __future__ import annotations

import re

#: The labels, longest first so that a whole label is matched.
AD_LABELS = ("公益广告", "广而告之", "本报宣", "广告", "ADVERTISEMENT", "Advertisement")
#: Inside a box, any label or its first word (`公益` over the slogan, `广告` under it).
AD_MARKERS = re.compile("|".join((*AD_LABELS, "公益")))
#: The label alone on its line, as no sentence of an article prints it.
AD_LABEL = re.compile("|".join(AD_LABELS))
#: An ad's slogan is a short display line, with no clause marks.
LONGEST_SLOGAN = 16
SLOGAN_STOPS = "，。；！？、：:（）()"


def ad_lines(texts: list[str], glued: list[bool]) -> set[int]:
    """Indexes of the lines that are an ad: each label standing alone in its own text box, and
    the slogan box just before it when that box is one short line without clause marks."""
    found: set[int] = set()
    for index, text in enumerate(texts):
        alone = not glued[index] and (index == 0 or not glued[index - 1])
        if not alone or not AD_LABEL.fullmatch(text.replace(" ", "")):
            continue
        found.add(index)
        before = index - 1
        if (
            before >= 0
            and (before == 0 or not glued[before - 1])
            and 0 < len(texts[before].replace(" ", "")) <= LONGEST_SLOGAN
            and not any(char in SLOGAN_STOPS for char in texts[before])
        ):
            found.add(before)
    return found
