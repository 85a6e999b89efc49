"""Pictograms for who does what, and who the parents bring: part of an agreement's version (a change after the
proposal is a new version, the old one keeps its pictures), picked by staff in a grid, shown to the parents with
a text alternative in the page's language."""

import re

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse

from agreements import services
from agreements.models import Agreement, AgreementVersion
from tests import factories as f
from tests.access_matrix import agreement_body

pytestmark = pytest.mark.django_db


def _update(world, **content):
    agreement = Agreement.objects.get(pk=world.agreement.pk)
    services.agreement_update(
        agreement=agreement,
        by=world.users["staff"],
        expected_version=agreement.lock_version,
        title=agreement.title,
        content=f.agreement_content(**content),
    )
    return Agreement.objects.get(pk=agreement.pk)


def test_pictograms_belong_to_the_version_and_an_older_version_keeps_its_own(world):
    first = world.agreement.current
    agreement = _update(world, parents_pictograms=["home", "bringing"], child_pictograms=["calm"])
    assert agreement.current.pk != first.pk
    # Stored in the set's order, whatever order they were picked in.
    assert agreement.current.parents_pictograms == ["bringing", "home"]
    assert AgreementVersion.objects.get(pk=first.pk).parents_pictograms == []


def test_an_unknown_pictogram_is_refused(world):
    with pytest.raises(ValidationError):
        _update(world, parents_pictograms=["../../etc/passwd"])


def test_staff_pick_pictograms_per_side_in_the_form(world, client_for):
    client = client_for("staff")
    url = reverse("agreements:edit", args=[world.family.pk, world.agreement.pk])
    form = client.get(url).content.decode()
    assert form.count('name="parents_pictograms"') == 14 and 'src="/static/pictograms/sleeping.svg"' in form
    body = agreement_body(world.own) | {"staff_pictograms": ["sleeping", "reading"], "parent_brings": "Oma Joke"}
    assert client.post(url, body).status_code == 302
    current = Agreement.objects.get(pk=world.agreement.pk).current
    assert current.staff_pictograms == ["sleeping", "reading"] and current.parent_brings == "Oma Joke"


def test_the_form_offers_the_familys_network_for_who_the_parents_bring(world, client_for):
    f.NetworkMemberFactory(family=world.family, name="Fatima Bakker", role="client_supporter")
    page = client_for("staff").get(reverse("agreements:create", args=[world.family.pk])).content.decode()
    assert '<datalist id="network-names">' in page and "Fatima Bakker (Cliëntondersteuner)" in page


def test_the_parents_agreement_page_shows_the_pictograms_with_alt_text_in_arabic(world, client_for):
    agreement = _update(world, parents_pictograms=["eating"], staff_pictograms=["sleeping"], parent_brings="Fatima")
    client = client_for("parent")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
    page = client.get(reverse("portal:agreement", args=[agreement.pk])).content.decode()
    assert '<html lang="ar" dir="rtl">' in page
    assert re.search(r'<img src="/static/pictograms/eating\.svg" alt="الأكل والشرب"', page)
    assert re.search(r'<img src="/static/pictograms/sleeping\.svg" alt="النوم"', page)
    assert "ما يفعله الأهل" in page and "من يصطحبه الأهل معهم" in page and "Fatima" in page


@pytest.mark.parametrize("url_name", ["agreements:detail", "agreements:print"])
def test_the_staff_pages_show_the_pictograms_with_alt_text(world, client_for, url_name):
    _update(world, child_pictograms=["toilet"])
    page = client_for("staff").get(reverse(url_name, args=[world.family.pk, world.agreement.pk])).content.decode()
    assert re.search(r'<img src="/static/pictograms/toilet\.svg" alt="Wc en luier"', page)


def test_every_pictogram_of_the_set_ships_as_an_svg():
    from agreements.pictograms import KEYS

    for key in KEYS:
        svg = (settings.BASE_DIR / "static" / "pictograms" / f"{key}.svg").read_text()
        assert svg.startswith("<svg") and "<script" not in svg
