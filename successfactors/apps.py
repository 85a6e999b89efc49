from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SuccessFactorsConfig(AppConfig):
    name = "successfactors"
    verbose_name = _("Success factors")
