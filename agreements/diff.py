"""What changed between two versions of an agreement, word by word, for a parent (and staff) reading a new
version. The result is a list of (kind, text) parts that the template renders as <ins>/<del> with the text
escaped as always: user text is never marked safe."""

import difflib
import re
from dataclasses import dataclass

from django.utils.formats import date_format

SAME, ADDED, REMOVED = "same", "added", "removed"

# A word with the white space before it, so that line breaks and spacing survive the diff.
_TOKEN = re.compile(r"\s*\S+")

Part = tuple[str, str]


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text or "")


def _append(parts: list[Part], kind: str, text: str) -> None:
    if not text:
        return
    if kind != SAME:
        # The space before a changed run stays outside the mark: a marked space is noise.
        stripped = text.lstrip()
        _append(parts, SAME, text[: len(text) - len(stripped)])
        text = stripped
    if parts and parts[-1][0] == kind:
        parts[-1] = (kind, parts[-1][1] + text)
    else:
        parts.append((kind, text))


def word_diff(old: str, new: str) -> list[Part]:
    """The new text with what was added and removed marked, word by word. Words are compared without the white
    space around them, so re-wrapping a line is not a change."""
    old_tokens, new_tokens = _tokens(old), _tokens(new)
    matcher = difflib.SequenceMatcher(
        None, [t.strip() for t in old_tokens], [t.strip() for t in new_tokens], autojunk=False
    )
    parts: list[Part] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            _append(parts, SAME, "".join(new_tokens[j1:j2]))
            continue
        added = "".join(new_tokens[j1:j2])
        if tag in ("delete", "replace"):
            _append(parts, REMOVED, "".join(old_tokens[i1:i2]))
        if tag == "replace":
            # One space between the removed and the added words, so that they do not read as one word.
            _append(parts, SAME, " ")
            added = added.lstrip()
        if tag in ("insert", "replace"):
            _append(parts, ADDED, added)
    if parts and parts[0][0] == SAME:
        parts[0] = (SAME, parts[0][1].lstrip())
    return [part for part in parts if part[1]]


@dataclass(frozen=True)
class SectionChange:
    label: str
    parts: list[Part]
    changed: bool


def version_changes(old, new) -> list[SectionChange]:
    """Every written part of `new` (and those `old` had but `new` dropped), in reading order, with its changes
    against `old`; the evaluation date last."""
    changes = []
    for name in new.CONTENT_FIELDS:
        if name == "evaluation_on":
            before, after = _date(old.evaluation_on), _date(new.evaluation_on)
        else:
            before, after = getattr(old, name) or "", getattr(new, name) or ""
        if not before.strip() and not after.strip():
            continue
        label = str(new._meta.get_field(name).verbose_name)
        changes.append(SectionChange(label, word_diff(before, after), before.split() != after.split()))
    return changes


def text_changed(changes: list[SectionChange]) -> bool:
    return any(change.changed for change in changes)


def _date(value) -> str:
    return date_format(value, "j F Y") if value else ""


def staff_base(versions: list, current):
    """The version staff compare the current one with: the newest earlier one the parents agreed to, else the
    one before it. `versions` newest first, with their confirmations prefetched."""
    earlier = [v for v in versions if v.number < current.number]
    return next((v for v in earlier if v.confirmations.all()), earlier[0] if earlier else None)
