"""Organisations in and out as CSV / XLSX / JSON, each row with its aliases joined by `；`."""

from import_export import fields, resources

from entities.models import Organisation, OrganisationAlias

ALIAS_SEPARATOR = "；"


class OrganisationResource(resources.ModelResource):
    aliases = fields.Field(column_name="aliases", attribute=None)

    column_labels = {"aliases": "别名"}

    class Meta:
        model = Organisation
        fields = ["name", "kind", "description", "aliases"]
        export_order = fields
        import_id_fields = ["name"]
        skip_unchanged = False

    def get_queryset(self):
        return Organisation.objects.prefetch_related("aliases").order_by("name")

    def dehydrate_aliases(self, organisation):
        return ALIAS_SEPARATOR.join(alias.alias for alias in organisation.aliases.all())

    def before_import_row(self, row, **kwargs):
        """Spreadsheets give empty cells as None; the text columns mean an empty string."""
        for column in ("description", "aliases"):
            if row.get(column) is None:
                row[column] = ""

    def after_save_instance(self, instance, row, **kwargs):
        names = [n.strip() for n in (row.get("aliases") or "").split(ALIAS_SEPARATOR)]
        names = [n for n in names if n and n != instance.name]
        instance.aliases.exclude(alias__in=names).delete()
        for name in names:
            OrganisationAlias.objects.update_or_create(
                alias=name, defaults={"organisation": instance}
            )
