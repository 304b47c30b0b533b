"""Merging duplicates: nothing mentioned or credited is lost, and old names stay findable."""

import pytest

from articles.contributors import merge_contributors
from articles.models import Byline, Contributor
from conftest import add_byline, make_article
from entities.merging import merge_organisations, merged_into
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


def test_merged_contributors_old_names_become_aliases_the_next_import_credits():
    from articles.contributors import KnownContributors
    from articles.importing import _replace_bylines

    add_byline(make_article("一"), "李墨")
    add_byline(make_article("二"), "李 墨")
    keep = Contributor.objects.get(name="李墨")
    merge_contributors(keep, [Contributor.objects.get(name="李 墨")])
    assert list(keep.aliases.values_list("name", flat=True)) == ["李 墨"]

    later = make_article("下一次导入")
    _replace_bylines(
        later, [("记者", "李 墨"), ("记者", "李墨")], KnownContributors(), new_article=True
    )
    assert list(Contributor.objects.values_list("name", flat=True)) == ["李墨"]
    assert [b.contributor for b in later.bylines.all()] == [keep]


def test_a_merged_away_row_remembers_where_it_went_even_through_two_merges():
    first, second, third = organisation("甲"), organisation("乙"), organisation("丙")
    first_id = first.pk
    merge_organisations(second, [first])
    merge_organisations(third, [second])
    assert merged_into(Organisation, first_id) == third
    assert merged_into(Organisation, 999999) is None


def test_the_merged_away_public_pages_redirect_permanently(client):
    keep, duplicate = organisation("浙江大学"), organisation("浙大")
    mention(make_article("一"), keep)
    old_url = duplicate.get_absolute_url()
    merge_organisations(keep, [duplicate])
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == keep.get_absolute_url()

    add_byline(make_article("二"), "李墨")
    add_byline(make_article("三"), "李默")
    kept, typo = Contributor.objects.get(name="李墨"), Contributor.objects.get(name="李默")
    old_url = typo.get_absolute_url()
    merge_contributors(kept, [typo])
    response = client.get(old_url)
    assert (response.status_code, response["Location"]) == (301, kept.get_absolute_url())
    assert client.get("/contributors/999999/").status_code == 404


def test_merging_contributors_reindexes_search(django_capture_on_commit_callbacks):
    from search.indexing import index_articles
    from search.query import search

    article = make_article("芯片新突破", body="正文。")
    add_byline(article, "李默")
    add_byline(make_article("另一篇"), "李墨")
    index_articles()
    kept, typo = Contributor.objects.get(name="李墨"), Contributor.objects.get(name="李默")
    with django_capture_on_commit_callbacks(execute=True):
        merge_contributors(kept, [typo])
    assert article.pk in list(search("李墨").ids)
    assert article.pk not in list(search("李默").ids)
