from django.shortcuts import render

from accounts.models import Role
from accounts.permissions import role_required
from families.selectors import family_detail_for, family_list_for

STAFF_ROLES = (Role.STAFF, Role.COORDINATOR, Role.ADMIN)


@role_required(*STAFF_ROLES)
def mine(request):
    """Staff home: the families of my groups and the children I mentor."""
    families = family_list_for(request.user)
    return render(request, "families/mine.html", {"families": families})


@role_required(*STAFF_ROLES)
def detail(request, pk):
    family = family_detail_for(request.user, pk)
    return render(request, "families/detail.html", {"family": family})
