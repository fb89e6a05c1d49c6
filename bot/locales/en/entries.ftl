# Innovation entries: onboarding of officers, the entry form, status (English).

## Onboarding and committee commands
invite-ask-code = Please send the invite code from the committee, for example: <code>/join ABCD-EFGH</code>
invite-joined =
    Thank you, you are now an officer of <b>{ $unit }</b>.
    Tap 📝 Submit Innovation in the menu to start an entry.
invite-error-unknown = This invite code is not known. Please check the code from the committee.
invite-error-expired = This invite code has expired. Please ask the committee for a new one.
invite-error-used_up = This invite code has been used as often as allowed. Please ask the committee for a new one.
invite-error-throttled = Too many wrong codes. Please try again in { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }.
invite-switch-ask =
    Your account is already registered as an officer of <b>{ $current }</b>. This code is for <b>{ $unit }</b>.
    One Telegram account serves one unit. Do you move to <b>{ $unit }</b>? The entries and drafts of { $current } stay with { $current } and its other officers can continue them.
invite-button-switch = 🔁 Yes, move to { $unit }
invite-button-keep = ✖️ No, stay with { $current }
invite-judge-ask =
    ⚠️ You are a <b>judge</b> of this competition. An officer of a unit may not judge that unit's entries (conflict of interest): if you join <b>{ $unit }</b> as its officer, you can no longer judge the entries of { $unit }, and the committee sees it in the judges' assignments.
    Entries of { $unit } assigned to you now: { $assigned }.
    Join { $unit } as an officer anyway?
invite-button-judge-join = ✅ Yes, join { $unit } as an officer
invite-button-judge-cancel = ✖️ No, cancel
invite-judge-cancelled = All right: you were not registered as an officer; nothing was changed.
invite-switch-kept = All right, nothing was changed: you remain an officer of your current unit.
invite-switched =
    Thank you, you are now an officer of <b>{ $unit }</b> and no longer of your previous unit.
    Tap 📝 Submit Innovation in the menu to start an entry.
admin-only = This command is for the committee only.
invite-usage = Usage: <code>/invite UNIT_CODE</code>, for example <code>/invite DLH</code>.
unit-unknown = There is no unit with the code { $code }.
invite-created =
    Invite code for <b>{ $unit }</b>: <code>{ $code }</code>
    Valid for { $days ->
        [one] { $days } day
       *[other] { $days } days
    } for { $uses ->
        [one] { $uses } officer
       *[other] { $uses } officers
    }. Officers send <code>/join { $code }</code> to the bot, or open the link:
    { $link }
reopen-usage = Usage: <code>/reopen UNIT_CODE [DAYS]</code>, for example <code>/reopen DLH 3</code> (1–60 days).
reopen-done = Entries for <b>{ $unit }</b> are open again until { $moment }. { $officers ->
        [one] { $officers } officer was told
       *[other] { $officers } officers were told
    }.
reopen-officer-notice-continue = The committee reopened entries for <b>{ $unit }</b> until { $moment }. Send /resume to continue your draft.
reopen-officer-notice-new = The committee reopened entries for <b>{ $unit }</b> until { $moment }. Tap 📝 Submit Innovation in the menu to start an entry.

command-resume = Continue your entry
command-cancel = Cancel what you are filling in (an entry's draft is kept)
command-my-entries = Your unit's entries and their status
command-join = Join as an officer with an invite code

## Entering the form
entry-not-officer =
    You are not registered as an officer of a government unit yet.
    Ask the committee (Bappeda) for an invite code, then send <code>/join CODE</code>.
entry-resume = 📝 <b>{ $name }</b>
entry-choose = Choose the entry to continue, or start a new one:
entry-choose-no-new = Choose the entry to continue:
entry-resume-nothing = There is no draft in progress, so there is nothing to continue. Here are your unit's entries and their status; to start a new entry, tap ➕ below.
entry-resume-nothing-no-new = There is no draft in progress, so there is nothing to continue. Here are your unit's entries and their status.
entry-button-new = ➕ New entry ({ $unit })
entry-untitled = (untitled entry)
entry-cancelled = You left the form. Every answer given is kept as a draft (an empty form is not kept); send /resume to continue.
entry-ask-new-or-open = Your unit already has the innovations below. Tap 📄 to see one, or ➕ to start a new innovation.
entry-ask-open = Your unit already has the innovations below. Tap 📄 to see one.
entry-view-status = Status: <b>{ $status }</b> · Registration number: <b>{ $number }</b>
entry-edit-ignored = Edits of messages already sent are not applied. To change an answer, tap 📋 Summary and then ✏️ on the field.

## Questions
entry-question = <b>{ $label }</b> ({ $number } of { $total })
entry-help = <i>{ $help }</i>
entry-hint-short-text = Type your answer.
entry-hint-long-text = Type your answer, at least { $minimum } words. You may send several messages; tap ✅ Done when it is complete.
entry-hint-single-choice = Tap one of the options.
entry-hint-multiple-choice = Tap one or more options, then ✅ Done.
entry-hint-date = Type the date, for example { $example_numeric } or { $example_written }.
entry-hint-money = Type the amount in rupiah, for example IDR 10,000,000, 10 million or 1.5 billion.
entry-hint-file = Send the file as a document ({ $types }, at most { $limit } MB); several files are fine.
entry-hint-url = Send a link, for example https://youtu.be/…
entry-hint-phone = Type the phone number, for example 0812-3456-7890.
entry-current = Saved answer: { $value }
entry-long-so-far = { $words ->
        [one] { $words } word saved
       *[other] { $words } words saved
    }. Send more text, or tap ✅ Done.
entry-money-saved = Saved: <b>{ $amount ->
        [0] IDR 0 (no budget)
       *[other] IDR { $amount }
    }</b>.
entry-long-saved = { $words } { $words ->
        [one] word
       *[other] words
    } saved for <b>{ $label }</b>. Send more text, or tap ✅ Done when it is complete.
entry-words = ({ $words ->
        [one] { $words } word
       *[other] { $words } words
    })
entry-value-skipped = (skipped)
entry-value-file = file
entry-answer-from-summary = Answer saved for <b>{ $label }</b> (the question open before the summary).
entry-album-first = One file per field: the album's first file was kept; the others were not saved.
entry-button-done = ✅ Done
entry-button-clear = 🗑 Delete the text and start again
entry-button-show-text = 📄 Show the saved text
entry-clear-ask = Delete the whole text of <b>{ $label }</b> ({ $words ->
        [one] { $words } word
       *[other] { $words } words
    }) and start again? Deleted text cannot be brought back. To correct part of it, tap 📄 Show the saved text, copy it, correct it and send it again.
entry-button-clear-yes = 🗑 Yes, delete the whole text
entry-button-clear-no = ✖️ No, keep the text
entry-button-skip = ⏭ Skip
entry-button-summary = 📋 Summary
entry-button-stale = This button is no longer valid. Please answer the latest question.
entry-button-left-form = You have left this form, so this button did nothing. Send /resume to return to the last question.

## Answers that cannot be accepted
form-error-required = This field is required.
form-error-empty = The answer is empty.
form-error-too-short = The answer is too short: { $length ->
        [one] { $length } character
       *[other] { $length } characters
    }, at least { $minimum }.
form-error-too-long = The answer is too long: { $length } characters, at most { $maximum }.
form-error-too-few-words = Only { $words } of at least { $minimum } words so far. Please continue writing, then tap ✅ Done.
form-error-choice = Unknown option. Please tap one of the buttons.
form-error-date = Date not recognised. Write for example { $example_numeric }, { $example_dashed } or { $example_written }.
form-error-date-invalid = That date does not exist in the calendar (e.g. 31 February). Please check the day and the month.
form-error-future = This date has not come yet: it may not be after today ({ $today }). Write a date that has already passed.
form-error-not-before = This date may not be before { $other } ({ $other_date }).
form-error-not-after = This date may not be after { $other } ({ $other_date }).
form-error-money = Amount not recognised. Write for example IDR 10,000,000, 10 million or 1.5 billion.
form-error-money-sen = Budgets are written in whole rupiah, without cents. Write for example IDR 10,000,000.
form-error-money-too-large = This amount is over the form's limit: at most IDR { $maximum }. Please check the number of zeros.
form-error-money-too-small = IDR { $amount } is too small for a budget (at least IDR { $minimum }). Please write the full amount, for example IDR 10,000,000 or 10 million. If there is no budget, write 0.
form-error-money-too-small-guess = IDR { $amount } is too small for a budget (at least IDR { $minimum }); did you mean { $amount } { $unit ->
        [juta] million
       *[ribu] thousand
    }, that is IDR { $likely }? If so, please write the full amount: IDR { $likely }. If there is no budget, write 0.
form-error-money-sen-guess = Budgets are written in whole rupiah, without cents; did you mean { $amount } million, that is IDR { $likely }? If so, please write { $amount } million.
form-error-url = Link not recognised. Send the full address, for example https://youtu.be/…
form-error-phone = Phone number not recognised. Write for example 0812-3456-7890 or +62 812 3456 7890.
form-error-file-type = This kind of file is not accepted. Send a { $types } file.
form-error-file-size = The file is too large ({ $size } MB); the limit is { $limit } MB.
form-error-wrong-kind = This kind of answer does not fit the question.
form-error-use-buttons = Please use the buttons under the message.
form-error-at-summary = The message «{ $typed }» was not saved: no field is being asked now. To fill in or change a field, tap ✏️ with its number, then send the answer again.
form-error-photo = Please send the file as a document (📎 → File), not as a photo.
form-error-want-file = This field asks for a file. Please send it as a document.
form-error-want-text = This field asks for text. Please type your answer.
form-error-evidence-url = Send the evidence as a file (document) or a link, for example https://…
form-error-evidence = this mandatory indicator has no level or no evidence yet.

## Self-assessment
entry-level-question =
    <b>Self-assessment { $number }/{ $total }: { $name }</b> { $mandatory }
    Weight { $weight }. Evidence: { $evidence }
    Choose the level that applies:
entry-indicator-mandatory = ★ mandatory
entry-evidence-question = Send the evidence for <b>{ $name }</b> ({ $evidence }): files as documents or photos (several are fine), or a link (a video as a link).
entry-score = Score so far: <b>{ $score }</b> of { $maximum } ({ $assessed }/{ $total ->
        [one] { $total } indicator
       *[other] { $total } indicators
    } assessed, { $evidenced } with evidence).
entry-score-lacking = Mandatory indicators still without evidence: { $names }
entry-indicators = <b>Self-assessment</b> (level, evidence)
entry-indicator-line = { $number }. { $name }{ $mandatory }: { $level }, { $evidence }
entry-button-assessment = 📊 Self-assessment

## Summary, review and submit
entry-summary =
    <b>Summary: { $name }</b>
    Form fields: { $complete } of { $total } complete.
entry-summary-line = { $mark }{ $number }. { $label }: { $value }
entry-summary-problems = ⚠️ { $count ->
        [one] { $count } field marked ⚠️ must
       *[other] { $count } fields marked ⚠️ must
    } be completed before sending. Tap ✏️ with the number to fill them in.
entry-summary-assessment = <b>Self-assessment</b>: { $assessed } of { $total ->
        [one] { $total } indicator
       *[other] { $total } indicators
    } assessed, { $evidenced } with evidence. Score so far: <b>{ $score }</b> of { $maximum }.
entry-summary-lacking = ⚠️ { $count ->
        [one] { $count } mandatory indicator is
       *[other] { $count } mandatory indicators are
    } not assessed yet or lack evidence: { $names }. Tap 📊 Self-assessment to complete them (the ✏️ buttons are for the form's fields only).
entry-summary-ready = Every required field is complete. Tap ✏️ with a field's number to change it, or 📤 Check and send.
entry-button-review = 📤 Check and send
entry-review-blocked = The entry cannot be sent yet:
entry-problem = <b>{ $label }</b>:
entry-review-title = <b>Last look: { $name }</b>
entry-review-label = <b>{ $label }</b>
entry-review-assessment = level { $level } ({ $description }); evidence: { $evidence }
entry-review-assessment-title = <b>Self-assessment</b>
entry-review-validated = validated at level { $level }
entry-review-not-validated = not yet validated by the panel
entry-review-confirm = If everything is right, tap ✅ Send now. Once sent, the entry cannot be changed unless the committee returns it for revision.
entry-button-confirm = ✅ Send now
entry-receipt =
    ✅ <b>Entry sent.</b>
    { $name }
    Government unit: { $unit }
    Registration number: <b>{ $number }</b>
    Time: { $moment }
    Keep this number. See the status with /my_entries.
entry-already-submitted = The entry { $name } was already sent with the number <b>{ $number }</b>.
entry-committee-new = 📥 New entry: <b>{ $number }</b> { $name } from { $unit }.
entry-committee-button-open = 📂 Open the innovation
entry-committee-resubmitted = 🔁 Entry resubmitted after revision: <b>{ $number }</b> { $name } from { $unit }.
entry-returned-note = Committee's note:

## Status
entry-list = <b>Your unit's entries</b>
entry-list-action-open = ✏️ continue or revise
entry-list-action-withdraw = ↩️ withdraw an entry (before the deadline)
entry-list-empty = Your unit has no entries yet. Tap the button below to start.
entry-list-item =
    <b>{ $name }</b> · { $number }
    Status: { $status }
entry-submitted-at = Sent: { $moment }
entry-status-draft = draft
entry-status-submitted = submitted
entry-status-returned = returned for revision
entry-status-verified = verified
entry-status-rejected = not eligible
entry-status-nominee = nominee
entry-status-winner = winner
entry-status-winner-rank = winner ({ $rank })
entry-status-not_selected = not selected
entry-status-withdrawn = withdrawn
entry-status-changed = The status of <b>{ $name }</b> ({ $number }) is now: <b>{ $status }</b>.{ $note }
entry-withdraw-ask = Withdraw <b>{ $name }</b>? A withdrawn entry is not judged and cannot be sent again.
entry-button-withdraw-yes = ↩️ Yes, withdraw it
entry-button-withdraw-no = ✖️ Cancel, keep it
entry-withdraw-kept = All right, the entry { $name } is not withdrawn; nothing was changed.
entry-withdrawn = The entry { $name } was withdrawn.

## Refusals
entry-error-not_officer = You are not an officer of this unit.
entry-error-not_found = Entry not found, or you are not an officer of its unit.
entry-error-not_yet_open = Entries for IGA { $year } are not open yet; they open { $moment }.
entry-error-closed = Entries for IGA { $year } closed on { $moment }. Contact the committee if your unit needs more time.
entry-error-not_editable = This entry can no longer be changed (status: { $status }).
entry-error-incomplete = The entry is not complete.
entry-form-paused = ℹ️ The entry form is paused; every answer is kept. Send /resume to continue.
