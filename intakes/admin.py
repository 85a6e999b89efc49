from django.contrib import admin

from intakes.models import Intake, IntakeAnswer, IntakeQuestion
from partnership.admin import MetadataAdmin, MetadataInline, ReadOnlyAdmin


# Each organisation's questions are maintained by its coordinators in the app (Set-up, Intake questions).
@admin.register(IntakeQuestion)
class IntakeQuestionAdmin(ReadOnlyAdmin):
    list_display = fields = ["text", "organisation", "audience", "source", "position", "retired_on"]
    list_filter = ["organisation", "audience", "source", "retired_on"]
    list_select_related = ["organisation"]
    search_fields = ["text"]


# Metadata only (partnership/admin.py): which questions were answered, never the answers.
class IntakeAnswerInline(MetadataInline):
    model = IntakeAnswer
    fields = ["question"]


@admin.register(Intake)
class IntakeAdmin(MetadataAdmin):
    list_display = ["id", "family", "held_on", "conducted_by"]
    list_select_related = ["family", "conducted_by"]
    search_fields = ["family__name"]
    fields = [
        "family",
        "held_on",
        "conducted_by",
        "caregivers",
        "children",
        "interpreter_used",
        "told_always_welcome",
        "created_at",
    ]
    inlines = [IntakeAnswerInline]
