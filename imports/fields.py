"""What an import can fill in, and how the exports of common planning systems name it. A file's columns are
mapped onto these fields once; the mapping is saved per organisation (ImportMapping) and suggested again for a
file with the same columns."""

import re
from dataclasses import dataclass

from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

# A parent's field name with its number, translated when shown (not when this module is loaded).
_numbered = lazy(lambda text, n: str(text) % {"n": n}, str)


@dataclass(frozen=True)
class Field:
    key: str
    label: object  # lazy text
    required: bool = False
    # Column names seen in exports (Kindplanner, Flexkids, Konnect and hand-made sheets), compared normalised.
    names: tuple[str, ...] = ()


def _parent(n: int) -> list[Field]:
    prefix = [f"ouder {n}", f"ouder{n}", f"verzorger {n}", f"ouder/verzorger {n}", f"parent {n}", f"contactpersoon {n}"]

    def names(*suffixes):
        return tuple(f"{p} {s}" for p in prefix for s in suffixes)

    return [
        Field(
            f"p{n}_id", _numbered(_("Parent %(n)d: number"), n), names=names("nummer", "id", "relatienummer", "number")
        ),
        Field(
            f"p{n}_first_name",
            _numbered(_("Parent %(n)d: first name"), n),
            required=n == 1,
            names=names("voornaam", "roepnaam", "first name"),
        ),
        Field(
            f"p{n}_infix",
            _numbered(_("Parent %(n)d: name prefix (tussenvoegsel)"), n),
            names=names("tussenvoegsel", "tussenv"),
        ),
        Field(
            f"p{n}_last_name",
            _numbered(_("Parent %(n)d: last name"), n),
            required=n == 1,
            names=names("achternaam", "naam", "last name"),
        ),
        Field(
            f"p{n}_email",
            _numbered(_("Parent %(n)d: e-mail"), n),
            names=names("e-mail", "email", "emailadres", "e-mailadres"),
        ),
        Field(
            f"p{n}_phone",
            _numbered(_("Parent %(n)d: phone"), n),
            names=names("telefoon", "telefoonnummer", "mobiel", "mobiel nummer", "phone"),
        ),
        Field(
            f"p{n}_relation",
            _numbered(_("Parent %(n)d: relation to the child"), n),
            names=names("relatie", "rol", "relation"),
        ),
        Field(
            f"p{n}_gezag",
            _numbered(_("Parent %(n)d: parental authority (gezag)"), n),
            names=names("gezag", "ouderlijk gezag", "gezaghebbend", "parental authority"),
        ),
    ]


FIELDS: list[Field] = [
    Field(
        "family_id",
        _("Family number (relation or debtor number)"),
        required=True,
        names=(
            "relatienummer",
            "relatie nummer",
            "klantnummer",
            "debiteurnummer",
            "debiteur",
            "gezinsnummer",
            "family id",
            "relatie id",
        ),
    ),
    Field("family_name", _("Family name"), names=("gezinsnaam", "familienaam", "family name", "relatienaam")),
    Field(
        "child_id",
        _("Child number"),
        required=True,
        names=("kindnummer", "kind nummer", "kind id", "kindid", "child id"),
    ),
    Field(
        "child_first_name",
        _("Child: first name"),
        required=True,
        names=(
            "roepnaam kind",
            "voornaam kind",
            "roepnaam",
            "voornaam",
            "kind voornaam",
            "kind roepnaam",
            "first name",
        ),
    ),
    Field(
        "child_infix",
        _("Child: name prefix (tussenvoegsel)"),
        names=("tussenvoegsel kind", "tussenvoegsel", "kind tussenvoegsel"),
    ),
    Field(
        "child_last_name",
        _("Child: last name"),
        required=True,
        names=("achternaam kind", "achternaam", "kind achternaam", "last name"),
    ),
    Field(
        "child_date_of_birth",
        _("Child: date of birth"),
        required=True,
        names=("geboortedatum kind", "geboortedatum", "kind geboortedatum", "date of birth", "geb datum"),
    ),
    Field("location", _("Location"), names=("locatie", "locatienaam", "vestiging", "location")),
    Field("group", _("Group"), required=True, names=("groep", "groepsnaam", "stamgroep", "group")),
    Field(
        "placement_id",
        _("Placement number"),
        names=("plaatsingsnummer", "plaatsing id", "contractnummer", "placement id"),
    ),
    Field(
        "start_date",
        _("Placement: first day"),
        required=True,
        names=(
            "ingangsdatum plaatsing",
            "startdatum plaatsing",
            "startdatum",
            "ingangsdatum",
            "begindatum",
            "start date",
        ),
    ),
    Field(
        "end_date",
        _("Placement: last day"),
        names=("einddatum plaatsing", "einddatum", "end date", "uitschrijfdatum"),
    ),
    Field("mentor_email", _("Mentor: e-mail of the staff member"), names=("mentor e-mail", "mentor email", "mentor")),
    *_parent(1),
    *_parent(2),
]
BY_KEY = {field.key: field for field in FIELDS}
REQUIRED = [field.key for field in FIELDS if field.required]


def normalised(name: str) -> str:
    """A column name as compared: lower case, letters and digits only ("Ouder 1 - E-mail" -> "ouder1email")."""
    return re.sub(r"[^0-9a-z]", "", name.lower())


def suggested_mapping(headers: list[str]) -> dict[str, str]:
    """For each field, the first column whose name is one of the field's known names. A column is used once."""
    by_name = {}
    for header in headers:
        by_name.setdefault(normalised(header), header)
    mapping, used = {}, set()
    for field in FIELDS:
        for name in field.names:
            header = by_name.get(normalised(name))
            if header is not None and header not in used:
                mapping[field.key] = header
                used.add(header)
                break
    return mapping
