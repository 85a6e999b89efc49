from django.contrib import admin

from partnership.admin import MetadataAdmin
from reflection.models import Reflection

# A reflection's words are for its author only, so not even its metadata names the author or the contact here:
# technical support sees that reflections exist (when, for which location), which is what coordinators see too.
# The pulse is not registered at all: its answers are only shown aggregated, from five answers.


@admin.register(Reflection)
class ReflectionAdmin(MetadataAdmin):
    list_display = fields = ["id", "location", "month", "created_at"]
    list_select_related = ["location"]
