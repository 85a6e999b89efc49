"""Optimistic locking, written once in partnership.locking: every locked record moves its version and its
`updated_at` on each change, a stale save is refused, and the refused user's text is shown, not lost."""

import datetime
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from agreements import services as agreements
from agreements.models import Agreement, AgreementVersion, Outcome
from contacts.choices import Kind, Tone
from contacts.services import ContactData
from families import services as families
from families.models import Family
from partnership.locking import StaleEdit, save_if_current
from tests import factories as f

pytestmark = pytest.mark.django_db


def _an_hour_ago(instance):
    """Pretend the record was last changed an hour ago, so a new change shows in `updated_at`."""
    earlier = timezone.now() - datetime.timedelta(hours=1)
    type(instance).objects.filter(pk=instance.pk).update(updated_at=earlier)
    instance.refresh_from_db()
    return earlier


def test_editing_a_family_moves_its_version_and_updated_at(world):
    earlier = _an_hour_ago(world.family)
    families.family_update(family=world.family, expected_version=world.family.version, name="Familie Nieuw")
    assert world.family.updated_at > earlier and world.family.version == 2


def test_archiving_and_reactivating_a_family_move_updated_at(world):
    earlier = _an_hour_ago(world.family)
    families.family_archive(family=world.family, archived_on=timezone.localdate())
    assert world.family.updated_at > earlier
    earlier = _an_hour_ago(world.family)
    families.family_unarchive(family=world.family)
    assert world.family.updated_at > earlier and world.family.archived_on is None


def test_a_parents_akkoord_moves_the_agreements_updated_at(world):
    earlier = _an_hour_ago(world.agreement)
    agreements.agreement_confirm(agreement=world.agreement, version=world.agreement.current, by=world.users["parent"])
    world.agreement.refresh_from_db()
    assert world.agreement.updated_at > earlier


def test_evaluating_an_agreement_moves_its_updated_at(world):
    earlier = _an_hour_ago(world.agreement)
    opened = world.agreement.lock_version
    agreements.agreement_evaluate(
        agreement=world.agreement,
        by=world.users["staff"],
        contact_data=ContactData(kind=Kind.EVALUATION, occurred_at=timezone.now(), tone=Tone.POSITIVE),
        outcome=Outcome.CONTINUE,
        next_evaluation_on=timezone.localdate() + datetime.timedelta(days=30),
    )
    world.agreement.refresh_from_db()
    assert world.agreement.updated_at > earlier and world.agreement.lock_version == opened + 1


def test_a_save_from_an_older_version_is_refused_with_the_models_message(world):
    save_if_current(world.family, expected=1, name="Eerste")
    with pytest.raises(StaleEdit) as refused:
        save_if_current(world.family, expected=1, name="Tweede")
    assert refused.value.message == Family.stale_message
    world.family.refresh_from_db()
    assert world.family.name == "Eerste"


def test_a_stale_agreement_change_creates_no_version(world):
    opened = world.agreement.lock_version
    agreements.agreement_update(
        agreement=world.agreement,
        by=world.users["staff"],
        expected_version=opened,
        title="A",
        content=f.agreement_content(),
    )
    versions = AgreementVersion.objects.filter(agreement=world.agreement).count()
    stale = Agreement.objects.get(pk=world.agreement.pk)
    with pytest.raises(StaleEdit):
        agreements.agreement_update(
            agreement=stale,
            by=world.users["coordinator"],
            expected_version=opened,
            title="B",
            content=f.agreement_content(),
        )
    assert AgreementVersion.objects.filter(agreement=world.agreement).count() == versions


def test_the_refused_user_sees_the_current_version_and_keeps_what_they_typed(world, client_for):
    url = reverse("families:edit", args=[world.family.pk])
    opened = world.family.version
    client = client_for("staff")
    assert client.post(url, {"name": "Familie Eerst", "version": opened}).status_code == 302
    typed = "Moeder werkt in ploegendienst;\nvader haalt op dinsdag."
    response = client.post(url, {"name": "Familie Later", "notes": typed, "version": opened})
    assert response.status_code == 409
    content = response.content.decode()
    assert 'value="Familie Eerst"' in content  # the form starts again from the current version
    assert "Familie Later" in content and "Moeder werkt in ploegendienst;\nvader haalt op dinsdag." in content
    assert f'name="version" value="{opened + 1}"' in content


@pytest.mark.django_db(transaction=True)
def test_simultaneous_changes_of_one_agreement_one_wins_the_others_are_told(world):
    """Five people press save at once on the same version: one new version, four refusals, no error."""
    opened = world.agreement.lock_version
    start = threading.Barrier(5)
    outcomes = []

    def save(n):
        try:
            agreement = Agreement.objects.get(pk=world.agreement.pk)
            start.wait()
            agreements.agreement_update(
                agreement=agreement,
                by=world.users["staff"],
                expected_version=opened,
                title=f"Versie {n}",
                content=f.agreement_content(goal=f"Doel {n}"),
            )
            outcomes.append("saved")
        except StaleEdit:
            outcomes.append("refused")
        except Exception as error:
            outcomes.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(n,)) for n in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["refused"] * 4 + ["saved"]
    assert AgreementVersion.objects.filter(agreement=world.agreement).count() == 2


@pytest.mark.django_db(transaction=True)
def test_simultaneous_monthly_feedback_posts_store_exactly_one(world):
    """Issue 11, fault 8: 3 of 20 simultaneous posts were stored (check, then insert)."""
    from portal.models import PartnershipFeedback
    from portal.services import feedback_give

    start = threading.Barrier(8)
    outcomes = []

    def post():
        try:
            start.wait()
            feedback_give(caregiver=world.caregiver, answers=f.feedback_answers(autonomie=5))
            outcomes.append("stored")
        except ValidationError:
            outcomes.append("refused")
        except Exception as error:
            outcomes.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=post) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["refused"] * 7 + ["stored"]
    assert PartnershipFeedback.objects.filter(caregiver=world.caregiver).count() == 1
