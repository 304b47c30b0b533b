"""The recognisers the importer runs on each article, one per kind of entity.

Adding a kind (people, 人物) is a recogniser here, a kind of `Mention` and a version of the
import fingerprint that includes it (`articles.models.FINGERPRINT_ENTITY_KINDS`).
"""

from collections.abc import Mapping

from entities.matching import find_organisations
from entities.recognition import FoundOrganisation, Recogniser


class OrganisationRecogniser:
    """Organisations by their full names and the short forms the text introduces."""

    kind = "organisation"

    def find(self, text: str, known: Mapping[str, str] | None = None) -> list[FoundOrganisation]:
        return find_organisations(text, known)


ORGANISATIONS: Recogniser = OrganisationRecogniser()
