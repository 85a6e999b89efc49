from django.contrib import admin

from partnership.admin import MetadataAdmin
from portal.models import PartnershipFeedback


# Metadata only (partnership/admin.py): that a parent gave feedback and when, not their scores or remark.
@admin.register(PartnershipFeedback)
class PartnershipFeedbackAdmin(MetadataAdmin):
    list_display = fields = ["id", "family", "caregiver", "created_at"]
    list_select_related = ["family", "caregiver"]
