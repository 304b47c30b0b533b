"""An organisation's page: its names and the published articles that mention it."""

import datetime

import pytest
from django.utils import timezone

from articles.models import Article
from conftest import make_article
from entities.models import Mention, Organisation, OrganisationAlias

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation():
    organisation = Organisation.objects.create(name="东陵湾海洋能源实验室")
    OrganisationAlias.objects.create(organisation=organisation, alias="海能实验室")
    return organisation


def mention(organisation, title, **fields):
    article = make_article(title, **fields)
    Mention.objects.create(article=article, organisation=organisation)
    return article


def test_the_page_shows_names_and_mentioning_articles_newest_first(client, organisation):
    now = timezone.now()
    mention(organisation, "较早的稿件", publish_at=now - datetime.timedelta(days=2))
    mention(organisation, "最新的稿件", publish_at=now - datetime.timedelta(hours=1))
    mention(organisation, "未发布的稿件", status=Article.Status.DRAFT)
    html = client.get(f"/organisations/{organisation.pk}/").content.decode()
    assert "<h1>东陵湾海洋能源实验室</h1>" in html
    assert "又称：海能实验室" in html
    assert html.index("最新的稿件") < html.index("较早的稿件")
    assert "未发布的稿件" not in html
    assert "提及它的稿件共 2 篇" in html


def test_an_organisation_only_drafts_mention_answers_404(client, organisation):
    mention(organisation, "未发布的稿件", status=Article.Status.DRAFT)
    assert client.get(f"/organisations/{organisation.pk}/").status_code == 404


def test_the_organisation_list_is_paginated(client, organisation):
    now = timezone.now()
    for i in range(21):
        mention(organisation, f"稿件{i:02d}", publish_at=now - datetime.timedelta(hours=i))
    assert "稿件20" not in client.get(f"/organisations/{organisation.pk}/").content.decode()
    second = client.get(f"/organisations/{organisation.pk}/?page=2").content.decode()
    assert "稿件20" in second
