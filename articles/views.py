"""The reader site: the printed edition issue by issue and page by page, articles and lists.

Every article shown comes from `Article.objects.published()`; so do the counts and the
choice of which issues, pages, tags and contributors exist for readers. A staff member may
open an unpublished article for preview: it carries a banner and is never cached.
"""

import datetime
import functools
from itertools import groupby

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import InvalidPage, Paginator
from django.db.models import Count, Exists, OuterRef, Q
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe
from taggit.models import Tag

from articles.models import Article, Byline, Contributor, Issue, Page
from entities.merging import merged_into
from entities.models import Mention

PER_PAGE = 20
ISSUES_PER_PAGE = 60
PUBLIC_CACHE = {"public": True, "max_age": 300, "s_maxage": 600}
PRIVATE_CACHE = {"private": True, "no_store": True, "max_age": 0}


def public(view):
    """Mark a view's responses as shareable by a CDN, unless the view said otherwise."""

    @functools.wraps(view)
    @require_safe
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, **PUBLIC_CACHE)
        return response

    return wrapper


def published_articles():
    """Published articles with what a list shows: where printed, and captions for photo titles."""
    return Article.objects.published().select_related("page__issue").prefetch_related("captions")


def paginate(request, queryset, per_page=PER_PAGE):
    try:
        return Paginator(queryset, per_page).page(request.GET.get("page") or 1)
    except InvalidPage as error:
        raise Http404("没有这一页。") from error


def parse_date(value):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise Http404("日期无效。") from error


def has_published_articles(**lookups):
    return Exists(Article.objects.published().filter(**lookups))


def edition(issue):
    """The issue's pages, each with its published articles in printed order (lead first)."""
    articles = (
        published_articles().filter(page__issue=issue).order_by("page__number", "position", "id")
    )
    return [
        {"page": page, "articles": list(items)}
        for page, items in groupby(articles, key=lambda article: article.page)
    ]


@public
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


@public
def issue_list(request):
    now = timezone.now()
    visible = Q(
        pages__articles__status=Article.Status.PUBLISHED, pages__articles__publish_at__lte=now
    )
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


@public
def issue_detail(request, date):
    issue = get_object_or_404(Issue, date=parse_date(date))
    pages = edition(issue)
    if not pages:
        raise Http404("这一期没有已发布的稿件。")
    return render(request, "articles/issue_detail.html", {"issue": issue, "edition": pages})


@public
def page_detail(request, date, number):
    page = get_object_or_404(
        Page.objects.select_related("issue"), issue__date=parse_date(date), number=number
    )
    articles = list(published_articles().filter(page=page).order_by("position", "id"))
    if not articles:
        raise Http404("这一版没有已发布的稿件。")
    pages = list(
        Page.objects.filter(issue=page.issue)
        .filter(has_published_articles(page=OuterRef("pk")))
        .order_by("number")
    )
    index = next(i for i, p in enumerate(pages) if p.pk == page.pk)
    return render(
        request,
        "articles/page_detail.html",
        {
            "page": page,
            "issue": page.issue,
            "articles": articles,
            "pages": pages,
            "previous_page": pages[index - 1] if index > 0 else None,
            "next_page": pages[index + 1] if index + 1 < len(pages) else None,
        },
    )


def can_preview(user) -> bool:
    return user.is_active and user.is_staff and user.has_perm("articles.view_article")


@public
def article_detail(request, pk):
    article = get_object_or_404(Article.objects.select_related("page__issue"), pk=pk)
    preview = not article.is_visible_to_readers
    if preview and not can_preview(request.user):
        raise Http404("稿件不存在。")
    attach_related(article)
    response = render(
        request,
        "articles/article_detail.html",
        {
            "article": article,
            "preview": preview,
            "canonical_url": request.build_absolute_uri(article.get_absolute_url()),
            "summary": summary(article),
        },
    )
    if preview:
        patch_cache_control(response, **PRIVATE_CACHE)
        response["X-Robots-Tag"] = "noindex"
    return response


def attach_related(article) -> None:
    """Load what the article page shows of other tables, as prefetch_related would.

    Four plain queries filled into the article's prefetch cache: on the most read page,
    prefetch_related's generic machinery cost twice what the queries themselves do."""
    related = {
        "bylines": Byline.objects.filter(article=article).select_related("contributor"),
        "captions": article.captions.all(),
        "tags": Tag.objects.filter(
            taggit_taggeditem_items__content_type=ContentType.objects.get_for_model(Article),
            taggit_taggeditem_items__object_id=article.pk,
        ).order_by("name"),
        "mentions": Mention.objects.filter(article=article)
        .select_related("organisation")
        .order_by("organisation__name"),
    }
    for queryset in related.values():
        queryset._fetch_all()
    article._prefetched_objects_cache = related


def summary(article, length=110) -> str:
    """A plain-text description: the body's opening, or a photo item's caption."""
    text = article.body_text or " ".join(c.text for c in article.captions.all())
    text = " ".join(text.split())
    return text[:length] + ("…" if len(text) > length else "")


@public
def contributor_detail(request, pk):
    contributor = Contributor.objects.filter(pk=pk).first()
    if contributor is None:
        kept = merged_into(Contributor, pk)
        if kept is None:
            raise Http404("作者不存在。")
        return HttpResponsePermanentRedirect(kept.get_absolute_url())
    articles = published_articles().filter(bylines__contributor=contributor)
    page_obj = paginate(request, articles)
    if not page_obj.paginator.count:
        raise Http404("没有这位作者的已发布稿件。")
    return render(
        request,
        "articles/contributor_detail.html",
        {"contributor": contributor, "page_obj": page_obj},
    )


@public
def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    page_obj = paginate(request, published_articles().filter(tags=tag))
    if not page_obj.paginator.count:
        raise Http404("这个标签下没有已发布的稿件。")
    return render(request, "articles/tag_detail.html", {"tag": tag, "page_obj": page_obj})


@public
def subscribe(request):
    """订阅: what the feed is and how to use it, for a reader who clicked the link; apps read
    the RSS itself at /feed/ (linked here and in every page's head)."""
    return render(
        request,
        "articles/subscribe.html",
        {
            "feed_url": request.build_absolute_uri(reverse("articles:feed")),
            "latest": published_articles()[:10],
        },
    )


@public
def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("articles:sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /search/", f"Sitemap: {sitemap}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
