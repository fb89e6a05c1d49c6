# The committee's and judges' workspace (Mini App)
workspace-signed-out = The Mini App session is not valid or has expired. Please close the workspace and open it again from the bot.
workspace-forbidden = Sorry, this page is not for your account.
workspace-tab-entries = Entries
workspace-tab-progress = Judging progress
workspace-tab-ranking = Ranking
workspace-tab-assignments = My assignments
workspace-entries-title = Entries received
workspace-all = All
workspace-search = Search number, title or unit
workspace-status = Status
workspace-unit = Unit
workspace-stage = Stage
workspace-any-status = Any status
workspace-any-unit = Any unit
workspace-any-stage = Any stage
workspace-filter = Apply
workspace-no-entries = No entries match.
workspace-back = Back
workspace-submitted-at = Submitted
workspace-note = Committee's note
workspace-note-placeholder = Note to the entrant (required to return or reject)
workspace-note-required = Please write a note to the entrant first.
workspace-actions = Actions
workspace-action-verify = Verify
workspace-action-return = Return with a note
workspace-action-reject = Reject
workspace-action-nominate = Nominate
# Asked in the page before a decision the officers are told of at once ({ $title } escaped)
workspace-confirm-reject = Reject entry { $number } “{ $title }”? Its unit's officers are told at once.
workspace-confirm-nominate = Make entry { $number } “{ $title }” a nominee? Its unit's officers are told at once.
workspace-judges = Judges
workspace-conflict = (from the entrant's unit: may not judge it)
workspace-save-judges = Save judges
workspace-no-judges = No judges yet.
workspace-judge-comments = Judges' comments
workspace-judge-comment-final = (score sheet submitted)
workspace-not-judgeable = This entry has not passed verification, so it cannot be judged yet.
workspace-assigned = Judges saved: { $added } added, { $conflicts } refused for a conflict of interest.
workspace-answers = Answers
workspace-empty = (empty)
workspace-other-files = Other files
workspace-file = file
workspace-download = Download
workspace-file-open = Open
workspace-file-missing = The file cannot be fetched right now.
workspace-self-assessment = Self-assessment
workspace-indicator = Indicator
workspace-weight = Weight
workspace-claimed = Claimed level
workspace-evidence = Evidence
workspace-validated = Validated level
workspace-not-validated = not validated
workspace-history = History
workspace-progress-title = Judging progress
workspace-submitted-count = { $submitted } of { $total } done
workspace-scored = { $scored }/{ $total } criteria
workspace-done = Done
workspace-unsaved-typed = What you typed (not saved; the value above is the one saved now):
workspace-reopen-sheet = 🔓 Reopen
workspace-sheet-reopened = The score sheet of { $judge } for { $number } was reopened; the judge is told in the chat.
workspace-sheet-not-submitted = This score sheet is not submitted (perhaps already reopened); nothing was changed.
review-reopened-notice = 🔓 The committee reopened your score sheet for <b>{ $number }</b> · { $title }. Its scores, validated levels and comment can be changed again in the Workspace; please submit it again when done.
workspace-nothing-assigned = No entries assigned yet.
workspace-judging-closed = The committee has closed judging.
workspace-ranking-title = Provisional ranking
workspace-formula = Final score = { $judges }% × judges' mean + { $self }% × validated self-assessment score.
workspace-formula-judges = Each judge's score = weighted mean of the criteria (counted once every criterion is scored):
workspace-formula-self = Self-assessment score = Σ weight × validated level ÷ Σ weight × 3, over { $count ->
        [one] { $count } indicator
       *[other] { $count } indicators
    }; an indicator not validated counts 0.
workspace-entry = Entry
workspace-judges-mean = Judges
workspace-self-score = Self
workspace-final = Final
workspace-warning-no-judge = No judge has scored every criterion yet: counted as 0.
workspace-warning-unvalidated = { $count ->
        [one] { $count } indicator not validated
       *[other] { $count } indicators not validated
    }: counted as 0.
workspace-no-ranking = No judged entries yet.
workspace-assignments-title = Entries I judge
workspace-rubric = Rubric
workspace-jump-rubric = To the scoring rubric ↓
workspace-jump-answers = ↑ Back to the answers
workspace-range = Score { $low }–{ $high } per criterion; saved as you type.
workspace-comment = Judge's comment
workspace-submit = Submit scoring
workspace-submit-hint = Possible once every criterion is scored; after submitting, the scores can no longer be changed, here or in the chat.
workspace-submit-confirm = Submit this scoring? Once submitted, the scores, validated levels and comment can no longer be changed.
workspace-submit-invalid = The scoring cannot be submitted yet: the score for { $fields } is not valid and not saved. Please correct it first.
workspace-submitted = Scoring submitted. Thank you.
workspace-open = 🗂 Open the workspace
workspace-open-entry = 🗂 Open in the workspace
workspace-menu-button = Workspace
workspace-invitation = The committee's and judges' workspace: every entry with its evidence, scoring and the ranking.
workspace-off = The workspace (Mini App) is not enabled on this server (PUBLIC_URL is not set); please use the chat commands.
judging-error-submitted = You submitted this score sheet and it is final: its scores and validated levels can no longer be changed, in the workspace or in the chat. If something is wrong, please contact the committee.
judging-error-incomplete = Some criteria have no score yet.
judging-error-unsaved = A score on the page is not saved (its number is not valid or not saved yet), so the scoring was not submitted. Please correct the scores marked in red, then submit again.
judging-error-comment-too-long = The comment is too long; please shorten it to 10,000 characters.
workspace-score-invalid = Enter a number from { $low } to { $high }, for example 87.5. What you typed is not saved.
workspace-score-kept = Saved score: { $value }.
workspace-score-none-kept = No score is saved for this criterion yet.
workspace-history-assessment-validate = Self-assessment validated
workspace-history-score-set = Criterion scored
workspace-history-review-comment = Judge's comment saved
workspace-history-review-submit = Scoring submitted
workspace-history-other = Other change
workspace-history-level = { $subject } → level { $value }
workspace-history-score = { $subject } → { $value }

## Editions: the committee's chooser of the edition shown; a past edition is read-only
workspace-editions = IGA editions
workspace-edition-link = IGA { $year }
workspace-read-only = IGA { $year } is closed because the next edition has started: its data can be viewed but not changed.
workspace-edition-unknown = Sorry, that IGA edition was not found.

## The shell page (before any page is loaded; its texts in both languages)
workspace-offline = No connection. Please try again.
workspace-confirm-yes = Yes, go ahead
workspace-confirm-no = Cancel
workspace-viewer-close = Close
workspace-viewer-preview = File preview
workspace-viewer-open = Open in the browser
