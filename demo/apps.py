from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo organisation (`manage.py seed_demo`); no models of its own."""

    name = "demo"
    verbose_name = "Demo"
