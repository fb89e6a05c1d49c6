# Judging: scoring (/score), ranking and results (English).

## Judging (/score)
score-header = <b>Scoring</b> — { $name }
score-progress = Progress: { $done } of { $total ->
        [one] { $total } entry
       *[other] { $total } entries
    } submitted ✅.
score-progress-unsent = ☑️ { $count ->
        [one] { $count } entry is
       *[other] { $count } entries are
    } fully scored but <b>not submitted yet</b>: open /workspace, choose the entry, then press “Submit scoring”.
score-closed = Judging is closed; scores can only be viewed.
score-submitted = 📨 You submitted this score sheet in the workspace; it is final and can only be viewed.
score-none = No entries are assigned to you yet.
score-returned = ↩️ { $number } · { $title } was returned to its unit for revision. It is still assigned to you and the scores you entered are kept; you can continue scoring once it is sent again and verified by the committee.
score-entry-line = { $mark } { $number } · { $title } ({ $scored }/{ $total })
score-entry-header =
    <b>{ $number } — { $title }</b>
    Unit: { $unit }
score-criterion-line = • { $name } ({ $weight }%): <b>{ $value }</b>
score-weighted = Your weighted score: <b>{ $value }</b>
score-not-yet = not yet
score-button-validate = Validate indicators
score-button-back = ◀ Back
score-ask-value = <b>{ $name }</b> ({ $weight }%) for { $number }: choose a score or type a number 0–100.
score-saved = Saved: { $name } = { $value }.
score-bad-number = Please type a number between 0 and 100 (e.g. 85 or 87.5).
score-button-stale = This button is no longer valid; the saved score stays { $name } = { $value }. To change it, tap the criterion on the latest scoring card (/score).
validate-header = <b>Indicator validation</b> { $number } (page { $page }/{ $pages }). Entrant's level → validated level.
validate-line = { $indicator }. { $name } (weight { $weight }): entrant { $level }, validated <b>{ $validated }</b>
validate-saved = Indicator { $indicator }: validated level { $level }.

## Ranking (/ranking) and results (/set_winners)
ranking-header = <b>Provisional ranking</b> — final score = { $judges }% judges' mean + { $self }% validated self-assessment.
ranking-line = { $rank }. { $number } · { $unit } · { $title } — <b>{ $final }</b> (judges { $mean }, self-assessment { $self }; { $count ->
        [one] { $count } judge
       *[other] { $count } judges
    })
ranking-empty = No entries have passed the administrative check yet.
ranking-judging-open = Judging is open.
ranking-judging-closed = Judging was closed on { $moment }.
ranking-button-close = 🔒 Close judging
ranking-button-reopen = 🔓 Reopen judging
ranking-button-set = 🏆 Set the winners
ranking-closed = Judging is closed. Judges can no longer change their scores.
ranking-reopened = Judging is open again.
results-confirm = Set the winners from the current ranking of the nominees? Titles: { $titles }. The results stay private until the announcement.
results-button-confirm = Yes, set them
results-done = Winners set:
results-line = { $title }: { $unit } — { $innovation }
results-private = Only the committee sees the results until they are announced.
ranking-error-open = Close judging before setting the winners: use the 🔒 Close judging button below (also under /ranking).
ranking-error-announced = The results were already announced and cannot change.
ranking-announced = The results have been announced; judging is closed and this ranking is for reading only.
ranking-closed-announced = The results have been announced, so judging is already closed; there is nothing left to close.
ranking-read-only = IGA { $year } is closed: this ranking is for reading only.
ranking-usage = Sorry, “{ $word }” is not recognised, so no ranking is shown. Usage: /ranking for the current IGA, or /ranking { $year } for a past edition.
ranking-unvalidated = ⚠️ Self-assessments the panel has not validated count 0: { $entries }. Please validate their indicators through /score before closing judging and setting the winners.
ranking-unvalidated-entry = { $number } ({ $count ->
        [one] { $count } indicator
       *[other] { $count } indicators
    })
ranking-unsent = ⚠️ { $count ->
    [one] 1 score sheet is
   *[other] { $count } score sheets are
} not yet sent by the judges: { $sheets }. Once judging is closed, the judges can no longer complete or send them.
ranking-unsent-judge = { $judge }: { $entries }
ranking-unsent-entry = { $number } ({ $scored }/{ $total } criteria)
ranking-close-ask = Close judging now anyway?
ranking-button-close-anyway = 🔒 Close judging anyway
ranking-error-no-nominees = No entry is a nominee yet.
score-input-replaced = ℹ️ The score you were about to type is no longer awaited; tap its criterion again in /score if you still want to give it.
score-input-cancelled = Cancelled; the score is unchanged.
ranking-unjudged = ⚠️ Nominees no judge has fully scored yet: { $entries }. The winners cannot be set until every nominee is scored.
ranking-error-unjudged = The winners cannot be set yet: no judge has fully scored these nominees yet: { $entries }. The winners come from the panel's scores, so an unscored entry is not ranked with 0 points. Reopen judging with the 🔓 button below so that the assigned judges (/assign) complete their scores, then close judging and set the winners.
