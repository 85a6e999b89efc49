from django.contrib import admin

from intakes.models import Intake, IntakeAnswer, IntakeQuestion


@admin.register(IntakeQuestion)
class IntakeQuestionAdmin(admin.ModelAdmin):
    list_display = ["text", "audience", "source", "position", "retired_on"]
    list_filter = ["audience", "source", "retired_on"]
    search_fields = ["text"]


class IntakeAnswerInline(admin.TabularInline):
    model = IntakeAnswer
    extra = 0
    readonly_fields = ["question", "question_text"]


@admin.register(Intake)
class IntakeAdmin(admin.ModelAdmin):
    list_display = ["family", "held_on", "conducted_by"]
    list_select_related = ["family", "conducted_by"]
    search_fields = ["family__name"]
    raw_id_fields = ["family", "caregivers", "children", "conducted_by"]
    inlines = [IntakeAnswerInline]
