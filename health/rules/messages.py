"""Parents' messages without an answer ("hoorrecht en luisterplicht"): the working days (Monday to Friday) the
oldest waiting message has waited, counted in the database. A thread waits from the parent's first message that
has no answer until staff answer it or close it with a reason."""

from django.db.models import Func, IntegerField, OuterRef, Value
from django.db.models.functions import TruncDate
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from health.rules.base import Context, Reason, SignalRule, count, first
from threads.models import State, Thread


class WorkingDaysAfter(Func):
    """The days Monday to Friday after `day`, up to and including `today`: 0 for a message of today (or of the
    weekend, read on Monday morning), and for no message at all (NULL)."""

    output_field = IntegerField()

    def as_sql(self, compiler, connection, **extra_context):
        day, day_params = compiler.compile(self.source_expressions[0])
        today, today_params = compiler.compile(self.source_expressions[1])
        # Only the SQL the ORM compiled is formatted in; the values are parameters.
        return (
            f"(SELECT count(*) FROM generate_series(({day})::date + 1, ({today})::date, interval '1 day') AS d(day) "  # noqa: S608
            "WHERE extract(isodow FROM d.day) < 6)",
            [*day_params, *today_params],
        )


def facts(c: Context) -> dict:
    waiting = Thread.objects.filter(family=OuterRef("pk"), state=State.WAITING)
    # The local day the oldest message came in (TruncDate uses the current time zone).
    oldest_day = first(waiting.annotate(day=TruncDate("waiting_since")), "day", "waiting_since")
    return {
        "messages_waiting": count(waiting),
        "messages_oldest_thread": first(waiting, "pk", "waiting_since"),
        "messages_working_days": WorkingDaysAfter(oldest_day, Value(c.today)),
    }


def explain(family, c: Context) -> Reason:
    if not family.messages_waiting:
        return Reason(_("No message from the parents waits for an answer."))
    days = family.messages_working_days
    waited = (
        ngettext("The oldest has waited %(days)d working day.", "The oldest has waited %(days)d working days.", days)
        % {"days": days}
        if days
        else _("The oldest has waited less than a working day.")
    )
    return Reason(
        ngettext(
            "%(n)d message from the parents waits for an answer.",
            "%(n)d messages from the parents wait for an answer.",
            family.messages_waiting,
        )
        % {"n": family.messages_waiting}
        + " "
        + waited,
        _("Answer the parents"),
        reverse_lazy("threads:detail", args=[family.pk, family.messages_oldest_thread]),
    )


RULE = SignalRule(
    key="messages",
    label=gettext_lazy("Parents' messages"),
    thresholds={
        "messages_attention_working_days": 2,  # the oldest message unanswered for more than this many working days
        "messages_concern_working_days": 5,
    },
    facts=facts,
    level=("CASE WHEN messages_working_days > %s THEN 2 WHEN messages_working_days > %s THEN 1 ELSE 0 END"),
    params=lambda c: [c["messages_concern_working_days"], c["messages_attention_working_days"]],
    explain=explain,
)
