"""``/sertifikat`` (``/certificates``): the committee's view of the certificates.

- ``/sertifikat``: how many were issued by kind, revoked, and how their messages stand;
- ``/sertifikat KODE``: one certificate's details, with its PDF (e.g. to hand to a guest the
  committee checked in by name, who has no chat with the bot);
- ``/sertifikat nama``: the certificates whose holder's name contains it, with their codes;
- ``/sertifikat cabut KODE alasan``: revoke (the verification page then says so);
- ``/sertifikat ulang KODE [nama yang benar]``: reissue with a new code (the name corrected
  when given, kept exactly as typed), revoking the old one, sent again to the same chats.

Admins only, checked at the moment of use (refusals audited). The verbs are also understood
in English (``revoke``, ``reissue``).
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from telegram import InputFile, Update
from telegram.ext import Application, CommandHandler

from bot.handlers.shared.access import guarded
from bot.handlers.shared.commands import command_names
from bot.handlers.shared.context import BotContext
from bot.handlers.shared.text import split_text
from bot.handlers.shared.updates import message_of, user_of
from bot.i18n import format_moment, t
from bot.services.certificates.codes import normalise_code
from bot.services.certificates.issuing import (
    AlreadyReplaced,
    AlreadyRevoked,
    BadName,
    UnknownCertificate,
    certificate_events,
    certificate_pdf,
    event_zones,
    find_certificate,
    reissue,
    revoke,
    search_certificates,
    settings_of,
    summary,
    verify_url,
)
from bot.services.core.events import current_event
from bot.services.core.roles import Role
from bot.storage.models import Certificate, CertificateKind

REVOKE_VERBS = frozenset({"cabut", "revoke"})
REISSUE_VERBS = frozenset({"ulang", "reissue"})


async def _reply(update: Update, text: str) -> None:
    await message_of(update).reply_text(text, disable_web_page_preview=True)


def _parts(update: Update, count: int) -> list[str]:
    """The message's words after the command, the last of ``count`` keeping the rest of the
    text as typed (a corrected name, a reason)."""
    text = message_of(update).text or ""
    return text.split(maxsplit=count)[1:]


@guarded(Role.ADMIN)
async def certificates_command(update: Update, context: BotContext) -> None:
    """``/sertifikat [KODE | nama | cabut KODE alasan | ulang KODE [nama]]`` (admins)."""
    language = await context.language()
    words = _parts(update, 3)
    if not words:
        await _summary(update, context, language)
        return
    verb = words[0].lower()
    if verb in REVOKE_VERBS | REISSUE_VERBS:
        if len(words) < 2:
            await _reply(update, t(language, "certificates-usage"))
            return
        rest = words[2] if len(words) > 2 else ""
        if verb in REVOKE_VERBS:
            await _revoke(update, context, language, words[1], rest)
        else:
            await _reissue(update, context, language, words[1], rest or None)
        return
    text = (message_of(update).text or "").split(maxsplit=1)[1].strip()
    if normalise_code(text) is None:
        await _search(update, context, language, text)
        return
    await _details(update, context, language, text)


async def _summary(update: Update, context: BotContext, language: str) -> None:
    runtime = context.runtime
    async with runtime.sessions() as session:
        events = await certificate_events(session)
        event = events[0] if events else await current_event(session, runtime.now())
        if event is None:
            await _reply(update, t(language, "certificates-no-event"))
            return
        settings = settings_of(event)
        figures = await summary(session, event.id)
        announced = event.edition is not None and event.edition.results_announced_at is not None
    if settings is None:
        await _reply(update, t(language, "certificates-summary-off"))
        return
    zone = ZoneInfo(event.timezone)
    lines = [
        t(
            language,
            "certificates-summary",
            event=event.short_title,
            send_at=format_moment(settings.send_at, zone, language),
            participants=figures.by_kind[CertificateKind.PARTICIPANT],
            judges=figures.by_kind[CertificateKind.JUDGE],
            narasumber=figures.by_kind[CertificateKind.NARASUMBER],
            winners=figures.by_kind[CertificateKind.WINNER],
            revoked=figures.revoked,
            sent=figures.sent,
            waiting=figures.waiting,
            undelivered=figures.undelivered,
        )
    ]
    if not announced:
        lines.append(t(language, "certificates-winners-waiting"))
    if not runtime.settings.public_url:
        lines.append(t(language, "certificates-no-public-url"))
    lines.append(t(language, "certificates-usage"))
    await _reply(update, "\n\n".join(lines))


def _details_text(
    language: str, certificate: Certificate, zone: ZoneInfo, public_url: str | None
) -> str:
    revoked = certificate.revoked_at
    status = (
        t(language, "certificates-status-revoked", moment=format_moment(revoked, zone, language))
        if revoked
        else t(language, "certificates-status-valid")
    )
    role = _role(language, certificate)
    return t(
        language,
        "certificates-details",
        name=certificate.name,
        role=role,
        detail=f" — {certificate.detail}" if certificate.detail else "",
        code=certificate.code,
        revision=certificate.revision,
        status=status,
        url=verify_url(public_url, certificate.code) if public_url else "—",
    )


async def _search(update: Update, context: BotContext, language: str, text: str) -> None:
    async with context.runtime.sessions() as session:
        found = await search_certificates(session, text)
        zones = await event_zones(session, found)
    if not found:
        await _reply(update, t(language, "certificates-none-found", text=text[:300]))
        return
    lines = [t(language, "certificates-found", count=len(found), text=text[:300])]
    for certificate in found:
        zone = zones.get(certificate.event_id, context.runtime.settings.zone)
        status = (
            t(language, "certificates-status-revoked",
              moment=format_moment(certificate.revoked_at, zone, language))
            if certificate.revoked_at
            else t(language, "certificates-status-valid")
        )  # fmt: skip
        lines.append(
            t(
                language,
                "certificates-found-line",
                name=certificate.name,
                role=_role(language, certificate),
                code=certificate.code,
                status=status,
            )
        )
    for part in split_text(lines):
        await _reply(update, part)


def _role(language: str, certificate: Certificate) -> str:
    return t(
        language, f"certificates-role-{certificate.kind.value}", rank=certificate.rank_title or ""
    )


async def _details(update: Update, context: BotContext, language: str, code: str) -> None:
    runtime = context.runtime
    public_url = runtime.settings.public_url
    async with runtime.sessions() as session:
        certificate = await find_certificate(session, code)
        named = await search_certificates(session, code) if certificate is None else []
        if certificate is None:
            if named:  # a name of 16 letters and digits reads as a code too
                await _search(update, context, language, code)
            else:
                await _reply(update, t(language, "certificates-unknown", code=code[:64]))
            return
        zones = await event_zones(session, [certificate])
        zone = zones.get(certificate.event_id, runtime.settings.zone)
        document = (
            await certificate_pdf(session, certificate, public_url)
            if public_url and certificate.revoked_at is None
            else None
        )
    text = _details_text(language, certificate, zone, public_url)
    if document is None:
        await _reply(update, text)
        return
    await message_of(update).reply_document(
        InputFile(document.content, filename=document.file_name),
        caption=text,
    )


async def _revoke(
    update: Update, context: BotContext, language: str, code: str, reason: str
) -> None:
    runtime = context.runtime
    if not reason.strip():
        await _reply(update, t(language, "certificates-revoke-reason-missing", code=code[:64]))
        return
    async with runtime.transaction() as session:
        try:
            certificate = await revoke(
                session, code, actor_id=user_of(update).id, reason=reason, now=runtime.now()
            )
        except UnknownCertificate:
            await _reply(update, t(language, "certificates-unknown", code=code[:64]))
            return
        except AlreadyRevoked as exc:
            await _reply(update, t(language, "certificates-already-revoked", code=str(exc)))
            return
    await _reply(
        update, t(language, "certificates-revoked", code=certificate.code, name=certificate.name)
    )


async def _reissue(
    update: Update, context: BotContext, language: str, code: str, name: str | None
) -> None:
    runtime = context.runtime
    public_url = runtime.settings.public_url
    if not public_url:
        await _reply(update, t(language, "certificates-no-public-url"))
        return
    async with runtime.transaction() as session:
        try:
            old, new = await reissue(
                session,
                code,
                actor_id=user_of(update).id,
                now=runtime.now(),
                public_url=public_url,
                name=name,
            )
        except UnknownCertificate:
            await _reply(update, t(language, "certificates-unknown", code=code[:64]))
            return
        except AlreadyReplaced as exc:
            await _reply(
                update,
                t(language, "certificates-already-replaced", code=code[:64], newer=exc.replacement),
            )
            return
        except BadName:
            await _reply(update, t(language, "certificates-bad-name"))
            return
    key = "certificates-reissued" if new.chat_ids else "certificates-reissued-no-chat"
    await _reply(update, t(language, key, name=new.name, code=new.code, old=old.code))


def register(application: Application) -> None:
    """Adds /sertifikat (/certificates)."""
    application.add_handler(CommandHandler(command_names("sertifikat"), certificates_command))
