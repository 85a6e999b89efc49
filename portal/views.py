from django.http import Http404
from django.shortcuts import render

from accounts.models import Role
from accounts.permissions import role_required
from portal.selectors import portal_family_for


@role_required(Role.PARENT)
def home(request):
    """The parent's start page: our family, each child's group and mentor (the law says parents are told)."""
    family = portal_family_for(request.user)
    if family is None:
        raise Http404
    return render(request, "portal/home.html", {"family": family})
