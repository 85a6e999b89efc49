from django.contrib import admin
from django.utils import timezone

from organisations.models import CoordinatorAssignment, Group, Location, Organisation, StaffMembership
from partnership.admin import MetadataInline, ReadOnlyAdmin, SupportModelAdmin

# Technical support creates an organisation (with its admin's account, accounts/admin.py) or corrects its name;
# locations, groups, memberships and assignments are the organisation admin's, in the app (Set-up), and are
# only read here.


class LocationInline(MetadataInline):
    model = Location
    fields = ["name", "address"]


@admin.register(Organisation)
class OrganisationAdmin(SupportModelAdmin):
    list_display = ["name", "go_live", "retention_months"]
    search_fields = ["name"]
    fields = ["name", "go_live", "retention_months"]
    inlines = [LocationInline]

    def get_changeform_initial_data(self, request):
        # A new organisation goes live the day it is made, unless support says otherwise: the families already
        # placed then do not count as overdue for paperwork on day one.
        return {"go_live": timezone.localdate(), **super().get_changeform_initial_data(request)}

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.base_fields["go_live"].required = True
        return form


class GroupInline(MetadataInline):
    model = Group
    fields = ["name", "kind", "age_from_months", "age_to_months", "capacity"]


class CoordinatorAssignmentInline(MetadataInline):
    model = CoordinatorAssignment
    fields = ["user"]


@admin.register(Location)
class LocationAdmin(ReadOnlyAdmin):
    list_display = fields = ["name", "organisation", "address"]
    list_filter = ["organisation"]
    list_select_related = ["organisation"]
    search_fields = ["name"]
    inlines = [GroupInline, CoordinatorAssignmentInline]


class StaffMembershipInline(MetadataInline):
    model = StaffMembership
    fields = ["user"]


@admin.register(Group)
class GroupAdmin(ReadOnlyAdmin):
    list_display = ["name", "location", "kind", "capacity"]
    fields = ["name", "location", "kind", "age_from_months", "age_to_months", "capacity"]
    list_filter = ["location", "kind"]
    list_select_related = ["location"]
    search_fields = ["name", "location__name"]
    inlines = [StaffMembershipInline]
