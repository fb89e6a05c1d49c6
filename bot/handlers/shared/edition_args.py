"""A year as a committee command's last word opens that edition (issue 19: ``/ekspor 2022``,
``/laporan 2022``, ``/inovasi 2022``, ``/peringkat 2022``); a closed edition is shown for
reading only."""

from __future__ import annotations

import re
from dataclasses import replace

from telegram import Update

from bot.handlers.shared.access import Access
from bot.handlers.shared.updates import message_of
from bot.services.editions.archive import edition_of_year


async def edition_asked(
    update: Update, access: Access, args: list[str]
) -> tuple[Access | None, list[str]]:
    """The access with the edition a trailing four-digit year asks for, and the other words;
    None (the user answered "no IGA 2019 in the archive") for a year no edition has."""
    if not args or not re.fullmatch(r"\d{4}", args[-1]):
        return access, args
    edition = await edition_of_year(access.session, int(args[-1]))
    if edition is None:
        await message_of(update).reply_text(access.t("archive-unknown-year", year=args[-1]))
        return None, args
    return replace(access, edition=edition), args[:-1]


def read_only(access: Access) -> bool:
    """Whether the access's edition is closed (a later one was imported): shown, not acted on."""
    return access.edition.closed_at is not None
