"""The parents' own view: low scores (relatie, competentie, autonomie) in each parent's latest feedback.
Calibrated so that one low answer is a reason to ask, not to act: a single low score from one parent is
attention; action is needed when it is repeated (that parent's two latest answers both low) or shared (two
parents low). Only caregivers with parental authority (gezag) count as "the parents"; the others' scores are
shown apart on the family's health page, never in this signal."""

from django.contrib.postgres.aggregates import JSONBAgg
from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    F,
    JSONField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Concat, JSONObject
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from health.rules.base import Context, Reason, SignalRule, json_fact
from portal.models import PartnershipFeedback

DIMENSIONS = ("relatie", "competentie", "autonomie")  # the basic needs' own names, in every language


def _low(c: Context) -> Case:
    """Whether an answer has a low score in any dimension."""
    limit = c["feedback_low_score"]
    return Case(
        When(Q(relatie__lte=limit) | Q(competentie__lte=limit) | Q(autonomie__lte=limit), then=Value(True)),
        default=Value(False),
        output_field=BooleanField(),
    )


def facts(c: Context) -> dict:
    answers = PartnershipFeedback.objects.filter(
        created_at__gte=c.time_ago("feedback_days"), caregiver__has_parental_authority=True
    )
    # (created_at, pk) orders a caregiver's answers even when two have the same moment.
    newer = PartnershipFeedback.objects.filter(caregiver=OuterRef("caregiver")).filter(
        Q(created_at__gt=OuterRef("created_at")) | Q(created_at=OuterRef("created_at"), pk__gt=OuterRef("pk"))
    )
    before = (
        answers.filter(caregiver=OuterRef("caregiver"))
        .filter(Q(created_at__lt=OuterRef("created_at")) | Q(created_at=OuterRef("created_at"), pk__lt=OuterRef("pk")))
        .order_by("-created_at", "-pk")
        .annotate(low=_low(c))
        .values("low")[:1]
    )
    # Each parent's latest answer counts: one parent's good month does not hide the other's low score.
    latest = (
        answers.filter(~Exists(newer), family=OuterRef("pk"))
        .annotate(low=_low(c), again=Coalesce(Subquery(before, output_field=BooleanField()), Value(False)))
        .order_by()
        .values("family")
    )
    low = Q(low=True)
    summary = latest.annotate(
        summary=JSONObject(
            parents=Count("pk"),
            low=Count("pk", filter=low),
            repeated=Count("pk", filter=low & Q(again=True)),
            who=JSONBAgg(
                JSONObject(
                    name=Concat("caregiver__first_name", Value(" "), "caregiver__last_name"),
                    relatie=F("relatie"),
                    competentie=F("competentie"),
                    autonomie=F("autonomie"),
                    again=F("again"),
                ),
                filter=low,
                order_by=("caregiver__first_name", "caregiver__pk"),
            ),
        )
    ).values("summary")
    return {"feedback_summary": Subquery(summary, output_field=JSONField())}


def _scores(answer: dict, limit: int) -> str:
    return ", ".join(f"{name} {answer[name]}" for name in DIMENSIONS if answer[name] <= limit)


def explain(family, c: Context) -> Reason:
    summary = json_fact(family.feedback_summary)
    if not summary.get("parents"):
        return Reason(_("No recent feedback from the parents."))
    limit = c["feedback_low_score"]
    if not summary["low"]:
        return Reason(_("No score of %(score)d or lower in the parents' latest feedback (of 5).") % {"score": limit})
    parts = []
    for answer in summary["who"] or []:
        part = _("%(name)s: %(scores)s of 5") % {"name": answer["name"], "scores": _scores(answer, limit)}
        if answer["again"]:
            part += " " + _("(also low in the answer before)")
        parts.append(part)
    return Reason(
        _("Low scores in the latest feedback of the parents (with parental authority): %(parts)s.")
        % {"parts": "; ".join(parts)},
        _("Ask how they experience the partnership"),
        reverse_lazy("contacts:create", args=[family.pk, "parent_conversation"]),
    )


RULE = SignalRule(
    key="feedback",
    label=gettext_lazy("The parents' own view"),
    thresholds={
        "feedback_days": 180,  # each parent's latest feedback in this period counts
        "feedback_low_score": 2,  # a score (of 5) at or below this is low
        "feedback_concern_parents": 2,  # this many parents low (or one parent low twice in a row): action needed
    },
    facts=facts,
    level=(
        "CASE WHEN COALESCE((feedback_summary->>'low')::int, 0) = 0 THEN 0 "
        "WHEN (feedback_summary->>'low')::int >= %s OR (feedback_summary->>'repeated')::int > 0 THEN 2 ELSE 1 END"
    ),
    params=lambda c: [c["feedback_concern_parents"]],
    explain=explain,
)
