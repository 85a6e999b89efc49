from django.contrib import admin

from agreements.models import Agreement, AgreementVersion, Confirmation, Evaluation
from partnership.admin import MetadataAdmin, MetadataInline

# Metadata only (partnership/admin.py): the agreement's title names it, but what the versions say is read in the
# app (and what the parents wrote back: threads/admin.py).


class AgreementVersionInline(MetadataInline):
    model = AgreementVersion
    fields = ["number", "evaluation_on", "created_by", "created_at", "proposed_at"]


@admin.register(Agreement)
class AgreementAdmin(MetadataAdmin):
    list_display = ["id", "title", "family", "status", "evaluation_on", "updated_at"]
    list_select_related = ["family"]
    list_filter = ["status"]
    search_fields = ["family__name"]
    fields = [
        "family",
        "child",
        "title",
        "status",
        "current",
        "evaluation_on",
        "proposed_at",
        "agreed_at",
        "closed_on",
        "lock_version",
        "created_by",
        "created_at",
        "updated_at",
    ]
    inlines = [AgreementVersionInline]


@admin.register(Confirmation)
class ConfirmationAdmin(MetadataAdmin):
    list_display = fields = ["id", "version", "caregiver", "recorded_by", "contact", "created_at"]
    list_select_related = ["version__agreement", "caregiver", "recorded_by", "contact"]


@admin.register(Evaluation)
class EvaluationAdmin(MetadataAdmin):
    list_display = fields = ["id", "agreement", "version", "contact", "outcome", "next_evaluation_on", "created_at"]
    list_select_related = ["agreement", "version__agreement", "contact"]
