"""The parent as expert: the parents write a page about each child in their own language; staff read it on the
family page and at the group and may suggest additions, which the parents accept or decline."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from childpages import selectors, services
from childpages.models import ChildPage, Suggestion, SuggestionStatus
from notifications.models import Kind, Notification
from notifications.services import send_due
from partnership.locking import StaleEdit
from tests import factories as f

pytestmark = pytest.mark.django_db

TURKISH = "Annesinin şarkısını söyleyin, sarılmayı sever."


def _page(world, **texts):
    return services.page_save(
        child=world.child, caregiver=world.caregiver, expected_version=None, language="tr", **texts
    )


def _portal_url(child):
    return reverse("childpages:portal_page", args=[child.pk])


def _with_email(world):
    world.caregiver.user.email = "eva@example.org"
    world.caregiver.user.save()
    return world.caregiver


# --- Services and selectors ---------------------------------------------------------------------------------


def test_a_parent_with_gezag_writes_the_page_in_their_own_language(world):
    page = _page(world, comfort=f"  {TURKISH}  ", sleep="Öğlen bir saat uyur.")
    assert page.comfort == TURKISH and page.language == "tr" and page.lang == "tr"
    assert page.updated_by == world.caregiver and page.version == 1
    assert not page.staff_read_it


def test_the_page_is_kept_in_the_history(world):
    page = _page(world, comfort=TURKISH)
    services.page_save(
        child=world.child, caregiver=world.caregiver, expected_version=page.version, language="tr", comfort="Yeni."
    )
    assert [event.pgh_label for event in page.events.order_by("pgh_id")] == ["insert", "update"]


def test_a_caregiver_without_gezag_cannot_write_the_page(world):
    without = f.CaregiverFactory(family=world.family, has_parental_authority=False)
    with pytest.raises(PermissionDenied):
        services.page_save(child=world.child, caregiver=without, expected_version=None, language="nl", sleep="Ja.")
    assert not ChildPage.objects.exists()


def test_a_parent_of_another_family_cannot_write_the_page(world):
    other = world.other_family.caregivers.first()
    with pytest.raises(PermissionDenied):
        services.page_save(child=world.child, caregiver=other, expected_version=None, language="nl", sleep="Ja.")


def test_the_second_of_two_parents_writing_at_once_is_told_and_loses_nothing_silently(world):
    page = _page(world, sleep="Eerste versie.")
    services.page_save(
        child=world.child, caregiver=world.caregiver, expected_version=page.version, language="nl", sleep="Tweede."
    )
    with pytest.raises(StaleEdit):
        services.page_save(
            child=world.child, caregiver=world.caregiver, expected_version=page.version, language="nl", sleep="Derde."
        )
    assert ChildPage.objects.get().sleep == "Tweede."


def test_a_suggestion_notifies_the_parents_with_gezag_and_never_carries_its_text(world):
    _with_email(world)
    suggestion = services.suggestion_make(
        child=world.child, by=world.users["staff"], topic="comfort", text="Het liedje van het bootje helpt."
    )
    notification = Notification.objects.get(recipient=world.users["parent"])
    assert notification.kind == Kind.CHILD_PAGE_SUGGESTION
    assert notification.link == _portal_url(world.child)
    assert notification.event == f"child-page-suggestion:{suggestion.pk}"
    world.caregiver.preferred_language = "tr"
    world.caregiver.save()
    send_due()
    sent = mail.outbox[-1]
    assert "bootje" not in sent.body
    with translation.override("tr"):
        assert str(Kind.CHILD_PAGE_SUGGESTION.label) in sent.body


def test_a_parent_without_gezag_is_not_asked_to_decide(world):
    parent = f.UserFactory(role="parent", organisation=world.organisation, email="sam@example.org")
    f.CaregiverFactory(family=world.family, user=parent, has_parental_authority=False)
    services.suggestion_make(child=world.child, by=world.users["staff"], topic="sleep", text="Slaapt met licht aan.")
    assert not Notification.objects.filter(recipient=parent).exists()


def test_only_staff_suggest_and_an_empty_suggestion_is_refused(world):
    with pytest.raises(PermissionDenied):
        services.suggestion_make(child=world.child, by=world.users["parent"], topic="sleep", text="Ik.")
    with pytest.raises(ValidationError):
        services.suggestion_make(child=world.child, by=world.users["staff"], topic="sleep", text="   ")


def test_the_parents_accept_a_suggestion_and_it_shows_under_its_part_without_changing_their_words(world):
    _page(world, comfort=TURKISH)
    suggestion = services.suggestion_make(
        child=world.child, by=world.users["staff"], topic="comfort", text="Het liedje van het bootje."
    )
    services.suggestion_accept(suggestion=suggestion, caregiver=world.caregiver)
    child = selectors.family_children_pages(world.family)[0]
    comfort = next(part for part in child.parts if part.topic == "comfort")
    assert comfort.text == TURKISH
    assert [s.text for s in comfort.added] == ["Het liedje van het bootje."]
    assert not child.pending
    # Deciding twice (a double tap, the other parent) changes nothing.
    with pytest.raises(ValidationError):
        services.suggestion_decline(suggestion=suggestion, caregiver=world.caregiver)
    services.suggestion_remove(suggestion=suggestion, caregiver=world.caregiver)
    assert Suggestion.objects.get().status == SuggestionStatus.REMOVED
    assert not selectors.family_children_pages(world.family)[0].added


def test_a_caregiver_without_gezag_cannot_decide(world):
    without = f.CaregiverFactory(family=world.family, has_parental_authority=False)
    suggestion = services.suggestion_make(child=world.child, by=world.users["staff"], topic="food", text="Lust rijst.")
    with pytest.raises(PermissionDenied):
        services.suggestion_accept(suggestion=suggestion, caregiver=without)
    assert Suggestion.objects.get().status == SuggestionStatus.PENDING


def test_the_group_lists_only_children_placed_in_it_whose_family_the_user_sees(world):
    staff, other = world.users["staff"], world.users["other_staff"]
    assert [c.pk for c in selectors.group_children(staff, world.group)] == [world.child.pk]
    admin_sees = selectors.group_children(world.users["admin"], world.group)
    assert [c.pk for c in admin_sees] == [world.child.pk]  # the admin has this family's file open
    with pytest.raises(Exception) as refused:
        selectors.group_for(other, world.group.pk)
    assert refused.type.__name__ == "Http404"


# --- Views --------------------------------------------------------------------------------------------------


def test_the_parent_fills_in_the_page_in_the_portal(world, client_for):
    client = client_for("parent")
    response = client.post(_portal_url(world.child), {"language": "tr", "comfort": TURKISH, "version": ""})
    assert response.status_code == 302
    page = ChildPage.objects.get(child=world.child)
    assert page.comfort == TURKISH and page.updated_by == world.caregiver
    shown = client.get(_portal_url(world.child)).content.decode()
    assert TURKISH in shown


def test_a_stale_save_in_the_portal_shows_what_the_parent_wrote(world, client_for):
    page = _page(world, sleep="Eerst.")
    services.page_save(
        child=world.child, caregiver=world.caregiver, expected_version=page.version, language="nl", sleep="Later."
    )
    response = client_for("parent").post(
        _portal_url(world.child), {"language": "nl", "sleep": "Mijn tekst.", "version": page.version}
    )
    assert response.status_code == 409
    assert "Mijn tekst." in response.content.decode()
    assert ChildPage.objects.get().sleep == "Later."


def test_a_parent_without_gezag_reads_the_page_but_cannot_edit_it(world, client):
    _page(world, food="Yoğurt sever.")
    parent = f.UserFactory(role="parent", organisation=world.organisation)
    f.CaregiverFactory(family=world.family, user=parent, has_parental_authority=False)
    client.force_login(parent)
    page = client.get(_portal_url(world.child))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Yoğurt sever." in html and 'name="food"' not in html
    assert client.post(_portal_url(world.child), {"language": "nl", "food": "Anders."}).status_code == 403
    suggestion = services.suggestion_make(child=world.child, by=world.users["staff"], topic="food", text="Rijst.")
    decide = reverse("childpages:portal_decide", args=[world.child.pk, suggestion.pk])
    assert client.post(decide, {"decision": "accept"}).status_code == 403
    assert ChildPage.objects.get().food == "Yoğurt sever."


def test_a_parent_of_another_family_gets_404(world, client_for):
    _page(world, food="Yoğurt sever.")
    client = client_for("other_parent")
    assert client.get(_portal_url(world.child)).status_code == 404
    assert client.post(_portal_url(world.child), {"language": "nl", "food": "Ingeslopen."}).status_code == 404
    assert ChildPage.objects.get().food == "Yoğurt sever."


def test_the_parent_accepts_a_suggestion_in_the_portal(world, client_for):
    suggestion = services.suggestion_make(child=world.child, by=world.users["staff"], topic="food", text="Rijst.")
    client = client_for("parent")
    home = client.get(reverse("portal:home")).content.decode()
    assert _portal_url(world.child) in home and "1 voorstel van het team" in home
    assert "Rijst." in client.get(_portal_url(world.child)).content.decode()
    decide = reverse("childpages:portal_decide", args=[world.child.pk, suggestion.pk])
    assert client.post(decide, {"decision": "accept"}).status_code == 302
    assert Suggestion.objects.get().status == SuggestionStatus.ACCEPTED
    assert Suggestion.objects.get().decided_by == world.caregiver


def test_staff_read_the_page_on_the_family_page_with_its_language_and_no_translation(world, client_for):
    _page(world, comfort=TURKISH)
    html = client_for("staff").get(world.family.get_absolute_url()).content.decode()
    assert TURKISH in html
    assert 'lang="tr"' in html
    assert "Turks" in html and "niets automatisch vertaald" in html
    assert reverse("childpages:suggest", args=[world.family.pk, world.child.pk]) in html


def test_staff_suggest_an_addition_and_the_parents_page_stays_as_it_was(world, client_for):
    _with_email(world)
    _page(world, comfort=TURKISH)
    url = reverse("childpages:suggest", args=[world.family.pk, world.child.pk])
    client = client_for("staff")
    assert client.get(url).status_code == 200
    response = client.post(url, {"topic": "comfort", "text": "Het liedje van het bootje."})
    assert response.status_code == 302
    assert Suggestion.objects.get().author == world.users["staff"]
    assert ChildPage.objects.get().comfort == TURKISH
    assert client.post(url, {"topic": "comfort", "text": ""}).status_code == 400


def test_the_group_page_shows_every_childs_page_in_a_fixed_number_of_queries(world, client_for):
    _page(world, comfort=TURKISH)
    client = client_for("staff")
    url = reverse("childpages:group", args=[world.group.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        response = client.get(url)
    assert TURKISH in response.content.decode()
    for number in range(5):
        family = f.FamilyFactory(organisation=world.organisation)
        child = f.ChildFactory(family=family, mentor=world.users["staff"])
        f.PlacementFactory(child=child, group=world.group)
        caregiver = f.CaregiverFactory(family=family)
        services.page_save(
            child=child, caregiver=caregiver, expected_version=None, language="nl", sleep=f"Slaapt {number}."
        )
        services.suggestion_make(child=child, by=world.users["staff"], topic="food", text="Rijst.")
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert "Slaapt 4." in response.content.decode()
    assert len(many) == len(few)


def test_the_how_it_works_page_names_the_mentor_and_the_coordinator(world, client_for):
    world.users["coordinator"].first_name, world.users["coordinator"].last_name = "Karin", "Smit"
    world.users["coordinator"].save()
    html = client_for("parent").get(reverse("portal:how_it_works")).content.decode()
    assert world.users["staff"].get_full_name() in html
    assert "Karin Smit" in html
    assert "read-aloud" in html
    assert reverse("portal:how_it_works") in client_for("parent").get(reverse("portal:home")).content.decode()
