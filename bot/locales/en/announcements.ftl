# Announcements: broadcasts (/broadcast, /broadcasts), subscriptions, schedule changes,
# reminders and the winners' announcement (English).

broadcast-ask-text =
    📣 <b>New announcement</b>
    Please send the announcement's text. You may also send a photo or a document with a caption.
    Type /cancel to cancel.
broadcast-text-too-long = The text is too long: { $length } characters as Telegram counts them, at most { $limit }; please cut at least { $over }. Telegram counts an emoji and some symbols as 2 characters, so this number can be higher than what you see. Please send a shorter text.
broadcast-text-split = Sorry, this announcement is too long for one message: at least { $length } characters as Telegram counts them (an emoji and some symbols count as 2; Telegram sends it as several messages), at most { $limit }. The announcement was not saved or sent, so that it is not cut. Please send /broadcast again with a shorter text, or send the full text as a document with a short caption.
broadcast-text-missing = Please send a text, a photo or a document for the announcement.
broadcast-ask-audience = Who should receive this announcement?
broadcast-audience-subscribers = All subscribers
broadcast-audience-topic = Subscribers of: { $topic }
broadcast-audience-officers-all = Officers of all units
broadcast-audience-officers-some = Officers of { $count ->
        [one] { $count } unit
       *[other] { $count } units
    }
broadcast-audience-judges = The judging panel
broadcast-audience-chats = { $count ->
        [one] { $count } chosen recipient
       *[other] { $count } chosen recipients
    }
broadcast-audience-all = Everyone using the bot
broadcast-button-officers-some = Officers of some units
broadcast-topic-general = General announcements
broadcast-topic-schedule = Schedule and event reminders
broadcast-topic-results = IGA results
broadcast-ask-units = Choose the units (tap to select or unselect), then tap «Done».
broadcast-button-units-done = Done
broadcast-units-none = Choose at least one unit.
broadcast-no-units = No units are loaded yet.
broadcast-no-recipients = There are no recipients for this choice ({ $audience }) yet. Please choose others.
broadcast-preview-heading = 👁 Preview: the message below is exactly what recipients will get.
broadcast-confirm =
    Recipients: <b>{ $audience }</b> ({ $count ->
        [one] { $count } person or group
       *[other] { $count } people or groups
    }).
    Send this announcement?
broadcast-button-now = ✅ Send now
broadcast-button-later = 🕘 Schedule
broadcast-button-quit = Cancel
broadcast-ask-time = When should it be sent? Write the date and time in { $zone }, e.g. <code>{ $example }</code>
broadcast-time-invalid = The time was not understood. A correct example: <code>{ $example }</code>
broadcast-time-past = That time has passed ({ $moment }). Please write a time in the future.
broadcast-scheduled =
    🕘 Announcement #{ $id } is scheduled for { $moment }.
    Recipients: { $audience } ({ $count }).
broadcast-cancelled-draft = Announcement cancelled; nothing was sent.
broadcast-progress =
    📣 <b>Announcement #{ $id }</b> is being sent…
    Sent { $sent } of { $total } · failed { $failed } · blocked the bot { $blocked } · not started the bot yet { $not_started }
broadcast-report =
    ✅ <b>Announcement #{ $id } has been sent.</b>
    Sent: { $sent } of { $total }
    Failed: { $failed }
    Blocked the bot: { $blocked }
    Not started the bot yet: { $not_started }
broadcast-report-cancelled =
    ⛔ <b>Announcement #{ $id } was stopped.</b>
    Sent: { $sent } of { $total }
    Failed: { $failed }
    Blocked the bot: { $blocked }
    Not started the bot yet: { $not_started }
    Not sent: { $pending }
broadcast-button-stop = ⛔ Stop
broadcast-stopped = Announcement #{ $id } stopped.
broadcast-already-finished = Announcement #{ $id } has already finished; nothing was stopped.
broadcast-list-empty = No announcements yet.
broadcast-list-heading = 📣 <b>Latest announcements</b>
broadcast-list-item =
    <b>#{ $id }</b> · { $kind } · { $status } · { $moment }
    { $preview }
    { $audience }: sent { $sent }/{ $total }, failed { $failed }, blocked the bot { $blocked }, not started the bot yet { $not_started }
broadcast-preview-quote = “{ $text }”
broadcast-preview-media = [{ $kind ->
        [photo] photo
        [document] document
        [video] video
       *[other] file
    }]
broadcast-kind-manual = Committee announcement
broadcast-kind-reminder = Event reminder
broadcast-kind-deadline = Entry deadline reminder
broadcast-kind-winners = Winners' announcement
broadcast-kind-congratulations = Congratulations to the winners
broadcast-kind-schedule_change = Schedule change
broadcast-kind-winners-empty = Winners' announcement held (no winners set)
broadcast-kind-other = System message
broadcast-button-stop-one = ⛔ Stop #{ $id }
broadcast-status-draft = draft
broadcast-status-scheduled = scheduled for { $moment }
broadcast-status-sending = sending
broadcast-status-done = done
broadcast-status-cancelled = stopped

# Subscriptions
subs-intro = 📣 <b>Announcements</b>
    Choose the topics you want to receive. Tap a topic to subscribe or to stop.
subs-stop-intro = 🔕 <b>Unsubscribe</b>
    Tap a topic to stop it, or stop all topics.
subs-none = You are not subscribed to any announcements yet.
subs-state-on = ✅ { $topic }: subscribed
subs-state-off = ⬜ { $topic }: not subscribed
subs-topic-general = General announcements
subs-topic-schedule = Schedule and event reminders
subs-topic-results = IGA results
subs-start-all = 🔔 Subscribe to all
subs-stop-all = 🔕 Stop all
subs-saved = Your choice is saved.

# Schedule changes
schedule-title = 📢 <b>Programme changes</b> — { $event }
schedule-when = { $day }, { $time }
schedule-none = —
schedule-cancelled = ❌ <b>{ $title }</b> ({ $when }) is <b>cancelled</b>.
schedule-added = 🆕 New session: <b>{ $title }</b>, { $when }
schedule-restored = ↩️ Back in the programme: <b>{ $title }</b>, { $when }
schedule-changed = ✏️ <b>{ $title }</b>
schedule-field-title = Title: <s>{ $before }</s> → { $after }
schedule-field-time = Time: <s>{ $before }</s> → { $after }
schedule-field-room = Room: <s>{ $before }</s> → { $after }
schedule-field-speakers = Speakers: <s>{ $before }</s> → { $after }
reload-invalid =
    Sorry, the event file cannot be loaded; nothing was changed. Please correct the following in the event file, then send /reload again:
    { $problems }
reload-problem = • <code>{ $path }</code>: { $problem }
reload-problem-unlocated = • The event file { $problem }
reload-problem-more = … and { $count ->
        [one] { $count } more problem
       *[other] { $count } more problems
    } (the full list: <code>iga-bot event import FILE --dry-run</code>).
reload-problem-missing = is required but missing.
reload-problem-unknown-field = is not a known part of the event file (perhaps a misspelt name or a wrong indentation); please correct or remove it.
reload-problem-text = must be text (given: { $value }).
reload-problem-whole-number = must be a whole number (given: { $value }).
reload-problem-number = must be a number (given: { $value }).
reload-problem-yes-no = must be true or false (given: { $value }).
reload-problem-date = must be a date written YYYY-MM-DD (given: { $value }).
reload-problem-moment = must be a date and time with its zone, e.g. YYYY-MM-DDT15:00:00+07:00 (given: { $value }).
reload-problem-zone-missing = must give the time zone at its end, e.g. YYYY-MM-DDT15:00:00+07:00.
reload-problem-unknown-zone = the time zone "{ $value }" is unknown; please use e.g. Asia/Jakarta, Asia/Makassar or Asia/Jayapura.
reload-problem-time-of-day = "{ $value }" is not a time of day; please write it as 09.00 or 09:00.
reload-problem-one-of = must be one of { $expected } (given: { $value }).
reload-problem-pattern = is not written as required, pattern <code>{ $pattern }</code> (given: { $value }).
reload-problem-pattern-key = may contain only lower-case letters, digits, hyphens (-) and underscores (_), starting with a letter or digit, at most 64 characters (given: { $value }).
reload-problem-pattern-unit-code = may contain only capital letters, digits, hyphens (-) and underscores (_), starting with a letter or digit, at most 32 characters (given: { $value }).
reload-problem-pattern-prefix = may contain only capital letters, digits and hyphens (-), 1 to 16 characters (given: { $value }).
reload-problem-pattern-nip = must be a NIP: 18 digits without spaces (given: { $value }).
reload-problem-text-too-short = is too short: at least { $min_length } characters.
reload-problem-text-too-long = is too long: at most { $max_length } characters.
reload-problem-list-too-short = must have at least { $min_length } items.
reload-problem-list-too-long = must have at most { $max_length } items.
reload-problem-at-least = must be { $ge } or more (given: { $value }).
reload-problem-at-most = must be { $le } or less (given: { $value }).
reload-problem-more-than = must be more than { $gt } (given: { $value }).
reload-problem-less-than = must be less than { $lt } (given: { $value }).
reload-problem-section = must be a section of named entries (name: value), not a single value.
reload-problem-list = must be a list (each item on its own line, starting with -).
reload-problem-other = is not valid ({ $detail }).
reload-not-yaml =
    The event file cannot be loaded: it is not valid YAML at line { $line }, column { $column }; nothing was changed. That line:
    <pre>{ $excerpt }</pre>
    Please check it and the line before it (for example a colon, a quote or an indentation out of line), then send /reload again.
reload-not-yaml-somewhere = The event file cannot be loaded: it is not valid YAML; nothing was changed. Please check the file (for example colons, quotes or indentation), then send /reload again.
reload-closed = The event file <code>{ $path }</code> (EVENT_CONFIG) is still the IGA { $year } file, and IGA { $year } was closed when IGA { $current } started: only its event part (agenda, venue, event dates) can still be reloaded from it, but this file also changes <code>{ $fields }</code>. Nothing was changed.

    To load IGA { $current }: point EVENT_CONFIG at the IGA { $current } file and restart the bot. If only the IGA { $year } event changed: put the rest of that file back as it was and send /reload again.
reload-not-after = The event file <code>{ $path }</code> (EVENT_CONFIG) is IGA { $year }, but IGA { $current } is already running; a new edition must be for a later year. Nothing was changed. Please check EVENT_CONFIG: it should point at the IGA { $current } file; then restart the bot.
reload-other-year = The edition code <code>{ $code }</code> in the event file <code>{ $path }</code> (EVENT_CONFIG) already belongs to IGA { $current }, but this file is for { $year }. Nothing was changed. A new edition needs its own code (for example iga-{ $year }); if the file is the wrong one, point EVENT_CONFIG at the right file and restart the bot.
reload-done = Event file reloaded: { $created } new, { $updated } updated, { $changes ->
        [one] { $changes } programme change
       *[other] { $changes } programme changes
    }. The attendees concerned are being told.

# Reminders, the winners' announcement and the winners' menu

scheduler-event-in-days = { $days ->
        [0] today
        [1] tomorrow
       *[other] in { $days } days
    }
scheduler-event-in-hours = { $hours ->
        [one] in { $hours } hour
       *[other] in { $hours } hours
    }
scheduler-event-in-minutes = { $minutes ->
        [one] in { $minutes } minute
       *[other] in { $minutes } minutes
    }
scheduler-event-reminder =
    🔔 <b>Event reminder</b>
    You are invited to <b>{ $event }</b>, which starts <b>{ $when }</b>.

    🗓 { $moment }
    📍 { $venue }
scheduler-star-reminder =
    ⏰ <b>A session you starred starts soon</b>
    { $title }

    🕘 { $time }
    📍 { $place }
scheduler-venue-button = 📍 Open the map
scheduler-deadline-reminder =
    ⏳ <b>Reminder: deadline for innovation entries</b>
    { $edition }
    Deadline: { $deadline }
scheduler-deadline-no-entry = { $unit } has not sent an innovation yet. Please start with the { $menu } menu.
scheduler-deadline-draft = • <b>{ $title }</b> ({ $unit }) is not sent yet. Still to fill in: { $missing }.
scheduler-deadline-draft-complete = • <b>{ $title }</b> ({ $unit }) is complete and only needs to be sent.
scheduler-deadline-untitled = Untitled draft

winners-line = { $title } — { $unit } — { $innovation }
winners-announcement =
    🏆 <b>Winners of { $edition }</b>

    { $list }

    Congratulations to the winners!
winners-congratulations =
    🎉 <b>Congratulations, { $unit }!</b>
    Your innovation won an award in { $edition }:

    { $list }
winners-list =
    🏆 <b>Winners of { $edition }</b>

    { $list }
winners-pending = 🏆 The winners of { $edition } will be announced on { $moment }.
winners-not-scheduled = 🏆 The winners of { $edition } have not been announced yet.
winners-none = 🏆 No winners of { $edition } have been decided yet.
winners-admin-preview = 🔒 <b>Not announced yet</b>: visible to the committee only. Announcement: { $moment }.
winners-admin-preview-unscheduled = 🔒 <b>Not announced yet</b>: visible to the committee only. No announcement time is set (/announce_at).
winners-no-edition = No competition is loaded yet.
winners-schedule-usage = Write the time of the winners' announcement ({ $zone }), e.g. <code>/announce_at { $example }</code>
winners-schedule-bad = Sorry, "{ $text }" is not a valid date and time. Example: <code>/announce_at { $example }</code>
winners-schedule-past = Sorry, the announcement must be after now ({ $now }).
winners-schedule-done = ✅ The winners of { $edition } will be announced on { $moment }.
winners-schedule-already = The winners were already announced on { $moment }; the time can no longer change.
winners-cancel-done = ✅ The announcement of { $moment } is cancelled. The results stay visible to the committee only until a new time is set with /announce_at.
winners-schedule-no-winners = ⚠️ No winners are set yet. The announcement is made only if the winners are set (/set_winners) before that time; if not, nothing is announced, the committee is told, and a new time must be set with /announce_at.
winners-announcement-empty = ⚠️ The winners' announcement of { $edition } at { $moment } was not made because no winners were set. The results stay secret: after setting the winners (/set_winners), please set a new announcement time with /announce_at.
winners-cancel-none = There is no announcement time to cancel.

command-winners = IGA winners
broadcast-draft-replaced = ℹ️ The announcement you were writing was dropped; nothing was sent.
broadcast-use-buttons = Please choose with the buttons of the message above, or send /cancel to drop the announcement.

## The offer under /start's welcome
start-offer-subscribe = 🔔 Would you like reminders before the event and the committee's announcements (schedule changes, the IGA results)? One tap below is enough.
start-button-subscribe = 🔔 Yes, send me reminders and announcements
start-subscribed = ✅ You are subscribed to event reminders and every announcement. Change this at any time with /subscribe.
