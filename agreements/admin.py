from django.contrib import admin

from agreements.models import Agreement, AgreementVersion, Confirmation, Evaluation, Reaction


class AgreementVersionInline(admin.StackedInline):
    model = AgreementVersion
    extra = 0
    readonly_fields = [*AgreementVersion.CONTENT_FIELDS, "number", "created_by", "proposed_at"]
    can_delete = False


@admin.register(Agreement)
class AgreementAdmin(admin.ModelAdmin):
    list_display = ["title", "family", "status", "evaluation_on", "updated_at"]
    list_select_related = ["family"]
    list_filter = ["status"]
    search_fields = ["title", "family__name"]
    raw_id_fields = ["family", "child", "current", "created_by"]
    inlines = [AgreementVersionInline]


admin.site.register(Confirmation, raw_id_fields=["version", "caregiver", "recorded_by", "contact"])
admin.site.register(Reaction, raw_id_fields=["agreement", "version", "caregiver"])
admin.site.register(Evaluation, raw_id_fields=["agreement", "version", "contact"])
