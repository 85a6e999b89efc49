from django.contrib import admin

from imports.models import ImportedRecord, ImportMapping, ImportRun
from partnership.admin import MetadataAdmin

# Metadata only (partnership/admin.py): never the uploaded file, the row-by-row report (it names children and
# parents) or the values imported. The organisation admin imports in the app (Set-up, Import).


@admin.register(ImportRun)
class ImportRunAdmin(MetadataAdmin):
    list_display = fields = [
        "id",
        "organisation",
        "file_name",
        "status",
        "total_rows",
        "processed_rows",
        "created_by",
        "created_at",
        "started_at",
        "heartbeat_at",
        "finished_at",
    ]
    list_filter = ["status"]
    list_select_related = ["organisation", "created_by"]


@admin.register(ImportMapping)
class ImportMappingAdmin(MetadataAdmin):
    list_display = fields = ["id", "organisation", "name", "created_by", "updated_at"]
    list_select_related = ["organisation", "created_by"]


@admin.register(ImportedRecord)
class ImportedRecordAdmin(MetadataAdmin):
    list_display = fields = ["id", "organisation", "kind", "external_id", "run", "updated_at"]
    list_filter = ["kind"]
    list_select_related = ["organisation", "run"]
