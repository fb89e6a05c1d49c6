"""The issuing job: every :data:`ISSUE_INTERVAL` seconds, the certificates due by the injected
clock are written, each with its outbox message
(:func:`bot.services.certificates.issuing.issue_due`: nothing before the event file's
``send_at``, no piagam before the winners' announcement, nothing twice).

PTB's JobQueue runs on real time: tests move ``bot.clock`` and await
:func:`issue_certificates` themselves, as they do ``process_due`` for reminders.
"""

from __future__ import annotations

import logging

from telegram.ext import Application

from bot.handlers.shared.context import BotContext, job_queue_of
from bot.runtime import application_runtime
from bot.services.certificates.issuing import IssueReport, issue_all_due

logger = logging.getLogger(__name__)

ISSUE_INTERVAL = 60.0
"""Seconds between two runs of the issuing job (certificates go out within a minute of
``send_at`` or of the winners' announcement)."""
ISSUE_JOB = "certificates:issue"
"""Name of the issuing job."""
BATCH = 100
"""Certificates written per transaction (a short transaction on SQLite; see
``bench/certificates.py``)."""


async def issue_certificates(application: Application) -> IssueReport | None:
    """Issue what is due now, :data:`BATCH` per transaction (safe to run concurrently and
    again: a batch that fails is rolled back and issued by the next run).

    Returns:
        What was issued, or None without ``PUBLIC_URL`` (a certificate's QR code must open
        its verification page).
    """
    runtime = application_runtime(application)
    public_url = runtime.settings.public_url
    if not public_url:
        return None
    report = IssueReport(issued=[], more=True)
    while report.more:  # a batch per transaction: the database is never held for long
        async with runtime.transaction() as session:
            batch = await issue_all_due(session, runtime.now(), public_url, limit=BATCH)
        report.issued += batch.issued
        report.winners_waiting, report.more = batch.winners_waiting, batch.more
    if report.issued:
        logger.info("Issued %d certificates", len(report.issued))
    return report


async def _on_interval(context: BotContext) -> None:
    try:
        await issue_certificates(context.application)
    except Exception:
        logger.exception("Issuing certificates failed; the next run tries again")


def register(application: Application) -> None:
    """Adds the issuing job (without ``PUBLIC_URL`` it is not added: nothing can be issued,
    and ``/sertifikat`` says why)."""
    if not application_runtime(application).settings.public_url:
        return
    job_queue_of(application).run_repeating(
        _on_interval, interval=ISSUE_INTERVAL, first=ISSUE_INTERVAL, name=ISSUE_JOB
    )
