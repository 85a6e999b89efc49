"""The geometry of the report charts, drawn by the templates as inline SVG (no chart library, no script, no
style attribute: positions are SVG attributes, colours come from classes in static/css/reports.css).

Every chart is 360 units wide, about a phone's width, so its text stays readable when the SVG is scaled to
the screen; a tablet or a laptop shows it larger."""

import math

WIDTH = 360
LEFT, RIGHT, TOP, BOTTOM = 34, 6, 16, 30
# Above this many months a bar has no room for its value; the table beside it has every number.
MAX_VALUE_LABELS = 12
# Series of the feedback chart: told apart by the shape of their markers and the dash of their lines too,
# never by colour alone.
MARKERS = ("circle", "square", "triangle")


def _fmt(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def nice_top(maximum: float) -> float:
    """A round upper end for the axis, at or above `maximum` (at least 1)."""
    if maximum <= 1:
        return 1
    magnitude = 10 ** math.floor(math.log10(maximum))
    for step in (1, 2, 2.5, 5, 10):
        if step * magnitude >= maximum:
            return step * magnitude
    return 10 * magnitude


def _frame(labels: list[tuple[str, str]], height: int, ticks: list[tuple[float, str]], top: float, bottom: float):
    """The parts every month chart shares: the slots of the months, their labels and the horizontal grid."""
    count = max(len(labels), 1)
    plot_width = WIDTH - LEFT - RIGHT
    plot_height = height - TOP - BOTTOM
    step = plot_width / count
    every = math.ceil(count / 12)

    def y_of(value: float) -> float:
        return round(TOP + plot_height - (value - bottom) / (top - bottom) * plot_height, 1)

    axis = [
        {"x": round(LEFT + index * step + step / 2, 1), "label": month, "year": year}
        for index, (month, year) in enumerate(labels)
        if index % every == 0
    ]
    grid = [{"y": y_of(value), "label": label} for value, label in ticks]
    return step, plot_height, y_of, axis, grid


def bar_chart(
    values: list[float | None],
    labels: list[tuple[str, str]],
    texts: list[str],
    *,
    names: list[str],
    top: float,
    percent=False,
    fmt=_fmt,
) -> dict:
    """Bars per month; `labels` are (month, year or "") pairs for the axis, `names` the months in full for the
    tooltips, `texts` the values as written in the table. A month without a figure gets no bar (an empty slot),
    which differs from a bar at zero."""
    height = 190
    ticks = [(top * share, f"{round(100 * share)}%" if percent else fmt(top * share)) for share in (0, 0.5, 1)]
    step, plot_height, y_of, axis, grid = _frame(labels, height, ticks, top, 0)
    width = round(step * 0.64, 1)
    bars = []
    for index, (value, text) in enumerate(zip(values, texts, strict=True)):
        if value is None:
            continue
        x = LEFT + index * step + (step - width) / 2
        y = y_of(min(value, top))
        bars.append(
            {
                "x": round(x, 1),
                "y": y,
                "width": width,
                "height": round(TOP + plot_height - y, 1),
                "text": text,
                "text_x": round(x + width / 2, 1),
                "text_y": round(y - 3, 1),
                "month": names[index],
            }
        )
    return {
        "width": WIDTH,
        "height": height,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "baseline": TOP + plot_height,
        "axis_y": height - BOTTOM + 13,
        "year_y": height - BOTTOM + 25,
        "tick_x": LEFT - 4,
        "bars": bars,
        "axis": axis,
        "grid": grid,
        "value_labels": len(labels) <= MAX_VALUE_LABELS,
    }


def line_chart(
    series: list[tuple[str, list[float | None]]],
    labels: list[tuple[str, str]],
    *,
    names: list[str],
    bottom=1,
    top=5,
    fmt=_fmt,
) -> dict:
    """One line per series over the months, broken where a month has no value; a marker on every value."""
    height = 210
    ticks = [(value, str(value)) for value in range(bottom, top + 1)]
    step, _plot_height, y_of, axis, grid = _frame(labels, height, ticks, top, bottom)
    lines = []
    for number, (label, values) in enumerate(series):
        segments, points, current = [], [], []
        for index, value in enumerate(values):
            if value is None:
                if current:
                    segments.append(" ".join(current))
                current = []
                continue
            x, y = round(LEFT + index * step + step / 2, 1), y_of(value)
            current.append(f"{x},{y}")
            points.append({"x": x, "y": y, "text": fmt(value), "month": names[index], **_marker(number, x, y)})
        if current:
            segments.append(" ".join(current))
        lines.append(
            {"label": label, "number": number, "marker": MARKERS[number % 3], "segments": segments, "points": points}
        )
    return {
        "width": WIDTH,
        "height": height,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "axis_y": height - BOTTOM + 13,
        "year_y": height - BOTTOM + 25,
        "tick_x": LEFT - 4,
        "lines": lines,
        "axis": axis,
        "grid": grid,
    }


def _marker(number: int, x: float, y: float) -> dict:
    shape = MARKERS[number % 3]
    if shape == "triangle":
        return {
            "shape": shape,
            "polygon": f"{x},{round(y - 4.5, 1)} {round(x - 4.5, 1)},{round(y + 3.5, 1)} "
            f"{round(x + 4.5, 1)},{round(y + 3.5, 1)}",
        }
    return {"shape": shape, "square_x": round(x - 3.5, 1), "square_y": round(y - 3.5, 1)}


def _wrapped(text: str, width: int = 50) -> list[str]:
    """A label in lines of at most `width` characters (SVG text does not wrap by itself)."""
    lines = [""]
    for word in text.split():
        if lines[-1] and len(lines[-1]) + 1 + len(word) > width:
            lines.append(word)
        else:
            lines[-1] = f"{lines[-1]} {word}".strip()
    return lines


def theme_chart(rows: list[tuple[str, float | None, str]]) -> dict:
    """A horizontal bar per theme, its name above it: (name, percent or None when no contact offered it, text)."""
    line_height, bar_height, label_width = 13, 12, 40
    plot_width = WIDTH - label_width - 4
    bars, y = [], 0
    for label, percent, text in rows:
        lines = [{"text": line, "y": y + 11 + index * line_height} for index, line in enumerate(_wrapped(label))]
        top = y + 5 + len(lines) * line_height
        bars.append(
            {
                "label": label,
                "lines": lines,
                "y": top,
                "height": bar_height,
                "track": plot_width,
                "width": round(plot_width * (percent or 0) / 100, 1),
                "text": text,
                "text_x": plot_width + 4,
                "text_y": top + 10,
                "empty": percent is None,
            }
        )
        y = top + bar_height + 8
    return {"width": WIDTH, "height": y, "bars": bars}
