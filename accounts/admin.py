from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.models import Group as PermissionGroup
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from partnership.admin import TranslatedLabels

# Django's permission groups are not used (who may do what is in accounts/permissions.py): without this, the
# admin showed two lists called "Groepen", this one and the childcare groups.
admin.site.unregister(PermissionGroup)


@admin.register(User)
class UserAdmin(TranslatedLabels, BaseUserAdmin):
    """Technical support creates an organisation's first admin here (who then invites everyone else in the app)
    and can deactivate an account; accounts are never deleted, their history stays."""

    list_display = ["username", "first_name", "last_name", "role", "organisation", "is_active"]
    list_filter = ["role", "organisation", "is_active"]
    list_select_related = ["organisation"]
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Personal info"), {"fields": ("first_name", "last_name", "email")}),
        (_("Role"), {"fields": ["role", "organisation"]}),
        (_("Permissions"), {"fields": ("is_active", "is_staff", "is_superuser")}),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (*BaseUserAdmin.add_fieldsets, (_("Role"), {"fields": ["role", "organisation"]}))
    readonly_fields = ["last_login", "date_joined"]

    def has_delete_permission(self, request, obj=None):
        return False
