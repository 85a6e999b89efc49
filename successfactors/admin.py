from django.contrib import admin

from partnership.admin import ReadOnlyAdmin
from successfactors.models import ChecklistItem


# Each organisation's checklist is maintained by its coordinators in the app (Set-up, Success factors).
@admin.register(ChecklistItem)
class ChecklistItemAdmin(ReadOnlyAdmin):
    list_display = fields = ["prompt", "organisation", "theme", "source", "position", "retired_on"]
    list_filter = ["organisation", "theme", "source", "retired_on"]
    list_select_related = ["organisation"]
    search_fields = ["prompt", "hint"]
