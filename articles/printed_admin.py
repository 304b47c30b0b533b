"""The printed page in the editors' admin: an article's region cut from the page image beside
its text (校对), and a 版面's image with every article's region, linked to that article.

Mixins, so the admin classes take them with one line; the images come through
`views.printed_file`, which lets staff see pages no reader may see yet.
"""

from django.contrib import admin
from django.template.loader import render_to_string
from django.urls import reverse

from articles.models import Article

# A region is drawn at this share of its image pixels, never shrunk to fit the column: an A3
# page drawn 1,600 px wide then shows its 9 pt body text at ~13 px, the size an editor reads
# the form's own text at. A wide or tall region scrolls inside its box (admin-printed.css).
CROP_SCALE = 0.8
PRINTED_MEDIA = {"all": ["css/admin-printed.css"]}


class ArticleRegionAdmin:
    """校对: the region the article was printed in, beside the body it was read into."""

    class Media:
        css = PRINTED_MEDIA

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "printed_region"]

    def with_printed_region(self, obj, fieldsets):
        """The fieldsets with the printed region beside the body, when there is one."""
        if obj is None or not obj.printed_boxes:
            return fieldsets
        placed = []
        for name, options in fieldsets:
            fields = list(options.get("fields", ()))
            if "body" in fields:
                fields[fields.index("body")] = ("body", "printed_region")
                options = {**options, "fields": fields}
            placed.append((name, options))
        if placed == list(fieldsets):
            placed.append(("版面原样", {"fields": ["printed_region"]}))
        return placed

    @admin.display(description="版面原样（校对）")
    def printed_region(self, article):
        crops = [_crop(box) for box in article.printed_boxes]
        return render_to_string(
            "articles/admin/printed_region.html", {"page": article.page, "crops": crops}
        )


def _crop(box: dict) -> dict:
    return {**box, "width": round(box["w"] * CROP_SCALE), "height": round(box["h"] * CROP_SCALE)}


class PrintedPageAdmin:
    """The 版面 as printed, each article's region numbered and linked to its change form."""

    class Media:
        css = PRINTED_MEDIA

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "printed_page"]

    @admin.display(description="版面图")
    def printed_page(self, page):
        if not page.is_printed:
            return "（本版由文本导入，没有版面图。）"
        articles = [
            {
                "article": article,
                "boxes": article.printed_boxes,
                "url": reverse("admin:articles_article_change", args=[article.pk]),
            }
            for article in Article.objects.filter(page=page)
            .select_related("page__issue")
            .order_by("position", "id")
        ]
        return render_to_string(
            "articles/admin/printed_page.html", {"page": page, "articles": articles}
        )
