"""Django's admin is a tool for technical support, not a way around the app's rules (DESIGN.md sections 1 and
4; docs/security.md). Only active superusers get in: the organisation admin runs the organisation in the app
itself. Records of a family's file are shown read-only and as metadata only (ids, dates, kind, author, links
between records): what was written about a family is read in the app, where the access rules and the access
log apply. Each app's admin.py builds on the classes below."""

import functools

from django.contrib import admin
from django.core.exceptions import FieldDoesNotExist
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from pghistory.admin import EventsAdmin

# Names for the columns whose model gives no translated name (a model change for a label would be a migration in
# every app); a foreign key without one is named after the model it points to.
LABELS = {
    "created_at": _("created at"),
    "updated_at": _("updated at"),
    "version": _("version"),
    "lock_version": _("version"),
    "current": _("current version"),
    "proposed_at": _("proposed on"),
    "agreed_at": _("agreed on"),
    "closed_on": _("closed on"),
    "created_by": _("created by"),
    "recorded_by": _("recorded by"),
    "done_by": _("done by"),
    "number": _("version number"),
    "level": _("level"),
    "checklist": _("checklist"),
    "status": _("status"),
    "theme": _("theme"),
    # django-pghistory's event columns
    "pgh_created_at": _("when"),
    "pgh_label": _("what happened"),
    "pgh_obj_model": _("kind of record"),
    "pgh_obj_id": _("record number"),
    "pgh_model": _("history table"),
    "pgh_id": _("event number"),
}


def _field(model, name):
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def field_label(model, name: str):
    """The translated name of a model's field for the admin's pages (never "USER" or "Location:")."""
    field = _field(model, name)
    if field is None or isinstance(getattr(field, "verbose_name", None), Promise):
        return None if field is None else field.verbose_name
    if name in LABELS:
        return LABELS[name]
    if field.is_relation and field.related_model is not None:
        return field.related_model._meta.verbose_name
    return field.verbose_name


@functools.cache
def labelled_column(model, name: str):
    """A read-only column of the field under its translated name: the field's name itself when the model
    already translates it, else a display function with the label (one object per field, so that a field
    listed in `fields` is recognised in `readonly_fields`)."""
    field = _field(model, name)
    if field is None or isinstance(getattr(field, "verbose_name", None), Promise):
        return name

    def show(obj):
        return getattr(obj, name)

    show.__name__ = name
    return admin.display(description=field_label(model, name), ordering=name)(show)


def _titled_filter(label):
    class TitledFilter(admin.RelatedFieldListFilter):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.title = label

    return TitledFilter


class TranslatedLabels:
    """Every label on the admin's pages in the user's language: form fields, read-only fields, list columns and
    filters of fields whose model gives no translated name."""

    def _labelled(self, names):
        return [labelled_column(self.model, name) if isinstance(name, str) else name for name in names]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None and not isinstance(db_field.verbose_name, Promise):
            label = field_label(db_field.model, db_field.name)
            formfield.label = str(label)[:1].upper() + str(label)[1:]
        return formfield

    def get_readonly_fields(self, request, obj=None):
        return self._labelled(super().get_readonly_fields(request, obj))

    def get_list_display(self, request):
        return self._labelled(super().get_list_display(request))

    def get_list_filter(self, request):
        filters = []
        for name in super().get_list_filter(request):
            field = _field(self.model, name) if isinstance(name, str) else None
            if field is not None and field.is_relation and not isinstance(field.verbose_name, Promise):
                filters.append((name, _titled_filter(field_label(self.model, name))))
            else:
                filters.append(name)
        return filters


# A drop-down of these would list every one of the organisation's records, in every inline row (55,000 <option>s
# on a family's page of a large organisation): the admin shows the record's id with a lookup instead.
LARGE_MODELS = {"accounts.user", "families.family", "families.caregiver", "families.child"}


class RawIdsForLargeModels:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        chosen = {*self.raw_id_fields, *self.autocomplete_fields}
        self.raw_id_fields = (
            *self.raw_id_fields,
            *(
                field.name
                for field in self.model._meta.get_fields()
                if (field.many_to_one or field.many_to_many)
                and not field.auto_created
                and field.related_model is not None
                and field.related_model._meta.label_lower in LARGE_MODELS
                and field.name not in chosen
            ),
        )


class SupportModelAdmin(RawIdsForLargeModels, TranslatedLabels, admin.ModelAdmin):
    """An admin page technical support may correct things on (nothing is deleted here: a family's file is erased
    by the app's privacy rules, with its history)."""

    def has_delete_permission(self, request, obj=None):
        return False


class SupportInline(RawIdsForLargeModels, TranslatedLabels, admin.TabularInline):
    extra = 0

    def has_delete_permission(self, request, obj=None):
        return False


class SupportAdminSite(admin.AdminSite):
    site_header = "Ouderpartnerschap"
    site_title = "Ouderpartnerschap"
    index_title = _("Technical support")

    def has_permission(self, request):
        user = request.user
        return user.is_active and user.is_superuser


class ReadOnly:
    """No add, change or delete: the change view shows the record with a Close button only, and a POST to it
    is refused (403) by Django's admin itself."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_readonly_fields(self, request, obj=None):
        # All of `fields`, so that those Django cannot put in a form (created_at, ...) can be listed too.
        return [*super().get_readonly_fields(request, obj), *(self.fields or [])]


class ReadOnlyLabels(TranslatedLabels):
    """All fields are read-only: they are shown under their translated names too. Its admins list `fields`."""

    def get_fields(self, request, obj=None):
        return self._labelled(super().get_fields(request, obj))


class MetadataAdmin(ReadOnlyLabels, ReadOnly, admin.ModelAdmin):
    """A record of a family's file. Subclasses list its metadata in `fields` and `list_display`; a text
    field (notes, summaries, answers, remarks) is never one of them, and search goes by the family's name."""


class MetadataInline(ReadOnlyLabels, ReadOnly, admin.TabularInline):
    extra = 0


class ReadOnlyAdmin(MetadataAdmin):
    """Read only, in the admin: the organisation admin maintains these in the app itself (Set-up)."""


class SupportEventsAdmin(ReadOnlyLabels, EventsAdmin):
    """django-pghistory's list of history events (PGHISTORY_ADMIN_CLASS), without the rows' data or their
    differences, which hold everything the family's file ever said: support sees when which record changed.
    The history itself is read in the app, on the family's "History of changes" page."""

    METADATA = ["pgh_created_at", "pgh_label", "pgh_obj_model", "pgh_obj_id", "pgh_model", "pgh_id"]
    fields = readonly_fields = METADATA

    def get_list_display(self, request):
        return self._labelled(["pgh_created_at", "pgh_label", "pgh_obj_model", "pgh_obj_id"])
