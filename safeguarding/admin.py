from django.contrib import admin

from partnership.admin import MetadataAdmin
from safeguarding.models import SafeguardingNote


# Metadata only (partnership/admin.py): that a note was written, by whom and when; never its words.
@admin.register(SafeguardingNote)
class SafeguardingNoteAdmin(MetadataAdmin):
    list_display = fields = ["id", "family", "author", "created_at"]
    list_select_related = ["family", "author"]
    search_fields = ["family__name"]
