"""The languages of the app. The parent side (the portal, its e-mails, and the pages before login) speaks every
language in settings.LANGUAGES; the staff side speaks settings.STAFF_LANGUAGES only. Adding a parent language is
one line in settings.LANGUAGES and its .po file (README.md, "Languages"): everything here reads the settings at
call time, so nothing else names the languages.

Staff write agreements, summaries and answers in the organisation's language (settings.LANGUAGE_CODE): the
portal marks that text with its language, so a screen reader and the read-aloud button pronounce it right, and
tells a parent who reads the portal in another language that they can ask for an interpreter."""

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.utils import translation


def parent_language_codes() -> list[str]:
    return [code for code, _label in settings.LANGUAGES]


def staff_language_codes() -> list[str]:
    return [code for code in settings.STAFF_LANGUAGES if code in parent_language_codes()]


def local_name(code: str) -> str:
    """A language's name in that language ("Türkçe"), as a parent looks for it in a list."""
    info = LANG_INFO.get(code)
    if info is not None and "name_local" in info:
        return info["name_local"][:1].upper() + info["name_local"][1:]
    return str(dict(settings.LANGUAGES).get(code, code))


def language_name(code: str) -> str:
    """A language's name in the reader's language ("Arabisch" for Dutch staff), else its own name."""
    info = LANG_INFO.get(code)
    return translation.gettext(info["name"]) if info else local_name(code)


def parent_language_choices() -> list[tuple[str, str]]:
    """Each parent language by its own name, with its name in the reader's language where that differs."""
    choices = []
    for code in parent_language_codes():
        own, translated = local_name(code), language_name(code)
        choices.append((code, own if translated.casefold() == own.casefold() else f"{own} ({translated})"))
    return choices


def is_parent_language(code: str | None) -> bool:
    return bool(code) and code in parent_language_codes()


def staff_text_language() -> str:
    """The language staff write in: the organisation's own."""
    return settings.LANGUAGE_CODE


def _is_parent(user) -> bool:
    return getattr(user, "is_parent", False)


def language_for(user) -> str:
    """The language to write to `user` in (e-mails): a parent's own choice, else the organisation's language."""
    if user is not None and _is_parent(user):
        caregiver = getattr(user, "caregiver", None)
        if caregiver is not None:
            return caregiver.portal_language
    return settings.LANGUAGE_CODE


def allowed_for(user) -> list[str]:
    if user is not None and user.is_authenticated and not _is_parent(user):
        return staff_language_codes()
    return parent_language_codes()


def use_language(request, code: str) -> None:
    """Switch this request to `code` and keep it for the next ones (LanguageMiddleware sets the cookie that
    Django's LocaleMiddleware reads, as the language switch does)."""
    translation.activate(code)
    request.LANGUAGE_CODE = code
    request.remember_language = code


def on_login(request, user) -> None:
    """A parent's session starts in their preferred language; a staff member's in a staff language. Only the
    cookie: the login answers with a redirect, and the next request reads it (activating the language here
    would also leak into the caller's thread, e.g. a test's force_login)."""
    if request is None:
        return
    if _is_parent(user):
        request.remember_language = language_for(user)
    elif translation.get_language() not in staff_language_codes():
        request.remember_language = settings.LANGUAGE_CODE


class LanguageMiddleware:
    """After the authentication middleware: a staff member whose browser asks for a parent-only language (a
    shared tablet on which a parent chose Arabic, or a hand-made request) gets the organisation's language, as
    the staff side is written in the staff languages only. It also stores a language chosen during the request
    (login, the parent's language page) in the language cookie."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            current = translation.get_language()
            allowed = allowed_for(user)
            if current not in allowed:
                code = settings.LANGUAGE_CODE if settings.LANGUAGE_CODE in allowed else allowed[0]
                translation.activate(code)
                request.LANGUAGE_CODE = code
        response = self.get_response(request)
        code = getattr(request, "remember_language", None)
        if code:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                code,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response


def context(request) -> dict:
    """Template context processor: the languages the language switch offers this person, and the language (and
    direction) of text staff wrote."""
    user = getattr(request, "user", None)
    written_in = staff_text_language()
    return {
        "language_choices": [(code, local_name(code)) for code in allowed_for(user)],
        "STAFF_TEXT_LANGUAGE": written_in,
        # Dutch text keeps its own direction (and its full stop at the end) on an Arabic page.
        "STAFF_TEXT_DIR": "rtl" if written_in.split("-")[0] in settings.LANGUAGES_BIDI else "ltr",
    }
