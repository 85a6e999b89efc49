from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "privacy"
    verbose_name = _("Privacy (AVG)")

    def ready(self):
        from privacy.erasure_sql import install_erasure_function

        # After every migrate, as the owner of the tables: the function follows the models as they are now.
        post_migrate.connect(install_erasure_function, sender=self, dispatch_uid="privacy_erasure_function")
