"""The URL access matrix: for every named URL of the project, the expected answer for each role.

Statuses: 200 page, 302 redirect (for "anonymous" it must go to the login page), 403 not for this role,
404 outside the user's scope, 405 method not allowed. Every later feature adds its URLs here; a URL that
is missing fails `test_every_url_is_classified`.
"""

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


def parents_only(status=200, **overrides):
    expected = signed_in(403, parent=status, other_parent=status)
    expected.update(overrides)
    return expected


def leads_only(status=200):
    """Coordinators and admins only."""
    return signed_in(403, coordinator=status, admin=status)


IN_SCOPE_STAFF = staff_only(other_staff=404)
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
    "families:mine": (no_kwargs, staff_only()),
    "families:detail": (family, IN_SCOPE_STAFF),
    "families:list": (no_kwargs, staff_only()),
    "families:create": (no_kwargs, staff_only()),
    "families:edit": (family, IN_SCOPE_STAFF),
    "families:archive": (family, leads_only()),
    "families:history": (family, leads_only()),
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
    "intakes:question_retire": (lambda w: {"question_pk": w.question.pk}, leads_only(405)),
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
    "successfactors:item_retire": (lambda w: {"item_pk": w.item.pk}, leads_only(405)),
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
    # Public: the signed link is the proof; a wrong or used link answers 410 Gone with a clear page.
    "portal:welcome": (lambda w: {"uidb64": "MQ", "token": "expired-token"}, everyone(410)),
    "portal:invite": (lambda w: {"pk": w.family.pk, "caregiver_pk": w.caregiver.pk}, POST_ONLY_IN_FAMILY),
    "portal:revoke": (lambda w: {"pk": w.family.pk, "caregiver_pk": w.caregiver.pk}, POST_ONLY_IN_FAMILY),
    # Health is for staff and coordinators, never for parents.
    "health:dashboard": (no_kwargs, leads_only()),
    "health:export": (no_kwargs, leads_only()),
    "health:family": (family, IN_SCOPE_STAFF),
    "health:acknowledge": (family, leads_only(405)),
    "health:reminders": (no_kwargs, staff_only()),
    "organisations:overview": (no_kwargs, signed_in(403, coordinator=200, admin=200)),
    "portal:home": (no_kwargs, signed_in(403, parent=200, other_parent=200)),
}

# Django's admin is classified as a whole: only organisation admins (is_staff) get in.
ADMIN_NAMESPACE = "admin"
