"""The parent's side of the threads: "Berichten" (their family's threads), one thread with its messages and a
reply form, a new question, and a reaction on a shared summary. Another family's thread is a 404."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from accounts.permissions import parent_required
from partnership.service_errors import errors_on
from portal.selectors import portal_caregiver_for
from threads import services
from threads.forms import MessageForm
from threads.models import Topic
from threads.selectors import (
    portal_summary_for,
    portal_summary_of,
    portal_thread_for,
    portal_threads,
    portal_threads_about,
)


def _caregiver(request):
    caregiver = portal_caregiver_for(request.user)
    if caregiver is None:
        raise Http404
    return caregiver


def sent(request, text: str) -> None:
    """What the parent is told after sending: that a person will answer, and how markup is shown."""
    if services.contains_markup(text):
        messages.info(request, _("Your message has been sent. We show it exactly as you typed it."))
    else:
        messages.success(request, _("Your message has been sent. We will answer you here."))


@require_safe
@parent_required
def inbox(request):
    _caregiver(request)
    return render(request, "threads/portal_list.html", {"threads": portal_threads(request.user)})


@parent_required
@require_http_methods(["GET", "POST"])
def new(request):
    caregiver = _caregiver(request)
    form = MessageForm(request.POST or None, label=_("Your question or message"))
    if form.is_valid():
        text = form.cleaned_data["text"]
        with errors_on(form):
            thread = services.thread_start(caregiver=caregiver, by=request.user, topic=Topic.QUESTION, text=text)
            sent(request, text)
            return redirect(thread.get_portal_url())
    return render(request, "threads/portal_new.html", {"form": form}, status=400 if form.errors else 200)


@parent_required
@require_http_methods(["GET", "POST"])
def detail(request, thread_pk):
    caregiver = _caregiver(request)
    thread = portal_thread_for(request.user, thread_pk)
    form = MessageForm(request.POST or None)
    if form.is_valid():
        text = form.cleaned_data["text"]
        with errors_on(form):
            services.thread_write(thread=thread, by=request.user, text=text)
            sent(request, text)
            return redirect(thread.get_portal_url())
    if request.method == "GET":
        services.thread_read(thread=thread, by=request.user)
    return render(
        request,
        "threads/portal_detail.html",
        {"thread": thread, "form": form, "summary": portal_summary_of(request.user, caregiver, thread)},
        status=400 if form.errors else 200,
    )


@parent_required
@require_http_methods(["GET", "POST"])
def summary(request, contact_pk):
    """React on a summary shared with the parent: it starts the thread about it, or continues the open one."""
    caregiver = _caregiver(request)
    contact = portal_summary_for(request.user, caregiver, contact_pk)
    form = MessageForm(request.POST or None, label=_("Your reaction"))
    if form.is_valid():
        text = form.cleaned_data["text"]
        with errors_on(form):
            thread = services.thread_start(
                caregiver=caregiver, by=request.user, topic=Topic.SUMMARY, contact=contact, text=text
            )
            sent(request, text)
            return redirect(thread.get_portal_url())
    return render(
        request,
        "threads/portal_summary.html",
        {"summary": contact, "threads": portal_threads_about(request.user, contact=contact), "form": form},
        status=400 if form.errors else 200,
    )
