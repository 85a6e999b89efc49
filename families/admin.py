from django.contrib import admin

from families.models import Caregiver, Child, Consent, Family, NetworkMember, Placement


class CaregiverInline(admin.TabularInline):
    model = Caregiver
    extra = 0
    autocomplete_fields = ["user"]


class ChildInline(admin.TabularInline):
    model = Child
    extra = 0
    show_change_link = True


class NetworkMemberInline(admin.TabularInline):
    model = NetworkMember
    extra = 0


class ConsentInline(admin.TabularInline):
    model = Consent
    extra = 0
    exclude = ["recorded_by"]


@admin.register(Family)
class FamilyAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "archived_on"]
    list_filter = ["organisation", "archived_on"]
    list_select_related = ["organisation"]
    search_fields = ["name", "caregivers__last_name", "children__first_name"]
    inlines = [CaregiverInline, ChildInline, NetworkMemberInline, ConsentInline]


class PlacementInline(admin.TabularInline):
    model = Placement
    extra = 0


@admin.register(Child)
class ChildAdmin(admin.ModelAdmin):
    list_display = ["first_name", "last_name", "family", "date_of_birth", "mentor"]
    list_select_related = ["family", "mentor"]
    search_fields = ["first_name", "last_name", "family__name"]
    inlines = [PlacementInline]
