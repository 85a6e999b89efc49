"""Sharing a positive moment from the staff home (two taps: the child's button, then "Share" after a sentence),
reading them on the family's page and in the portal, and the photo, for those who may see the family only."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from accounts.permissions import parent_required, staff_required
from families.selectors import family_for_edit, family_in_scope
from moments import selectors, services
from moments.forms import MomentForm
from partnership.redirects import next_path
from partnership.service_errors import errors_on


@staff_required
@require_http_methods(["GET", "POST"])
def share(request, pk, child_pk):
    family = family_for_edit(request.user, pk)
    child = selectors.child_for_moment(family, child_pk)
    allowed = selectors.photos_allowed(family)
    form = MomentForm(request.POST or None, request.FILES or None, photos_allowed=allowed)
    if request.method == "POST" and form.is_valid():
        with errors_on(form):
            services.moment_share(
                family=family,
                child=child,
                by=request.user,
                text=form.cleaned_data["text"],
                photo=form.cleaned_data.get("photo"),
            )
            messages.success(request, _("Shared with the parents of %(name)s.") % {"name": child.first_name})
            return redirect(next_path(request, family.get_absolute_url()))
    return render(
        request,
        "moments/share.html",
        {
            "family": family,
            "child": child,
            "form": form,
            "photos_allowed": allowed,
            "next": next_path(request, ""),
        },
        status=400 if form.errors else 200,
    )


# GET first: a POST is 405 to everyone, as on the other pages without a form.
@require_GET
@staff_required
def family(request, pk):
    found = family_in_scope(request.user, pk)
    return render(
        request,
        "moments/family.html",
        {"family": found, "moments": selectors.family_moments(request.user, found), "children": found.children.all()},
    )


# The bytes leave only here, to someone who may see the family; the middleware sends them with no-store.
@require_GET
def photo(request, moment_pk):
    found = selectors.photo_for(request.user, moment_pk)
    response = HttpResponse(bytes(found.data), content_type="image/jpeg")
    response["Content-Disposition"] = f'inline; filename="moment-{found.moment_id}.jpg"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_GET
@parent_required
def portal_list(request):
    return render(request, "moments/portal_list.html", {"moments": selectors.moments_visible_to(request.user)})
