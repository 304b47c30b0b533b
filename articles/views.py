"""The reader site: the printed edition issue by issue and page by page, articles and lists.

Every article shown comes from `Article.objects.published()` (lists: `.for_lists()`); so do
the counts and the choice of which issues, pages, tags and contributors exist for readers.
A staff member may open an unpublished article for preview: it carries a banner and is never
cached.
"""

import mimetypes
from itertools import groupby

from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.db.models import Count, Exists, OuterRef
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.views.decorators.http import require_safe
from taggit.models import Tag

from articles import printed
from articles.article_page import read_article, shown_with
from articles.models import Article, Contributor, Issue, Page, visible_to_readers
from articles.page_cache import ARTICLE_PAGE
from entities.merging import redirect_to_kept
from newsroom.caching import public_page
from newsroom.reading import PAGINATED, date_from_url, link, paginate

ISSUES_PER_PAGE = 60
PRIVATE_CACHE = {"private": True, "no_store": True, "max_age": 0}
# A printed page's files are named by their content: the same URL never changes meaning.
PRINTED_FILE_CACHE = {"public": True, "max_age": 365 * 24 * 3600, "immutable": True}


def has_published_articles(**lookups):
    return Exists(Article.objects.published().filter(**lookups))


def edition(issue):
    """The issue's pages, each with its published articles in printed order (lead first)."""
    articles = (
        Article.objects.published()
        .for_lists()
        .filter(page__issue=issue)
        .order_by("page__number", "position", "id")
    )
    return [
        {"page": page, "articles": list(items)}
        for page, items in groupby(articles, key=lambda article: article.page)
    ]


@public_page
def home(request):
    issue = (
        Issue.objects.filter(has_published_articles(page__issue=OuterRef("pk")))
        .order_by("-date")
        .first()
    )
    return render(
        request,
        "articles/home.html",
        {"issue": issue, "edition": edition(issue) if issue else []},
    )


@public_page(query=PAGINATED)
def issue_list(request):
    visible = visible_to_readers(through="pages__articles")
    issues = (
        Issue.objects.annotate(
            article_count=Count("pages__articles", filter=visible),
            page_count=Count("pages", filter=visible, distinct=True),
        )
        .filter(article_count__gt=0)
        .order_by("-date")
    )
    page_obj = paginate(request, issues, ISSUES_PER_PAGE)
    return render(request, "articles/issue_list.html", {"page_obj": page_obj})


@public_page
def issue_detail(request, date):
    issue = get_object_or_404(Issue, date=date_from_url(date))
    pages = edition(issue)
    if not pages:
        raise Http404("这一期没有已发布的稿件。")
    return render(request, "articles/issue_detail.html", {"issue": issue, "edition": pages})


@public_page
def page_detail(request, date, number):
    page = get_object_or_404(
        Page.objects.select_related("issue"), issue__date=date_from_url(date), number=number
    )
    articles = list(
        Article.objects.published().for_lists().filter(page=page).order_by("position", "id")
    )
    if not articles:
        raise Http404("这一版没有已发布的稿件。")
    pages = list(
        Page.objects.filter(issue=page.issue)
        .select_related("issue")
        .filter(has_published_articles(page=OuterRef("pk")))
        .order_by("number")
    )
    index = next(i for i, p in enumerate(pages) if p.pk == page.pk)
    return render(
        request,
        "articles/page_printed.html" if page.is_printed else "articles/page_detail.html",
        {
            "page": page,
            "issue": page.issue,
            "articles": articles,
            "pages": pages,
            "previous_page": pages[index - 1] if index > 0 else None,
            "next_page": pages[index + 1] if index + 1 < len(pages) else None,
        },
    )


@require_safe
def printed_file(request, date, number, filename):
    """A printed page's image, thumbnail or PDF: public once the page has a published
    article (cached for a year: the name carries the content's hash), else staff only."""
    page = get_object_or_404(
        Page.objects.select_related("issue"), issue__date=date_from_url(date), number=number
    )
    stored = printed.printed_file(page, filename)
    if stored is None:
        raise Http404("没有这个文件。")
    public_file = Article.objects.published().filter(page=page).exists()
    if not public_file and not can_preview(request.user):
        raise Http404("这一版没有已发布的稿件。")
    etag = f'"{filename}"'
    not_modified = get_conditional_response(request, etag=etag)
    if not_modified is not None:
        response = not_modified
    else:
        is_pdf = filename.endswith(".pdf")
        response = FileResponse(
            stored.open("rb"),
            content_type=printed.content_type(filename),
            as_attachment=is_pdf,
            filename=f"{page.issue.date.isoformat()}-第{page.number:02d}版.pdf" if is_pdf else "",
        )
        response["ETag"] = etag
    patch_cache_control(response, **(PRINTED_FILE_CACHE if public_file else PRIVATE_CACHE))
    return response


@require_safe
def caption_image(request, name):
    """An uploaded caption photo, read through the storage API: public once an article it
    illustrates is, else staff only. Cached for a year: storage never gives a new file a name
    in use, so a name's bytes never change."""
    illustrated = Article.objects.filter(captions__image=name)
    public_file = illustrated.published().exists()
    if not public_file and not (can_preview(request.user) and illustrated.exists()):
        raise Http404("没有这张图片。")
    try:
        stored = default_storage.open(name, "rb")
    except (OSError, SuspiciousFileOperation) as error:
        raise Http404("没有这张图片。") from error
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(stored, content_type=content_type)
    patch_cache_control(response, **(PRINTED_FILE_CACHE if public_file else PRIVATE_CACHE))
    return response


def can_preview(user) -> bool:
    return user.is_active and user.is_staff and user.has_perm("articles.view_article")


@public_page(versioned_by=ARTICLE_PAGE)
def article_detail(request, pk):
    article = read_article(pk)
    preview = article is None or not article.is_visible_to_readers()
    if preview and (article is None or not can_preview(request.user)):
        raise Http404("稿件不存在。")
    related = shown_with(article)
    response = render(
        request,
        "articles/article_detail.html",
        {
            "article": article,
            **related,
            "title": article.title_or_caption(related["captions"]),
            "preview": preview,
            "canonical_url": request.build_absolute_uri(link("articles:article", article.pk)),
            "summary": summary(article, related["captions"]),
            **dates_and_place(article),
        },
    )
    if preview:
        patch_cache_control(response, **PRIVATE_CACHE)
        response["X-Robots-Tag"] = "noindex"
    return response


def dates_and_place(article) -> dict:
    """The issue date, the publication time and the printed page's links, each formatted
    once: the template shows them up to three times, and ``date`` filters and ``reverse``
    were ~10 % of rendering the page (cProfile)."""
    published = article.publish_at and timezone.localtime(article.publish_at)
    page = article.page
    return {
        "published": published
        and {
            "iso": published.isoformat(),
            "text": formats.date_format(published, "DATETIME_FORMAT"),
        },
        "printed": page
        and {
            "url": page.get_absolute_url(),
            "issue_url": page.issue.get_absolute_url(),
            "iso": page.issue.date.isoformat(),
            "date": formats.date_format(page.issue.date, "DATE_FORMAT"),
            "number": page.number,
            "name": page.name,
        },
    }


def summary(article, captions, length=110) -> str:
    """A plain-text description: the body's opening, or a photo item's caption."""
    text = article.body_text or " ".join(c.text for c in captions)
    text = " ".join(text.split())
    return text[:length] + ("…" if len(text) > length else "")


@public_page(query=PAGINATED)
def contributor_detail(request, pk):
    contributor = Contributor.objects.filter(pk=pk).first()
    if contributor is None:
        return redirect_to_kept(Contributor, pk, "作者不存在。")
    articles = Article.objects.published().for_lists().filter(bylines__contributor=contributor)
    page_obj = paginate(request, articles)
    if not page_obj.paginator.count:
        raise Http404("没有这位作者的已发布稿件。")
    return render(
        request,
        "articles/contributor_detail.html",
        {"contributor": contributor, "page_obj": page_obj},
    )


@public_page(query=PAGINATED)
def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    page_obj = paginate(request, Article.objects.published().for_lists().filter(tags=tag))
    if not page_obj.paginator.count:
        raise Http404("这个标签下没有已发布的稿件。")
    return render(request, "articles/tag_detail.html", {"tag": tag, "page_obj": page_obj})


@public_page
def subscribe(request):
    """订阅: what the feed is and how to use it, for a reader who clicked the link; apps read
    the RSS itself at /feed/ (linked here and in every page's head)."""
    return render(
        request,
        "articles/subscribe.html",
        {
            "feed_url": request.build_absolute_uri(reverse("articles:feed")),
            "latest": Article.objects.published().for_lists()[:10],
        },
    )


@public_page
def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("articles:sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /search/", f"Sitemap: {sitemap}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
