# Committee tools: roles, entries, judges and assignments, exports, report, audit (English).

## Roles and refusals
access-denied-short = No access.
no-edition = No competition is loaded yet. Please import the event file first.

## Commands (Telegram menu)
command-entries = Entries (committee)
command-judges = Judging panel (committee)
command-assign = Assign judges (committee)
command-score = Scoring (judges)
command-ranking = Ranking (committee)
command-set-winners = Set the winners (committee)
command-export = Download the spreadsheets (committee)
command-report = IGA results report (committee)
command-audit = Audit log (committee)
command-announce-at = Schedule the winners' announcement (committee)
command-cancel-announcement = Cancel the scheduled winners' announcement (committee)
command-broadcast = Send an announcement (committee)
command-broadcasts = Sent and scheduled announcements (committee)
command-invite = Create an officer invite code (committee)
command-reopen = Reopen entries for one unit (committee)
command-reload = Reload the event file (committee)

## Statuses
status-draft = Draft
status-submitted = Submitted
status-returned = Returned for revision
status-verified = Passed the administrative check
status-rejected = Rejected
status-nominee = Nominee
status-winner = Winner
status-not_selected = Not selected
status-withdrawn = Withdrawn

## Entries (/entries)
entries-header = <b>Entries</b> ({ $count }) — status: { $status }, unit: { $unit }
entries-page = Page { $page } of { $pages }
entries-empty = No entries match this filter.
entries-line = { $number } · { $unit } · { $title } — <i>{ $status }</i>
entries-filter-all = all
entries-button-status = Filter by status
entries-button-unit = Filter by unit
entries-button-all = All
entries-button-prev = ◀ Previous
entries-button-next = Next ▶
entries-choose-status = Choose a status:
entries-choose-unit = Choose a unit:
entries-read-only = IGA { $year } is closed: this list is for reading only, with no action buttons. Each entry's details and files: /export { $year } and /report { $year }.
entries-usage = Sorry, “{ $word }” is not recognised, so no list is shown. Usage: /entries [status] [unit code] [year], for example /entries submitted DLH or /entries { $year }. Statuses: { $statuses }. Unit codes: { $codes }.
entry-not-found = Entry not found.
entry-detail-header =
    <b>{ $number } — { $title }</b>
    Unit: { $unit }
    Submitted: { $submitted }
entry-detail-note = Committee's note: { $note }
entry-card =
    <b>{ $number }</b> · { $title }
    Status: <b>{ $status }</b>
entry-button-files = 📎 Files ({ $count })
entry-evidence-label = Evidence for indicator { $name }
entry-attachment-caption = { $number } · { $label }
entry-files-unavailable = These files cannot be sent yet (not stored yet, or deleted): { $names }
entry-button-verify = ✅ Verify
entry-button-return = ↩️ Return
entry-button-reject = ⛔ Reject
entry-button-nominee = ⭐ Nominate
entry-ask-note-return = Please write the revision note for { $number } (sent to the unit's officers), or tap Cancel.
entry-ask-note-reject = Please write the reason for rejecting { $number } (sent to the unit's officers), or tap Cancel.
entry-button-cancel = ✖️ Cancel
entry-note-cancelled = Cancelled; the status is unchanged.
entry-note-too-long = The note is too long ({ $length } characters; at most { $limit }). Please shorten it.
entry-action-done = { $number }: the status is now <b>{ $status }</b>. { $officers ->
        [one] { $officers } officer notified
       *[other] { $officers } officers notified
    }.
entry-action-not-allowed = { $number } is <b>{ $status }</b>; this action is not possible.
officer-notice-verified = Your innovation <b>{ $title }</b> ({ $number }) has passed the administrative check. Thank you.
officer-notice-returned =
    Your innovation <b>{ $title }</b> ({ $number }) was returned for revision.
    Committee's note: { $note }
    Please revise it and submit it again: tap the button below, or open /my_entries.
officer-notice-rejected =
    We are sorry: your innovation <b>{ $title }</b> ({ $number }) cannot be accepted.
    Reason: { $note }
officer-notice-nominee = Congratulations, your innovation <b>{ $title }</b> ({ $number }) is a nominee. The committee will contact you about the presentation.
officer-notice-button-revise = ✏️ Revise the innovation

## Judges (/judges) and assignments (/assign)
judges-header = <b>Judging panel</b> ({ $count })
judges-line = • { $name } — ID { $user }{ $unit }
judges-unit = , { $unit }
judges-empty = No judges yet.
judges-usage =
    To add a judge: <code>/judges add TELEGRAM_ID UNIT_CODE|- Name</code>
    e.g. <code>/judges add 123456789 BAPPEDA Dr. Ani Suryani</code>
judges-added = Judge { $name } added.
judges-removed = Judge removed.
judges-button-remove = Remove { $name }
judging-error-bad-name = A judge's name must be 1–200 characters.
judging-error-unknown-unit = Unknown unit code.
judging-error-closed = The committee has closed judging; changes cannot be saved.
judging-error-announced = The results have been announced; scores can no longer be changed.
judging-error-not-assigned = This entry is not assigned to you.
judging-error-not-judgeable = This entry is no longer judged because its status changed (for example rejected by the committee, withdrawn or returned for revision); the change was not saved.
judging-error-sheet-submitted = The judge has submitted the score sheet of this entry, so the assignment stays. If need be, reopen that sheet first in the Workspace › Judging progress.
judging-error-conflict = The judge belongs to this entrant's unit (or serves it as an officer, or created this entry) and cannot judge it.
judging-error-unknown-criterion = Unknown criterion.
judging-error-out-of-range = A score must be between 0 and 100.
judging-error-bad-level = The level must be 1, 2 or 3.
judging-error-unknown-indicator = Unknown indicator.
assign-header = <b>Judge assignments</b> — { $entries ->
        [one] { $entries } entry ready
       *[other] { $entries } entries ready
    } for judging, { $judges ->
        [one] { $judges } judge
       *[other] { $judges } judges
    }.
assign-button-all = Assign every judge to every entry
assign-button-judge = Choose entries for { $name }
assign-judge-header = Entries for <b>{ $name }</b> (✅ assigned, 🚫 own unit). Tap to add or remove.
assign-done = Assignments: { $added } new, { $existing } already there, { $conflicts } skipped because the judge belongs to the entrant's unit or serves it as an officer.
assign-nothing = There are no judges or no verified entries yet.

## Exports (/export, /report) and audit (/audit)
export-caption = Spreadsheets of { $edition } ({ $moment }).
export-unknown-sheet = Unknown table. Choose one of: { $sheets }.
export-usage = Sorry, “{ $word }” is not recognised, so no file was sent. Usage: /export for the Excel workbook, /export csv [table] for one table, /export files for the documents archive; add a year for a past edition, for example /export { $year }.
report-usage = Sorry, “{ $word }” is not recognised, so no report was sent. Usage: /report for the current IGA, or /report { $year } for a past edition.
report-caption = { $title }
audit-header = <b>Audit log</b> (page { $page } of { $pages })
audit-line = { $moment } · { $actor } · { $action } — { $subject }
audit-empty = The audit log is empty.
audit-system = system
audit-unknown-user = user { $id }
audit-pairs = { $count ->
        [one] { $count } judge–entry pair
       *[other] { $count } judge–entry pairs
    }
audit-action-access-denied = Access refused
audit-action-admin-add = Committee member added
audit-action-admin-remove = Committee member removed
audit-action-agenda-change = Agenda changed
audit-action-assessment-validate = Indicator level validated
audit-action-invite-create = Invite code created
audit-action-judge-add = Judge added
audit-action-judge-remove = Judge removed
audit-action-judge-assign = Judges assigned
audit-action-judge-unassign = Judge's assignment removed
audit-action-judging-close = Judging closed
audit-action-judging-reopen = Judging reopened
audit-action-judging-refused = Judging change refused
audit-action-officer-join = Officer registered
audit-action-officer-leave = Officer moved to another unit
audit-action-results-set = Winners set
audit-action-results-record = Winner recorded
audit-action-results-schedule = Announcement time set
audit-action-results-cancel = Announcement cancelled
audit-action-score-set = Score given
audit-action-unit-reopen = Entries reopened
audit-action-submission-draft = Entry back to draft
audit-action-submission-submitted = Entry submitted
audit-action-submission-verified = Entry passed the administrative check
audit-action-submission-returned = Entry returned for revision
audit-action-submission-rejected = Entry rejected
audit-action-submission-withdrawn = Entry withdrawn
audit-action-submission-nominee = Entry nominated
audit-action-submission-winner = Entry won
audit-action-submission-not_selected = Entry not selected
audit-action-certificate-reissue = Certificate reissued
audit-action-certificate-revoke = Certificate revoked
audit-action-edition-start = New edition started
audit-action-evidence-purge = Files of withdrawn entries deleted
audit-action-question-approve = Question approved
audit-action-question-answer = Question marked as answered
audit-action-question-hide = Question hidden
audit-action-question-edit = Question edited
audit-action-questions-close = Session questions closed
audit-action-questions-open = Session questions opened
audit-action-review-comment = Judge's comment saved
audit-action-review-submit = Score sheet sent
audit-action-review-reopen = Score sheet reopened
audit-entity-access = Role
audit-entity-admin = Committee member
audit-entity-agenda_item = Agenda item
audit-entity-edition = Competition
audit-entity-judge = Judge
audit-entity-judge_assignment = Assignment
audit-entity-score = Score
audit-entity-self_assessment = Indicator
audit-entity-submission = Entry
audit-entity-unit = Unit
audit-entity-invite = Invite
audit-entity-officer = Officer
audit-entity-certificate = Certificate
audit-entity-judge_review = Score sheet
audit-entity-question = Question
audit-role-admin = not a committee admin
audit-role-committee = not on the committee
audit-role-judge = not a judge
audit-role-judge-assigned = not a judge assigned to this entry
audit-role-officer = not an officer of a regional office
audit-role-public = public access
audit-role-moderator = not a question moderator
audit-role-file-reader = not allowed to open this file
audit-role-init-data-missing = no workspace sign-in data
audit-role-init-data-expired = workspace sign-in data expired
audit-role-init-data-invalid = workspace sign-in data not valid
audit-role-init-data-no-user = workspace sign-in data without a user
audit-role-init-data-ticket-expired = file link expired
audit-role-init-data-ticket-invalid = file link not valid
audit-role-edition-open = { $code } is closed (view only)
audit-field-status = Status
audit-field-note = Note
audit-field-value = Score
audit-field-validated-level = Validated level
audit-field-judge-id = Judge
audit-field-user-id = User
audit-field-name = Name
audit-field-unit-id = Unit
audit-field-pairs = Assignments
audit-field-judging-closed-at = Judging closed
audit-field-awards = Winners
audit-field-at = Announcement time
audit-field-attempted = Attempted
audit-field-required = Role required
audit-field-expires-at = Valid until
audit-field-max-uses = Uses allowed
audit-field-entries-reopened-until = Reopened until
audit-field-rank = Rank
audit-field-title = Title
audit-field-innovation = Innovation

## Spreadsheet headers
export-sheet-entries = Entries
export-sheet-scores = Scores
export-sheet-ranking = Ranking
export-sheet-subscribers = Subscribers
export-sheet-audit = Audit Log
export-col-number = Number
export-col-unit = Unit
export-col-innovation = Innovation
export-col-status = Status
export-col-submitted = Submitted On
export-col-note = Committee's Note
export-col-judge = Judge
export-col-weighted = Weighted Score
export-col-rank = Rank
export-col-judges = Judges
export-col-judges-mean = Judges' Mean
export-col-self-assessment = Self-assessment (%)
export-col-final = Final Score
export-col-topic = Topic
export-col-chat = Chat ID
export-col-name = Name
export-col-active = Active
export-col-since = Since
export-col-at = Time
export-col-actor = Actor
export-col-action = Action
export-col-entity = Object
export-col-change = Change
export-sheet-evaluation = Evaluation
export-col-evaluation-question = Question
export-col-evaluation-kind = Kind
export-col-evaluation-answers = Answers
export-col-evaluation-average = Average
export-col-evaluation-counts = Answers by value
export-yes = Yes
export-no = No

## Results report (PDF)
report-signatory-example = EXAMPLE — this signatory has not been replaced in the event file yet
report-title = IGA { $year } Results Report
report-footer = { $title } · made { $moment }
report-organiser = Organiser: { $organiser }
report-day = Day of the awards: { $day }
report-winners = Winners
report-no-winners = The winners have not been set.
report-ranking = Ranking
report-no-ranking = No judging was recorded through the bot for this competition.
report-col-rank = Award
report-col-position = No.
report-col-unit = Unit
report-col-innovation = Innovation
report-col-judges = Judges
report-col-self = Self (%)
report-col-final = Final
report-formula = Final score = { $judges }% judges' mean weighted score + { $self }% validated self-assessment; equal scores are ordered by { $tiebreak }, then the earlier submission.
report-unvalidated = Note: self-assessments the panel has not validated count 0: { $entries }.
report-unvalidated-entry = { $number } ({ $count ->
        [one] { $count } indicator
       *[other] { $count } indicators
    })
report-tiebreak-judges = the higher judges' mean
report-tiebreak-self_assessment = the higher self-assessment
report-tiebreak-submitted_at = the earlier submission
report-panel = Judging Panel
report-no-panel = No judging panel is recorded in the bot.
report-legal-basis = Legal Basis
report-entry-scores = Judges { $judges } · self-assessment { $self }% · final score { $final }
entry-note-replaced = ℹ️ The return or rejection note is no longer awaited; the entry's status is unchanged. Tap the button again in /entries if it is still needed.
entry-note-text-only = Please type the note as text, or tap Cancel.
