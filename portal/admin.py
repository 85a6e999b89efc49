from django.contrib import admin

from portal.models import PartnershipFeedback


@admin.register(PartnershipFeedback)
class PartnershipFeedbackAdmin(admin.ModelAdmin):
    list_display = ["family", "caregiver", "relatie", "competentie", "autonomie", "created_at"]
    list_select_related = ["family", "caregiver"]
    raw_id_fields = ["family", "caregiver"]
