"""The report's figures as the page, its print and the CSV show them: per location a row for every month of the
period (a month without events too), the chart, and the same numbers for the table, all from the grouped
queries of `reports.selectors`."""

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import date_format, number_format
from django.utils.translation import get_language, gettext, ngettext
from django.utils.translation import gettext_lazy as _

from reports import charts
from reports.selectors import (
    Scope,
    agreed_per_month,
    checklist_per_month,
    contacts_per_family,
    evaluated_per_month,
    feedback_per_month,
    messages_per_month,
)
from successfactors.models import Theme

DIMENSIONS = (("relatie", _("Relatie")), ("competentie", _("Competentie")), ("autonomie", _("Autonomie")))


def one_decimal(value) -> Decimal:
    """Rounded half up, as people round (number_format alone cuts the other decimals off)."""
    return Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: str = "count"  # "count", "decimal" (one decimal) or "percent"
    short: str = ""  # shown in a narrow table's header instead of the label (which screen readers still hear)

    def text(self, value) -> str | None:
        """The value as the page writes it; None when there is no figure."""
        if value is None:
            return None
        if self.kind == "decimal":
            return number_format(one_decimal(value), 1)
        if self.kind == "percent":
            return f"{value}%"
        return str(value)

    def csv(self, value) -> str:
        if value is None:
            return ""
        return number_format(one_decimal(value), 1) if self.kind == "decimal" else str(value)


@dataclass
class Part:
    """One location's share of a figure: its rows (label and cells) and its chart."""

    location: object
    rows: list
    chart: dict
    summary: str
    empty: bool


@dataclass
class Figure:
    name: str
    title: str
    description: str
    row_header: str
    columns: list[Column]
    chart: str  # "bars", "lines" or "themes": which SVG the template draws
    parts: list[Part] = field(default_factory=list)
    legend: list = field(default_factory=list)
    csv_header: list = field(default_factory=list)
    csv_rows: list = field(default_factory=list)


def month_label(month) -> str:
    # Django's "M" capitalises Dutch month abbreviations ("Mrt"), which Dutch does not; English does.
    text = date_format(month, "M")
    return text.lower() if (get_language() or "").startswith("nl") else text


def _axis_labels(months) -> list[tuple[str, str]]:
    """Month abbreviations, with the year under the first month and under every January."""
    return [
        (month_label(month), str(month.year) if index == 0 or month.month == 1 else "")
        for index, month in enumerate(months)
    ]


def _decimal_text(value) -> str:
    """A number for a chart's axis or tooltip, in the page's language: "2,5", "4"."""
    rounded = one_decimal(value)
    return number_format(rounded, 0 if rounded == rounded.to_integral_value() else 1)


def _percent(part: int, whole: int) -> int | None:
    return round(100 * part / whole) if whole else None


def _extremes(values, labels, texts) -> str:
    known = [
        (value, label, text) for value, label, text in zip(values, labels, texts, strict=True) if value is not None
    ]
    if not known:
        return str(_("No figures in this period."))
    high = max(known, key=lambda item: item[0])
    low = min(known, key=lambda item: item[0])
    return str(_("Highest: %(high)s (%(high_month)s); lowest: %(low)s (%(low_month)s).")) % {
        "high": high[2],
        "high_month": high[1],
        "low": low[2],
        "low_month": low[1],
    }


def _month_figure(figure: Figure, scope: Scope, values_of: Callable, chart_key: str, *, top=None) -> Figure:
    """Rows per month for each location; `values_of(location id, month)` gives the columns' values. The chart
    shows the column `chart_key` as bars (percentages when `top` is 100)."""
    months = scope.months
    labels = [f"{month_label(month)} {month.year}" for month in months]
    figure.csv_header = [str(_("Location")), str(_("Month")), *[str(column.label) for column in figure.columns]]
    column = next(column for column in figure.columns if column.key == chart_key)
    for location in scope.locations:
        values = [values_of(location.pk, month) for month in months]
        rows = [
            {"label": label, "cells": [c.text(row[c.key]) for c in figure.columns]}
            for label, row in zip(labels, values, strict=True)
        ]
        figure.csv_rows += [
            [location.name, month.strftime("%Y-%m"), *[c.csv(row[c.key]) for c in figure.columns]]
            for month, row in zip(months, values, strict=True)
        ]
        series = [row[chart_key] for row in values]
        texts = [column.text(value) or "" for value in series]
        chart_top = top or charts.nice_top(max((value for value in series if value is not None), default=0))
        chart = charts.bar_chart(
            series, _axis_labels(months), texts, names=labels, top=chart_top, percent=top == 100, fmt=_decimal_text
        )
        empty = all(value is None for value in series)
        figure.parts.append(Part(location, rows, chart, _extremes(series, labels, texts), empty))
    return figure


def contacts_figure(scope: Scope) -> Figure:
    counts = contacts_per_family(scope)

    def values_of(location, month):
        contacts, families = counts.get((location, month), (0, 0))
        return {"contacts": contacts, "families": families, "per_family": contacts / families if families else None}

    figure = Figure(
        "contacts",
        _("Contacts per family"),
        _(
            "The contacts with the parents in the month, divided by the families with a child placed at the location "
            "in that month."
        ),
        _("Month"),
        [
            Column("contacts", _("Contacts")),
            Column("families", _("Families")),
            Column("per_family", _("Per family"), "decimal"),
        ],
        "bars",
    )
    return _month_figure(figure, scope, values_of, "per_family")


def _share_figure(figure: Figure, scope: Scope, counts: dict, total: str) -> Figure:
    def values_of(location, month):
        row = counts.get((location, month), {})
        whole, part = row.get(total, 0), row.get("on_time", 0)
        return {total: whole, "on_time": part, "percent": _percent(part, whole)}

    return _month_figure(figure, scope, values_of, "percent", top=100)


def agreed_figure(scope: Scope) -> Figure:
    days = scope.limits["proposal_attention_days"]
    figure = Figure(
        "agreed",
        _("Agreements agreed on time"),
        _(
            "Agreements (and new versions) proposed to the parents in the month, and how many the parents with "
            "parental authority agreed to within %(days)d days. A proposal still within those days is not counted "
            "yet."
        )
        % {"days": days},
        _("Month"),
        [
            Column("proposals", _("Proposed")),
            Column("on_time", _("Agreed on time")),
            Column("percent", _("Share"), "percent"),
        ],
        "bars",
    )
    return _share_figure(figure, scope, agreed_per_month(scope), "proposals")


def evaluated_figure(scope: Scope) -> Figure:
    figure = Figure(
        "evaluated",
        _("Agreements evaluated on time"),
        _(
            "Evaluation dates in the month that have passed (or were met early), and how many were met by an "
            "evaluation on or before the date."
        ),
        _("Month"),
        [
            Column("due", _("Evaluations due")),
            Column("on_time", _("Evaluated on time")),
            Column("percent", _("Share"), "percent"),
        ],
        "bars",
    )
    return _share_figure(figure, scope, evaluated_per_month(scope), "due")


def messages_figure(scope: Scope) -> Figure:
    days = scope.limits["messages_attention_working_days"]
    figure = Figure(
        "messages",
        _("Parents' messages answered on time"),
        _(
            "Messages from parents that waited for an answer, by the month they were sent, and how many staff "
            "answered (or closed with a reason) within %(days)d working days, Monday to Friday. A message still "
            "within that time is not counted yet."
        )
        % {"days": days},
        _("Month"),
        [
            Column("messages", _("Messages")),
            Column("on_time", _("Answered on time")),
            Column("percent", _("Share"), "percent"),
        ],
        "bars",
    )
    return _share_figure(figure, scope, messages_per_month(scope), "messages")


def feedback_figure(scope: Scope) -> Figure:
    counts = feedback_per_month(scope)
    columns = [Column(key, label, "decimal") for key, label in DIMENSIONS] + [
        Column("answers", _("Answers"), short="n")
    ]
    figure = Figure(
        "feedback",
        _("Parents' feedback per basic need"),
        _(
            "The average score (1 to 5) the parents with parental authority gave in the month for relatie (heard "
            "and seen), competentie (knowing how to help their child) and autonomie (deciding together), with the "
            "number of answers."
        ),
        _("Month"),
        columns,
        "lines",
        legend=[(label, charts.MARKERS[number]) for number, (_key, label) in enumerate(DIMENSIONS)],
    )
    months = scope.months
    labels = [f"{month_label(month)} {month.year}" for month in months]
    figure.csv_header = [str(_("Location")), str(_("Month")), *[str(column.label) for column in columns]]
    empty_row = {"relatie": None, "competentie": None, "autonomie": None, "answers": 0}
    for location in scope.locations:
        values = [counts.get((location.pk, month), empty_row) for month in months]
        rows = [
            {"label": label, "cells": [c.text(row[c.key]) for c in columns]}
            for label, row in zip(labels, values, strict=True)
        ]
        figure.csv_rows += [
            [location.name, month.strftime("%Y-%m"), *[c.csv(row[c.key]) for c in columns]]
            for month, row in zip(months, values, strict=True)
        ]
        series = [(str(label), [row[key] for row in values]) for key, label in DIMENSIONS]
        chart = charts.line_chart(series, _axis_labels(months), names=labels, fmt=_decimal_text)
        answers = sum(row["answers"] for row in values)
        summary = (
            ngettext("%(n)d answer in the period.", "%(n)d answers in the period.", answers) % {"n": answers}
            if answers
            else str(_("No figures in this period."))
        )
        figure.parts.append(Part(location, rows, chart, summary, not answers))
    return figure


def checklist_figure(scope: Scope) -> Figure:
    counts = checklist_per_month(scope)
    # The CSV has the counts apart; the table puts them in one column, so that it fits a phone beside the names.
    counted = [Column("offered", _("Offered")), Column("ticked", _("Ticked")), Column("percent", _("Share"), "percent")]
    figure = Figure(
        "checklist",
        _("Checklist use per theme"),
        _(
            "Offered: the contacts whose checklist held the theme (for their kind of contact and how the parent "
            "seemed). Ticked: those where an item of the theme was ticked. Over the whole period (the CSV has it per "
            "month); a theme no contact offered reads “–”."
        ),
        _("Theme"),
        [Column("ticked_of_offered", _("Ticked of offered")), counted[2]],
        "themes",
    )
    figure.csv_header = [str(_("Location")), str(_("Month")), str(_("Theme")), *[str(c.label) for c in counted]]
    for location in scope.locations:
        rows, bars = [], []
        for theme, label in Theme.choices:
            per_month = [counts.get((location.pk, month), {}) for month in scope.months]
            offered = sum(row.get(f"offered_{theme}", 0) for row in per_month)
            ticked = sum(row.get(f"ticked_{theme}", 0) for row in per_month)
            share = counted[2].text(_percent(ticked, offered))
            of = gettext("%(ticked)d of %(offered)d") % {"ticked": ticked, "offered": offered}
            rows.append({"label": label, "cells": [of, share]})
            bars.append((str(label), _percent(ticked, offered), share or "–"))
            for month, row in zip(scope.months, per_month, strict=True):
                values = {"offered": row.get(f"offered_{theme}", 0), "ticked": row.get(f"ticked_{theme}", 0)}
                values["percent"] = _percent(values["ticked"], values["offered"])
                figure.csv_rows.append(
                    [location.name, month.strftime("%Y-%m"), str(label), *[c.csv(values[c.key]) for c in counted]]
                )
        known = [(percent, label, text) for label, percent, text in bars if percent is not None]
        summary = _extremes([k[0] for k in known], [k[1] for k in known], [k[2] for k in known])
        figure.parts.append(Part(location, rows, charts.theme_chart(bars), summary, not known))
    return figure


BUILDERS = {
    "contacts": contacts_figure,
    "agreed": agreed_figure,
    "evaluated": evaluated_figure,
    "feedback": feedback_figure,
    "checklist": checklist_figure,
    "messages": messages_figure,
}


def report_figures(scope: Scope) -> list[Figure]:
    return [build(scope) for build in BUILDERS.values()]
