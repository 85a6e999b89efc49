"""docs/success-factors.md maps each of the 42 success factors of the source texts to its place in the app. This
reads the table so the mapping cannot rot: every id once, a place for each, every URL name reverses, every model
exists, every checklist key is an item of the reference catalogue."""

import re
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from successfactors import reference

DOC = Path(settings.BASE_DIR) / "docs" / "success-factors.md"
ROW = re.compile(r"^\| (\d+) \|")
TICKED = re.compile(r"`([^`]+)`")
PLANNED = re.compile(r"planned \(issue 17 parts? [A-C]( and [A-C])?\)", re.IGNORECASE)


def _rows() -> dict[int, dict]:
    rows = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if not ROW.match(line):
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        assert len(cells) == 6, line
        number = int(cells[0])
        assert number not in rows, f"success factor {number} twice"
        rows[number] = {
            "name": cells[1],
            "place": cells[2],
            "urls": TICKED.findall(cells[3]),
            "models": TICKED.findall(cells[4]),
            "items": TICKED.findall(cells[5]),
        }
    return rows


def _patterns(patterns=None, namespace=""):
    """name -> the URL pattern, so that a name is reversed with sample values for its own arguments."""
    found = {}
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            found.update(_patterns(pattern.url_patterns, inner))
        elif isinstance(pattern, URLPattern) and pattern.name:
            found[f"{namespace}{pattern.name}"] = pattern
    return found


def _sample(converter) -> object:
    return 1 if converter.regex == "[0-9]+" else "sample"


def test_all_42_success_factors_are_mapped_once_with_a_place():
    rows = _rows()
    assert sorted(rows) == list(range(1, 43))
    for number, row in rows.items():
        assert row["name"], number
        assert len(row["place"]) > 20, f"{number}: no place in the app"
        # A row rests on what exists today: at least a page, or only a plan of issue 17's parts.
        assert row["urls"] or PLANNED.search(row["place"]), f"{number}: no page and no plan"


def test_every_url_name_of_the_mapping_reverses():
    patterns = _patterns()
    for number, row in _rows().items():
        for name in row["urls"]:
            assert name in patterns, f"{number}: {name} is no URL name"
            converters = patterns[name].pattern.converters
            assert reverse(name, kwargs={key: _sample(c) for key, c in converters.items()}).startswith("/")


def test_every_model_and_checklist_item_of_the_mapping_exists():
    for number, row in _rows().items():
        for label in row["models"]:
            assert apps.get_model(label), f"{number}: {label}"
        for key in row["items"]:
            assert key in reference.ITEMS, f"{number}: {key} is no item of successfactors/reference.py"


def test_the_mapping_uses_every_item_the_catalogue_maps_to_a_source():
    """The catalogue's COVERAGE and this table tell the same story: no reference item is left out here."""
    cited = {key for row in _rows().values() for key in row["items"]}
    mapped = {key for keys in reference.COVERAGE.values() for key in keys}
    assert mapped - cited == set()
