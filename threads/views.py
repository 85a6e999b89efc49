"""The staff's side of the threads: parents' messages waiting for an answer in their families, a family's
threads, and one thread with its messages, an answer form and closing with a reason. Every read of a thread is
written to the family's access log."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.permissions import staff_required
from audit.models import Read
from audit.services import access_record
from families.selectors import family_in_scope
from partnership.service_errors import errors_on
from threads import services
from threads.forms import CloseForm, MessageForm
from threads.selectors import family_thread_for, family_threads, waiting_threads_for

PER_PAGE = 25


def _answer_form(data=None) -> MessageForm:
    return MessageForm(
        data, label=_("Your answer"), help_text=_("The parents read your answer in their portal and get an e-mail.")
    )


@require_safe
@staff_required
def inbox(request):
    """Every parent's message without an answer in the user's families, the longest waiting first."""
    page = Paginator(waiting_threads_for(request.user), PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "threads/inbox.html", {"page": page})


@require_safe
@staff_required
def family(request, pk):
    family = family_in_scope(request.user, pk)
    access_record(user=request.user, family=family, what=Read.THREAD)
    page = Paginator(family_threads(request.user, family), PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "threads/family.html", {"family": family, "page": page})


def _page(request, thread, *, form=None, close_form=None, status=200):
    access_record(user=request.user, family=thread.family, what=Read.THREAD, object_id=thread.pk)
    context = {
        "family": thread.family,
        "thread": thread,
        "form": form or _answer_form(),
        "close_form": close_form or CloseForm(),
    }
    return render(request, "threads/detail.html", context, status=status)


@staff_required
@require_http_methods(["GET", "POST"])
def detail(request, pk, thread_pk):
    thread = family_thread_for(request.user, pk, thread_pk)
    if request.method != "POST":
        return _page(request, thread)
    form = _answer_form(request.POST)
    if form.is_valid():
        with errors_on(form):
            services.thread_reply(thread=thread, by=request.user, text=form.cleaned_data["text"])
            messages.success(request, _("Your answer has been sent. The parents are told by e-mail."))
            return redirect(thread)
    return _page(request, thread, form=form, status=400)


@staff_required
@require_POST
def close(request, pk, thread_pk):
    thread = family_thread_for(request.user, pk, thread_pk)
    form = CloseForm(request.POST)
    if form.is_valid():
        with errors_on(form):
            services.thread_close(thread=thread, by=request.user, reason=form.cleaned_data["reason"])
            messages.success(request, _("The thread is closed."))
            return redirect(thread)
    return _page(request, thread, close_form=form, status=400)
