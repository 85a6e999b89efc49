from itertools import groupby

from django.shortcuts import render

from accounts.permissions import lead_required
from organisations.selectors import groups_with_counts


@lead_required
def overview(request):
    """Home of coordinators and admins: their locations and groups, with how many children and staff."""
    groups = list(groups_with_counts(request.user))
    locations = [
        {"location": location, "groups": list(rows)}
        for location, rows in groupby(groups, key=lambda group: group.location)
    ]
    totals = {
        "children": sum(group.children_count for group in groups),
        "groups": len(groups),
        "locations": len(locations),
    }
    return render(request, "organisations/overview.html", {"locations": locations, "totals": totals})
