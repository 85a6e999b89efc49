"""Where to go back to after a form: the one rule for a `next` a request carries (the login, the unlock and
second-factor pages, the quick contact, the positive moment, the follow-up buttons, opening a file)."""

from django.utils.http import url_has_allowed_host_and_scheme


def next_path(request, default: str = "") -> str:
    """The `next` of the request (posted, or in the query string) when it is a path on this site, else `default`.
    Only a path: redirect() would take anything else (`0`, `abc`) for a URL name and fail with a server error
    after the write, and another host would send the user away."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default
