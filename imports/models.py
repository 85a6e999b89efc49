"""The planning-system import: saved column mappings, import runs (the uploaded file, its dry run and the
import itself, with progress) and, per imported record, the planning system's id and the values last imported,
so that importing the same file again changes nothing and a changed file updates only what changed."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportMapping(models.Model):
    """Which column of an export holds which field, saved once per organisation and offered again."""

    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="+"
    )
    name = models.CharField(_("name"), max_length=100)
    # field key (imports/fields.py) -> the column's name in the file
    columns = models.JSONField(_("columns"), default=dict)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("saved by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(_("saved at"), auto_now=True)

    class Meta:
        verbose_name = _("column mapping")
        verbose_name_plural = _("column mappings")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["organisation", "name"], name="import_mapping_unique_name")]

    def __str__(self):
        return self.name

    def fits(self, headers) -> bool:
        """Every column this mapping names is in the file."""
        return bool(self.columns) and set(self.columns.values()) <= set(headers)


class ImportRun(models.Model):
    class Status(models.TextChoices):
        MAPPING = "mapping", _("Choose the columns")
        CHECK_QUEUED = "check_queued", _("Dry run waiting to start")
        CHECKING = "checking", _("Dry run in progress")
        CHECKED = "checked", _("Dry run done")
        IMPORT_QUEUED = "import_queued", _("Import waiting to start")
        IMPORTING = "importing", _("Import in progress")
        IMPORTED = "imported", _("Imported")
        FAILED = "failed", _("Stopped, nothing imported")
        CANCELLED = "cancelled", _("Cancelled")

    QUEUED = (Status.CHECK_QUEUED, Status.IMPORT_QUEUED)
    RUNNING = (Status.CHECKING, Status.IMPORTING)
    # The file's content is kept only while it may still be needed.
    FINISHED = (Status.IMPORTED, Status.FAILED, Status.CANCELLED)

    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    file_name = models.CharField(_("file"), max_length=255)
    # The upload itself, never in a public folder; emptied once the run is finished (or abandoned).
    content = models.BinaryField(_("content"), blank=True, default=b"", editable=False)
    file_format = models.CharField(_("format"), max_length=10)
    encoding = models.CharField(_("character set"), max_length=20, blank=True)
    delimiter = models.CharField(_("separator"), max_length=5, blank=True)
    headers = models.JSONField(_("columns in the file"), default=list)
    sample = models.JSONField(_("first row"), default=list)
    total_rows = models.PositiveIntegerField(_("rows"), default=0)
    columns = models.JSONField(_("column mapping"), default=dict)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.MAPPING)
    processed_rows = models.PositiveIntegerField(_("rows done"), default=0)
    report = models.JSONField(_("report"), default=dict, blank=True)
    error = models.TextField(_("why it stopped"), blank=True)
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(_("last sign of life"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("import run")
        verbose_name_plural = _("import runs")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self):
        return f"{self.file_name} ({self.created_at:%Y-%m-%d %H:%M})"

    @property
    def percent(self) -> int:
        return min(100, round(100 * self.processed_rows / self.total_rows)) if self.total_rows else 0

    @property
    def is_busy(self) -> bool:
        return self.status in (*self.QUEUED, *self.RUNNING)


class ImportedRecord(models.Model):
    """A record that came from the planning system: its id there, the object here, and the values the last
    import wrote (compared with the next file, so that only what changed in the planning system is updated
    and a correction made in the app is not overwritten by an unchanged file)."""

    class Kind(models.TextChoices):
        FAMILY = "family", _("family")
        CAREGIVER = "caregiver", _("caregiver")
        CHILD = "child", _("child")
        PLACEMENT = "placement", _("placement")

    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    external_id = models.CharField(_("id in the planning system"), max_length=100)
    # Exactly one of these, after `kind`; erasing a family's file (privacy/) removes its records with it.
    family = models.ForeignKey(
        "families.Family", verbose_name=_("family"), on_delete=models.CASCADE, null=True, related_name="+"
    )
    caregiver = models.ForeignKey(
        "families.Caregiver", verbose_name=_("caregiver"), on_delete=models.CASCADE, null=True, related_name="+"
    )
    child = models.ForeignKey(
        "families.Child", verbose_name=_("child"), on_delete=models.CASCADE, null=True, related_name="+"
    )
    placement = models.ForeignKey(
        "families.Placement", verbose_name=_("placement"), on_delete=models.CASCADE, null=True, related_name="+"
    )
    values = models.JSONField(_("values last imported"), default=dict)
    run = models.ForeignKey(
        ImportRun, verbose_name=_("last import"), on_delete=models.SET_NULL, null=True, related_name="records"
    )
    updated_at = models.DateTimeField(_("last imported at"), auto_now=True)

    class Meta:
        verbose_name = _("imported record")
        verbose_name_plural = _("imported records")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "kind", "external_id"], name="imported_record_unique"),
            models.CheckConstraint(
                condition=(
                    models.Q(kind="family", family__isnull=False)
                    | models.Q(kind="caregiver", caregiver__isnull=False)
                    | models.Q(kind="child", child__isnull=False)
                    | models.Q(kind="placement", placement__isnull=False)
                ),
                name="imported_record_points_at_its_kind",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.external_id}"
