from django.contrib.admin.apps import AdminConfig


class SupportAdminConfig(AdminConfig):
    """Django's admin on the project's own site (partnership/admin.py): for technical support only."""

    default_site = "partnership.admin.SupportAdminSite"
