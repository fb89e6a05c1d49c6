# /broadcast and /broadcasts: the committee's announcements (English).

broadcast-ask-text =
    📣 <b>New announcement</b>
    Please send the announcement's text. You may also send a photo or a document with a caption.
    Type /batal to cancel.
broadcast-text-too-long = The text is too long: { $length } characters, at most { $limit }. Please send a shorter text.
broadcast-text-missing = Please send a text, a photo or a document for the announcement.
broadcast-ask-audience = Who should receive this announcement?
broadcast-audience-subscribers = All subscribers
broadcast-audience-topic = Subscribers of: { $topic }
broadcast-audience-officers-all = Officers of all units
broadcast-audience-officers-some = Officers of { $count } units
broadcast-audience-judges = The judging panel
broadcast-audience-chats = { $count } chosen recipients
broadcast-audience-all = Everyone using the bot
broadcast-button-officers-some = Officers of some units
broadcast-topic-general = General announcements
broadcast-topic-schedule = Schedule changes
broadcast-topic-results = IGA results
broadcast-ask-units = Choose the units (tap to select or unselect), then tap «Done».
broadcast-button-units-done = Done
broadcast-units-none = Choose at least one unit.
broadcast-no-units = No units are loaded yet.
broadcast-no-recipients = There are no recipients for this choice ({ $audience }) yet. Please choose others.
broadcast-preview-heading = 👁 Preview: the message below is exactly what recipients will get.
broadcast-confirm =
    Recipients: <b>{ $audience }</b> ({ $count } people/groups).
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
    Sent { $sent } of { $total } · failed { $failed } · blocked the bot { $blocked }
broadcast-report =
    ✅ <b>Announcement #{ $id } has been sent.</b>
    Sent: { $sent } of { $total }
    Failed: { $failed }
    Blocked the bot: { $blocked }
broadcast-report-cancelled =
    ⛔ <b>Announcement #{ $id } was stopped.</b>
    Sent: { $sent } of { $total }
    Failed: { $failed }
    Blocked the bot: { $blocked }
    Not sent: { $pending }
broadcast-button-stop = ⛔ Stop
broadcast-stopped = Announcement #{ $id } stopped.
broadcast-already-finished = Announcement #{ $id } has already finished; nothing was stopped.
broadcast-list-empty = No announcements yet.
broadcast-list-heading = 📣 <b>Latest announcements</b>
broadcast-list-item =
    <b>#{ $id }</b> · { $status } · { $moment }
    { $audience }: sent { $sent }/{ $total }, failed { $failed }, blocked the bot { $blocked }
broadcast-button-stop-one = ⛔ Stop #{ $id }
broadcast-status-draft = draft
broadcast-status-scheduled = scheduled for { $moment }
broadcast-status-sending = sending
broadcast-status-done = done
broadcast-status-cancelled = stopped
