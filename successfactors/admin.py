from django.contrib import admin

from successfactors.models import ChecklistItem


@admin.register(ChecklistItem)
class ChecklistItemAdmin(admin.ModelAdmin):
    list_display = ["prompt", "theme", "source", "position", "retired_on"]
    list_filter = ["theme", "source", "retired_on"]
    search_fields = ["prompt", "hint"]
