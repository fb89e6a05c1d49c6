"""The seed event file marks every value its source does not give as an example.

The source is Bappeda Kota Blitar's report of the day (shared/seed/iga-blitar-2022.txt). A
value is marked by ``example: true`` / ``example_time: true`` or by a comment with "example"
on its own line or on the line of an enclosing key (the file's header says so), so an
operator knows what to replace.
"""

from __future__ import annotations

import pytest
import yaml

from tests.conftest import EVENT_FILE

TEXT = EVENT_FILE.read_text(encoding="utf-8")
LINES = TEXT.splitlines()
TREE = yaml.compose(TEXT)

INVENTED = [
    "edition.final_score.judges",
    "edition.final_score.self_assessment",
    "edition.final_score.tie_break",
    "event.reminders",
    "event.star_reminder_minutes",
    "event.agenda.registrasi.title",
    "event.agenda.registrasi.room",
    "event.agenda.pembukaan.title",
    "event.agenda.materi-kemendagri.title",
    "event.agenda.materi-bappeda-jatim.title",
    "event.agenda.materi-balitbang-jatim.title",
    "event.agenda.ishoma.title",
    "event.agenda.penutupan.title",
    "event.agenda.penganugerahan-iga.start",
    "edition.form.rancang_bangun.min_words",
    "edition.form.tujuan.min_words",
    "edition.form.nama.max_length",
    "edition.form.anggaran.max_size_mb",
    "edition.form.anggaran_nilai.max_rupiah",
    "edition.form.anggaran_nilai.min_rupiah",
    "edition.entries_open",
    "edition.results_announce_at",
    "edition.deadline_reminder_days",
    "edition.number_prefix",
    "event.venue.latitude",
]
"""Values the source does not give (dotted paths; a list item is named by its ``key``)."""


def _child(node: yaml.Node, name: str) -> tuple[yaml.Node, yaml.Node]:
    """The (key, value) nodes of ``name`` in a mapping, or of the list item whose key is it."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == name:
                return key, value
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            for key, value in item.value:
                if key.value == "key" and value.value == name:
                    return key, item
    raise KeyError(name)


def _marked(path: str) -> bool:
    """True when the value's line, or the line of a key enclosing it, says it is an example
    (a comment, or an ``example``/``example_time`` flag in the same mapping)."""
    node = TREE
    lines = []
    for name in path.split("."):
        key, node = _child(node, name)
        lines.append(key.start_mark.line)
        if isinstance(node, yaml.MappingNode):
            flags = {k.value: v.value for k, v in node.value if isinstance(v, yaml.ScalarNode)}
            if name in ("venue",) and flags.get("example") == "true":
                return True
            if path.endswith((".start", ".end")) and flags.get("example_time") == "true":
                return True
    lines.append(node.start_mark.line)
    return any("example" in LINES[line].partition("#")[2].lower() for line in set(lines))


@pytest.mark.parametrize("path", INVENTED)
def test_a_value_not_in_the_source_is_marked_as_an_example(path: str) -> None:
    assert _marked(path), f"{path} is not marked as an example in {EVENT_FILE.name}"


def test_values_from_the_source_are_not_marked() -> None:
    """The marking means something: the source's own facts carry none."""
    for path in ("event.date", "edition.results", "event.agenda.penganugerahan-iga.title"):
        assert not _marked(path), path
