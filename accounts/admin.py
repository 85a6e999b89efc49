from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from accounts.models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "first_name", "last_name", "role", "organisation", "is_active"]
    list_filter = ["role", "organisation", "is_active"]
    list_select_related = ["organisation"]
    fieldsets = (*BaseUserAdmin.fieldsets, (_("Role"), {"fields": ["role", "organisation"]}))
    add_fieldsets = (*BaseUserAdmin.add_fieldsets, (_("Role"), {"fields": ["role", "organisation"]}))
