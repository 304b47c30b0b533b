import pytest
from django.db import IntegrityError, transaction

from conftest import make_article
from entities.models import Mention, Organisation, OrganisationAlias

pytestmark = pytest.mark.django_db


def test_an_alias_names_only_one_organisation():
    first = Organisation.objects.create(name="江澄青禾智算科技有限公司")
    second = Organisation.objects.create(name="青禾智算研究院")
    OrganisationAlias.objects.create(organisation=first, alias="青禾智算")
    with pytest.raises(IntegrityError), transaction.atomic():
        OrganisationAlias.objects.create(organisation=second, alias="青禾智算")


def test_an_organisation_name_is_unique():
    Organisation.objects.create(name="江澄理工大学")
    with pytest.raises(IntegrityError), transaction.atomic():
        Organisation.objects.create(name="江澄理工大学")


def test_an_article_mentions_an_organisation_once():
    article = make_article()
    organisation = Organisation.objects.create(name="江澄理工大学")
    Mention.objects.create(article=article, organisation=organisation)
    with pytest.raises(IntegrityError), transaction.atomic():
        Mention.objects.create(article=article, organisation=organisation)
    assert list(organisation.articles.all()) == [article]
    assert list(article.organisations.all()) == [organisation]


def test_a_mention_names_its_kind_and_points_at_an_entity_of_that_kind():
    organisation = Organisation.objects.create(name="江澄理工大学")
    mention = Mention.objects.create(article=make_article(), organisation=organisation)
    assert mention.kind == Mention.Kind.ORGANISATION
    assert mention.entity == organisation
    assert str(mention) == "江澄理工大学"


def test_a_mention_without_the_entity_of_its_kind_is_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        Mention.objects.create(article=make_article(), kind=Mention.Kind.ORGANISATION)
