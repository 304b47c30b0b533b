"""The printed edition (Issue, Page) and what it carries (Article, its Bylines and Captions)."""

import datetime
import hashlib
import json
from collections.abc import Iterable, Mapping

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import formats, timezone
from simple_history.models import HistoricalRecords
from taggit.managers import TaggableManager

from articles.body import plain_body, render_body
from articles.bylines import byline_label
from articles.history import RelatedSnapshot
from articles.pagetext.bylines import photo_credit
from newsroom.reading import link

#: Years a publication time may fall in: a newspaper's archive, its schedule, and what the
#: search rank key holds (search.backends).
PUBLISH_AT_YEARS = range(1900, 2100)


def _in_publish_at_years(moment) -> bool:
    zone = timezone.get_current_timezone()
    start = datetime.datetime(PUBLISH_AT_YEARS[0], 1, 1, tzinfo=zone)
    end = datetime.datetime(PUBLISH_AT_YEARS[-1] + 1, 1, 1, tzinfo=zone)
    return start <= moment < end


#: Each version of the import fingerprint and the kinds of entity whose mentions it covers,
#: besides the article's text, bylines and captions. A new kind of entity gets a new version:
#: an article keeps the version it was imported with, and is compared by that version, so
#: adding a kind does not make every imported article look edited.
FINGERPRINT_ENTITY_KINDS = {1: ("organisation",)}
FINGERPRINT_VERSION = max(FINGERPRINT_ENTITY_KINDS)


def content_fingerprint(
    *,
    version=None,
    kind,
    kicker,
    title,
    subtitle,
    dateline,
    body,
    bylines,
    captions,
    entities: Mapping[str, Iterable[str]],
) -> str:
    """SHA-256 of an article's imported content: text, bylines, captions and the names of the
    entities it mentions (`entities`: kind -> names), as fingerprint `version` covers them."""
    version = version or FINGERPRINT_VERSION
    content = {
        "kind": kind,
        "kicker": kicker,
        "title": title,
        "subtitle": subtitle,
        "dateline": dateline,
        "body": body,
        "bylines": [list(byline) for byline in bylines],
        "captions": list(captions),
    }
    for entity_kind in FINGERPRINT_ENTITY_KINDS[version]:
        content[f"{entity_kind}s"] = sorted(entities.get(entity_kind, ()))
    return hashlib.sha256(json.dumps(content, ensure_ascii=False).encode()).hexdigest()


def reader_date(issue_date, publish_at):
    """The moment readers are told an article appeared. A Chinese paper dates an article by
    its issue, so a printed article carries the issue date (at its web publication time when
    it went online that same day); a web-only article its publication time, if it has one."""
    if issue_date is None:
        return publish_at
    if publish_at and timezone.localtime(publish_at).date() == issue_date:
        return publish_at
    return timezone.make_aware(datetime.datetime.combine(issue_date, datetime.time()))


def redate_articles(articles) -> int:
    """Store `reader_date` again for `articles` (a queryset) after their issue's date or their
    page's issue changed; returns how many changed."""
    changed = []
    for article in articles.select_related("page__issue").only(
        "pk", "publish_at", "dated_at", "page__issue__date"
    ):
        dated_at = reader_date(
            article.page.issue.date if article.page else None, article.publish_at
        )
        if dated_at != article.dated_at:
            article.dated_at = dated_at
            changed.append(article)
    Article.objects.bulk_update(changed, ["dated_at"], batch_size=500)
    return len(changed)


class Issue(models.Model):
    date = models.DateField("出版日期", unique=True)
    number = models.PositiveIntegerField("期号", null=True, blank=True)
    name = models.CharField("刊名", max_length=100, blank=True)

    class Meta:
        verbose_name = "刊期"
        verbose_name_plural = "刊期"
        ordering = ["-date"]

    def __str__(self):
        label = formats.date_format(self.date, "DATE_FORMAT")
        return f"{label} 第{self.number}期" if self.number else label

    def save(self, *args, **kwargs):
        """An issue moved to another day re-dates its articles (`Article.dated_at`)."""
        moved = getattr(self, "_loaded_date", self.date) != self.date
        super().save(*args, **kwargs)
        self._loaded_date = self.date
        if moved:
            redate_articles(Article.objects.filter(page__issue=self))

    def get_absolute_url(self):
        return link("articles:issue", self.date)

    @classmethod
    def from_db(cls, db, field_names, values):
        issue = super().from_db(db, field_names, values)
        issue._loaded_date = issue.__dict__.get("date")
        return issue


class Page(models.Model):
    issue = models.ForeignKey(
        Issue, on_delete=models.CASCADE, related_name="pages", verbose_name="刊期"
    )
    number = models.PositiveIntegerField("版次")
    name = models.CharField("版名", max_length=50, blank=True)
    source_checksum = models.CharField(
        "原文校验和",
        max_length=64,
        blank=True,
        help_text="导入时版面文本的 SHA-256，用于识别重复导入。",
    )
    # The printed page (数字报): its PDF, the image readers see and its thumbnail, stored
    # through the default storage under names keyed by their content (see articles.printed).
    pdf_checksum = models.CharField(
        "PDF 校验和",
        max_length=64,
        blank=True,
        editable=False,
        help_text="导入时版面 PDF 的 SHA-256，用于识别重复导入。",
    )
    pdf = models.FileField("版面 PDF", max_length=200, blank=True, editable=False)
    image = models.FileField("版面图", max_length=200, blank=True, editable=False)
    thumbnail = models.FileField("版面缩略图", max_length=200, blank=True, editable=False)
    image_width = models.PositiveIntegerField("版面图宽", null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField("版面图高", null=True, blank=True, editable=False)

    class Meta:
        verbose_name = "版面"
        verbose_name_plural = "版面"
        ordering = ["issue", "number"]
        constraints = [
            models.UniqueConstraint(fields=["issue", "number"], name="unique_page_number_per_issue")
        ]

    def __str__(self):
        label = f"{self.issue} 第{self.number}版"
        return f"{label} {self.name}" if self.name else label

    def save(self, *args, **kwargs):
        """A page moved to another issue re-dates its articles (`Article.dated_at`); any other
        save (an import's checksum, its printed files) costs nothing more."""
        moved = getattr(self, "_loaded_issue_id", self.issue_id) != self.issue_id
        super().save(*args, **kwargs)
        self._loaded_issue_id = self.issue_id
        if moved:
            redate_articles(self.articles.all())

    def get_absolute_url(self):
        return link("articles:page", self.issue.date, self.number)

    @classmethod
    def from_db(cls, db, field_names, values):
        page = super().from_db(db, field_names, values)
        page._loaded_issue_id = page.__dict__.get("issue_id")
        return page

    @property
    def is_printed(self) -> bool:
        """Imported from its PDF, so readers see the page as printed (数字报)."""
        return bool(self.image) and bool(self.image_width) and bool(self.image_height)

    def _printed_url(self, stored) -> str:
        if not stored:
            return ""
        return reverse(
            "articles:printed_file",
            kwargs={
                "date": self.issue.date.isoformat(),
                "number": self.number,
                "filename": stored.name.rsplit("/", 1)[-1],
            },
        )

    @property
    def image_url(self) -> str:
        return self._printed_url(self.image)

    @property
    def thumbnail_url(self) -> str:
        return self._printed_url(self.thumbnail)

    @property
    def pdf_url(self) -> str:
        return self._printed_url(self.pdf)


class Contributor(models.Model):
    name = models.CharField("姓名", max_length=50, unique=True)

    class Meta:
        verbose_name = "作者"
        verbose_name_plural = "作者"
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return link("articles:contributor", self.pk)


def visible_to_readers(at=None, *, through: str = "") -> Q:
    """The one definition of what a reader may see: published, and its time has come.

    `through` is the path from another model to its articles (`pages__articles`), for counts
    and filters across a relation; `at` defaults to now."""
    prefix = f"{through}__" if through else ""
    return Q(
        **{
            f"{prefix}status": Article.Status.PUBLISHED,
            f"{prefix}publish_at__lte": at or timezone.now(),
        }
    )


class ContributorAlias(models.Model):
    """Another way a contributor's name was written (a merged duplicate's name): an import
    that meets it credits the contributor instead of creating the duplicate again."""

    contributor = models.ForeignKey(
        Contributor, on_delete=models.CASCADE, related_name="aliases", verbose_name="作者"
    )
    name = models.CharField("别名", max_length=50, unique=True)

    class Meta:
        verbose_name = "作者别名"
        verbose_name_plural = "作者别名"
        ordering = ["name"]

    def __str__(self):
        return self.name


class ArticleQuerySet(models.QuerySet):
    def published(self, at=None):
        """What a reader may see at `at` (now by default): see `visible_to_readers`."""
        return self.filter(visible_to_readers(at))

    def scheduled(self, after=None):
        """Published articles whose time has not come yet at `after` (now by default)."""
        return self.filter(status=Article.Status.PUBLISHED, publish_at__gt=after or timezone.now())

    def for_lists(self):
        """With what a list of articles shows: where printed, and captions for photo titles."""
        return self.select_related("page__issue").prefetch_related("captions")


class Article(models.Model):
    class Kind(models.TextChoices):
        ARTICLE = "article", "文章"
        PHOTO = "photo", "图片新闻"

    class Status(models.TextChoices):
        DRAFT = "draft", "草稿"
        REVIEW = "review", "待审"
        PUBLISHED = "published", "已发布"
        ARCHIVED = "archived", "已归档"

    page = models.ForeignKey(
        Page,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
        verbose_name="版面",
        help_text="仅网络发布的稿件不属于任何版面。",
    )
    position = models.PositiveIntegerField(
        "版面位置", default=1, help_text="在版面中的顺序，1 为头条。"
    )
    kind = models.CharField("类型", max_length=10, choices=Kind, default=Kind.ARTICLE)
    kicker = models.CharField("引题", max_length=200, blank=True)
    title = models.CharField("主题", max_length=200, blank=True)
    subtitle = models.CharField("副题", max_length=200, blank=True)
    dateline = models.CharField("电头", max_length=100, blank=True, help_text="如“本报讯”。")
    body = models.TextField(
        "正文",
        blank=True,
        help_text="段落之间空一行；以“## ”开头的一行是小标题。不支持 HTML，所有文字按原样显示。",
    )
    status = models.CharField(
        "状态", max_length=10, choices=Status, default=Status.DRAFT, db_index=True
    )
    publish_at = models.DateTimeField("发布时间", null=True, blank=True, db_index=True)
    dated_at = models.DateTimeField(
        "见报日期",
        null=True,
        blank=True,
        editable=False,
        help_text="读者看到的日期：见报稿件为出版日期，网络稿件为发布时间；列表和订阅按它排序。",
    )
    tags = TaggableManager("标签", blank=True, help_text="用逗号、“，”或“、”分隔。")
    import_ref = models.CharField(
        "导入编号",
        max_length=40,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text="出版日期/版次/位置，重新导入时据此找到原稿。",
    )
    import_checksum = models.CharField(max_length=64, blank=True, editable=False)
    import_fingerprint_version = models.PositiveSmallIntegerField(
        default=1, editable=False, help_text="import_checksum 所用的指纹版本。"
    )
    regions = models.JSONField(
        "版面位置",
        default=list,
        blank=True,
        editable=False,
        help_text="稿件在版面图上的区域：[{x, y, w, h}]，占版面宽高的比例，原点在左上角。",
    )
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("修改时间", auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="最后修改人",
    )

    objects = ArticleQuerySet.as_manager()
    history = HistoricalRecords(
        verbose_name="稿件历史",
        bases=[RelatedSnapshot],
        excluded_fields=["import_checksum", "import_fingerprint_version", "regions", "dated_at"],
    )

    class Meta:
        verbose_name = "稿件"
        verbose_name_plural = "稿件"
        ordering = ["-dated_at", "-publish_at", "-id"]
        indexes = [
            models.Index(fields=["status", "publish_at"], name="article_visibility"),
            models.Index(fields=["-publish_at", "-id"], name="article_newest_first"),
            models.Index(fields=["-dated_at", "-publish_at", "-id"], name="article_dated_first"),
        ]
        permissions = [("publish_article", "可以发布、撤回和归档稿件")]

    def __str__(self):
        return self.display_title

    def save(self, *args, **kwargs):
        """Keep `dated_at` true to the page and publication time whatever the save writes,
        and the regions to the page they were read from."""
        update_fields = kwargs.get("update_fields")
        if update_fields is None or {"publish_at", "page"} & set(update_fields):
            self.dated_at = reader_date(self._issue_date(), self.publish_at)
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "dated_at"}
        if (update_fields is None or "page" in update_fields) and self._left_its_printed_page():
            # Read from the page it left, a region would mark whatever the new page prints
            # there.
            self.regions = []
            if update_fields is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "regions"}
        super().save(*args, **kwargs)
        self._loaded_page_id, self._loaded_regions = self.page_id, self.regions

    def get_absolute_url(self):
        return link("articles:article", self.pk)

    @classmethod
    def from_db(cls, db, field_names, values):
        article = super().from_db(db, field_names, values)
        article._loaded_page_id = article.__dict__.get("page_id")
        article._loaded_regions = article.__dict__.get("regions")
        return article

    def _left_its_printed_page(self) -> bool:
        """The page changed and the regions did not: they belong to the page it was on."""
        loaded_page_id = getattr(self, "_loaded_page_id", None)
        return (
            bool(self.regions)
            and loaded_page_id is not None
            and self.page_id != loaded_page_id
            and self.regions == self._loaded_regions
        )

    def clean(self):
        if self.kind == self.Kind.ARTICLE and not self.title.strip():
            raise ValidationError({"title": "文章必须有主题。"})
        if self.status == self.Status.PUBLISHED and self.publish_at is None:
            raise ValidationError({"publish_at": "已发布的稿件需要发布时间。"})
        if self.publish_at and not _in_publish_at_years(self.publish_at):
            first, last = PUBLISH_AT_YEARS[0], PUBLISH_AT_YEARS[-1]
            raise ValidationError({"publish_at": f"发布时间须在 {first} 年至 {last} 年之间。"})

    @property
    def display_title(self) -> str:
        return self.title_or_caption(self.captions.all() if self.pk and not self.title else ())

    def title_or_caption(self, captions) -> str:
        """The headline, or for a photo item printed without one, the start of its caption."""
        if self.title:
            return self.title
        first_caption = next(iter(captions), None)
        if first_caption and first_caption.text:
            return first_caption.text[:30] + ("…" if len(first_caption.text) > 30 else "")
        return f"图片新闻 {self.pk or ''}".strip()

    def _issue_date(self):
        if self.page_id is None:
            return None
        if Article.page.is_cached(self) and Page.issue.is_cached(self.page):
            return self.page.issue.date
        return Page.objects.filter(pk=self.page_id).values_list("issue__date", flat=True).first()

    @property
    def printed_boxes(self) -> list[dict]:
        """The article's regions in the pixels of its page's image, for an SVG over it."""
        page = self.page
        if not self.regions or page is None or not page.is_printed:
            return []
        width, height = page.image_width, page.image_height
        return [
            {
                "x": round(region["x"] * width, 1),
                "y": round(region["y"] * height, 1),
                "w": round(region["w"] * width, 1),
                "h": round(region["h"] * height, 1),
            }
            for region in self.regions
        ]

    @property
    def body_html(self):
        return render_body(self.body)

    @property
    def body_text(self) -> str:
        return plain_body(self.body)

    def content_checksum(self, version=None) -> str:
        """A fingerprint of what an import writes, to tell whether an editor changed it since:
        by the version its import used, unless another is asked for."""
        version = version or self.import_fingerprint_version
        bylines = self.bylines.select_related("contributor")
        return content_fingerprint(
            version=version,
            kind=self.kind,
            kicker=self.kicker,
            title=self.title,
            subtitle=self.subtitle,
            dateline=self.dateline,
            body=self.body,
            bylines=[(byline.role, byline.contributor.name) for byline in bylines],
            captions=[caption.text for caption in self.captions.all()],
            entities={
                kind: self.mentions.filter(kind=kind).values_list(f"{kind}__name", flat=True)
                for kind in FINGERPRINT_ENTITY_KINDS[version]
            },
        )

    def is_visible_to_readers(self, at=None) -> bool:
        """This article is in `Article.objects.published(at)`, without asking the database."""
        return self._is_released() and self.publish_at <= (at or timezone.now())

    def is_scheduled(self, after=None) -> bool:
        """This article is in `Article.objects.scheduled(after)`: published, not yet visible."""
        return self._is_released() and self.publish_at > (after or timezone.now())

    def _is_released(self) -> bool:
        return self.status == self.Status.PUBLISHED and self.publish_at is not None


class Byline(models.Model):
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="bylines", verbose_name="稿件"
    )
    contributor = models.ForeignKey(
        Contributor, on_delete=models.PROTECT, related_name="bylines", verbose_name="作者"
    )
    role = models.CharField(
        "身份", max_length=20, blank=True, help_text="如 记者、通讯员、特约通讯员。"
    )
    order = models.PositiveIntegerField("顺序", default=0)

    class Meta:
        verbose_name = "署名"
        verbose_name_plural = "署名"
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "contributor"], name="unique_byline_per_article"
            )
        ]

    def __str__(self):
        return byline_label(self.role, self.contributor.name)


class Caption(models.Model):
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="captions", verbose_name="稿件"
    )
    text = models.TextField("图片说明")
    image = models.ImageField("图片", upload_to="captions/%Y/%m/", blank=True)
    credit = models.CharField("摄影", max_length=100, blank=True)
    order = models.PositiveIntegerField("顺序", default=0)

    class Meta:
        verbose_name = "图片说明"
        verbose_name_plural = "图片说明"
        ordering = ["order", "id"]

    def __str__(self):
        return self.text[:40]

    def credit_is_from_text(self) -> bool:
        """The credit is the one the text closes with (`…本报记者林知远摄`: 本报记者林知远),
        as the importer reads it: the text already shows it."""
        return self.credit == photo_credit(self.text)
