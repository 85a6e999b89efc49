"""Choices shared by contact moments and the success-factor catalogue (which says per item for which kinds
of contact it is a prompt), kept apart so neither app imports the other's models."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    INFORMAL = "informal", _("Informal contact")
    INTAKE = "intake", _("Intake")
    PARENT_CONVERSATION = "parent_conversation", _("Parent conversation")
    MENTOR_CONVERSATION = "mentor_conversation", _("Mentor conversation")
    HOME_VISIT = "home_visit", _("Home visit")
    PHONE = "phone", _("Phone call")
    MESSAGE = "message", _("Message")
    EVALUATION = "evaluation", _("Evaluation of agreements")


# What each kind is for, shown when choosing the kind of a new contact.
KIND_HELP = {
    Kind.INFORMAL: _("A chat at drop-off, at pick-up or in passing."),
    Kind.INTAKE: _("Getting to know each other, with the intake questions."),
    Kind.PARENT_CONVERSATION: _("A planned conversation, for example about a question or a worry."),
    Kind.MENTOR_CONVERSATION: _("The periodic talk with the mentor about the child's development."),
    Kind.HOME_VISIT: _("A visit at the family's home."),
    Kind.PHONE: _("A phone call with a parent."),
    Kind.MESSAGE: _("A message or e-mail exchanged with a parent."),
    Kind.EVALUATION: _("Looking back together on the agreements made."),
}


class Occasion(models.TextChoices):
    DROP_OFF = "drop_off", _("At drop-off")
    PICK_UP = "pick_up", _("At pick-up")
    IN_PASSING = "in_passing", _("In passing")


class Tone(models.TextChoices):
    POSITIVE = "positive", _("Positive")
    NEUTRAL = "neutral", _("Neutral")
    WORRIED = "worried", _("Worried")
    TENSE = "tense", _("Tense")


class Visibility(models.TextChoices):
    INTERNAL = "internal", _("Internal: for the team")
    SHARED = "shared", _("Shared with the parents")
    CONFIDENTIAL = "confidential", _("Confidential: only me and the coordinators")


class ReferralTo(models.TextChoices):
    WIJKTEAM = "wijkteam", _("Neighbourhood team (wijkteam)")
    HUISARTS = "huisarts", _("General practitioner (huisarts)")
    JGZ = "jgz", _("Youth health care (JGZ / consultatiebureau)")
    FOOD_BANK = "food_bank", _("Food bank (voedselbank)")
    DIAPER_BANK = "diaper_bank", _("Diaper bank (luierbank)")
    OTHER = "other", _("Other")


class ReferralStatus(models.TextChoices):
    PLANNED = "planned", _("To arrange")
    REFERRED = "referred", _("Referred")
    STARTED = "started", _("Help has started")
    NOT_PURSUED = "not_pursued", _("Not pursued")
