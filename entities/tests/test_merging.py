"""Merging duplicates: nothing mentioned or credited is lost, and old names stay findable."""

import pytest

from articles.contributors import merge_contributors
from articles.models import Byline, Contributor
from conftest import add_byline, make_article
from entities.merging import merge_organisations
from entities.models import Mention, Organisation, OrganisationAlias

pytestmark = pytest.mark.django_db


def organisation(name, *aliases):
    org = Organisation.objects.create(name=name)
    for alias in aliases:
        OrganisationAlias.objects.create(organisation=org, alias=alias)
    return org


def mention(article, org):
    return Mention.objects.create(article=article, organisation=org)


def test_merging_organisations_moves_aliases_and_mentions_and_keeps_the_old_name():
    keep = organisation("中国科学院", "中科院")
    duplicate = organisation("中国科学院（北京）", "国科院")
    first, second = make_article("一"), make_article("二")
    mention(first, keep)
    mention(second, duplicate)

    merge_organisations(keep, [duplicate])

    assert list(Organisation.objects.values_list("name", flat=True)) == ["中国科学院"]
    assert set(keep.aliases.values_list("alias", flat=True)) == {
        "中科院",
        "国科院",
        "中国科学院（北京）",
    }
    assert set(keep.articles.all()) == {first, second}


def test_an_article_mentioning_both_keeps_one_mention():
    keep, duplicate = organisation("浙江大学"), organisation("浙大")
    article = make_article("共同提及")
    mention(article, keep)
    mention(article, duplicate)

    merge_organisations(keep, [duplicate])

    assert Mention.objects.filter(article=article).count() == 1
    assert Mention.objects.get(article=article).organisation == keep


def test_merging_into_itself_or_an_alias_equal_to_the_kept_name_changes_nothing_wrong():
    keep = organisation("之江实验室")
    duplicate = organisation("之江实验室 ", "之江实验室")
    merge_organisations(keep, [keep, duplicate])
    assert Organisation.objects.get() == keep
    assert list(keep.aliases.values_list("alias", flat=True)) == ["之江实验室 "]


def test_merging_contributors_moves_bylines_and_drops_double_credit():
    only_duplicate, both = make_article("只署了重复名"), make_article("两个都署了")
    add_byline(only_duplicate, "李 墨")
    add_byline(both, "李墨")
    add_byline(both, "李 墨")
    keep = Contributor.objects.get(name="李墨")

    merge_contributors(keep, [Contributor.objects.get(name="李 墨")])

    assert list(Contributor.objects.values_list("name", flat=True)) == ["李墨"]
    assert Byline.objects.filter(article=only_duplicate).get().contributor == keep
    assert Byline.objects.filter(article=both).count() == 1
