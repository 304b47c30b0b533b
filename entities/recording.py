"""Turning organisations found in an article into rows, without ever splitting one body in two.

A found name or alias that the database already knows resolves to that organisation, so an
editor's merge or added alias teaches every later import.
"""

from dataclasses import dataclass, field

from entities.kinds import kind_from_name
from entities.matching import KnownForms
from entities.models import Mention, Organisation, OrganisationAlias
from entities.naming import is_relative_name


def known_organisation_names() -> KnownForms:
    """Every name and alias in the database -> the canonical name of its organisation
    (indexed for matching: see `KnownForms`)."""
    known = KnownForms(Organisation.objects.values_list("name", "name"))
    known.update(OrganisationAlias.objects.values_list("alias", "organisation__name"))
    return known


def lasting_aliases(found) -> list[str]:
    """The short forms worth keeping as the organisation's aliases for every later import:
    not a relative one (省科技厅 after 浙江省科学技术厅), which would send the next province's
    省科技厅 to this one."""
    return [alias for alias in found.aliases if not is_relative_name(alias)]


@dataclass
class OrganisationRecorder:
    """Resolves found organisations against the database during one import run."""

    known: KnownForms = field(default_factory=known_organisation_names)
    created: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    _ids: dict[str, int] = field(default_factory=dict)

    def canonical_name(self, found) -> str:
        """The name the organisation goes by in the database, or its own when it is new."""
        forms = [found.name, *lasting_aliases(found)]
        return next((self.known[form] for form in forms if form in self.known), found.name)

    def forget_unsaved(self) -> None:
        """After a page's transaction rolled back, trust only what the database holds."""
        self.known = known_organisation_names()
        self._ids.clear()

    def resolve(self, found) -> int:
        """The id of the found organisation, created with its aliases when it is new."""
        name = self.canonical_name(found)
        if name not in self.known:
            # Another import running at the same time may have created it since this one began.
            organisation, created = Organisation.objects.get_or_create(
                name=name, defaults={"kind": kind_from_name(name)}
            )
            if created:
                self.created.append(name)
            self.known[name] = name
            self._ids[name] = organisation.pk
        elif name not in self._ids:
            self._ids[name] = Organisation.objects.values_list("pk", flat=True).get(name=name)
        for form in [found.name, *lasting_aliases(found)]:
            self._add_alias(name, form)
        return self._ids[name]

    def _add_alias(self, name: str, form: str) -> None:
        owner = self.known.get(form)
        if owner is None:
            alias, _ = OrganisationAlias.objects.get_or_create(
                alias=form, defaults={"organisation_id": self._ids[name]}
            )
            same = alias.organisation_id == self._ids[name]
            owner = self.known[form] = name if same else alias.organisation.name
        if owner != name:
            self.warnings.append(f"简称“{form}”已属于“{owner}”，未加到“{name}”。")

    def record_mentions(self, article, found_organisations, *, new_article=False) -> None:
        """Make the article's mentions exactly the found ones, each organisation once."""
        wanted = list(dict.fromkeys(self.resolve(found) for found in found_organisations))
        existing = set()
        if not new_article:
            Mention.objects.filter(article=article).exclude(organisation_id__in=wanted).delete()
            existing = set(
                Mention.objects.filter(article=article).values_list("organisation_id", flat=True)
            )
        Mention.objects.bulk_create(
            [Mention(article=article, organisation_id=pk) for pk in wanted if pk not in existing]
        )
