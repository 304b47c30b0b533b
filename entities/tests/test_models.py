import pytest
from django.db import IntegrityError, transaction

from conftest import make_article
from entities.models import Mention, Organisation, OrganisationAlias

pytestmark = pytest.mark.django_db


def test_an_alias_names_only_one_organisation():
    first = Organisation.objects.create(name="杭州深度求索人工智能基础技术研究有限公司")
    second = Organisation.objects.create(name="深度求索研究院")
    OrganisationAlias.objects.create(organisation=first, alias="深度求索")
    with pytest.raises(IntegrityError), transaction.atomic():
        OrganisationAlias.objects.create(organisation=second, alias="深度求索")


def test_an_organisation_name_is_unique():
    Organisation.objects.create(name="同济大学")
    with pytest.raises(IntegrityError), transaction.atomic():
        Organisation.objects.create(name="同济大学")


def test_an_article_mentions_an_organisation_once():
    article = make_article()
    organisation = Organisation.objects.create(name="同济大学")
    Mention.objects.create(article=article, organisation=organisation)
    with pytest.raises(IntegrityError), transaction.atomic():
        Mention.objects.create(article=article, organisation=organisation)
    assert list(organisation.articles.all()) == [article]
    assert list(article.organisations.all()) == [organisation]
