from django.contrib import admin

from organisations.models import CoordinatorAssignment, Group, Location, Organisation, StaffMembership


class LocationInline(admin.TabularInline):
    model = Location
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name"]
    search_fields = ["name"]
    inlines = [LocationInline]


class GroupInline(admin.TabularInline):
    model = Group
    extra = 0


class CoordinatorAssignmentInline(admin.TabularInline):
    model = CoordinatorAssignment
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Location)
class LocationAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "address"]
    list_filter = ["organisation"]
    list_select_related = ["organisation"]
    search_fields = ["name"]
    inlines = [GroupInline, CoordinatorAssignmentInline]


class StaffMembershipInline(admin.TabularInline):
    model = StaffMembership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Group)
class GroupAdmin(admin.ModelAdmin):
    list_display = ["name", "location", "kind"]
    list_filter = ["location", "kind"]
    list_select_related = ["location"]
    search_fields = ["name", "location__name"]
    inlines = [StaffMembershipInline]
