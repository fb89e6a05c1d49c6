# Reminders, the winners' announcement and the winners' menu (English).

scheduler-event-reminder =
    🔔 <b>Event reminder</b>
    You are invited to <b>{ $event }</b>.

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
winners-admin-preview-unscheduled = 🔒 <b>Not announced yet</b>: visible to the committee only. No announcement time is set (/umumkan_pada).
winners-no-edition = No competition is loaded yet.
winners-schedule-usage = Write the time of the winners' announcement ({ $zone }), e.g. <code>/umumkan_pada 07/12/2022 09.00</code>
winners-schedule-bad = Sorry, "{ $text }" is not a valid date and time. Example: <code>/umumkan_pada 07/12/2022 09.00</code>
winners-schedule-past = Sorry, the announcement must be after now ({ $now }).
winners-schedule-done = ✅ The winners of { $edition } will be announced on { $moment }.
winners-schedule-already = The winners were already announced on { $moment }; the time can no longer change.
winners-cancel-done = ✅ The announcement of { $moment } is cancelled. The results stay visible to the committee only until a new time is set with /umumkan_pada.
winners-cancel-none = There is no announcement time to cancel.

command-winners = IGA winners
