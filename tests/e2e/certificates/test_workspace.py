"""The committee's certificates page in the workspace: figures and the list, search by name
or code, revoke (a reason needed) and reissue (a new code sent again); anyone else is refused
(403, audited) and nothing changes."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from bot.handlers.certificates.issuing import issue_certificates
from bot.storage.models import Certificate
from tests.e2e.certificates.helpers import SEND_AT, checked_in, started
from tests.e2e.helpers.committee import denied_count
from tests.e2e.workspace.helpers import auth

pytestmark = pytest.mark.e2e


async def _certificate(bot: Any, code: str) -> Certificate:
    async with bot.runtime.sessions() as session:
        return await session.scalar(select(Certificate).where(Certificate.code == code))


async def test_the_committee_finds_revokes_and_reissues(bot, users, web) -> None:
    admin = await started(users, "Rahmat", admin=True)
    siti = await started(users, "Siti")
    await checked_in(bot, "Siti Aminah <b>😀</b>", siti.id, jabatan="Kasubag Program")
    await checked_in(bot, "Budi Santoso", None)
    bot.clock.set(SEND_AT)
    issued = {c.name: c.code for c in (await issue_certificates(bot.application)).issued}
    siti_code = issued["Siti Aminah <b>😀</b>"]
    await siti.expect_message("Sertifikat peserta", timeout=15)

    page = await web.get("/app/f/certificates", headers=auth(admin.id))
    assert page.status == 200
    html = await page.text()
    assert "Siti Aminah &lt;b&gt;😀&lt;/b&gt;" in html and "<b>😀</b>" not in html  # escaped
    assert siti_code in html and issued["Budi Santoso"] in html

    found = await web.get("/app/f/certificates?q=budi", headers=auth(admin.id))
    html = await found.text()
    assert issued["Budi Santoso"] in html and siti_code not in html
    by_code = await web.get(f"/app/f/certificates?q={siti_code.lower()}", headers=auth(admin.id))
    assert siti_code in await by_code.text()

    revoke = f"/app/api/certificate/{issued['Budi Santoso']}/revoke"
    refused = await web.post(revoke, json={"reason": " "}, headers=auth(admin.id))
    assert refused.status == 422 and "alasan" in (await refused.json())["message"]
    assert (await _certificate(bot, issued["Budi Santoso"])).revoked_at is None
    done = await web.post(revoke, json={"reason": "salah nama"}, headers=auth(admin.id))
    assert done.status == 200 and "dicabut" in (await done.json())["message"]
    assert (await _certificate(bot, issued["Budi Santoso"])).revoke_reason == "salah nama"
    again = await web.post(revoke, json={"reason": "lagi"}, headers=auth(admin.id))
    assert again.status == 409

    reissue = f"/app/api/certificate/{siti_code}/reissue"
    too_long = await web.post(reissue, json={"name": "x" * 301}, headers=auth(admin.id))
    assert too_long.status == 422
    answer = await web.post(reissue, json={"name": "Siti Aminah, S.E."}, headers=auth(admin.id))
    body = await answer.json()
    assert answer.status == 200 and body["ok"]
    assert (await _certificate(bot, body["code"])).name == "Siti Aminah, S.E."
    await siti.expect_message(body["code"], timeout=15)  # sent again to her chat
    unknown = await web.post(
        "/app/api/certificate/ZZZZ-ZZZZ-ZZZZ-ZZZZ/revoke", json={"reason": "x"},
        headers=auth(admin.id),
    )  # fmt: skip
    assert unknown.status == 404


async def test_anyone_else_is_refused_and_audited(bot, users, web) -> None:
    siti = await started(users, "Siti")
    await checked_in(bot, "Siti Aminah", siti.id)
    bot.clock.set(SEND_AT)
    [certificate] = (await issue_certificates(bot.application)).issued
    before = await denied_count(bot.runtime)
    page = await web.get("/app/f/certificates", headers=auth(siti.id))
    assert page.status == 403
    revoke = await web.post(
        f"/app/api/certificate/{certificate.code}/revoke", json={"reason": "x"},
        headers=auth(siti.id),
    )  # fmt: skip
    assert revoke.status == 403
    unsigned = await web.get("/app/f/certificates")
    assert unsigned.status == 401
    assert await denied_count(bot.runtime) >= before + 2
    assert (await _certificate(bot, certificate.code)).revoked_at is None
