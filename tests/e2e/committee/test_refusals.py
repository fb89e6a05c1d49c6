"""Every committee command refuses an attendee with the same polite text; the guarded ones
still record the attempt in the audit log."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.i18n import t
from bot.sandbox.config import EmulatorConfig, RateLimits
from bot.storage.models import AuditEntry

pytestmark = pytest.mark.e2e

COMMITTEE_COMMANDS = (
    "/inovasi", "/penilai", "/tugaskan", "/nilai", "/peringkat", "/tetapkan_juara", "/ekspor",
    "/laporan", "/audit", "/pengumuman", "/daftarpengumuman", "/muat_ulang",
    "/umumkan_pada 07/12/2022 09.00", "/batal_umumkan", "/undangan DLH", "/buka_kembali DLH",
)  # fmt: skip


@pytest.fixture
def emulator_config() -> EmulatorConfig:
    """Sixteen commands within a second or two, faster than a person: a larger per-chat burst
    keeps Telegram's flood control off the replies."""
    return EmulatorConfig(rate_limits=RateLimits(private_burst=40))


async def test_one_polite_refusal_for_every_committee_command(bot, users, emu) -> None:
    warga = await users.create("Warga")
    refusal = t("id", "committee-only")
    assert refusal == "Mohon maaf, fitur ini khusus untuk panitia."
    for command in COMMITTEE_COMMANDS:
        await warga.send(command)
        reply = await warga.expect_message()
        assert reply["html"] == refusal, command
    async with bot.runtime.sessions() as session:
        denied = await session.scalars(
            select(AuditEntry).where(
                AuditEntry.actor_id == warga.id, AuditEntry.action == "access.denied"
            )
        )
        assert len(list(denied)) == len(COMMITTEE_COMMANDS)  # every refusal is audited
    assert await emu.rejections() == []


async def test_an_unknown_word_with_markup_is_quoted_as_typed(bot, users) -> None:
    """A word the committee typed, quoted back under the default HTML parse mode: as text."""
    siti = await users.create("Siti", admin=True)
    await siti.send("/ekspor <b>a<b&c")
    reply = await siti.expect_message("tidak dikenali")
    assert "“<b>a<b&c” tidak dikenali" in reply["text"]
    await siti.send("/laporan x&y<z>")
    reply = await siti.expect_message("tidak dikenali")
    assert "“x&y<z>” tidak dikenali" in reply["text"]
