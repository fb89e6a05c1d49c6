"""Every audit action, role and kind of thing the bot writes has a label in both catalogues
(QA #20), so ``/audit`` and the workbook's audit sheet never show a raw key such as
``evidence.purge`` or "Peran committee". The names are read from the source (every
``action=``/``entity=`` literal, the refusals' roles), so a new one without a label fails."""

from __future__ import annotations

import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.i18n import LANGUAGES, MissingMessageError, plain_text
from bot.services.committee.audit_log import AuditNames, read_entry
from bot.services.core.roles import Role
from bot.services.questions.moderation import ALLOWED
from bot.storage.models import AuditEntry, SubmissionStatus

SOURCE = Path(__file__).parents[3] / "bot"
DYNAMIC = {
    'f"submission.{new.value}"': {f"submission.{status.value}" for status in SubmissionStatus},
    'f"question.{action}"': {f"question.{action}" for action in ALLOWED},
}
"""The action names built at run time, by the f-string that builds them."""


def _source() -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in SOURCE.rglob("*.py"))


def written_actions() -> set[str]:
    """Every action name the bot writes to the audit log."""
    text = _source()
    found = set(re.findall(r'\baction="([a-z_]+\.[a-z_]+)"', text))
    found |= set(re.findall(r'\baction="[a-z_.]+" if .* else "([a-z_]+\.[a-z_]+)"', text))
    found |= set(re.findall(r'_audit\(\s*session,\s*"([a-z_]+\.[a-z_]+)"', text))
    found |= set(re.findall(r'^(?:DENIED|REFUSED) = "([a-z_]+\.[a-z_]+)"', text, re.M))
    for built in re.findall(r'\baction=(f"[^"]*")', text):
        assert built in DYNAMIC, f"new run-time action name {built}: list its values in DYNAMIC"
        found |= DYNAMIC[built]
    return found


def written_roles() -> set[str]:
    """Every role a refusal can name (``access.denied``'s subject)."""
    text = _source()
    roles = {role.value for role in Role}
    roles |= set(re.findall(r'\bRequirement\(\s*"([a-z-]+)"', text))
    roles |= set(re.findall(r'\bauthorised\(.*"([a-z-]+)"\) as\b', text))
    roles |= {f"init-data:{why}" for why in re.findall(r'InitDataRefused\("([a-z-]+)"\)', text)}
    roles.add("edition-open:iga-2022")
    return roles


def written_entities() -> set[str]:
    """Every kind of thing an audit entry is about."""
    return set(re.findall(r'\bentity="([a-z_]+)"', _source()))


def test_the_source_scan_finds_the_known_names() -> None:
    known = {"evidence.purge", "review.comment", "submission.verified", "access.denied",
             "judging.refused", "results.cancel", "question.hide", "questions.open"}  # fmt: skip
    assert known <= written_actions()
    assert {"admin", "committee", "moderator", "judge-assigned", "init-data:invalid"} <= (
        written_roles()
    )
    assert {"access", "certificate", "judge_review", "question"} <= written_entities()


def _unlabelled(language: str, prefix: str, names: set[str]) -> list[str]:
    """The names that have no ``<prefix><name, dots as dashes>`` in ``language``."""
    missing = []
    for name in sorted(names):
        try:
            plain_text(language, f"{prefix}{name.replace('.', '-')}")
        except MissingMessageError:
            missing.append(name)
    return missing


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_action_has_a_label(language: str) -> None:
    missing = _unlabelled(language, "audit-action-", written_actions())
    assert not missing, f"{language}: audit actions without a label: {missing}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_entity_has_a_label(language: str) -> None:
    missing = _unlabelled(language, "audit-entity-", written_entities())
    assert not missing, f"{language}: audit entities without a label: {missing}"


def _denied(role: str) -> AuditEntry:
    return AuditEntry(action="access.denied", entity="access", entity_id=role, after={})


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_refused_role_reads_as_words(language: str) -> None:
    zone = ZoneInfo("Asia/Jakarta")
    for role in sorted(written_roles()):
        line = read_entry(language, zone, AuditNames(), _denied(role))
        assert line.action == plain_text(language, "audit-action-access-denied")
        raw = {role, f"{plain_text(language, 'audit-entity-access')} {role}"}
        assert line.subject not in raw, f"{language}: refused role {role!r} reads raw"
        if language == "id":  # the role codes are English words: none in the Indonesian text
            assert role.split(":")[0] not in line.subject, line.subject


def test_an_edition_reads_by_its_year() -> None:
    names = AuditNames(editions={1: "2022"})
    entry = AuditEntry(action="evidence.purge", entity="edition", entity_id="1", after={})
    line = read_entry("id", ZoneInfo("Asia/Jakarta"), names, entry)
    assert line.subject == "Lomba 2022"
    assert line.action == plain_text("id", "audit-action-evidence-purge")
