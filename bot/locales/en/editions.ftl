# Editions: the next edition, the read-only previous edition, /arsip, returning innovations.

## A closed edition (bot/services/core/edition_guard.py)
edition-closed = Sorry, IGA { $year } is closed because the next edition has started. Its data can still be viewed, but no longer changed.

## /arsip
command-archive = Winners of past IGA years
archive-none = The archive holds no past IGA edition yet.
archive-list =
    <b>IGA archive</b>
    Please choose a year to see its winners and results report:
    { $list }
archive-line = • IGA { $year }: { $name }
archive-button = 🏆 IGA { $year }
archive-bad-year = Sorry, "{ $given }" is not a year. Please write the year in digits, e.g. /archive 2022.
archive-unknown-year = Sorry, the archive has no IGA { $year } edition.
archive-pending = The results of IGA { $year } have not been announced yet. Please come back after the winners' announcement.
archive-admin-preview = <i>Committee preview: the results of IGA { $year } are not announced yet.</i>
archive-winners =
    <b>Winners of IGA { $year }</b>
    { $name }

    { $list }
archive-winner-line = <b>{ $title }</b>: { $unit } — { $innovation }
archive-no-winners = IGA { $year } recorded no winners.
archive-report-caption = { $title }
