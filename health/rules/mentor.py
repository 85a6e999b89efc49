"""Every placed child has a mentor (Dutch childcare law requires one, and the parents are told who it is): a
child placed today without one is a gap in the file to fill, attention rather than action."""

from django.contrib.postgres.aggregates import StringAgg
from django.db.models import Count, Exists, JSONField, Min, OuterRef, Q, Subquery
from django.db.models.functions import JSONObject
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from families.models import Child, Placement
from health.rules.base import Context, Reason, SignalRule, json_fact


def facts(c: Context) -> dict:
    placed = Placement.objects.filter(
        Q(end_date__isnull=True) | Q(end_date__gte=c.today), child=OuterRef("pk"), start_date__lte=c.today
    )
    missing = (
        Child.objects.filter(Exists(placed), family=OuterRef("pk"), mentor__isnull=True)
        .order_by()
        .values("family")
        .annotate(
            missing=JSONObject(n=Count("pk"), names=StringAgg("first_name", ", ", order_by=("pk",)), first=Min("pk"))
        )
        .values("missing")
    )
    return {"mentor_missing": Subquery(missing, output_field=JSONField())}


def explain(family, c: Context) -> Reason:
    missing = json_fact(family.mentor_missing)
    n = missing.get("n") or 0
    if not n:
        return Reason(_("Every child placed today has a mentor."))
    return Reason(
        ngettext("%(names)s has no mentor.", "%(n)d children have no mentor: %(names)s.", n)
        % {"n": n, "names": missing["names"]},
        _("Choose a mentor"),
        reverse_lazy("families:child_edit", args=[family.pk, missing["first"]]),
    )


RULE = SignalRule(
    key="mentor",
    label=gettext_lazy("Mentor"),
    thresholds={
        "mentor_attention_children": 1,  # this many children placed today without a mentor
    },
    facts=facts,
    level="CASE WHEN COALESCE((mentor_missing->>'n')::int, 0) >= %s THEN 1 ELSE 0 END",
    params=lambda c: [c["mentor_attention_children"]],
    explain=explain,
)
