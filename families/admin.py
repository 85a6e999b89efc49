from django.contrib import admin

from families.models import Caregiver, Child, Consent, Family, NetworkMember, Placement
from partnership.admin import SupportInline, SupportModelAdmin

# Technical support may correct a family's structure here (names, children, placements); the free texts about
# the family (good to know, language notes, talents, network notes, consent details) are read and written in
# the app only. Nothing is deleted here: a family's file is erased by the app's privacy rules (privacy/), history
# included.


class CaregiverInline(SupportInline):
    model = Caregiver
    autocomplete_fields = ["user"]


class ChildInline(SupportInline):
    model = Child
    show_change_link = True
    exclude = ["talents"]


class NetworkMemberInline(SupportInline):
    model = NetworkMember
    exclude = ["notes"]


class ConsentInline(SupportInline):
    model = Consent
    exclude = ["recorded_by", "details"]


@admin.register(Family)
class FamilyAdmin(SupportModelAdmin):
    list_display = ["name", "organisation", "archived_on"]
    list_filter = ["organisation", "archived_on"]
    list_select_related = ["organisation"]
    search_fields = ["name", "caregivers__last_name", "children__first_name"]
    exclude = ["notes", "interpreter_notes"]
    inlines = [CaregiverInline, ChildInline, NetworkMemberInline, ConsentInline]


class PlacementInline(SupportInline):
    model = Placement


@admin.register(Child)
class ChildAdmin(SupportModelAdmin):
    list_display = ["first_name", "last_name", "family", "date_of_birth", "mentor"]
    list_select_related = ["family", "mentor"]
    search_fields = ["first_name", "last_name", "family__name"]
    exclude = ["talents"]
    inlines = [PlacementInline]
