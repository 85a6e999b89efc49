"""Tools for the test that walks every parent page in every language (test_parent_pages_translated.py).

Two checks, so that neither a message id without a translation nor a hard-coded text slips through:

- `Recorder` records every message id looked up while pages render (gettext and its siblings, lazy strings
  included), with the language active at that moment; `untranslated` lists those that the language's catalog
  (the project's .mo merged with Django's) has no translation for. English is the source language: its message
  ids are its text.
- `leftovers` searches a page's visible text (and its aria-label, placeholder, title and alt attributes) for the
  English and the Dutch text of the project's messages, leaving out what people wrote: text marked
  data-staff-text (agreements, summaries, answers: in the language staff wrote them in), data-parent-text and
  data-user-text, and anything marked with another language than the page's (lang="...")."""

import gettext
import re
from collections import defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from django.conf import settings
from django.utils import translation
from django.utils.translation import trans_real

LOCALE = Path(settings.BASE_DIR) / "locale"
TRANSLATED_FUNCTIONS = ("gettext", "ngettext", "pgettext", "npgettext")


@dataclass
class Recorder:
    """Stands in for Django's translation functions (django.utils.translation._trans) and records each lookup."""

    lookups: dict = field(default_factory=lambda: defaultdict(set))  # language -> message keys

    def _record(self, key) -> None:
        language = translation.get_language()
        if language:
            self.lookups[language].add(key)

    def gettext(self, message):
        if message:
            self._record(message)
        return trans_real.gettext(message)

    def ngettext(self, singular, plural, number):
        self._record((singular, 0))
        return trans_real.ngettext(singular, plural, number)

    def pgettext(self, context, message):
        self._record(f"{context}\x04{message}")
        return trans_real.pgettext(context, message)

    def npgettext(self, context, singular, plural, number):
        self._record((f"{context}\x04{singular}", 0))
        return trans_real.npgettext(context, singular, plural, number)

    def install(self, monkeypatch) -> "Recorder":
        for name in TRANSLATED_FUNCTIONS:
            monkeypatch.setattr(translation._trans, name, getattr(self, name), raising=False)
        return self


def readable(key) -> str:
    text = key[0] if isinstance(key, tuple) else key
    return text.replace("\x04", " | ")


def untranslated(recorder: Recorder) -> dict[str, list[str]]:
    """Per language (except English, the source), the message ids looked up that have no translation."""
    missing = {}
    for language, keys in recorder.lookups.items():
        if language.startswith("en"):
            continue
        catalog = trans_real.translation(language)._catalog
        absent = sorted(readable(key) for key in keys if key not in catalog)
        if absent:
            missing[language] = absent
    return missing


def po_msgids(path: Path) -> list[str]:
    """The message ids of a .po file (singular ids of plural messages, "context | id" for a context)."""
    ids, current, context, part = [], None, None, None
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("#"):
            continue
        if line.startswith(("msgctxt ", "msgid ", "msgid_plural ", "msgstr")) or not line.strip():
            if part == "msgid" and current:
                ids.append(f"{context} | {current}" if context else current)
                context = None
            part, current = None, None
        if line.startswith("msgctxt "):
            part, context = "msgctxt", _unquote(line[8:])
        elif line.startswith("msgid "):
            part, current = "msgid", _unquote(line[6:])
        elif line.startswith('"') and part == "msgid":
            current += _unquote(line)
        elif line.startswith('"') and part == "msgctxt":
            context += _unquote(line)
    return ids


def _unquote(text: str) -> str:
    return text.strip()[1:-1].replace('\\"', '"').replace("\\n", "\n").replace("\\\\", "\\")


def catalog(language: str) -> dict:
    """The project's own compiled messages of `language` (msgid -> msgstr), empty when it has none."""
    path = LOCALE / language / "LC_MESSAGES" / "django.mo"
    if not path.exists():
        return {}
    with path.open("rb") as mo:
        return {key: value for key, value in gettext.GNUTranslations(mo)._catalog.items() if key}


# Placeholders of Python formatting and of templates split a message into the literal parts that show on a page.
_PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\{[^}]*\}\}")


def fragments(text: str) -> list[str]:
    """The literal parts of a message long enough to be told apart from other words: two words or more."""
    parts = (" ".join(part.split()) for part in _PLACEHOLDER.split(text))
    return [part for part in parts if len(part.split()) >= 2 and len(part) >= 8]


def telltales(language: str) -> dict[str, str]:
    """Texts that must not show on a page in `language`, each with the message id it comes from: the English
    source (unless the page is English) and the Dutch text (unless the page is Dutch) of every message."""
    dutch, own = catalog("nl"), catalog(language)
    found = {}
    for key, dutch_text in dutch.items():
        english = (key[0] if isinstance(key, tuple) else key).split("\x04")[-1]
        # What this language's own text keeps of either (a name, a term the glossary keeps) is no leftover.
        kept = english if language == "en" else dutch_text if language == "nl" else own.get(key, "")
        texts = ([] if language == "en" else [english]) + ([] if language == "nl" else [dutch_text])
        for text in texts:
            for fragment in fragments(text):
                if fragment not in kept:
                    found.setdefault(fragment, english)
    return found


class _VisibleText(HTMLParser):
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
    HIDDEN = {"script", "style", "template"}
    OTHERS_WRITING = ("data-staff-text", "data-parent-text", "data-user-text")
    ATTRIBUTES = ("aria-label", "placeholder", "title", "alt")

    def __init__(self, language: str):
        super().__init__(convert_charrefs=True)
        self.language = language
        self.stack: list[tuple[str, bool]] = []
        self.parts: list[str] = []

    @property
    def skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        lang = attrs.get("lang")
        skip = (
            self.skipping
            or tag in self.HIDDEN
            or any(name in attrs for name in self.OTHERS_WRITING)
            or (tag != "html" and lang is not None and lang.split("-")[0] != self.language)
        )
        if not skip:
            self.parts.extend(attrs[name] for name in self.ATTRIBUTES if attrs.get(name))
        if tag not in self.VOID:
            self.stack.append((tag, skip))

    def handle_endtag(self, tag):
        # Pop to the matching element: an unclosed <p> or <li> does not leave the rest of the page skipped.
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        if not self.skipping and data.strip():
            self.parts.append(data)


def visible_text(html: str, language: str) -> str:
    parser = _VisibleText(language)
    parser.feed(html)
    parser.close()
    return " ".join(" ".join(parser.parts).split())


def leftovers(text: str, found: dict[str, str]) -> list[str]:
    """The telltale texts in `text`, as "fragment (message id)"."""
    return sorted(f"{fragment!r} (from {msgid!r})" for fragment, msgid in found.items() if fragment in text)
