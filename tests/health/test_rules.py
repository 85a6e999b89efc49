"""The registry of health.rules is the one place a signal is declared: everything else (the model's choices,
the thresholds, the README table) follows it, and cannot drift from it."""

import datetime
import inspect
import re
import sys
from pathlib import Path

from django.utils import timezone

from contacts.models import ContactMoment
from families.models import Family
from health.computation import families_with_health
from health.models import Acknowledgement, Signal
from health.rules import DEFAULTS, RULES, context, limits

README = Path(__file__).resolve().parents[2] / "README.md"


def test_every_rule_is_complete():
    c = context()
    keys = [rule.key for rule in RULES]
    assert len(set(keys)) == len(keys)
    names = [name for rule in RULES for name in rule.thresholds]
    assert len(set(names)) == len(names) and "acknowledgement_days" not in names
    for rule in RULES:
        assert re.fullmatch(r"[a-z]+", rule.key), rule.key
        assert len(rule.key) <= Acknowledgement._meta.get_field("signal").max_length
        assert str(rule.label), rule.key
        assert rule.thresholds and all(isinstance(value, int) for value in rule.thresholds.values()), rule.key
        assert rule.level.startswith("CASE ") and rule.level.count("%s") == len(rule.params(c)), rule.key
        assert callable(rule.explain), rule.key


def test_every_threshold_is_used_by_its_rule():
    for rule in RULES:
        source = inspect.getsource(sys.modules[rule.explain.__module__])
        for name in rule.thresholds:
            assert source.count(f'"{name}"') >= 2, f"{rule.key}: {name} is declared but never read"


def test_the_model_choices_are_the_registry():
    assert Signal.values == [rule.key for rule in RULES]
    assert Signal.labels == [rule.label for rule in RULES]
    assert Signal.CONTACT == "contact"


def test_every_rule_explains_itself(world):
    family = families_with_health(Family.objects.filter(pk=world.family.pk))[0]
    for rule in RULES:
        explained = rule.explain(family, context())
        assert explained.reason, rule.key


def _readme_table() -> list[list[str]]:
    lines = README.read_text(encoding="utf-8").splitlines()
    start = lines.index("| signal | attention | action needed |") + 2  # after the header and its |---| line
    end = lines.index("", start)
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in lines[start:end]]


def test_the_readme_table_lists_the_registry_with_its_defaults():
    table = _readme_table()
    assert [re.match(r"`(\w+)`:", row[0]).group(1) for row in table] == [rule.key for rule in RULES]
    for row, rule in zip(table, RULES, strict=True):
        numbers = {int(n) for n in re.findall(r"\d+", " ".join(row))}
        assert numbers == set(rule.thresholds.values()), (rule.key, row)


def test_the_environment_overrides_a_default_by_name(world, settings):
    ContactMoment.objects.update(occurred_at=timezone.now() - datetime.timedelta(days=15))
    level = lambda: families_with_health(Family.objects.filter(pk=world.family.pk))[0].level_contact  # noqa: E731
    assert level() == 0
    settings.HEALTH_THRESHOLDS = {"contact_attention_days": 14}
    assert limits() == DEFAULTS | {"contact_attention_days": 14}
    assert level() == 1
