"""The workspace's pages and actions through the bot's web application: the committee
returns an entry with a note (the officer gets the chat's notice), assigns judges under the
conflict rule, reads every answer in full and the entry's files; a judge scores, comments,
validates and submits, and the ranking shows it."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select, update

from bot.storage.models import (
    Answer,
    Attachment,
    FileState,
    Indicator,
    JudgeReview,
    Score,
    SelfAssessment,
    Submission,
)
from tests.e2e.workspace.helpers import S, assignments, auth, make_world
from tests.factories import edition, make_judge

pytestmark = pytest.mark.e2e

CRITERIA = ("kebaharuan", "kemanfaatan", "kewenangan-kolaborasi", "replikasi-aplikatif",
            "kualitas-penyajian")  # fmt: skip


async def status_of(bot, entry: int):
    async with bot.runtime.sessions() as session:
        return await session.scalar(select(Submission.status).where(Submission.id == entry))


async def test_admin_returns_an_entry_with_a_note_and_the_officer_is_told(bot, users, web) -> None:
    world = await make_world(bot, users)
    headers = auth(world.admin.id)
    path = f"/app/api/entry/{world.entry}/status"
    refused = await web.post(path, json={"action": "return", "note": "  "}, headers=headers)
    assert refused.status == 422
    assert "catatan" in (await refused.json())["message"]
    assert await status_of(bot, world.entry) is S.VERIFIED
    response = await web.post(
        path, json={"action": "return", "note": "Lengkapi SK tim inovasi."}, headers=headers
    )
    assert response.status == 200, await response.text()
    assert (await response.json())["ok"]
    assert await status_of(bot, world.entry) is S.RETURNED
    notice = await world.officer.expect_message("dikembalikan untuk perbaikan")
    assert "Lengkapi SK tim inovasi." in notice["text"]
    await world.admin.send("/start")  # the bot learns the admin's name from a message
    await world.admin.expect_message()
    page = await (await web.get(f"/app/f/entry/{world.entry}", headers=headers)).text()
    history = page[page.index('class="history"') :]
    # read as people read it: the status as a label, the admin by name, never audit codes
    assert "Dikembalikan untuk perbaikan · Rahmat — Lengkapi SK tim inovasi." in history
    assert "submission." not in history and str(world.admin.id) not in history
    again = await web.post(path, json={"action": "verify"}, headers=headers)
    assert again.status == 409  # returned → verified is not a transition


async def test_entries_counts_filters_and_search(bot, users, web) -> None:
    world = await make_world(bot, users)
    headers = auth(world.admin.id)
    page = await (await web.get("/app/f/entries", headers=headers)).text()
    assert "SI-ANTRE Dinsos" in page and "Bank Sampah" in page
    assert re.search(r"Lolos verifikasi administrasi <b>1</b>", page)
    only = await (await web.get("/app/f/entries?status=submitted", headers=headers)).text()
    assert "Bank Sampah" in only and "SI-ANTRE Dinsos" not in only
    found = await (await web.get("/app/f/entries?q=antre", headers=headers)).text()
    assert "SI-ANTRE Dinsos" in found and "Bank Sampah" not in found
    staged = await (await web.get("/app/f/entries?stage=inisiatif", headers=headers)).text()
    assert "SI-ANTRE Dinsos" not in staged  # the factory's entries are at "penerapan"


async def test_every_answer_in_full_and_the_files_with_their_type(bot, users, web) -> None:
    world = await make_world(bot, users)
    long = ("Rancang bangun inovasi. " * 500)[:10_000]
    async with bot.runtime.transaction() as session:
        await session.execute(
            update(Answer)
            .where(Answer.submission_id == world.entry, Answer.field_key == "rancang_bangun")
            .values(value=long)
        )
    for user in (world.admin, world.judge):
        path = (
            f"/app/f/entry/{world.entry}" if user is world.admin else f"/app/f/score/{world.entry}"
        )
        page = await (await web.get(path, headers=auth(user.id))).text()
        assert long.strip() in page
        assert "Penilaian mandiri" in page and "Regulasi inovasi daerah" in page
        file_id = re.search(r'data-file="(\d+)" data-name="anggaran.pdf"', page).group(1)
        assert "(0 KB)" not in page  # a small file's size in bytes, not rounded to nothing
        assert re.search(r"anggaran\.pdf</a> <small>\(\d+ B\)</small>", page)
        response = await web.get(f"/app/file/{file_id}?download=1", headers=auth(user.id))
        assert response.status == 200
        assert response.headers["Content-Type"] == "application/pdf"
        assert 'attachment; filename="anggaran.pdf"' in response.headers["Content-Disposition"]
        assert (await response.read()).startswith(b"%PDF-1.4")


async def test_assigning_judges_keeps_the_conflict_rule(bot, users, web) -> None:
    world = await make_world(bot, users)
    async with bot.runtime.transaction() as session:
        ed = await edition(session)
        insider = await make_judge(session, ed, 777_001, "Orang Dinsos", "DINSOS")
        outsider = await make_judge(session, ed, 777_002, "Penilai Luar")
    response = await web.post(
        f"/app/api/entry/{world.entry}/judges",
        json={"judge_ids": [insider.id, outsider.id]},
        headers=auth(world.admin.id),
    )
    body = await response.json()
    assert body["ok"] and body["conflicts"] == 1
    assert await assignments(bot) == [(outsider.id, world.entry)]  # Dewi removed, insider refused


async def test_judge_scores_validates_comments_and_submits(bot, users, web) -> None:
    world = await make_world(bot, users)
    headers = auth(world.judge.id)
    base = f"/app/api/score/{world.entry}"
    early = await web.post(f"{base}/submit", json={}, headers=headers)
    assert early.status == 409 and "belum dinilai" in (await early.json())["message"]
    for index, key in enumerate(CRITERIA):
        response = await web.put(
            f"{base}/criterion", json={"criterion": key, "value": 80 + index}, headers=headers
        )
        assert (await response.json())["complete"] is (index == len(CRITERIA) - 1)
    out = await web.put(
        f"{base}/criterion", json={"criterion": CRITERIA[0], "value": 101}, headers=headers
    )
    assert out.status == 409
    async with bot.runtime.sessions() as session:
        indicator = await session.scalar(
            select(SelfAssessment.indicator_id).where(SelfAssessment.submission_id == world.entry)
        )
    await web.put(f"{base}/level", json={"indicator_id": indicator, "level": 3}, headers=headers)
    await web.put(f"{base}/comment", json={"comment": "Dampak jelas."}, headers=headers)
    page = await (await web.get(f"/app/f/score/{world.entry}", headers=headers)).text()
    assert 'value="84"' in page and "Dampak jelas." in page
    submitted = await web.post(f"{base}/submit", json={}, headers=headers)
    assert (await submitted.json())["ok"]
    late = await web.put(
        f"{base}/criterion", json={"criterion": CRITERIA[0], "value": 10}, headers=headers
    )
    assert late.status == 409
    async with bot.runtime.sessions() as session:
        scores = dict((await session.execute(select(Score.criterion_key, Score.value))).all())
        review = await session.scalar(select(JudgeReview))
    assert scores[CRITERIA[0]] == 80 and review.submitted_at is not None
    ranking = await (await web.get("/app/f/ranking", headers=auth(world.admin.id))).text()
    # weighted: (30×80 + 25×81 + 15×82 + 20×83 + 10×84) / 100 = 81,55
    assert '<td class="n" data-label="Penilai">81,55</td>' in ranking
    assert "indikator belum divalidasi" in ranking
    progress = await (await web.get("/app/f/progress", headers=auth(world.admin.id))).text()
    assert "Dewi Lestari" in progress and "1 dari 1 selesai" in progress


async def test_files_come_from_the_file_store_once_kept(bot, users, web, emu) -> None:
    """After the download job kept the bytes, the workspace serves them from the store, even
    when Telegram no longer has the file."""
    from tests.e2e.conftest import wait_until

    world = await make_world(bot, users)
    async with bot.runtime.sessions() as session:
        attachment = await session.scalar(
            select(Attachment).where(Attachment.submission_id == world.entry).limit(1)
        )

    async def stored() -> bool:
        async with bot.runtime.sessions() as session:
            row = await session.get(Attachment, attachment.id)
            return row.state == FileState.STORED

    await wait_until(stored, timeout=30, interval=0.1)
    assert await emu.forget_files() > 0
    response = await web.get(f"/app/file/{attachment.id}", headers=auth(world.judge.id))
    assert response.status == 200
    assert response.headers["Content-Disposition"].startswith("inline;")
    assert (await response.read()).startswith(b"%PDF-1.4")


async def test_pages_in_the_users_language(bot, users, web) -> None:
    """English from Telegram's language_code (until the user chooses one with /bahasa);
    numbers and dates as each language writes them."""
    world = await make_world(bot, users)
    english = await (
        await web.get("/app/f/entries", headers=auth(world.admin.id, language="en"))
    ).text()
    assert "Entries received" in english
    indonesian = await (
        await web.get(f"/app/f/entry/{world.entry}", headers=auth(world.admin.id))
    ).text()
    assert "Kamis, 20 Oktober 2022, pukul 10.00 WIB" in indonesian
    english_entry = await (
        await web.get(f"/app/f/entry/{world.entry}", headers=auth(world.admin.id, language="en"))
    ).text()
    assert "Thursday, 20 October 2022, 10:00 WIB" in english_entry


async def test_a_sheet_is_not_submitted_while_the_page_shows_other_scores(
    bot,
    users,
    web,
) -> None:
    """QA #9: the page sends what its fields show; a text that is not a score, or a number
    other than the stored one, refuses the submit, so older saved values never go unseen."""
    world = await make_world(bot, users)
    headers = auth(world.judge.id)
    base = f"/app/api/score/{world.entry}"
    for key in CRITERIA:
        await web.put(f"{base}/criterion", json={"criterion": key, "value": 80}, headers=headers)
    shown: dict[str, object] = dict.fromkeys(CRITERIA, 80)
    for wrong in ("abc", 101, "", None):
        refused = await web.post(
            f"{base}/submit", json={"scores": {**shown, CRITERIA[1]: wrong}}, headers=headers
        )
        assert refused.status == 409
        assert "belum tersimpan" in (await refused.json())["message"]
    async with bot.runtime.sessions() as session:
        assert (await session.scalar(select(JudgeReview.submitted_at))) is None
    submitted = await web.post(f"{base}/submit", json={"scores": shown}, headers=headers)
    assert (await submitted.json())["ok"]


async def test_the_history_names_what_changed_once_per_change(bot, users, web) -> None:
    """QA #28: forty rows "Validasi penilaian mandiri · Dewi Lestari", one per indicator and
    save, all alike. A save that changes nothing writes no row, and each row names the
    indicator and level (or the criterion and score)."""
    world = await make_world(bot, users)
    headers = auth(world.judge.id)
    base = f"/app/api/score/{world.entry}"
    async with bot.runtime.sessions() as session:
        indicator = await session.scalar(
            select(Indicator)
            .join(SelfAssessment, SelfAssessment.indicator_id == Indicator.id)
            .where(SelfAssessment.submission_id == world.entry)
            .order_by(Indicator.number)
        )
    for level in (3, 3, 3, 2):  # the page sends the same level again on each change event
        saved = await web.put(
            f"{base}/level", json={"indicator_id": indicator.id, "level": level}, headers=headers
        )
        assert (await saved.json())["ok"]
    for value in (80, 80, 85):
        await web.put(
            f"{base}/criterion", json={"criterion": CRITERIA[0], "value": value}, headers=headers
        )
    for comment in ("Bagus.", "Bagus."):
        await web.put(f"{base}/comment", json={"comment": comment}, headers=headers)
    page = await (await web.get(f"/app/f/entry/{world.entry}", headers=auth(world.admin.id))).text()
    history = page[page.index('<ol class="history">') :]
    history = history[: history.index("</ol>")]
    rows = re.findall(r"<li>(.*?)</li>", history, re.S)
    validations = [row for row in rows if "Validasi penilaian mandiri" in row]
    name = f"{indicator.number}. {indicator.name}"
    assert len(validations) == 2
    assert f"{name} → level 2" in validations[0] and f"{name} → level 3" in validations[1]
    scores = [row for row in rows if "Nilai kriteria diisi" in row]
    assert len(scores) == 2
    assert "Kebaharuan → 85" in scores[0] and "Kebaharuan → 80" in scores[1]
    assert sum("Catatan penilai disimpan" in row for row in rows) == 1
