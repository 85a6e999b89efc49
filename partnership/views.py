import logging
import sys

from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


@login_not_required
@never_cache
@require_GET
def healthz(request):
    """For load balancers and monitoring: 200 when the app and its database answer."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("Health check: database unavailable")
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def home(request):
    """Every role starts on its own home page."""
    return redirect(request.user.home_url)


def server_error(request):
    """Never a traceback: a database that is down gets its own clear page (503), anything else a 500 page.

    Rendered without a request context, because the context processors would query the database.
    """
    exc = sys.exc_info()[1]
    if isinstance(exc, (OperationalError, InterfaceError)):
        return HttpResponse(render_to_string("503.html"), status=503)
    return HttpResponse(render_to_string("500.html"), status=500)
