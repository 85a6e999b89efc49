from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse

from audit.selectors import file_needs_reason

# The URLs of one family's file: everything under the family's own address, and the parents' portal access.
FAMILY_FILE_ROUTES = ("families/<int:pk>/", "portal/access/<int:pk>/")
OPEN_FILE = "audit:open_file"


class FileAccessMiddleware:
    """An organisation admin opens a family's file only with a recorded reason (docs/security.md). The selectors
    already leave such a family out of the admin's scope, so its pages would answer 404; here a GET is sent to
    the reason form instead (which comes back to the page afterwards), and a POST is refused (403)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match.view_name == OPEN_FILE or not match.route.startswith(FAMILY_FILE_ROUTES):
            return None
        if not file_needs_reason(request.user, view_kwargs["pk"]):
            return None
        if request.method in ("GET", "HEAD"):
            form = reverse(OPEN_FILE, args=[view_kwargs["pk"]])
            return redirect(f"{form}?{urlencode({'next': request.get_full_path()})}")
        raise PermissionDenied
