"""Tags as editors type them, and tags that no name can turn into a broken page."""

import pytest
from django.core.exceptions import ValidationError
from taggit.models import Tag

from articles.models import Article
from articles.tagging import parse_tags
from articles.tests.admin_forms import post_change
from articles.tests.roles import make_editor
from conftest import make_article


def test_chinese_separators_split_tags():
    assert sorted(parse_tags("科技，人工智能、芯片；机器人")) == [
        "人工智能",
        "机器人",
        "科技",
        "芯片",
    ]


@pytest.mark.parametrize("typed", ["？？", "科技，！！！", "——、芯片"])
def test_a_tag_with_no_letter_or_digit_is_refused_with_a_clear_message(typed):
    with pytest.raises(ValidationError, match="没有文字或数字"):
        parse_tags(typed)


@pytest.mark.django_db
def test_the_admin_form_refuses_a_punctuation_tag_and_keeps_the_article(client):
    article = make_article("有标签的稿件", status=Article.Status.DRAFT, tags=["芯片"])
    client.force_login(make_editor())
    response = post_change(client, article, {"tags": "？？，机器人"})
    assert response.status_code == 200
    assert "标签“？？”里没有文字或数字" in response.content.decode()
    assert list(article.tags.names()) == ["芯片"]


@pytest.mark.django_db
def test_punctuation_tags_added_in_code_still_give_working_pages(client):
    article = make_article("标点标签", tags=["？？", "！！！", "芯片"])
    slugs = sorted(Tag.objects.values_list("slug", flat=True))
    assert all(slugs) and len(set(slugs)) == 3
    page = client.get(article.get_absolute_url())
    assert page.status_code == 200
    for tag in article.tags.exclude(name="芯片"):
        assert f'/tags/{tag.slug}/">{tag.name}</a>' in page.content.decode()
        assert "标点标签" in client.get(f"/tags/{tag.slug}/").content.decode()

    client.force_login(make_editor())
    draft = make_article("预览", status=Article.Status.DRAFT, tags=["？？"])
    assert client.get(draft.get_absolute_url()).status_code == 200


@pytest.mark.django_db
def test_a_tag_stored_without_a_slug_does_not_break_the_article_page(client):
    article = make_article("旧标签", tags=["？？"])
    Tag.objects.update(slug="")
    page = client.get(article.get_absolute_url())
    assert page.status_code == 200
    assert "<span>？？</span>" in page.content.decode()
