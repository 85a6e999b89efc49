"""The coordinator's pages of a catalogue (partnership/catalogue.py): list, add, reword, move and retire. One
set of views, configured per catalogue; the catalogue's app gives the model, the form, the selectors and the
list page's context, and names its URLs and templates after the entry (`intakes:question_edit`,
`intakes/question_form.html`)."""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.permissions import lead_required
from partnership import catalogue

ACTIONS = ("list", "add", "edit", "move", "retire")


@dataclass(frozen=True)
class CatalogueViews:
    namespace: str  # the app's URL namespace, e.g. "intakes"
    entry: str  # what one entry is called in URL and template names, e.g. "question"
    model: type[catalogue.CatalogueEntry]
    form_class: type
    # Selector: the entries this user maintains (her organisation's); anything else is a 404.
    entries_for: Callable
    # The list page's context for this user, from the app's selectors.
    list_context: Callable[[object], dict]
    new_title: str
    edit_title: str
    saved_message: str

    def _name(self, action: str) -> str:
        return f"{self.entry}s" if action == "list" else f"{self.entry}_{action}"

    @property
    def urls(self) -> dict[str, str]:
        """The URL names by action, for the views and the shared templates: `urls.edit` is "intakes:question_edit"."""
        return {action: f"{self.namespace}:{self._name(action)}" for action in ACTIONS}

    @property
    def lookup(self) -> str:
        return f"{self.entry}_pk"

    def urlpatterns(self, route: str = "") -> list:
        """The five URLs under `route`, for the app's urls.py."""
        pk = f"<int:{self.lookup}>"
        return [
            path(route, self.list_view, name=self._name("list")),
            path(f"{route}new/", self.form_view, name=self._name("add")),
            path(f"{route}{pk}/", self.form_view, name=self._name("edit")),
            path(f"{route}{pk}/move/<str:direction>/", self.move_view, name=self._name("move")),
            path(f"{route}{pk}/retire/", self.retire_view, name=self._name("retire")),
        ]

    # The views, as plain decorated functions (the access tests read the allowed methods off the decorators).
    @property
    def list_view(self):
        return lead_required(self._list)

    @property
    def form_view(self):
        return lead_required(require_http_methods(["GET", "POST"])(self._form))

    @property
    def move_view(self):
        return lead_required(require_POST(self._move))

    @property
    def retire_view(self):
        return lead_required(require_http_methods(["GET", "POST"])(self._retire))

    def _entry(self, request, kwargs, queryset=None):
        queryset = self.entries_for(request.user) if queryset is None else queryset
        return get_object_or_404(queryset, pk=kwargs[self.lookup])

    def _list(self, request):
        context = {"catalogue": self, **self.list_context(request.user)}
        return render(request, f"{self.namespace}/{self.entry}_list.html", context)

    def _form(self, request, **kwargs):
        if request.user.organisation_id is None:
            raise Http404  # no organisation, so no catalogue to add to
        entry = self._entry(request, kwargs) if self.lookup in kwargs else None
        form = self.form_class(request.POST or None, instance=entry)
        if form.is_valid():
            if entry:
                catalogue.entry_update(entry=entry, values=form.cleaned_data)
            else:
                catalogue.entry_add(model=self.model, organisation=request.user.organisation, values=form.cleaned_data)
            messages.success(request, self.saved_message)
            return redirect(self.urls["list"])
        title = self.edit_title if entry else self.new_title
        context = {"catalogue": self, "form": form, "title": title}
        return render(request, f"{self.namespace}/{self.entry}_form.html", context)

    def _move(self, request, direction, **kwargs):
        if direction not in ("up", "down"):
            raise Http404
        entry = self._entry(request, kwargs, self.entries_for(request.user).active())
        catalogue.entry_move(entry=entry, up=direction == "up")
        return redirect(self.urls["list"])

    def _retire(self, request, **kwargs):
        entry = self._entry(request, kwargs)
        # Retiring takes an entry off every new form, so it is asked first; using one again is not.
        if request.method == "GET":
            if entry.retired_on:
                return redirect(self.urls["list"])
            return render(request, "partials/catalogue_retire_confirm.html", {"catalogue": self, "entry": entry})
        catalogue.entry_retire(entry=entry)
        if entry.retired_on:
            messages.success(request, _("Retired: it no longer shows on new forms. Earlier records keep it."))
        return redirect(self.urls["list"])
