from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChildpagesConfig(AppConfig):
    name = "childpages"
    verbose_name = _("About the child, from the parents")
