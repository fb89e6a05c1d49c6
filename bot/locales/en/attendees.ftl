# Attendees: agenda, now and next, venue, speakers, calendar, FAQ (English).

agenda-no-event = Sorry, no event is loaded yet. Please contact the committee.
agenda-title = 🗓 <b>Programme of { $event }</b>
agenda-day = <b>{ $day }</b>
agenda-item = <b>{ $time }</b> · { $title }
agenda-item-cancelled = <s>{ $time } · { $title }</s> — <b>cancelled</b>
agenda-item-speakers = 🎤 { $speakers }
agenda-item-room = 📍 { $room }
agenda-more-speakers = { $names } and { $count } more
agenda-marker-now = 🔴 <i>On now</i>
agenda-marker-next = ⏭ <i>Next</i>
agenda-ended = ✅ The event has ended. Thank you for attending. The IGA results are under «{ $winners }» in the menu.
agenda-example-times = ⓘ <i>Session times are still examples; please check with the committee.</i>
agenda-empty = The programme is not available yet.
agenda-page = Page { $page } of { $pages }
agenda-open-private = Full programme in a private chat
agenda-item-gone = This session is no longer in the programme.
agenda-detail-title = <b>{ $title }</b>
agenda-detail-cancelled = ❌ <b>This session is cancelled.</b>
agenda-detail-when = 🗓 { $day }, { $time }
agenda-detail-speaker = 🎤 { $name } ({ $institution })
agenda-detail-speaker-plain = 🎤 { $name }
agenda-detail-description = { $description }
agenda-star-button = 🔔 Remind me ({ $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    } before)
agenda-unstar-button = 🔕 Cancel reminder
agenda-calendar-button = 📅 Save to calendar
agenda-questions-button = ❓ Ask a question
agenda-starred = Done: you will be reminded { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    } before this session starts, at { $time } { $zone }.
agenda-unstarred = The reminder for this session is cancelled.
agenda-star-cancelled = This session is cancelled, so there is nothing to remind you of.
agenda-star-past = This session has already started or is over, so there is nothing to remind you of.
agenda-now-title = 🔴 <b>On now</b>
agenda-nothing-now = No session is running at the moment.
agenda-next-title = ⏭ <b>Next</b> ({ $day })
agenda-nothing-next = There are no more sessions today.

# Speakers
speakers-title = 🎤 <b>Speakers at { $event }</b>
speakers-name = <b>{ $name }</b>
speakers-institution = { $institution }
speakers-role = <i>{ $role }</i>
speakers-session = • { $time } · { $title }
speakers-session-day = { $day }, { $time }
speakers-more-sessions = … and { $count ->
        [one] { $count } more session
       *[other] { $count } more sessions
    } (see /agenda)
speakers-none = The list of speakers is not available yet.

# Venue
venue-text =
    📍 <b>{ $name }</b>
    { $address }

    🗺 <a href="{ $url }">Open in maps</a>
venue-example = ⓘ <i>The address and map position are still examples; please check with the committee.</i>

# Calendar file
calendar-caption = 📅 The programme of { $event } as a calendar file (.ics). Open it to add the sessions to your calendar; opening a newer file after changes updates them instead of adding them twice.
calendar-item-caption = 📅 { $title } (calendar file .ics)
calendar-speakers = Speakers: { $speakers }

# FAQ
faq-title = ❓ <b>Frequently asked questions</b> — { $event }
faq-entry =
    <b>{ $question }</b>
    { $answer }
faq-empty = There are no questions listed yet. Please contact the committee.

# Commands (Telegram's command menu)
command-agenda = Programme
command-now = Session on now
command-next = Next session
command-venue = Venue
command-speakers = Speakers
command-calendar = Calendar file (.ics)
command-subscribe = Subscribe to announcements
command-unsubscribe = Unsubscribe
command-faq = Frequently asked questions
