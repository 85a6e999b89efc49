from django.utils.cache import add_never_cache_headers


class NoStoreForSignedInMiddleware:
    """Pages for a signed-in user hold data about children: no browser or proxy may keep a copy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
            response["Cache-Control"] = "no-store, no-cache, must-revalidate, private, max-age=0"
        return response


class PermissionsPolicyMiddleware:
    """The browser features the app never uses are switched off for its pages and for anything they might embed,
    so that injected or third-party code cannot ask a parent or a staff member for their camera or location.
    Only features that browsers know (an unknown one is a console error); `interest-cohort` is obsolete."""

    FEATURES = (
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
    )
    HEADER = ", ".join(f"{feature}=()" for feature in FEATURES)

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.HEADER)
        return response
