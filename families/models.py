import pghistory
from django.conf import settings
from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import ArrayField, RangeOperators
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Func, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnership.languages import is_parent_language, local_name, parent_language_codes


class Language(models.TextChoices):
    """Home languages most heard in Dutch childcare; "other" covers the rest (named in the notes)."""

    DUTCH = "nl", _("Dutch")
    FRISIAN = "fy", _("Frisian")
    ENGLISH = "en", _("English")
    ARABIC = "ar", _("Arabic")
    TAMAZIGHT = "ber", _("Tamazight (Berber)")
    TURKISH = "tr", _("Turkish")
    POLISH = "pl", _("Polish")
    UKRAINIAN = "uk", _("Ukrainian")
    TIGRINYA = "ti", _("Tigrinya")
    SOMALI = "so", _("Somali")
    PAPIAMENTO = "pap", _("Papiamento")
    SRANAN = "srn", _("Sranan Tongo")
    SARNAMI = "hns", _("Sarnami Hindustani")
    DARI = "prs", _("Dari / Persian")
    SPANISH = "es", _("Spanish")
    CHINESE = "zh", _("Chinese")
    OTHER = "other", _("Other language")


def caregiver_language_choices() -> list[tuple[str, str]]:
    """The home languages, and any parent language of the portal that is not among them (settings.LANGUAGES):
    a language added to the portal can be a caregiver's preferred language without a change here."""
    known = {code for code, _label in Language.choices}
    extra = [(code, local_name(code)) for code in parent_language_codes() if code not in known]
    return [*Language.choices[:-1], *extra, Language.choices[-1]]


class ContactPreference(models.TextChoices):
    IN_PERSON = "in_person", _("In person at drop-off or pick-up")
    PHONE = "phone", _("Phone")
    EMAIL = "email", _("E-mail")
    MESSAGE = "message", _("Text or app message")


@pghistory.track()
class Family(models.Model):
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="families")
    name = models.CharField(_("family name"), max_length=200, help_text=_("How the team refers to the family."))
    home_languages = ArrayField(
        models.CharField(max_length=10, choices=Language.choices),
        verbose_name=_("home languages"),
        default=list,
        blank=True,
    )
    interpreter_needed = models.BooleanField(_("interpreter needed"), default=False)
    interpreter_notes = models.CharField(
        _("interpreter or language notes"),
        max_length=300,
        blank=True,
        help_text=_("For example: which language, or a family member who translates (never the child)."),
    )
    notes = models.TextField(_("good to know"), blank=True, max_length=2000)
    version = models.PositiveIntegerField(default=1, editable=False)
    archived_on = models.DateField(_("archived on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # Optimistic locking (partnership.locking): what the second of two editors is told.
    stale_message = _(
        "Someone else changed this family while you were editing. Your changes were not saved; "
        "below is the current version. Make your changes again."
    )

    class Meta:
        verbose_name = _("family")
        verbose_name_plural = _("families")
        ordering = ["name", "pk"]
        indexes = [models.Index(fields=["organisation", "name"])]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("families:detail", args=[self.pk])

    @property
    def home_language_labels(self) -> list[str]:
        labels = dict(Language.choices)
        return [labels.get(code, code) for code in self.home_languages]


@pghistory.track()
class Caregiver(models.Model):
    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="caregivers")
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    relation = models.CharField(_("relation to the child"), max_length=100, blank=True)
    has_parental_authority = models.BooleanField(_("has parental authority"), default=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    # Also the language of the caregiver's portal and e-mails, when the portal speaks it (`portal_language`).
    preferred_language = models.CharField(
        _("preferred language"), max_length=10, choices=caregiver_language_choices, default=Language.DUTCH
    )
    preferred_contact = models.CharField(
        _("preferred way of contact"),
        max_length=20,
        choices=ContactPreference.choices,
        default=ContactPreference.IN_PERSON,
    )
    summaries_allowed = models.BooleanField(
        _("may read the shared contact summaries"),
        default=False,
        help_text=_(
            "Caregivers with parental authority always can; without it they see the agreements only, "
            "unless you allow this."
        ),
    )
    invited_at = models.DateTimeField(_("invited to the portal on"), null=True, blank=True, editable=False)
    # Who ended the caregiver's portal access and when, for the file (and a parent's question why).
    access_revoked_at = models.DateTimeField(_("portal access revoked on"), null=True, blank=True, editable=False)
    access_revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("portal access revoked by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("portal account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="caregiver",
    )

    class Meta:
        verbose_name = _("caregiver")
        verbose_name_plural = _("caregivers")
        ordering = ["last_name", "first_name", "pk"]

    def __str__(self):
        return f"{self.first_name} {self.last_name}"

    @property
    def reads_summaries(self) -> bool:
        return self.has_parental_authority or self.summaries_allowed

    @property
    def portal_language(self) -> str:
        """The language of the caregiver's portal and e-mails: their preferred language when the portal speaks
        it, else the organisation's language."""
        return self.preferred_language if is_parent_language(self.preferred_language) else settings.LANGUAGE_CODE

    @property
    def has_portal_access(self) -> bool:
        return bool(self.user_id and self.user.is_active and self.user.has_usable_password())


@pghistory.track()
class Child(models.Model):
    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="children")
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    date_of_birth = models.DateField(_("date of birth"))
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("mentor"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mentees",
        limit_choices_to={"role": "staff"},
    )
    talents = models.TextField(
        _("talents and interests"),
        blank=True,
        max_length=2000,
        help_text=_("What the child loves and does well, in the parents' words."),
    )

    class Meta:
        verbose_name = _("child")
        verbose_name_plural = _("children")
        ordering = ["date_of_birth", "pk"]

    def __str__(self):
        return f"{self.first_name} {self.last_name}"

    def clean(self):
        if self.date_of_birth and self.date_of_birth > timezone.localdate():
            raise ValidationError({"date_of_birth": _("The date of birth cannot be in the future.")})


def _point(field: str) -> Func:
    return Func(field, field, models.Value("[]"), function="int8range")


@pghistory.track()
class Placement(models.Model):
    """A child is placed in a group from a date, until a date when the child leaves it."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="placements")
    group = models.ForeignKey("organisations.Group", on_delete=models.PROTECT, related_name="placements")
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)

    class Meta:
        verbose_name = _("placement")
        verbose_name_plural = _("placements")
        ordering = ["start_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="placement_end_after_start",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
            ExclusionConstraint(
                name="placement_no_overlap_in_group",
                # Single-point int8 ranges make "same child, same group" a range overlap, so the constraint needs
                # only PostgreSQL's built-in GiST range support (no btree_gist, which pgserver does not ship).
                expressions=[
                    (_point("child"), RangeOperators.OVERLAPS),
                    (_point("group"), RangeOperators.OVERLAPS),
                    (Func("start_date", "end_date", models.Value("[]"), function="daterange"), RangeOperators.OVERLAPS),
                ],
                violation_error_message=_("This child already has a placement in this group in that period."),
            ),
        ]

    def __str__(self):
        return f"{self.child} – {self.group}"

    @classmethod
    def active_q(cls, prefix: str = "") -> Q:
        today = timezone.localdate()
        return Q(**{f"{prefix}start_date__lte": today}) & (
            Q(**{f"{prefix}end_date__isnull": True}) | Q(**{f"{prefix}end_date__gte": today})
        )


@pghistory.track()
class NetworkMember(models.Model):
    """Someone in the family's wider network ("totaalplaatje"): family, neighbours, other professionals."""

    class Role(models.TextChoices):
        GRANDPARENT = "grandparent", _("Grandparent")
        RELATIVE = "relative", _("Other relative")
        NEIGHBOUR = "neighbour", _("Neighbour or friend")
        WIJKTEAM = "wijkteam", _("Neighbourhood team (wijkteam)")
        JGZ = "jgz", _("Youth health care (JGZ / consultatiebureau)")
        GP = "huisarts", _("General practitioner (huisarts)")
        SCHOOL = "school", _("School or teacher")
        THERAPIST = "therapist", _("Therapist (speech, physio, ...)")
        OTHER_PROFESSIONAL = "professional", _("Other professional")
        # Support around the parent (success factor 34): people at the parent's side, not the organisation's.
        CLIENT_SUPPORTER = "client_supporter", _("Client supporter (cliëntondersteuner)")
        BUDDY = "buddy", _("Buddy")
        EXPERIENCE_EXPERT = "experience_expert", _("Experience expert (ervaringsdeskundige)")

    PROFESSIONAL_ROLES = {Role.WIJKTEAM, Role.JGZ, Role.GP, Role.SCHOOL, Role.THERAPIST, Role.OTHER_PROFESSIONAL}

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="network")
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    contact = models.CharField(_("contact details"), max_length=200, blank=True)
    notes = models.CharField(_("notes"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("network member")
        verbose_name_plural = _("network members")
        ordering = ["role", "name", "pk"]

    def __str__(self):
        return f"{self.name} ({self.get_role_display()})"

    @property
    def is_professional(self) -> bool:
        return self.role in self.PROFESSIONAL_ROLES


@pghistory.track()
class Consent(models.Model):
    """What the parents agreed to, when, and whether they withdrew it later."""

    class Topic(models.TextChoices):
        PHOTOS_INTERNAL = "photos_internal", _("Photos of the child in the parent app and at the location")
        PHOTOS_PUBLIC = "photos_public", _("Photos of the child on the website or in the newsletter")
        OUTINGS = "outings", _("Outings outside the location")
        SHARE_SCHOOL = "share_school", _("Sharing the child's development with the primary school (warme overdracht)")
        SHARE_JGZ = "share_jgz", _("Sharing information with youth health care (JGZ)")
        SHARE_WIJKTEAM = "share_wijkteam", _("Sharing information with the neighbourhood team")
        OTHER = "other", _("Other")

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="consents")
    topic = models.CharField(_("topic"), max_length=30, choices=Topic.choices)
    details = models.CharField(_("details"), max_length=300, blank=True)
    given = models.BooleanField(_("consent given"), default=True)
    given_by = models.ForeignKey(
        Caregiver, verbose_name=_("given by"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_on = models.DateField(_("recorded on"), default=timezone.localdate)
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["topic", "-recorded_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gte=models.F("recorded_on")),
                name="consent_withdrawn_after_recorded",
                violation_error_message=_("A consent cannot be withdrawn before it was recorded."),
            ),
        ]

    def __str__(self):
        return self.get_topic_display()

    @property
    def is_active(self) -> bool:
        return self.given and self.withdrawn_on is None
