from django.contrib import messages
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.permissions import role_required
from families.views import LEAD_ROLES
from successfactors import services
from successfactors.forms import ChecklistItemForm
from successfactors.models import THEME_ORDER, ChecklistItem, Theme


@role_required(*LEAD_ROLES)
def item_list(request):
    items = sorted(
        ChecklistItem.objects.annotate(tick_count=Count("ticks")),
        key=lambda item: (item.retired_on is not None, THEME_ORDER.get(item.theme, 99), item.position, item.pk),
    )
    themes = []
    for value, label in Theme.choices:
        themes.append((label, [i for i in items if i.theme == value and not i.retired_on]))
    retired = [item for item in items if item.retired_on]
    return render(request, "successfactors/item_list.html", {"themes": themes, "retired": retired})


@role_required(*LEAD_ROLES)
@require_http_methods(["GET", "POST"])
def item_form(request, item_pk=None):
    item = get_object_or_404(ChecklistItem, pk=item_pk) if item_pk else None
    form = ChecklistItemForm(request.POST or None, instance=item)
    if form.is_valid():
        if item:
            form.save()
        else:
            services.item_add(**form.cleaned_data)
        messages.success(request, _("Saved. Earlier contacts keep the item as it was ticked then."))
        return redirect("successfactors:items")
    title = _("Reword checklist item") if item else _("New checklist item")
    return render(request, "successfactors/item_form.html", {"form": form, "title": title})


@role_required(*LEAD_ROLES)
@require_POST
def item_move(request, item_pk, direction):
    if direction not in ("up", "down"):
        raise Http404
    item = get_object_or_404(ChecklistItem.objects.active(), pk=item_pk)
    services.item_move(item=item, up=direction == "up")
    return redirect("successfactors:items")


@role_required(*LEAD_ROLES)
@require_POST
def item_retire(request, item_pk):
    item = get_object_or_404(ChecklistItem, pk=item_pk)
    services.item_retire(item=item)
    return redirect("successfactors:items")
