"""What changed between two versions, word by word: a list of (kind, text) parts the template marks up."""

import datetime

from agreements.diff import ADDED, REMOVED, SAME, text_changed, version_changes, word_diff
from agreements.models import AgreementVersion


def test_added_and_removed_words_are_marked_and_the_rest_kept():
    parts = word_diff("Noah eet 's ochtends een stuk fruit mee.", "Noah eet 's ochtends en 's middags een stuk fruit.")
    # Words are compared whole: "fruit." is another word than "fruit".
    assert parts == [
        (SAME, "Noah eet 's ochtends "),
        (ADDED, "en 's middags"),
        (SAME, " een stuk "),
        (REMOVED, "fruit mee."),
        (SAME, " "),
        (ADDED, "fruit."),
    ]


def test_the_new_text_reads_whole_without_the_removed_words():
    old, new = (
        "Wij lezen elke dag voor.\nDe ouders brengen een boek.",
        "Wij lezen twee keer per dag voor.\nDe ouders brengen een boek mee.",
    )
    parts = word_diff(old, new)
    # A replaced word gets a space between the old and the new word; HTML shows two spaces as one.
    new_read = "".join(text for kind, text in parts if kind != REMOVED)
    assert new_read.split() == new.split() and new_read.count("\n") == 1
    assert "".join(text for kind, text in parts if kind != ADDED).split() == old.split()


def test_a_replaced_word_stays_apart_from_the_word_that_replaced_it():
    assert word_diff("een twee drie", "een vier drie") == [
        (SAME, "een "),
        (REMOVED, "twee"),
        (SAME, " "),
        (ADDED, "vier"),
        (SAME, " drie"),
    ]


def test_white_space_alone_is_not_a_change():
    parts = word_diff("Samen  fruit eten", "Samen fruit\neten")
    assert [kind for kind, _text in parts] == [SAME]


def test_text_is_kept_as_it_was_written_markup_included():
    # Escaping is the template's job: the parts hold the text exactly as typed.
    parts = word_diff("Goed", "Goed <b>heel</b> goed")
    assert (ADDED, "<b>heel</b> goed") in parts


def test_empty_texts():
    assert word_diff("", "") == []
    assert word_diff("", "Nieuw") == [(ADDED, "Nieuw")]
    assert word_diff("Weg", "") == [(REMOVED, "Weg")]


def _version(**fields):
    values = dict.fromkeys(AgreementVersion.CONTENT_FIELDS, "")
    values["evaluation_on"] = datetime.date(2026, 3, 1)
    values.update(fields)
    return AgreementVersion(**values)


def test_every_part_of_the_new_version_and_a_dropped_part_and_the_date_are_compared():
    old = _version(goal="Rustig slapen", parents_do="Knuffel meegeven")
    new = _version(goal="Rustig slapen", staff_do="Ritueel volgen", evaluation_on=datetime.date(2026, 4, 1))
    changes = {str(change.label): change for change in version_changes(old, new)}
    assert set(changes) == {
        str(AgreementVersion._meta.get_field(name).verbose_name)
        for name in ("goal", "parents_do", "staff_do", "evaluation_on")
    }
    assert not changes[str(AgreementVersion._meta.get_field("goal").verbose_name)].changed
    assert changes[str(AgreementVersion._meta.get_field("parents_do").verbose_name)].parts == [
        (REMOVED, "Knuffel meegeven")
    ]
    assert changes[str(AgreementVersion._meta.get_field("staff_do").verbose_name)].parts == [(ADDED, "Ritueel volgen")]
    assert text_changed(list(changes.values()))
    assert not text_changed(version_changes(old, old))
