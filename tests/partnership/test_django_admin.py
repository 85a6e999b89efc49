"""Django's admin is for technical support and does not bypass the app's rules (partnership/admin.py; issue 11,
fault 5): only active superusers get in, the records of a family's file are read-only there, and what was
written about a family (a confidential contact above all) appears on no admin page."""

import pytest
from django.contrib import admin
from django.contrib.admin.utils import quote
from django.urls import NoReverseMatch, reverse
from django.utils.html import escape
from pghistory.models import Events

from agreements import services as agreement_services
from agreements.models import Agreement, Confirmation, Evaluation
from contacts.choices import Visibility
from contacts.models import Addendum, ContactMoment, FollowUp
from families.models import Consent, NetworkMember
from intakes.models import Intake
from portal.models import PartnershipFeedback
from tests import factories as f
from tests.test_access_matrix import DatabaseWatch
from threads import services as thread_services
from threads.models import Message, Thread, Topic

pytestmark = pytest.mark.django_db

MARKER = "GEHEIMXADMIN"


def _admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


# --- Who gets in ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["admin", "coordinator", "staff", "parent"])
def test_nobody_but_a_superuser_gets_into_any_admin_page(role, world, client_for):
    """The organisation admin included: they run the organisation in the app itself (DESIGN.md section 7)."""
    client = client_for(role)
    urls = [reverse("admin:index")] + [_admin_url(model, "changelist") for model in admin.site._registry]
    urls += [_admin_url(ContactMoment, "change", world.contact.pk), _admin_url(ContactMoment, "add")]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("admin:login")), url


def test_staff_status_without_superuser_is_not_enough(world, client_for):
    world.users["admin"].is_staff = True
    world.users["admin"].save()
    response = client_for("admin").get(reverse("admin:index"))
    assert response.status_code == 302


def test_an_inactive_superuser_does_not_get_in(world, client):
    support = world.users["support"]
    support.is_active = False
    support.save()
    client.force_login(support)
    assert client.get(reverse("admin:index")).status_code == 302


def test_the_organisation_admins_menu_has_no_link_to_djangos_admin(world, client_for):
    page = client_for("admin").get(reverse("organisations:overview"))
    assert reverse("admin:index") not in page.content.decode()
    page = client_for("support").get(reverse("families:list"))
    assert reverse("admin:index") in page.content.decode()


# --- Read-only -----------------------------------------------------------------------------------------------


def test_a_superuser_reads_a_contacts_metadata_without_a_save_button(world, client_for):
    response = client_for("support").get(_admin_url(ContactMoment, "change", world.contact.pk))
    assert response.status_code == 200
    text = response.content.decode()
    assert escape(world.users["staff"].get_full_name()) in text
    assert world.family.name in text
    assert 'name="_save"' not in text
    assert 'name="_continue"' not in text
    assert world.contact.summary not in text


READ_ONLY = [ContactMoment, Agreement, Confirmation, Thread, Message, Evaluation, Intake, PartnershipFeedback]


def _one_of_each(world):
    thread = thread_services.thread_start(
        caregiver=world.caregiver,
        by=world.users["parent"],
        topic=Topic.AGREEMENT,
        agreement=world.agreement,
        text="Goed.",
    )
    feedback = PartnershipFeedback.objects.create(
        family=world.family, caregiver=world.caregiver, relatie=4, competentie=4, autonomie=4
    )
    agreement_services.agreement_confirm(
        agreement=world.agreement, by=world.users["parent"], version=world.agreement.current
    )
    return {
        ContactMoment: world.contact,
        Agreement: world.agreement,
        Confirmation: Confirmation.objects.first(),
        Thread: thread,
        Message: thread.messages.first(),
        Evaluation: None,
        Intake: world.intake,
        PartnershipFeedback: feedback,
    }


def test_posting_a_change_an_addition_or_a_deletion_is_refused_and_changes_nothing(world, client_for):
    objects = _one_of_each(world)
    client = client_for("support")
    watch = DatabaseWatch()
    refused = {}
    for model in READ_ONLY:
        refused[f"add {model.__name__}"] = client.post(_admin_url(model, "add"), {"family": world.family.pk})
        obj = objects[model]
        if obj is None:
            continue
        body = {"family": world.family.pk, "kind": "phone", "summary": "Veranderd", "title": "Veranderd"}
        refused[f"change {model.__name__}"] = client.post(_admin_url(model, "change", obj.pk), body)
        refused[f"delete {model.__name__}"] = client.post(_admin_url(model, "delete", obj.pk), {"post": "yes"})
    assert {what: response.status_code for what, response in refused.items() if response.status_code != 403} == {}
    assert watch.changed_tables() == []


def test_the_history_events_are_read_only_too(world, client_for):
    event = world.contact.events.first()
    slug = quote(f"{event._meta.label}:{event.pgh_id}")
    client = client_for("support")
    response = client.get(_admin_url(Events, "change", slug))
    assert response.status_code == 200
    assert 'name="_save"' not in response.content.decode()
    watch = DatabaseWatch()
    assert client.post(_admin_url(Events, "change", slug), {"pgh_label": "veranderd"}).status_code == 403
    assert client.post(_admin_url(Events, "delete", slug), {"post": "yes"}).status_code == 403
    assert watch.changed_tables() == []


# --- Never what was written about a family ---------------------------------------------------------------


def _seed_markers(world):
    """MARKER in every free text of the family's file, a confidential contact first of all."""
    family, author, parent = world.family, world.users["staff"], world.users["parent"]
    text = lambda name: f"{MARKER}{name}"  # noqa: E731
    family.notes = text("familynotes")
    family.interpreter_notes = text("interpreter")
    family.save()
    world.child.talents = text("talents")
    world.child.save()
    network = NetworkMember.objects.create(family=family, name="Oma", role="grandparent", notes=text("network"))
    consent = Consent.objects.create(family=family, topic="other", details=text("consent"))
    intake = f.IntakeFactory(family=family, conducted_by=author, answer=text("answer"))
    confidential = f.ContactMomentFactory(
        family=family,
        author=author,
        visibility=Visibility.CONFIDENTIAL,
        summary=text("confsummary"),
        notes=text("confnotes"),
        shared_summary=text("confshared"),
    )
    follow_up = f.FollowUpFactory(
        contact=confidential,
        owner=author,
        description=text("followup"),
        referral_to="other",
        referral_other=text("referral"),
        referral_status="planned",
    )
    addendum = Addendum.objects.create(contact=confidential, author=author, text=text("addendum"))
    internal = f.ContactMomentFactory(family=family, author=author, summary=text("summary"), notes=text("notes"))
    agreement = f.proposed_agreement(
        family=family,
        by=author,
        **{field: text(field) for field in ("goal", "agreed_points", "open_points", "parents_do", "staff_do")},
        child_does=text("childdoes"),
        how_we_work=text("howwework"),
        child_voice=text("childvoice"),
    )
    thread = thread_services.thread_start(
        caregiver=world.caregiver, by=parent, topic=Topic.AGREEMENT, agreement=agreement, text=text("reaction")
    )
    thread_services.thread_reply(thread=thread, by=author, text=text("answer"))
    request = thread_services.conversation_request(
        caregiver=world.caregiver, by=parent, child=None, text=text("request"), preferred_moment=text("moment")
    )
    thread_services.thread_close(thread=request, by=author, reason=text("closed"))
    feedback = PartnershipFeedback.objects.create(
        family=family, caregiver=world.caregiver, relatie=2, competentie=3, autonomie=4, remark=text("feedback")
    )
    return {
        ContactMoment: confidential,
        FollowUp: follow_up,
        Addendum: addendum,
        Agreement: agreement,
        Thread: request,
        Message: thread.messages.last(),
        PartnershipFeedback: feedback,
        Intake: intake,
        NetworkMember: network,
        Consent: consent,
        "internal contact": internal,
    }


def _event_slugs(objects) -> list[str]:
    """Every history event of the marked records (their rows hold the texts)."""
    slugs = []
    for obj in objects:
        for event in getattr(obj, "events", obj.__class__.objects.none()).all():
            slugs.append(f"{event._meta.label}:{event.pgh_id}")
    return slugs


def _admin_pages(world, marked) -> list[str]:
    """Every registered model's change list, searched and not, and a change view of a marked record (or any)."""
    urls = [reverse("admin:index")]
    for model, model_admin in admin.site._registry.items():
        urls.append(_admin_url(model, "changelist"))
        if model_admin.search_fields:
            urls.append(_admin_url(model, "changelist") + f"?q={world.family.name}")
        obj = marked.get(model) or model._default_manager.first()
        if obj is not None:
            try:
                urls.append(_admin_url(model, "change", quote(obj.pk)))
            except NoReverseMatch:
                continue
    urls.append(_admin_url(ContactMoment, "change", marked["internal contact"].pk))
    urls.append(_admin_url(world.family.__class__, "change", world.family.pk))
    urls.append(_admin_url(world.child.__class__, "change", world.child.pk))
    for slug in _event_slugs([*marked.values(), world.family, world.child, *marked[Agreement].versions.all()]):
        urls.append(_admin_url(Events, "change", quote(slug)))
    contact = marked[ContactMoment]
    urls.append(_admin_url(Events, "changelist") + f"?obj=contacts.ContactMoment:{contact.pk}")
    urls.append(_admin_url(Events, "changelist") + f"?obj=contacts.Addendum:{marked[Addendum].pk}&method=tracks")
    return urls


def test_no_admin_page_shows_what_was_written_about_a_family(world, client_for):
    marked = _seed_markers(world)
    client = client_for("support")
    shown, rendered = {}, 0
    for url in _admin_pages(world, marked):
        response = client.get(url)
        assert response.status_code == 200, url
        rendered += 1
        text = response.content.decode()
        if MARKER in text:
            start = text.index(MARKER)
            shown[url] = text[start : start + 40]
    assert rendered > 40
    assert shown == {}


def test_the_confidential_contacts_page_in_the_admin_shows_its_metadata(world, client_for):
    marked = _seed_markers(world)
    contact = marked[ContactMoment]
    text = client_for("support").get(_admin_url(ContactMoment, "change", contact.pk)).content.decode()
    assert contact.get_kind_display() in text
    assert escape(world.users["staff"].get_full_name()) in text
    assert contact.get_visibility_display() in text


# --- Read-mostly, translated (issue 14) ----------------------------------------------------------------------

NO_WRITE_PATH = ["contactmoment", "agreement", "confirmation", "evaluation", "partnershipfeedback", "thread", "message"]


def _index_models(client):
    """(app label, model name) -> the admin index's entry for it, with its add URL and permissions."""
    index = client.get(reverse("admin:index"))
    return {
        (app["app_label"], model["object_name"].lower()): model
        for app in index.context["app_list"]
        for model in app["models"]
    }


def test_the_index_offers_no_way_to_add_or_change_an_akkoord_a_contact_or_feedback(world, client_for):
    models = _index_models(client_for("support"))
    for name in [*NO_WRITE_PATH, "safeguardingnote"]:
        [entry] = [model for (app, model_name), model in models.items() if model_name == name]
        assert entry["add_url"] is None, name
        assert entry["perms"] == {"add": False, "change": False, "delete": False, "view": True}, name


def test_a_superuser_cannot_type_an_akkoord_for_a_parent(world, client_for):
    """The parent's akkoord is given in the portal or recorded by staff in a conversation, never here."""
    client = client_for("support")
    watch = DatabaseWatch()
    response = client.post(
        _admin_url(Confirmation, "add"),
        {
            "version": world.agreement.current_id,
            "caregiver": world.caregiver.pk,
            "recorded_by": world.users["staff"].pk,
        },
    )
    assert response.status_code == 403
    assert not Confirmation.objects.exists()
    assert watch.changed_tables() == []


def test_the_childcare_groups_are_the_only_groups_in_the_admin(world, client_for):
    models = _index_models(client_for("support"))
    assert ("auth", "group") not in models
    assert ("organisations", "group") in models


def test_locations_groups_and_memberships_are_read_only_here(world, client_for):
    from organisations.models import Group, Location

    client = client_for("support")
    watch = DatabaseWatch()
    refused = [
        client.post(_admin_url(Location, "change", world.location.pk), {"name": "Veranderd"}).status_code,
        client.post(_admin_url(Group, "change", world.group.pk), {"name": "Veranderd"}).status_code,
        client.post(_admin_url(Group, "add"), {"name": "Nieuw", "location": world.location.pk}).status_code,
    ]
    assert refused == [403, 403, 403]
    assert watch.changed_tables() == []


def test_a_family_is_not_deleted_in_the_admin(world, client_for):
    client = client_for("support")
    response = client.post(_admin_url(world.family.__class__, "delete", world.family.pk), {"post": "yes"})
    assert response.status_code == 403
    assert world.family.__class__.objects.filter(pk=world.family.pk).exists()


def _labels(html: str) -> set[str]:
    """The texts of form labels and column headers on an admin page."""
    import re

    texts = re.findall(r"<label[^>]*>([^<]+)</label>", html) + re.findall(
        r"<th[^>]*>\s*(?:<[^>]+>\s*)*([^<]+?)\s*<", html
    )
    return {text.strip().rstrip(":").strip() for text in texts if text.strip()}


def test_every_label_of_the_admin_is_translated(world, foreign, client_for):
    """No "Location:" or "USER" in Dutch: a field without a translated name of its own is labelled by what it
    points to (partnership/admin.py), on the change pages, in the inlines and as list columns."""
    from django.apps import apps
    from django.utils.functional import Promise

    untranslated = {
        str(field.verbose_name)[:1].upper() + str(field.verbose_name)[1:]
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if hasattr(field, "verbose_name") and not isinstance(field.verbose_name, Promise)
    } - {"ID", "Intake", "Status"}  # the same word in Dutch
    client = client_for("support")
    pages = {}
    for model in admin.site._registry:
        pages[f"{model.__name__} list"] = client.get(_admin_url(model, "changelist")).content.decode()
        obj = model._default_manager.first()
        if obj is not None:
            pages[f"{model.__name__} page"] = client.get(_admin_url(model, "change", quote(obj.pk))).content.decode()
    shown = {page: sorted(_labels(html) & untranslated) for page, html in pages.items()}
    assert {page: labels for page, labels in shown.items() if labels} == {}
    group_page = pages["Group page"]
    assert "Locatie" in group_page and "Location:" not in group_page
    assert "Medewerker" in _labels(group_page)


# --- Large organisations (issue 16) ------------------------------------------------------------------------


def _options_on_the_family_page(client, family) -> int:
    response = client.get(_admin_url(family.__class__, "change", family.pk))
    assert response.status_code == 200
    return response.content.decode().count("<option")


def test_the_family_page_lists_no_more_options_in_a_larger_organisation(world, client_for):
    client = client_for("support")
    f.ConsentFactory(family=world.family)
    f.NetworkMemberFactory(family=world.family)
    before = _options_on_the_family_page(client, world.family)
    for _ in range(15):
        other = f.FamilyFactory(organisation=world.family.organisation)
        f.CaregiverFactory(family=other)
        f.ChildFactory(family=other)
        f.UserFactory(organisation=world.family.organisation)
    assert _options_on_the_family_page(client, world.family) == before
