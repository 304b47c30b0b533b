"""Turning organisations found in an article into rows, without ever splitting one body in two.

A found name or alias that the database already knows resolves to that organisation, so an
editor's merge or added alias teaches every later import.
"""

from dataclasses import dataclass, field

from entities.models import Mention, Organisation, OrganisationAlias


def known_organisation_names() -> dict[str, str]:
    """Every name and alias in the database -> the canonical name of its organisation."""
    known = dict(Organisation.objects.values_list("name", "name"))
    known.update(OrganisationAlias.objects.values_list("alias", "organisation__name"))
    return known


@dataclass
class OrganisationRecorder:
    """Resolves found organisations against the database during one import run."""

    known: dict[str, str] = field(default_factory=known_organisation_names)
    created: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def canonical_name(self, found) -> str:
        """The name the organisation goes by in the database, or its own when it is new."""
        forms = [found.name, *found.aliases]
        return next((self.known[form] for form in forms if form in self.known), found.name)

    def resolve(self, found) -> Organisation:
        forms = [found.name, *found.aliases]
        canonical = next((self.known[form] for form in forms if form in self.known), None)
        if canonical is None:
            organisation = Organisation.objects.create(name=found.name)
            self.created.append(found.name)
        else:
            organisation = Organisation.objects.get(name=canonical)
        self.known.setdefault(organisation.name, organisation.name)
        for form in forms:
            self._add_alias(organisation, form)
        return organisation

    def _add_alias(self, organisation: Organisation, form: str) -> None:
        owner = self.known.get(form)
        if owner == organisation.name:
            return
        if owner is not None:
            self.warnings.append(f"简称“{form}”已属于“{owner}”，未加到“{organisation.name}”。")
            return
        OrganisationAlias.objects.create(organisation=organisation, alias=form)
        self.known[form] = organisation.name

    def record_mentions(self, article, found_organisations) -> None:
        """Make the article's mentions exactly the found ones, each organisation once."""
        wanted = []
        for found in found_organisations:
            organisation = self.resolve(found)
            if organisation.pk not in wanted:
                wanted.append(organisation.pk)
        Mention.objects.filter(article=article).exclude(organisation_id__in=wanted).delete()
        existing = set(
            Mention.objects.filter(article=article).values_list("organisation_id", flat=True)
        )
        Mention.objects.bulk_create(
            [Mention(article=article, organisation_id=pk) for pk in wanted if pk not in existing]
        )
