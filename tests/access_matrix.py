"""The URL access matrix: for every named URL of the project, the expected answer for each role.

Statuses: 200 page, 302 redirect (for "anonymous" it must go to the login page), 403 not for this role,
404 outside the user's scope, 405 method not allowed. Every later feature adds its URLs here; a URL that
is missing fails `test_every_url_is_classified`, and one that accepts POST but is missing from POST_MATRIX
(below) fails `test_every_url_that_accepts_post_is_in_the_post_matrix`.
"""

import datetime

from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

ANON, PARENT, OTHER_PARENT, STAFF, OTHER_STAFF, COORD, ADMIN = ROLES = (
    "anonymous",
    "parent",
    "other_parent",
    "staff",
    "other_staff",
    "coordinator",
    "admin",
)


def everyone(status):
    return dict.fromkeys(ROLES, status)


def signed_in(status, **overrides):
    """Login required; every signed-in role gets `status` unless overridden."""
    expected = dict.fromkeys(ROLES, status)
    expected[ANON] = 302
    expected.update(overrides)
    return expected


def staff_only(**overrides):
    expected = signed_in(200, parent=403, other_parent=403)
    expected.update(overrides)
    return expected


def no_kwargs(world):
    return {}


def family(world):
    return {"pk": world.family.pk}


def contact(world):
    return {"pk": world.family.pk, "contact_pk": world.contact.pk}


def follow_up(world):
    return {"pk": world.family.pk, "follow_up_pk": world.follow_up.pk}


def agreement(world):
    return {"pk": world.family.pk, "agreement_pk": world.agreement.pk}


def thread_of(file):
    """A parent's question in the family of `file` (the world, or a FamilyFile), made once for it, on first use:
    build a URL before watching the database for changes."""
    if getattr(file, "matrix_thread", None) is None:
        from tests.factories import ThreadFactory

        file.matrix_thread = ThreadFactory(family=file.family, caregiver=file.caregiver, text="Een vraag.")
    return file.matrix_thread


def shared_summary_of(file):
    """A contact shared with the parents of `file`'s family, made once for it."""
    if getattr(file, "matrix_summary", None) is None:
        from tests.factories import ContactMomentFactory

        file.matrix_summary = ContactMomentFactory(
            family=file.family, author=file.child.mentor, visibility="shared", shared_summary="Gedeeld met de ouders."
        )
    return file.matrix_summary


def thread(file):
    return {"pk": file.family.pk, "thread_pk": thread_of(file).pk}


def acknowledgement_of(file):
    """A signal of `file`'s family marked as seen, made once for it, on first use (before the database watch)."""
    if getattr(file, "matrix_acknowledgement", None) is None:
        from health.models import Acknowledgement

        file.matrix_acknowledgement = Acknowledgement.objects.create(
            family=file.family, signal="contact", level=1, note="Gezien.", by=file.child.mentor
        )
    return file.matrix_acknowledgement


def acknowledgement(file):
    return {"pk": file.family.pk, "ack_pk": acknowledgement_of(file).pk}


def time_given_of(file):
    """A signal of `file`'s family given time by its mentor, made once for it, on first use."""
    if getattr(file, "matrix_time_given", None) is None:
        from health.models import Acknowledgement, Kind

        file.matrix_time_given = Acknowledgement.objects.create(
            family=file.family,
            signal="contact",
            kind=Kind.TIME,
            level=1,
            note="Vertrouwen kost tijd.",
            look_again_on=timezone.localdate() + datetime.timedelta(days=30),
            by=file.child.mentor,
        )
    return file.matrix_time_given


def time_given(file):
    return {"pk": file.family.pk, "ack_pk": time_given_of(file).pk}


def life_event_of(file):
    """A life event of `file`'s family, noted by its mentor, made once for it, on first use."""
    if getattr(file, "matrix_life_event", None) is None:
        from lifeevents.models import LifeEvent

        file.matrix_life_event = LifeEvent.objects.create(
            family=file.family,
            kind="move",
            description="Verhuisd.",
            happened_on=timezone.localdate(),
            ends_on=timezone.localdate() + datetime.timedelta(days=90),
            parents_know=True,
            noted_by=file.child.mentor,
        )
    return file.matrix_life_event


def life_event(file):
    return {"pk": file.family.pk, "event_pk": life_event_of(file).pk}


def _organisation_of(file):
    """The organisation of the world, or of a FamilyFile's family."""
    return getattr(file, "organisation", None) or file.family.organisation


def import_run_of(file):
    """An uploaded planning export of the organisation of `file`, waiting for its columns, made once for it."""
    if getattr(file, "matrix_import_run", None) is None:
        from imports.models import ImportRun

        file.matrix_import_run = ImportRun.objects.create(
            organisation=_organisation_of(file),
            file_name="planning.csv",
            content=b"Kindnummer;Groep\n1;A1\n",
            file_format="csv",
            headers=["Kindnummer", "Groep"],
            sample=["1", "A1"],
            total_rows=1,
        )
    return file.matrix_import_run


def import_mapping_of(file):
    """A saved column mapping of the organisation of `file`, made once for it."""
    if getattr(file, "matrix_import_mapping", None) is None:
        from imports.models import ImportMapping

        file.matrix_import_mapping = ImportMapping.objects.create(
            organisation=_organisation_of(file), name="Kindplanner", columns={"child_id": "Kindnummer"}
        )
    return file.matrix_import_mapping


def import_run(file):
    return {"run_pk": import_run_of(file).pk}


def setup_location(file):
    return {"location_pk": file.group.location.pk}


def setup_group(file):
    return {"group_pk": file.group.pk}


def setup_member(file):
    return {"user_pk": file.users["staff"].pk if hasattr(file, "users") else file.staff.pk}


def reflection_of(file):
    """A private reflection by the author of `file`'s contact, made once for it, on first use."""
    if getattr(file, "matrix_reflection", None) is None:
        from reflection.models import Reflection

        file.matrix_reflection = Reflection.objects.create(
            author=file.contact.author, contact=file.contact, month=timezone.localdate().replace(day=1), assumed="Iets."
        )
    return file.matrix_reflection


def reflection(file):
    return {"reflection_pk": reflection_of(file).pk}


def moment_of(file):
    """A positive moment with a photo about `file`'s child, made once for it, on first use."""
    if getattr(file, "matrix_moment", None) is None:
        from moments.models import Moment, MomentPhoto

        moment = Moment.objects.create(family=file.family, child=file.child, author=file.child.mentor, text="Fijn.")
        MomentPhoto.objects.create(moment=moment, data=b"\xff\xd8\xff\xd9", width=1, height=1)
        file.matrix_moment = moment
    return file.matrix_moment


def suggestion_of(file):
    """A staff suggestion for the page about `file`'s child, waiting for the parents, made once for it."""
    if getattr(file, "matrix_suggestion", None) is None:
        from childpages.models import Suggestion

        file.matrix_suggestion = Suggestion.objects.create(
            child=file.child, topic="sleep", text="Slaapt met een knuffel.", author=file.child.mentor
        )
    return file.matrix_suggestion


def parents_only(status=200, **overrides):
    expected = signed_in(403, parent=status, other_parent=status)
    expected.update(overrides)
    return expected


def leads_only(status=200):
    """Coordinators and admins only."""
    return signed_in(403, coordinator=status, admin=status)


IN_SCOPE_STAFF = staff_only(other_staff=404)
# The organisation admin's set-up: coordinators, staff and parents get 403.
ADMIN_ONLY = signed_in(403, admin=200)
POST_ONLY_IN_FAMILY = signed_in(405, parent=403, other_parent=403)

# name -> (kwargs built from the test world, expected status per role)
MATRIX = {
    "home": (no_kwargs, signed_in(302)),
    "healthz": (no_kwargs, everyone(200)),
    "set_language": (no_kwargs, everyone(302)),
    "accounts:login": (no_kwargs, signed_in(302, anonymous=200)),
    "accounts:logout": (no_kwargs, signed_in(405)),
    "accounts:password_change": (no_kwargs, signed_in(200)),
    "accounts:password_change_done": (no_kwargs, signed_in(200)),
    "accounts:password_reset": (no_kwargs, everyone(200)),
    "accounts:password_reset_done": (no_kwargs, everyone(200)),
    "accounts:password_reset_confirm": (lambda w: {"uidb64": "MQ", "token": "expired-token"}, everyone(200)),
    "accounts:password_reset_complete": (no_kwargs, everyone(200)),
    # My account and its security pages (the test settings sign in without the second step; a fresh sign-in
    # counts as a recent password, so the re-authentication step does not come in between).
    "accounts:account": (no_kwargs, signed_in(200)),
    "notifications:preferences": (no_kwargs, signed_in(200)),
    "accounts:email_change": (no_kwargs, signed_in(200)),
    "accounts:confirm_password": (no_kwargs, signed_in(200)),
    "accounts:pin": (no_kwargs, signed_in(200)),
    "accounts:two_factor_setup": (no_kwargs, signed_in(200)),
    # Without a device there is nothing to verify, and no fresh recovery codes to show: back to a page.
    "accounts:two_factor_verify": (no_kwargs, signed_in(302)),
    "accounts:recovery_codes": (no_kwargs, signed_in(302)),
    "accounts:recovery_codes_new": (no_kwargs, signed_in(405)),
    "accounts:two_factor_off": (no_kwargs, parents_only(405)),
    # Only a locked session on a shared device has something to unlock.
    "accounts:unlock": (no_kwargs, signed_in(302)),
    # The organisation admin's view of logins in their organisation.
    "accounts:lockouts": (no_kwargs, signed_in(403, admin=200)),
    "accounts:lockout_lift": (lambda w: {"user_pk": w.users["staff"].pk}, signed_in(403, admin=405)),
    "accounts:login_log": (no_kwargs, signed_in(403, admin=200)),
    "families:mine": (no_kwargs, staff_only()),
    "families:detail": (family, IN_SCOPE_STAFF),
    "families:list": (no_kwargs, staff_only()),
    "families:create": (no_kwargs, staff_only()),
    "families:edit": (family, IN_SCOPE_STAFF),
    "families:archive": (family, leads_only()),
    "families:history": (family, leads_only()),
    "audit:family": (family, leads_only()),
    "privacy:export": (family, leads_only()),
    "privacy:export_json": (family, leads_only()),
    "privacy:erase": (family, leads_only()),
    "privacy:erasures": (no_kwargs, leads_only()),
    # Only the organisation admin states a reason to open a family's file (the world's admin has one open).
    "audit:open_file": (family, signed_in(403, admin=200)),
    "families:caregiver_add": (family, IN_SCOPE_STAFF),
    "families:caregiver_edit": (lambda w: {"pk": w.family.pk, "caregiver_pk": w.caregiver.pk}, IN_SCOPE_STAFF),
    "families:child_add": (family, IN_SCOPE_STAFF),
    "families:child_edit": (lambda w: {"pk": w.family.pk, "child_pk": w.child.pk}, IN_SCOPE_STAFF),
    "families:placement_add": (lambda w: {"pk": w.family.pk, "child_pk": w.child.pk}, IN_SCOPE_STAFF),
    "families:placement_edit": (
        lambda w: {"pk": w.family.pk, "child_pk": w.child.pk, "placement_pk": w.placement.pk},
        IN_SCOPE_STAFF,
    ),
    "families:network_add": (family, IN_SCOPE_STAFF),
    "families:network_edit": (lambda w: {"pk": w.family.pk, "member_pk": w.network_member.pk}, IN_SCOPE_STAFF),
    "families:network_delete": (lambda w: {"pk": w.family.pk, "member_pk": w.network_member.pk}, POST_ONLY_IN_FAMILY),
    "families:consent_add": (family, IN_SCOPE_STAFF),
    "families:consent_withdraw": (lambda w: {"pk": w.family.pk, "consent_pk": w.consent.pk}, POST_ONLY_IN_FAMILY),
    "intakes:create": (family, IN_SCOPE_STAFF),
    "intakes:detail": (lambda w: {"pk": w.family.pk, "intake_pk": w.intake.pk}, IN_SCOPE_STAFF),
    "intakes:questions": (no_kwargs, leads_only()),
    "intakes:question_add": (no_kwargs, leads_only()),
    "intakes:question_edit": (lambda w: {"question_pk": w.question.pk}, leads_only()),
    "intakes:question_move": (lambda w: {"question_pk": w.question.pk, "direction": "up"}, leads_only(405)),
    "intakes:question_retire": (lambda w: {"question_pk": w.question.pk}, leads_only(200)),
    "contacts:quick": (family, IN_SCOPE_STAFF),
    "contacts:choose": (family, IN_SCOPE_STAFF),
    "contacts:create": (lambda w: {"pk": w.family.pk, "kind": "home_visit"}, IN_SCOPE_STAFF),
    "contacts:detail": (contact, IN_SCOPE_STAFF),
    # Only the author corrects a contact (within 24 hours); colleagues in scope get 403, not the form.
    "contacts:edit": (contact, staff_only(other_staff=404, coordinator=403, admin=403)),
    "contacts:addendum": (contact, POST_ONLY_IN_FAMILY),
    "contacts:follow_up_add": (contact, IN_SCOPE_STAFF),
    "contacts:follow_up_done": (follow_up, POST_ONLY_IN_FAMILY),
    "contacts:referral_status": (follow_up, POST_ONLY_IN_FAMILY),
    "contacts:coverage": (no_kwargs, staff_only()),
    "contacts:coverage_for": (lambda w: {"user_pk": w.users["staff"].pk}, staff_only(other_staff=403)),
    "successfactors:items": (no_kwargs, leads_only()),
    "successfactors:item_add": (no_kwargs, leads_only()),
    "successfactors:item_edit": (lambda w: {"item_pk": w.item.pk}, leads_only()),
    "successfactors:item_move": (lambda w: {"item_pk": w.item.pk, "direction": "up"}, leads_only(405)),
    "successfactors:item_retire": (lambda w: {"item_pk": w.item.pk}, leads_only(200)),
    "agreements:create": (family, IN_SCOPE_STAFF),
    "agreements:detail": (agreement, IN_SCOPE_STAFF),
    "agreements:edit": (agreement, IN_SCOPE_STAFF),
    "agreements:propose": (agreement, POST_ONLY_IN_FAMILY),
    "agreements:record_agreed": (agreement, IN_SCOPE_STAFF),
    "agreements:evaluate": (agreement, IN_SCOPE_STAFF),
    "agreements:print": (agreement, IN_SCOPE_STAFF),
    "portal:agreement": (lambda w: {"agreement_pk": w.agreement.pk}, parents_only(other_parent=404)),
    "portal:confirm": (lambda w: {"agreement_pk": w.agreement.pk}, parents_only(405)),
    "portal:react": (lambda w: {"agreement_pk": w.agreement.pk}, parents_only(405)),
    "portal:feedback": (no_kwargs, parents_only()),
    "portal:ask": (no_kwargs, parents_only()),
    # The language of one's own portal and e-mails.
    "portal:language": (no_kwargs, parents_only()),
    # Public: the signed link is the proof; a wrong or used link answers 410 Gone with a clear page.
    "portal:welcome": (lambda w: {"uidb64": "MQ", "token": "expired-token"}, everyone(410)),
    # GET: what the caregiver will and will not be able to do, before the invitation is sent.
    "portal:invite": (lambda w: {"pk": w.family.pk, "caregiver_pk": w.caregiver.pk}, IN_SCOPE_STAFF),
    "portal:revoke": (lambda w: {"pk": w.family.pk, "caregiver_pk": w.caregiver.pk}, POST_ONLY_IN_FAMILY),
    # Health is for staff and coordinators, never for parents.
    "health:dashboard": (no_kwargs, leads_only()),
    "health:export": (no_kwargs, leads_only()),
    "health:family": (family, IN_SCOPE_STAFF),
    "health:acknowledge": (family, leads_only(405)),
    "health:acknowledgement_withdraw": (acknowledgement, leads_only(405)),
    # Time as a choice: the family's staff give a signal time and end it early; the coordinators read the figures.
    "health:give_time": (family, POST_ONLY_IN_FAMILY),
    "health:time_end": (time_given, POST_ONLY_IN_FAMILY),
    "health:time_given": (no_kwargs, leads_only()),
    "health:without_mentor": (no_kwargs, leads_only()),
    "health:reminders": (no_kwargs, staff_only()),
    "reports:index": (no_kwargs, leads_only()),
    "organisations:overview": (no_kwargs, signed_in(403, coordinator=200, admin=200)),
    "portal:home": (no_kwargs, signed_in(403, parent=200, other_parent=200)),
    # Parents' messages: staff answer in the family's scope, parents read and write in their own family's.
    "threads:inbox": (no_kwargs, staff_only()),
    "threads:family": (family, IN_SCOPE_STAFF),
    "threads:detail": (thread, IN_SCOPE_STAFF),
    "threads:close": (thread, POST_ONLY_IN_FAMILY),
    "threads:portal_list": (no_kwargs, parents_only()),
    "threads:portal_new": (no_kwargs, parents_only()),
    "threads:portal_detail": (lambda w: {"thread_pk": thread_of(w).pk}, parents_only(other_parent=404)),
    "threads:portal_summary": (lambda w: {"contact_pk": shared_summary_of(w).pk}, parents_only(other_parent=404)),
    # The organisation admin's set-up pages (organisations/, imports/): the admin only, never a coordinator.
    "organisations:setup": (no_kwargs, ADMIN_ONLY),
    "organisations:locations": (no_kwargs, ADMIN_ONLY),
    "organisations:location_add": (no_kwargs, ADMIN_ONLY),
    "organisations:location_edit": (setup_location, ADMIN_ONLY),
    "organisations:location_delete": (setup_location, ADMIN_ONLY),
    "organisations:groups": (no_kwargs, ADMIN_ONLY),
    "organisations:group_add": (no_kwargs, ADMIN_ONLY),
    "organisations:group_edit": (setup_group, ADMIN_ONLY),
    "organisations:group_delete": (setup_group, ADMIN_ONLY),
    "organisations:staff": (no_kwargs, ADMIN_ONLY),
    "organisations:staff_invite": (no_kwargs, ADMIN_ONLY),
    "organisations:staff_edit": (setup_member, ADMIN_ONLY),
    "organisations:staff_resend": (setup_member, signed_in(403, admin=405)),
    "organisations:staff_deactivate": (setup_member, ADMIN_ONLY),
    "organisations:staff_reactivate": (setup_member, signed_in(403, admin=405)),
    "organisations:settings": (no_kwargs, ADMIN_ONLY),
    "imports:index": (no_kwargs, ADMIN_ONLY),
    "imports:run": (import_run, ADMIN_ONLY),
    "imports:columns": (import_run, ADMIN_ONLY),
    "imports:start": (import_run, signed_in(403, admin=405)),
    "imports:status": (import_run, ADMIN_ONLY),
    "imports:cancel": (import_run, signed_in(403, admin=405)),
    "imports:mapping_delete": (lambda w: {"mapping_pk": import_mapping_of(w).pk}, signed_in(403, admin=405)),
    # Public: the invited staff member's signed link is the proof; a wrong or used one answers 410 Gone.
    "accounts:staff_welcome": (lambda w: {"uidb64": "MQ", "token": "expired-token"}, everyone(410)),
    # The Meldcode signpost of a family's page, with its confidential notes.
    "safeguarding:signpost": (family, IN_SCOPE_STAFF),
    # A private reflection exists only for its author (the contact's author): anyone else gets 404, the
    # coordinator and the organisation admin included. The pulse is the pedagogical staff's; its figures the
    # coordinators'.
    "reflection:write": (contact, staff_only(other_staff=404, coordinator=404, admin=404)),
    "reflection:mine": (no_kwargs, staff_only()),
    # Life events: the staff who see the family (the admin has the world's family open); never parents.
    "lifeevents:list": (family, IN_SCOPE_STAFF),
    "lifeevents:create": (family, IN_SCOPE_STAFF),
    "lifeevents:set_end": (life_event, POST_ONLY_IN_FAMILY),
    "lifeevents:end": (life_event, POST_ONLY_IN_FAMILY),
    "reflection:detail": (reflection, staff_only(other_staff=404, coordinator=404, admin=404)),
    "reflection:delete": (reflection, POST_ONLY_IN_FAMILY),
    "reflection:pulse": (no_kwargs, signed_in(403, staff=200, other_staff=200)),
    "reflection:teams": (no_kwargs, signed_in(403, coordinator=200)),
    # The parents' page about their child: parents read it in the portal (another family's child is 404), staff
    # in scope read it on the family page and at the group, and suggest additions; the parents decide.
    "childpages:group": (lambda w: {"group_pk": w.group.pk}, staff_only(other_staff=404)),
    "childpages:suggest": (lambda w: {"pk": w.family.pk, "child_pk": w.child.pk}, IN_SCOPE_STAFF),
    "childpages:portal_page": (lambda w: {"child_pk": w.child.pk}, parents_only(other_parent=404)),
    "childpages:portal_decide": (
        lambda w: {"child_pk": w.child.pk, "suggestion_pk": suggestion_of(w).pk},
        parents_only(405),
    ),
    "portal:how_it_works": (no_kwargs, parents_only()),
    # Positive moments: staff share them in their families; the photo is for the family's parents and the staff
    # who see the family (another family's photo is 404 for everyone else, the other parent included).
    "moments:share": (lambda w: {"pk": w.family.pk, "child_pk": w.child.pk}, IN_SCOPE_STAFF),
    "moments:family": (family, IN_SCOPE_STAFF),
    "moments:photo": (
        lambda w: {"moment_pk": moment_of(w).pk},
        signed_in(404, parent=200, staff=200, coordinator=200, admin=200),
    ),
    "moments:portal_list": (no_kwargs, parents_only()),
}

# Django's admin is classified as a whole: only superusers (technical support) get in, not the organisation admin
# (tests/partnership/test_django_admin.py).
ADMIN_NAMESPACE = "admin"


# --- The POST side ---------------------------------------------------------------------------------------
# A GET cannot show that a POST-only URL checks its scope: it answers 405 to everyone. So every URL whose view
# accepts POST (see `test_every_url_that_accepts_post_is_in_the_post_matrix`) is also sent a POST with the ids
# of a family that is out of scope, and a body that would change something if the POST got through. The
# answer must be the expected status and the database must be unchanged.
#
# The kwargs and body builders take a `FamilyFile` (tests/conftest.py): the POSTs go to the family of ANOTHER
# organisation (`world.foreign`), out of scope for every role, the organisation admin included. To the roles
# that this table expects to answer 404 (those that may use the URL), the test also sends, without more rows:
# - "mixed" ids: the world's own family (in scope for staff) with the foreign family's contact, child, ... id,
#   so that the inner object must be looked up inside the family;
# - as other_staff and other_parent: the ids of the world's own family (`world.own`), of their own location or
#   organisation but not theirs.

# A staff URL on a family file: the family is not found (404); parents may not use it at all (403).
OUT_OF_SCOPE = signed_in(404, parent=403, other_parent=403)
# A coordinator's and admin's URL on a family file.
LEADS_OUT_OF_SCOPE = signed_in(403, coordinator=404, admin=404)
# A parent's URL on an agreement of another family.
PORTAL_OUT_OF_SCOPE = signed_in(403, parent=404, other_parent=404)
# An entry of another organisation's catalogue (each organisation keeps its own): not found for its leads.
CATALOGUE_ENTRY = LEADS_OUT_OF_SCOPE
# Another organisation's location, group, staff member, import run or saved columns: not found for the admin.
SETUP_RECORD = signed_in(403, admin=404)


def no_body(file):
    return {}


def today(days=0):
    return (timezone.localdate() + datetime.timedelta(days=days)).isoformat()


def now_minus_an_hour():
    return (timezone.localtime() - datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")


def in_family(key=None, attr=None):
    """kwargs for a URL on the file's family, and optionally on one object in it."""
    if key is None:
        return lambda file: {"pk": file.family.pk}
    return lambda file: {"pk": file.family.pk, key: getattr(file, attr).pk}


def contact_body(file):
    return {
        "occurred_at": now_minus_an_hour(),
        "caregivers": [file.caregiver.pk],
        "children": [file.child.pk],
        "tone": "neutral",
        "summary": "Ingeslopen gesprek.",
        "visibility": "internal",
        "version": file.contact.version,
        "fu-TOTAL_FORMS": "0",
        "fu-INITIAL_FORMS": "0",
    }


def agreement_body(file):
    return {
        "title": "Ingeslopen afspraak",
        "child": file.child.pk,
        "goal": "Iets anders.",
        "evaluation_on": today(30),
        "lock_version": file.agreement.lock_version,
    }


def child_body(file):
    return {
        "first_name": "Ingeslopen-kind",
        "last_name": "Kind",
        "date_of_birth": today(-700),
        "mentor": file.staff.pk,
        "group": file.group.pk,
        "start_date": today(),
    }


def forged_link(file):
    return {"uidb64": urlsafe_base64_encode(force_bytes(file.caregiver.user.pk)), "token": "forged-token"}


def caregiver_body(file):
    return {
        "first_name": "Ingeslopen",
        "last_name": "Ouder",
        "relation": "vader",
        "preferred_language": "nl",
        "preferred_contact": "in_person",
    }


def password_body(file):
    return {"new_password1": "een-nieuw-wachtwoord-42", "new_password2": "een-nieuw-wachtwoord-42"}


# name -> (kwargs built from a FamilyFile, POST body built from it, expected status per role)
POST_MATRIX = {
    # No family in the URL: only who may use it; a body with another organisation's ids is refused in the form.
    "home": (no_kwargs, no_body, signed_in(302)),
    "set_language": (no_kwargs, lambda file: {"language": "en"}, everyone(302)),
    "accounts:login": (
        no_kwargs,
        lambda file: {"username": file.caregiver.user.username, "password": "not-the-password"},
        signed_in(302, anonymous=200),
    ),
    "accounts:logout": (no_kwargs, no_body, everyone(302)),
    "accounts:password_change": (
        no_kwargs,
        lambda file: {"old_password": "not-the-password", **password_body(file)},
        signed_in(200),
    ),
    "accounts:password_reset": (no_kwargs, lambda file: {"email": "nobody@example.org"}, everyone(302)),
    # A forged link for another organisation's parent: the link is invalid, the password stays.
    "accounts:password_reset_confirm": (forged_link, password_body, everyone(200)),
    # One's own account: no ids in them; an empty form is shown again and changes nothing.
    "accounts:email_change": (no_kwargs, no_body, signed_in(200)),
    # One's own choice: an invalid body shows the form again and changes nothing.
    "notifications:preferences": (no_kwargs, lambda file: {"frequency": "elk-uur"}, signed_in(200)),
    "accounts:confirm_password": (no_kwargs, no_body, signed_in(200)),
    "accounts:pin": (no_kwargs, no_body, signed_in(200)),
    "accounts:two_factor_setup": (no_kwargs, no_body, signed_in(200)),
    "accounts:two_factor_verify": (no_kwargs, lambda file: {"code": "123456"}, signed_in(302)),
    # Without a device: sent to set one up; turning off what is not there changes nothing.
    "accounts:recovery_codes_new": (no_kwargs, no_body, signed_in(302)),
    "accounts:two_factor_off": (no_kwargs, no_body, parents_only(302)),
    "accounts:unlock": (no_kwargs, lambda file: {"secret": "1234"}, signed_in(302)),
    # Another organisation's user: not found for the admin, not for anyone else at all.
    "accounts:lockout_lift": (lambda file: {"user_pk": file.staff.pk}, no_body, signed_in(403, admin=404)),
    "portal:welcome": (forged_link, password_body, everyone(410)),
    "families:mine": (no_kwargs, no_body, staff_only()),
    "families:list": (no_kwargs, no_body, staff_only()),
    # A group of another organisation for the new family's child: refused in the form.
    "families:create": (
        no_kwargs,
        lambda file: {
            "family_name": "Ingeslopen",
            "child_first_name": "Kind",
            "child_last_name": "Ingeslopen",
            "date_of_birth": today(-700),
            "group": file.group.pk,
            "start_date": today(),
        },
        staff_only(),
    ),
    "contacts:coverage": (no_kwargs, no_body, staff_only()),
    "contacts:coverage_for": (
        lambda file: {"user_pk": file.staff.pk},
        no_body,
        staff_only(staff=403, other_staff=403, coordinator=404, admin=404),
    ),
    "health:dashboard": (no_kwargs, no_body, leads_only()),
    "health:export": (no_kwargs, no_body, leads_only()),
    "health:reminders": (no_kwargs, no_body, staff_only()),
    "organisations:overview": (no_kwargs, no_body, leads_only()),
    "portal:home": (no_kwargs, no_body, parents_only()),
    # Nothing of another family in it: an empty form is shown again.
    "portal:feedback": (no_kwargs, no_body, parents_only()),
    "portal:ask": (no_kwargs, lambda file: {"child": file.child.pk, "text": "Mag ik bellen?"}, parents_only()),
    # One's own choice, no ids: a language the portal does not speak shows the form again and changes nothing.
    "portal:language": (no_kwargs, lambda file: {"language": "xx"}, parents_only(400)),
    # The family file.
    "families:detail": (in_family(), no_body, OUT_OF_SCOPE),
    "families:edit": (
        in_family(),
        lambda file: {"name": "Ingeslopen", "version": file.family.version},
        OUT_OF_SCOPE,
    ),
    "families:archive": (in_family(), lambda file: {"archived_on": today()}, LEADS_OUT_OF_SCOPE),
    "families:history": (in_family(), no_body, LEADS_OUT_OF_SCOPE),
    "audit:family": (in_family(), no_body, LEADS_OUT_OF_SCOPE),
    # Typed the family's name right: only the scope check stands between the POST and the erasure.
    "privacy:erase": (
        in_family(),
        lambda file: {"family_name": file.family.name, "reason": "request"},
        LEADS_OUT_OF_SCOPE,
    ),
    "audit:open_file": (
        in_family(),
        lambda file: {"reason": "support", "explanation": "Ingeslopen reden om het dossier te openen."},
        signed_in(403, admin=404),
    ),
    "families:caregiver_add": (in_family(), caregiver_body, OUT_OF_SCOPE),
    "families:caregiver_edit": (in_family("caregiver_pk", "caregiver"), caregiver_body, OUT_OF_SCOPE),
    "families:child_add": (in_family(), child_body, OUT_OF_SCOPE),
    "families:child_edit": (in_family("child_pk", "child"), child_body, OUT_OF_SCOPE),
    "families:placement_add": (
        in_family("child_pk", "child"),
        lambda file: {"group": file.group.pk, "start_date": today(-400), "end_date": today(-300)},
        OUT_OF_SCOPE,
    ),
    "families:placement_edit": (
        lambda file: {"pk": file.family.pk, "child_pk": file.child.pk, "placement_pk": file.placement.pk},
        lambda file: {"group": file.group.pk, "start_date": today(-10), "end_date": today(-1)},
        OUT_OF_SCOPE,
    ),
    "families:network_add": (in_family(), lambda file: {"name": "Ingeslopen", "role": "grandparent"}, OUT_OF_SCOPE),
    "families:network_edit": (
        in_family("member_pk", "network_member"),
        lambda file: {"name": "Ingeslopen", "role": "grandparent"},
        OUT_OF_SCOPE,
    ),
    "families:network_delete": (in_family("member_pk", "network_member"), no_body, OUT_OF_SCOPE),
    "families:consent_add": (
        in_family(),
        lambda file: {"topic": "outings", "given": "on", "given_by": file.caregiver.pk, "recorded_on": today()},
        OUT_OF_SCOPE,
    ),
    "families:consent_withdraw": (in_family("consent_pk", "consent"), no_body, OUT_OF_SCOPE),
    "intakes:create": (
        in_family(),
        lambda file: {
            "held_on": today(),
            "caregivers": [file.caregiver.pk],
            "children": [file.child.pk],
            "tone": "positive",
            f"question_{file.question.pk}": "Ingeslopen antwoord",
        },
        OUT_OF_SCOPE,
    ),
    "intakes:detail": (in_family("intake_pk", "intake"), no_body, OUT_OF_SCOPE),
    "contacts:quick": (
        in_family(),
        lambda file: {"tone": "positive", "caregivers": [file.caregiver.pk], "occasion": "pick_up"},
        OUT_OF_SCOPE,
    ),
    "contacts:choose": (in_family(), no_body, OUT_OF_SCOPE),
    "contacts:create": (lambda file: {"pk": file.family.pk, "kind": "home_visit"}, contact_body, OUT_OF_SCOPE),
    "contacts:detail": (in_family("contact_pk", "contact"), no_body, OUT_OF_SCOPE),
    "contacts:edit": (in_family("contact_pk", "contact"), contact_body, OUT_OF_SCOPE),
    "contacts:addendum": (in_family("contact_pk", "contact"), lambda file: {"text": "Ingeslopen."}, OUT_OF_SCOPE),
    "contacts:follow_up_add": (
        in_family("contact_pk", "contact"),
        lambda file: {"description": "Ingeslopen", "owner": file.staff.pk, "due_on": today(7)},
        OUT_OF_SCOPE,
    ),
    "contacts:follow_up_done": (in_family("follow_up_pk", "follow_up"), lambda file: {"done": "1"}, OUT_OF_SCOPE),
    "contacts:referral_status": (
        in_family("follow_up_pk", "follow_up"),
        lambda file: {"referral_status": "referred", "agreed_with_parents": "on"},
        OUT_OF_SCOPE,
    ),
    "agreements:create": (in_family(), agreement_body, OUT_OF_SCOPE),
    "agreements:detail": (in_family("agreement_pk", "agreement"), no_body, OUT_OF_SCOPE),
    "agreements:edit": (in_family("agreement_pk", "agreement"), agreement_body, OUT_OF_SCOPE),
    "agreements:propose": (
        in_family("agreement_pk", "agreement"),
        lambda file: {"lock_version": file.agreement.lock_version},
        OUT_OF_SCOPE,
    ),
    "agreements:record_agreed": (
        in_family("agreement_pk", "agreement"),
        lambda file: {"caregivers": [file.caregiver.pk], "contact": file.contact.pk},
        OUT_OF_SCOPE,
    ),
    "agreements:evaluate": (
        in_family("agreement_pk", "agreement"),
        lambda file: contact_body(file) | {"outcome": "continue", "next_evaluation_on": today(60)},
        OUT_OF_SCOPE,
    ),
    "agreements:print": (in_family("agreement_pk", "agreement"), no_body, OUT_OF_SCOPE),
    "portal:invite": (in_family("caregiver_pk", "caregiver"), no_body, OUT_OF_SCOPE),
    "portal:revoke": (in_family("caregiver_pk", "caregiver"), no_body, OUT_OF_SCOPE),
    "health:family": (in_family(), no_body, OUT_OF_SCOPE),
    "health:acknowledge": (in_family(), lambda file: {"signal": "contact", "note": "Ingeslopen"}, LEADS_OUT_OF_SCOPE),
    "health:acknowledgement_withdraw": (acknowledgement, no_body, LEADS_OUT_OF_SCOPE),
    "health:give_time": (
        in_family(),
        lambda file: {"signal": "contact", "reason": "Ingeslopen", "look_again_on": today(7)},
        OUT_OF_SCOPE,
    ),
    "health:time_end": (time_given, no_body, OUT_OF_SCOPE),
    "lifeevents:create": (
        in_family(),
        lambda file: {"kind": "move", "description": "Ingeslopen", "happened_on": today(), "parents_know": "on"},
        OUT_OF_SCOPE,
    ),
    "lifeevents:set_end": (
        life_event,
        lambda file: {f"event-{life_event_of(file).pk}-ends_on": today(30)},
        OUT_OF_SCOPE,
    ),
    "lifeevents:end": (life_event, no_body, OUT_OF_SCOPE),
    # The parent portal: another family's agreement.
    "portal:agreement": (lambda file: {"agreement_pk": file.agreement.pk}, no_body, PORTAL_OUT_OF_SCOPE),
    "portal:confirm": (
        lambda file: {"agreement_pk": file.agreement.pk},
        lambda file: {"version": file.agreement.current_id},
        PORTAL_OUT_OF_SCOPE,
    ),
    "portal:react": (
        lambda file: {"agreement_pk": file.agreement.pk},
        lambda file: {"text": "Ingeslopen reactie."},
        PORTAL_OUT_OF_SCOPE,
    ),
    # Parents' messages. An empty post of a new message shows the form again (no id in it); the others name
    # another family's thread or summary.
    "threads:detail": (thread, lambda file: {"text": "Ingeslopen antwoord."}, OUT_OF_SCOPE),
    "threads:close": (thread, lambda file: {"reason": "Ingeslopen reden."}, OUT_OF_SCOPE),
    "threads:portal_new": (no_kwargs, no_body, parents_only()),
    "threads:portal_detail": (
        lambda file: {"thread_pk": thread_of(file).pk},
        lambda file: {"text": "Ingeslopen bericht."},
        PORTAL_OUT_OF_SCOPE,
    ),
    "threads:portal_summary": (
        lambda file: {"contact_pk": shared_summary_of(file).pk},
        lambda file: {"text": "Ingeslopen reactie."},
        PORTAL_OUT_OF_SCOPE,
    ),
    # The catalogues: an empty form changes nothing; the entries themselves are shared for now.
    "intakes:questions": (no_kwargs, no_body, leads_only()),
    "intakes:question_add": (no_kwargs, no_body, leads_only()),
    "intakes:question_edit": (
        lambda file: {"question_pk": file.question.pk},
        lambda file: {"text": "Ingeslopen vraag", "audience": "parent", "source": "eigen"},
        CATALOGUE_ENTRY,
    ),
    "intakes:question_move": (
        lambda file: {"question_pk": file.question.pk, "direction": "down"},
        no_body,
        CATALOGUE_ENTRY,
    ),
    "intakes:question_retire": (lambda file: {"question_pk": file.question.pk}, no_body, CATALOGUE_ENTRY),
    "successfactors:items": (no_kwargs, no_body, leads_only()),
    "successfactors:item_add": (no_kwargs, no_body, leads_only()),
    "successfactors:item_edit": (
        lambda file: {"item_pk": file.item.pk},
        lambda file: {"theme": file.item.theme, "prompt": "Ingeslopen", "source": file.item.source},
        CATALOGUE_ENTRY,
    ),
    "successfactors:item_move": (
        lambda file: {"item_pk": file.item.pk, "direction": "down"},
        no_body,
        CATALOGUE_ENTRY,
    ),
    "successfactors:item_retire": (lambda file: {"item_pk": file.item.pk}, no_body, CATALOGUE_ENTRY),
    # The organisation admin's set-up. A form without ids is shown again; a body that names another
    # organisation's group or location is refused in the form; another organisation's record is not found.
    "organisations:location_add": (no_kwargs, lambda file: {"name": ""}, ADMIN_ONLY),
    "organisations:location_edit": (setup_location, lambda file: {"name": "Ingeslopen"}, SETUP_RECORD),
    "organisations:location_delete": (setup_location, no_body, SETUP_RECORD),
    "organisations:group_add": (
        no_kwargs,
        lambda file: {"location": file.group.location.pk, "name": "Ingeslopen", "kind": "kdv"},
        ADMIN_ONLY,
    ),
    "organisations:group_edit": (
        setup_group,
        lambda file: {"location": file.group.location.pk, "name": "Ingeslopen", "kind": "kdv"},
        SETUP_RECORD,
    ),
    "organisations:group_delete": (setup_group, no_body, SETUP_RECORD),
    "organisations:staff_invite": (
        no_kwargs,
        lambda file: {
            "first_name": "In",
            "last_name": "Geslopen",
            "email": "ingeslopen@example.org",
            "role": "staff",
            "groups": [file.group.pk],
        },
        ADMIN_ONLY,
    ),
    "organisations:staff_edit": (
        setup_member,
        lambda file: {"first_name": "In", "last_name": "Geslopen", "role": "admin"},
        SETUP_RECORD,
    ),
    "organisations:staff_resend": (setup_member, no_body, SETUP_RECORD),
    "organisations:staff_deactivate": (setup_member, no_body, SETUP_RECORD),
    "organisations:staff_reactivate": (setup_member, no_body, SETUP_RECORD),
    "organisations:settings": (no_kwargs, lambda file: {"name": ""}, ADMIN_ONLY),
    "imports:index": (no_kwargs, no_body, ADMIN_ONLY),
    "imports:columns": (import_run, lambda file: {"child_id": "Kindnummer", "group": "Groep"}, SETUP_RECORD),
    "imports:start": (import_run, no_body, SETUP_RECORD),
    "imports:cancel": (import_run, no_body, SETUP_RECORD),
    "imports:mapping_delete": (lambda file: {"mapping_pk": import_mapping_of(file).pk}, no_body, SETUP_RECORD),
    "accounts:staff_welcome": (
        lambda file: {"uidb64": urlsafe_base64_encode(force_bytes(file.staff.pk)), "token": "forged-token"},
        password_body,
        everyone(410),
    ),
    "safeguarding:signpost": (in_family(), lambda file: {"text": "Ingeslopen notitie."}, OUT_OF_SCOPE),
    "reflection:write": (in_family("contact_pk", "contact"), lambda file: {"assumed": "Ingeslopen."}, OUT_OF_SCOPE),
    "childpages:suggest": (
        in_family("child_pk", "child"),
        lambda file: {"topic": "sleep", "text": "Ingeslopen voorstel."},
        OUT_OF_SCOPE,
    ),
    "childpages:portal_page": (
        lambda file: {"child_pk": file.child.pk},
        lambda file: {"language": "nl", "sleep": "Ingeslopen tekst."},
        PORTAL_OUT_OF_SCOPE,
    ),
    "childpages:portal_decide": (
        lambda file: {"child_pk": file.child.pk, "suggestion_pk": suggestion_of(file).pk},
        lambda file: {"decision": "accept"},
        PORTAL_OUT_OF_SCOPE,
    ),
    "reflection:delete": (reflection, no_body, signed_in(404, parent=403, other_parent=403)),
    "moments:share": (in_family("child_pk", "child"), lambda file: {"text": "Ingeslopen moment."}, OUT_OF_SCOPE),
    # Another organisation's location in the body: refused in the form, nothing stored.
    "reflection:pulse": (
        no_kwargs,
        lambda file: {"location": file.group.location.pk, "relatie": "3", "competentie": "3", "autonomie": "3"},
        signed_in(403, staff=200, other_staff=200),
    ),
}
