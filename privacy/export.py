"""A family's file as data, for a request of access (AVG article 15): every record with all its fields, built
once and given both as JSON (machine-readable) and as a readable page. Field by field from the model, so that
a field added later is exported without a change here."""

import base64
import datetime
import json
from dataclasses import dataclass, field

from django.contrib.postgres.fields import ArrayField
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.encoding import force_str
from django.utils.translation import get_language, gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from families.models import Family

YES, NO = _("yes"), _("no")

# Fields without a verbose name of their own get Django's, made from the field name, in English; these are
# translated when the page shows them (marked here so that makemessages keeps them).
AUTO_LABELS = [
    gettext_noop("ID"),
    gettext_noop("agreed at"),
    gettext_noop("agreement"),
    gettext_noop("author"),
    gettext_noop("caregiver"),
    gettext_noop("checklist"),
    gettext_noop("child"),
    gettext_noop("closed on"),
    gettext_noop("contact"),
    gettext_noop("created at"),
    gettext_noop("created by"),
    gettext_noop("current"),
    gettext_noop("day"),
    gettext_noop("done by"),
    gettext_noop("group"),
    gettext_noop("intake"),
    gettext_noop("item"),
    gettext_noop("level"),
    gettext_noop("levels"),
    gettext_noop("lock version"),
    gettext_noop("number"),
    gettext_noop("organisation"),
    gettext_noop("prompt"),
    gettext_noop("proposed at"),
    gettext_noop("question"),
    gettext_noop("question text"),
    gettext_noop("recorded by"),
    gettext_noop("theme"),
    gettext_noop("updated at"),
    gettext_noop("version"),
]


@dataclass
class Item:
    name: str
    label: str
    value: object  # as JSON has it
    display: object  # as the page shows it (dates stay dates, so that the template formats them)


@dataclass
class Record:
    title: str
    items: list
    sections: list = field(default_factory=list)

    def as_json(self) -> dict:
        data = {item.name: item.value for item in self.items}
        data.update({section.key: [record.as_json() for record in section.records] for section in self.sections})
        return data


@dataclass
class Section:
    key: str
    title: str
    records: list
    table: bool = False  # long lists of short rows (history, access log) read best as a table

    @property
    def columns(self) -> list[str]:
        return [item.label for item in self.records[0].items if item.display is not None] if self.records else []

    def as_json(self) -> list:
        return [record.as_json() for record in self.records]


def person(user: User | None) -> str | None:
    if user is None:
        return None
    return user.get_full_name() or user.username


def _json_value(value):
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return value


_TEXTS: dict = {}


def _text(lazy, language: str) -> str:
    """A translated label, once per language: an export has thousands of fields but few different labels. Keyed
    by identity: hashing a lazy text would translate it. Labels live as long as their models."""
    key = (id(lazy), language)
    if key not in _TEXTS:
        _TEXTS[key] = gettext(lazy) if isinstance(lazy, str) else force_str(lazy)
    return _TEXTS[key]


def _item(obj, model_field) -> Item | None:
    language = get_language()
    name, label = model_field.name, _text(model_field.verbose_name, language)
    if model_field.many_to_many:
        if not model_field.remote_field.through._meta.auto_created:
            return None  # kept as its own section (the ticked success factors)
        related = list(getattr(obj, name).all())
        return Item(name, label, [r.pk for r in related], ", ".join(str(r) for r in related))
    if model_field.is_relation:
        if model_field.related_model is Family:
            return None  # the whole export is about the family
        related = getattr(obj, name)
        if model_field.related_model is User:
            return Item(name, label, person(related), person(related))
        return Item(model_field.attname, label, getattr(obj, model_field.attname), str(related) if related else None)
    value = getattr(obj, model_field.attname)
    if isinstance(value, bytes | memoryview):
        # A photo of a positive moment: whole in the JSON (base64), its size on the readable page.
        data = bytes(value)
        return Item(name, label, base64.b64encode(data).decode("ascii"), f"{len(data) // 1024 + 1} kB")
    display = value
    if model_field.choices:
        display = getattr(obj, f"get_{name}_display")()
    elif isinstance(model_field, ArrayField) and model_field.base_field.choices:
        labels = dict(model_field.base_field.choices)
        display = ", ".join(force_str(labels.get(v, v)) for v in value)
    elif isinstance(value, bool):
        display = _text(YES if value else NO, language)
    elif isinstance(model_field, models.JSONField):
        display = json.dumps(value, ensure_ascii=False)
    return Item(name, label, _json_value(value), display)


def record(obj, *, sections=(), title: str | None = None) -> Record:
    meta = obj._meta
    items = [item for f in [*meta.concrete_fields, *meta.many_to_many] if (item := _item(obj, f)) is not None]
    return Record(title or str(obj), items, [s for s in sections if s.records])


def section(key: str, model, records: list[Record], title: str | None = None) -> Section:
    return Section(key, title or force_str(model._meta.verbose_name_plural), records)


@dataclass
class FileExport:
    family: Family
    exported_at: datetime.datetime
    exported_by: str
    sections: list
    left_out: int = 0  # confidential contacts the exporter may not read (an admin's export)

    def as_json(self) -> dict:
        return {
            "exported_at": self.exported_at.isoformat(),
            "exported_by": self.exported_by,
            "organisation": str(self.family.organisation),
            "confidential_contacts_left_out": self.left_out,
            # The family is one record; every other section is a list.
            **{s.key: s.as_json()[0] if s.key == "family" else s.as_json() for s in self.sections},
        }

    def json_bytes(self) -> bytes:
        return json.dumps(self.as_json(), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2).encode()
