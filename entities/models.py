"""Organisations the paper writes about, the names they go by, and where they are mentioned."""

from django.db import models
from django.urls import reverse


class Organisation(models.Model):
    class Kind(models.TextChoices):
        COMPANY = "company", "企业"
        UNIVERSITY = "university", "高校"
        RESEARCH = "research", "科研机构"
        GOVERNMENT = "government", "政府部门"
        HOSPITAL = "hospital", "医院"
        ASSOCIATION = "association", "协会/社会组织"
        OTHER = "other", "其他"

    name = models.CharField("名称", max_length=200, unique=True)
    kind = models.CharField("类型", max_length=20, choices=Kind, default=Kind.OTHER)
    description = models.TextField("简介", blank=True)
    articles = models.ManyToManyField(
        "articles.Article",
        through="Mention",
        related_name="organisations",
        verbose_name="提及的稿件",
        blank=True,
    )
    created_at = models.DateTimeField("创建时间", auto_now_add=True)

    class Meta:
        verbose_name = "机构"
        verbose_name_plural = "机构"
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("entities:organisation", kwargs={"pk": self.pk})


class OrganisationAlias(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="aliases", verbose_name="机构"
    )
    alias = models.CharField("别名", max_length=200, unique=True)

    class Meta:
        verbose_name = "机构别名"
        verbose_name_plural = "机构别名"
        ordering = ["alias"]

    def __str__(self):
        return self.alias


class Mention(models.Model):
    """An article names an entity. `kind` says which kind, and the field of that name points at
    it: a second kind (people, 人物) is a choice, a nullable foreign key and a line in the
    constraint, and every organisation mention keeps working as it is."""

    class Kind(models.TextChoices):
        ORGANISATION = "organisation", "机构"

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="mentions", verbose_name="稿件"
    )
    kind = models.CharField(
        "类型", max_length=20, choices=Kind, default=Kind.ORGANISATION, editable=False
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        null=True,
        related_name="mentions",
        verbose_name="机构",
    )

    class Meta:
        verbose_name = "提及"
        verbose_name_plural = "提及"
        constraints = [
            models.UniqueConstraint(
                fields=["article", "organisation"], name="unique_mention_per_article"
            ),
            models.CheckConstraint(
                condition=models.Q(kind="organisation", organisation__isnull=False),
                name="mention_points_at_its_kind",
                violation_error_message="提及必须指向所属类型的实体。",
            ),
        ]

    def __str__(self):
        return str(self.entity)

    @property
    def entity(self):
        """The organisation (or, for another kind, the entity of that kind) named."""
        return getattr(self, self.kind)


class MergedAway(models.Model):
    """A row folded into another by a merge (entities.merging): its old public URL answers
    with a permanent redirect to the one kept. `model` is the app label and model name."""

    model = models.CharField("类型", max_length=100)
    old_id = models.PositiveBigIntegerField("原编号")
    kept_id = models.PositiveBigIntegerField("并入编号")
    merged_at = models.DateTimeField("合并时间", auto_now_add=True)

    class Meta:
        verbose_name = "合并记录"
        verbose_name_plural = "合并记录"
        constraints = [
            models.UniqueConstraint(fields=["model", "old_id"], name="unique_merged_away_row")
        ]

    def __str__(self):
        return f"{self.model} {self.old_id} -> {self.kept_id}"
