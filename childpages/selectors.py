"""Who reads which page about a child. Parents reach the children of their own family only (another family's
child is a 404); staff reach the children of the families in their scope (families.selectors), and a group's
page lists the children placed in it today whose family they may see."""

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from agreements.gezag import uses_portal_q
from childpages.models import STAFF_LABELS, ChildPage, Suggestion, SuggestionStatus, Topic
from families.models import Caregiver, Child, Placement
from families.selectors import families_visible_to
from organisations.models import Group
from organisations.selectors import groups_visible_to


def _with_page(children: QuerySet[Child]) -> QuerySet[Child]:
    """Children with their page (and who last changed it) and the suggestions still shown: waiting ones and
    accepted ones, oldest first. A fixed number of queries whatever the number of children."""
    shown = Suggestion.objects.filter(status__in=[SuggestionStatus.PENDING, SuggestionStatus.ACCEPTED]).select_related(
        "author"
    )
    return children.select_related("parent_page__updated_by").prefetch_related(
        Prefetch("page_suggestions", queryset=shown, to_attr="shown_suggestions")
    )


def page_of(child: Child) -> ChildPage | None:
    """The child's page as loaded by `_with_page` (None when the parents have not written one yet)."""
    try:
        return child.parent_page
    except ChildPage.DoesNotExist:
        return None


@dataclass
class Part:
    """One part of the page: the parents' text and the team's suggestions the parents added to it."""

    topic: str
    label: str  # for the parents ("your child")
    staff_label: str
    text: str
    added: list

    @property
    def written(self) -> bool:
        return bool(self.text or self.added)


def arrange(children) -> list[Child]:
    """Sets on each child `page` (or None), `parts` (every part of the page, in its order), `written`
    (whether any part has text), `pending` (the suggestions waiting for the parents) and `added` (those they
    added), from what `_with_page` loaded."""
    children = list(children)
    for child in children:
        child.page = page_of(child)
        suggestions = getattr(child, "shown_suggestions", [])
        child.pending = [s for s in suggestions if s.status == SuggestionStatus.PENDING]
        added = [s for s in suggestions if s.status == SuggestionStatus.ACCEPTED]
        child.parts = [
            Part(
                topic.value,
                topic.label,
                STAFF_LABELS[topic],
                getattr(child.page, topic.value, "") if child.page else "",
                [s for s in added if s.topic == topic.value],
            )
            for topic in Topic
        ]
        child.added = added
        child.written = any(part.written for part in child.parts)
    return children


# --- Parents -------------------------------------------------------------------------------------------------


def portal_children(user) -> QuerySet[Child]:
    """The children of the parent's own family."""
    return Child.objects.filter(family__in=families_visible_to(user)).order_by("date_of_birth", "pk")


def portal_child(user, child_pk: int) -> Child:
    child = get_object_or_404(_with_page(portal_children(user)).select_related("family"), pk=child_pk)
    return arrange([child])[0]


def portal_pending_counts(user) -> dict[int, int]:
    """Per child of the parent's family: how many suggestions wait for the parents."""
    rows = (
        Suggestion.objects.filter(child__in=portal_children(user), status=SuggestionStatus.PENDING)
        .values("child")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {row["child"]: row["n"] for row in rows}


def portal_suggestion(user, child: Child, suggestion_pk: int) -> Suggestion:
    return get_object_or_404(Suggestion.objects.filter(child=child), pk=suggestion_pk)


def deciders(child: Child) -> QuerySet[Caregiver]:
    """The caregivers who decide about the page: those with parental authority (gezag) who use the portal."""
    return Caregiver.objects.filter(uses_portal_q(), family_id=child.family_id, has_parental_authority=True)


# --- Staff ---------------------------------------------------------------------------------------------------


def staff_child(user, family_pk: int, child_pk: int) -> Child:
    """A child of a family in the user's scope, with its page; else 404."""
    children = Child.objects.filter(family__in=families_visible_to(user), family_id=family_pk)
    child = get_object_or_404(_with_page(children).select_related("family"), pk=child_pk)
    return arrange([child])[0]


def family_children_pages(family) -> list[Child]:
    """The children of a family found in the user's scope (the family page), each with its page and the groups
    it is placed in today (`active_placements`: the group's page lists it too)."""
    active = Placement.objects.filter(Placement.active_q()).select_related("group")
    children = Child.objects.filter(family=family).order_by("date_of_birth", "pk")
    return arrange(
        _with_page(children).prefetch_related(Prefetch("placements", queryset=active, to_attr="active_placements"))
    )


def group_for(user, group_pk: int) -> Group:
    return get_object_or_404(groups_visible_to(user), pk=group_pk)


def group_children(user, group: Group) -> list[Child]:
    """The children placed in the group today whose family the user may see, each with its page and the
    caregivers who wrote it, by first name."""
    placed = Placement.objects.filter(Placement.active_q(), child=OuterRef("pk"), group=group)
    children = (
        Child.objects.filter(Exists(placed), family__in=families_visible_to(user))
        .select_related("family")
        .order_by("first_name", "pk")
    )
    return arrange(_with_page(children))
