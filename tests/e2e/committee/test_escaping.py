"""What the committee reads when a command repeats what they typed (QA #21, #21b): an
apostrophe or '&' in a name or a word is shown as typed, not escaped twice ("Ma&#x27;ruf
&amp; Rekan"): catalogue arguments are escaped once and sent as HTML."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.e2e


async def test_typed_words_read_as_typed(bot, users) -> None:
    rahmat = await users.create("Rahmat", admin=True)

    await rahmat.send("/penilai tambah 12346 - Drs. Ma'ruf & Rekan")
    added = await rahmat.expect_message("ditambahkan")
    assert added["text"] == "Penilai Drs. Ma'ruf & Rekan ditambahkan."

    await rahmat.send("/laporan Ma'ruf&<b>")
    usage = await rahmat.expect_message("tidak dikenali")
    assert usage["text"].startswith("Mohon maaf, “Ma'ruf&<b>” tidak dikenali,"), usage["text"]
