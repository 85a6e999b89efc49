from functools import wraps

from django.core.exceptions import PermissionDenied


def role_required(*roles):
    """Only these roles may use the view; anyone else signed in gets 403 (the scope check inside the view
    then turns an object outside the user's scope into 404)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.user.role not in roles:
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
