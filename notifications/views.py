from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from notifications import services
from notifications.forms import PreferenceForm
from notifications.selectors import frequency_of


@require_http_methods(["GET", "POST"])
def preferences(request):
    """How often this person is e-mailed that something awaits them: at once, once a day, or never."""
    form = PreferenceForm(request.POST or None, initial={"frequency": frequency_of(request.user)})
    if form.is_valid():
        services.preference_set(user=request.user, frequency=form.cleaned_data["frequency"])
        messages.success(request, _("Saved."))
        return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form})
