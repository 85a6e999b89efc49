from django.contrib import admin

from contacts.models import Addendum, ChecklistTick, ContactMoment, FollowUp


class ChecklistTickInline(admin.TabularInline):
    model = ChecklistTick
    extra = 0
    readonly_fields = ["item", "theme", "prompt"]


class FollowUpInline(admin.TabularInline):
    model = FollowUp
    extra = 0
    fk_name = "contact"
    raw_id_fields = ["owner", "done_by", "created_by"]


class AddendumInline(admin.TabularInline):
    model = Addendum
    extra = 0
    raw_id_fields = ["author"]


@admin.register(ContactMoment)
class ContactMomentAdmin(admin.ModelAdmin):
    list_display = ["family", "kind", "occurred_at", "author", "tone", "visibility"]
    list_select_related = ["family", "author"]
    list_filter = ["kind", "tone", "visibility"]
    search_fields = ["family__name"]
    raw_id_fields = ["family", "author", "caregivers", "children", "intake"]
    inlines = [ChecklistTickInline, FollowUpInline, AddendumInline]
