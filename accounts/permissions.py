"""Who may do what: the one home of the role rules. Views say which people may use them with the decorators
below; the scope (which family, which location) then comes from the selectors, so an object outside the
user's scope is a 404."""

from functools import wraps

from django.core.exceptions import PermissionDenied

from accounts.models import Role

# The people who work with families: pedagogical staff, coordinators and organisation admins.
STAFF_ROLES = (Role.STAFF, Role.COORDINATOR, Role.ADMIN)
# The people who lead: they maintain the catalogues, see the health of every family in their locations,
# archive families and read the history of changes.
LEAD_ROLES = (Role.COORDINATOR, Role.ADMIN)


def works_with_families(user) -> bool:
    return user.is_authenticated and user.role in STAFF_ROLES


def leads(user) -> bool:
    return user.is_authenticated and user.role in LEAD_ROLES


def is_parent(user) -> bool:
    return user.is_authenticated and user.role == Role.PARENT


def role_required(*roles):
    """Only these roles may use the view; anyone else signed in gets 403 (the scope check inside the view
    then turns an object outside the user's scope into 404)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.user.role not in roles:
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


staff_required = role_required(*STAFF_ROLES)
lead_required = role_required(*LEAD_ROLES)
parent_required = role_required(Role.PARENT)
# The organisation admin's own pages: locked accounts and the login log of their organisation.
admin_required = role_required(Role.ADMIN)
# The pedagogical staff's own pulse on their work (reflection/), and its figures for the coordinators who lead
# their teams; the organisation admin does not read it.
pedagogical_staff_required = role_required(Role.STAFF)
coordinator_required = role_required(Role.COORDINATOR)


def context(request) -> dict:
    """Template context processor: what the signed-in person may do, so templates ask the same rules."""
    user = request.user
    return {
        "may": {
            "lead": leads(user),
            "work_with_families": works_with_families(user),
            "parent": is_parent(user),
            # The organisation admin: sets the organisation up (locations, groups, staff, imports, settings).
            "admin": user.is_authenticated and user.role == Role.ADMIN,
        }
    }
