# The evaluation survey after the event (English).

evaluation-invitation = 📝 <b>Evaluation of { $event }</b>
    { $intro }
    Please answer { $count ->
        [one] { $count } short question
       *[other] { $count } short questions
    }. Thank you.
evaluation-reminder = 🔔 The evaluation of <b>{ $event }</b> is not finished yet. Please carry on; it takes a few minutes.
evaluation-start-button = 📝 Fill in the evaluation
evaluation-question = 📝 <b>Evaluation</b> · question { $number } of { $count }
evaluation-label = <b>{ $label }</b>
evaluation-field-help = <i>{ $help }</i>
evaluation-help-rating = Tap 1 (very poor) to 5 (very good).
evaluation-help-single_choice = Tap one of the choices.
evaluation-help-multiple_choice = Tap the choices (one or more), then «Next».
evaluation-help-short_text = Please type your answer.
evaluation-help-long_text = Please type your answer (in several messages if you like), then tap «Done ▶».
evaluation-optional = (You may skip it.)
evaluation-skip-button = Skip ⏭
evaluation-next-button = Next ▶
evaluation-thanks = ✅ Thank you. Your evaluation is saved.
evaluation-already-finished = You already filled in this evaluation. Thank you.
evaluation-not-invited = This evaluation is for the event's participants.
evaluation-answered = ✅ Answer: { $answer }
evaluation-skipped = ⏭ Skipped.
evaluation-done-button = Done ▶
evaluation-clear-button = 🗑 Type again
evaluation-long-saved = 📝 Saved { $words ->
        [one] { $words } word
       *[other] { $words } words
    }. Send more text, or tap «Done ▶» when it is complete.
evaluation-answered-text = ✅ Answer saved ({ $words ->
        [one] { $words } word
       *[other] { $words } words
    }).
evaluation-stale = This question was answered already; please answer the latest one.
evaluation-text-only = Please send the answer as text, or tap a button.
evaluation-error-rating = Please tap or type a number from 1 to 5.
evaluation-input-replaced = The evaluation's answer is no longer awaited; tap «📝 Fill in the evaluation» to carry on.
evaluation-input-cancelled = All right. The answers given so far are kept; tap «📝 Fill in the evaluation» to carry on.
evaluation-kind-rating = Rating 1–5
evaluation-kind-single_choice = Choice
evaluation-kind-multiple_choice = Multiple choice
evaluation-kind-short_text = Text
evaluation-kind-long_text = Text
evaluation-none = There is no evaluation for this event.
evaluation-summary-title = 📊 <b>Evaluation of { $event }</b>
evaluation-summary-counts = Invited: { $invited } · Finished: { $finished }
evaluation-summary-nobody = Nobody invited yet: nobody has checked in. Whoever checks in after the send time gets the survey at once (that day).
evaluation-summary-waiting = Nobody invited yet: the survey goes out at { $time } to the { $present ->
        [one] { $present } person
       *[other] { $present } people
    } checked in (whoever checks in later gets it at once).
evaluation-summary-rating = • { $label }: average <b>{ $detail }</b> ({ $answers ->
        [one] { $answers } answer
       *[other] { $answers } answers
    })
evaluation-summary-choice = • { $label }: { $detail } ({ $answers ->
        [one] { $answers } answer
       *[other] { $answers } answers
    })
evaluation-summary-text = • { $label }: { $answers ->
        [one] { $answers } text answer
       *[other] { $answers } text answers
    }
evaluation-summary-workbook = Details in the «Evaluation» sheet of /export.
command-evaluation = Summary of the event's evaluation
