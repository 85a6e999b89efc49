"""Test-only authentication backend (partnership/test_settings.py)."""

from axes.backends import AxesStandaloneBackend
from django.http import HttpRequest


class TestClientAxesBackend(AxesStandaloneBackend):
    """django-axes's backend, also for Django's test Client.login(), which authenticates without a request: it
    gets a bare request from 127.0.0.1, so a locked-out username is refused there as well."""

    def authenticate(self, request, *args, **kwargs):
        if request is None:
            request = HttpRequest()
            request.META["REMOTE_ADDR"] = "127.0.0.1"
        return super().authenticate(request, *args, **kwargs)
