# Editions: the next edition, the read-only previous edition, /arsip, returning innovations.

## Which year a text means (two editions may run at once)
edition-heading = <i>{ $name }</i>

## iga-bot event show
show-editions = Current edition: { $current }; closed (read-only): { $closed }

## A closed edition (bot/services/core/edition_guard.py)
edition-closed = Sorry, IGA { $year } is closed because the next edition has started. Its data can still be viewed, but no longer changed.
edition-button-other = Sorry, this button is for IGA { $year }, while IGA { $current } is the current edition. Nothing was changed; please send the command again.
edition-button-outdated = Sorry, this button comes from an old message and no longer applies. Nothing was changed; please send the command again.

## /arsip
command-archive = Winners of past IGA years
archive-none = The IGA archive is still empty: an edition enters it once its winners are announced.
archive-list =
    <b>IGA archive</b>
    Please choose a year to see its winners and results report:
    { $list }
archive-line = • IGA { $year }: { $name }
archive-button = 🏆 IGA { $year }
archive-bad-year = Sorry, "{ $given }" is not a year. Please write the year in digits, e.g. /archive { $year }.
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

## Returning innovations
returning-offer = Your unit entered innovations in past IGA editions. You can begin your IGA { $year } entry from one of them (the answers are copied into a new draft, the documents attached, the stage moved forward where it applies), or start a new innovation:
returning-button = ↩️ { $title } (IGA { $year })
returning-started = IGA { $new_year } draft begun from <b>{ $title }</b> (IGA { $year }). Please check every answer and complete what is missing before sending.
returning-not-offered = Sorry, that entry is not one of your unit's innovations from a past IGA.
returning-note = ↩️ This innovation returns from IGA { $year } ({ $number }: { $title }).
returning-note-won = 🏆 This innovation won { $award } at IGA { $year }.
returning-rule = ⚠️ The IGA { $year } guidelines require innovations not entered before. Please decide whether this entry can be judged.
entry-draft-closed = The draft <b>{ $name }</b> (IGA { $year }) cannot be continued because IGA { $current } has started; IGA { $year } can now only be viewed. The answers in that draft are kept.
entry-draft-closed-hint = Your message was not saved. To take part in the current IGA, please tap 📝 Submit Innovation.
