# Questions to the narasumber: asking, voting, moderating (English).

questions-anonymous = Anonymous
questions-session = <b>{ $title }</b> · { $time }
questions-board-title = ❓ <b>Questions to the speakers</b>
questions-board-empty = No approved questions for this session yet.
questions-line = { $rank }. { $text } — <i>{ $asker }</i> · 👍 { $votes }
questions-line-answered = { $rank }. <s>{ $text }</s> — <i>{ $asker }</i> · ✔️ answered
questions-board-how = Tap «❓ Ask a question» to ask; tap 👍 with its number to support a question (one vote per question).
questions-ask-button = ❓ Ask a question
questions-ask-anonymous-button = ❓ Ask without my name
questions-vote-button = 👍 { $rank } ({ $votes })
questions-vote-button-done = ✅ { $rank } ({ $votes })
questions-refresh-button = 🔄 Refresh
questions-none-open = No session is taking questions right now. Questions open when a session starts.
questions-opens-later = No session is taking questions right now. Questions open when the next session starts: <b>{ $title }</b>, at { $time }.
questions-over = Questions to the speakers are closed: no session takes questions any more.
questions-choose-session = Several sessions are taking questions. Please choose one:
questions-closed = Sorry, this session no longer takes questions.
questions-type-named = Please type your question for <b>{ $title }</b> (at most { $limit } characters). It is shown with the name <b>{ $name }</b> once a moderator approves it. Send /cancel to stop.
questions-type-anonymous = Please type your question for <b>{ $title }</b> (at most { $limit } characters). It is shown <b>without your name</b> once a moderator approves it. Send /cancel to stop.
questions-text-only = Please send the question as text.
questions-too-long = Your question has { $length } characters; the limit is { $limit }. Please shorten it and send it again; your message above stays in this chat.
questions-empty = The question is empty. Please type your question.
questions-rate-limited = Sorry, you sent several questions in a short time. You can ask again from { $time }.
questions-votes-rate-limited = Too many votes within a minute. Please try again at { $time }.
questions-received = ✅ Thank you. Your question was received and waits for a moderator's approval.
questions-gone = This question is no longer available.
questions-vote-counted = 👍 Your vote was counted.
questions-vote-already = You already support this question; a vote counts once.
questions-input-replaced = The question you were typing is no longer awaited.
questions-input-cancelled = All right, the question is cancelled.

# Moderation
questions-moderators-only = Sorry, this is for the moderators only.
questions-moderate-choose = 🛡 <b>Moderating questions</b>. Please choose the session:
questions-moderate-none = No session has started yet, so there are no questions.
questions-moderate-over = The event is over; no session takes questions any more.
questions-queue-title = 🛡 <b>Moderating questions</b>
questions-queue-counts = ⏳ Waiting: { $pending } · ✅ Approved: { $approved } · ✔️ Answered: { $answered }
questions-queue-open = 🟢 Questions are open.
questions-queue-closed = 🔒 Questions are closed.
questions-queue-none-approved = No approved questions yet.
questions-queue-line = { $rank }. <b>#{ $id }</b> { $text } — <i>{ $asker }</i> · 👍 { $votes }
questions-card = ❓ <b>#{ $id }</b> · { $session }
    { $text }
    — <i>{ $asker }</i>
    { $status }
questions-status-pending = ⏳ Waiting for approval
questions-status-approved = ✅ Approved · 👍 { $votes }
questions-status-answered = ✔️ Answered
questions-status-hidden = 🙈 Hidden
questions-act-approve = ✅ Approve
questions-act-edit = ✏️ Correct
questions-act-hide = 🙈 Hide
questions-act-answer = ✔️ Answered
questions-act-answer-numbered = ✔️ #{ $id } answered
questions-act-hide-numbered = 🙈 #{ $id }
questions-session-close-button = 🔒 Close questions
questions-session-open-button = 🔓 Reopen
questions-closed-done = Questions for this session are closed.
questions-opened-done = Questions for this session are open again.
questions-done-approve = Question #{ $id } approved.
questions-done-answer = Question #{ $id } marked answered.
questions-done-hide = Question #{ $id } hidden.
questions-done-edit = ✏️ Question #{ $id } corrected.
questions-edit-prompt = Please send the corrected text of question <b>#{ $id }</b> (at most { $limit } characters). The text now:
    <code>{ $text }</code>
questions-edit-replaced = The correction of the question is no longer awaited.
questions-edit-cancelled = All right, the correction is cancelled.

command-ask = Ask the speakers
command-moderate = Moderate questions
