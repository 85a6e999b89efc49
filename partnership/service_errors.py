"""How a view answers a rule a service refused (a ValidationError): written once, used by every view.

    if form.is_valid():
        with errors_on(form):
            contact = services.contact_log(...)
            return redirect(contact)
    return render(...)  # the form, now with the service's message

A refused write changed nothing: services run in a transaction and raise before committing."""

from contextlib import contextmanager

from django.contrib import messages
from django.core.exceptions import ValidationError


def add_service_error(form, error: ValidationError) -> None:
    """Put the error at the field it names when the form has that field, else above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


@contextmanager
def errors_on(form):
    try:
        yield
    except ValidationError as error:
        add_service_error(form, error)


@contextmanager
def errors_as_messages(request):
    """For a button without a form (propose, confirm, a status): the message shows on the next page."""
    try:
        yield
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
