"""The admin's export page in Chinese, XLSX chosen: editors open the file in a spreadsheet.

django-import-export labels each column with its English field name (`Import Ref`); here a
column is labelled by the resource's `column_labels` or else the model field's verbose name.
"""

from django.core.exceptions import FieldDoesNotExist
from import_export.forms import SelectableFieldsExportForm

PREFERRED_FORMAT = "xlsx"


def column_label(resource, field_name) -> str:
    labels = getattr(resource, "column_labels", {})
    if field_name in labels:
        return labels[field_name]
    try:
        return str(resource._meta.model._meta.get_field(field_name).verbose_name)
    except FieldDoesNotExist:
        return field_name


class ChineseExportForm(SelectableFieldsExportForm):
    def __init__(self, formats, resources, **kwargs):
        super().__init__(formats, resources, **kwargs)
        for resource in resources:
            for field_name in resource().get_export_order():
                name = self.create_boolean_field_name(resource, field_name)
                self.fields[name].label = column_label(resource, field_name)
        for value, title in self.fields["format"].choices:
            if str(title).lower() == PREFERRED_FORMAT:
                self.fields["format"].initial = value
