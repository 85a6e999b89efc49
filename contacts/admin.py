from django.contrib import admin

from contacts.models import Addendum, ChecklistTick, ContactMoment, FollowUp
from partnership.admin import MetadataAdmin, MetadataInline

# Metadata only (partnership/admin.py): never the summary, the summary for the parents, the internal notes, the
# tone, a follow-up's description or an addendum's text, of a confidential contact or any other.


class ChecklistTickInline(MetadataInline):
    model = ChecklistTick
    fields = ["item", "theme"]


class FollowUpInline(MetadataInline):
    model = FollowUp
    fk_name = "contact"
    fields = ["owner", "due_on", "promised_to_parents", "referral_to", "referral_status", "done_on", "created_at"]


class AddendumInline(MetadataInline):
    model = Addendum
    fields = ["author", "created_at"]


@admin.register(ContactMoment)
class ContactMomentAdmin(MetadataAdmin):
    list_display = ["id", "family", "kind", "occurred_at", "author", "visibility"]
    list_select_related = ["family", "author"]
    list_filter = ["kind", "visibility"]
    search_fields = ["family__name"]
    fields = [
        "family",
        "kind",
        "occasion",
        "occurred_at",
        "author",
        "visibility",
        "interpreter_used",
        "intake",
        "version",
        "created_at",
        "updated_at",
    ]
    inlines = [ChecklistTickInline, FollowUpInline, AddendumInline]
