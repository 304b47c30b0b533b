"""Import and export in the admin, allowed by the model's own permissions.

django-import-export checks no permission unless told to: anyone who may open an admin could
import a file into it. An import creates and updates rows, so it needs the admin's add and
change permissions (each admin's own rules, per-object ones included, apply); an export shows
rows, so it needs view.
"""

from import_export.admin import ImportExportMixin


class PermissionCheckedImportExportMixin(ImportExportMixin):
    def has_import_permission(self, request):
        return self.has_add_permission(request) and self.has_change_permission(request)

    def has_export_permission(self, request):
        return self.has_view_permission(request)
