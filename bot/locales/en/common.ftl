# Common texts and formats (English).

format-moment = { $day }, { $time } { $zone }

start-welcome =
    Welcome, { $name }.
    I am the official assistant of <b>{ $event }</b>.

    🗓 { $day }
    📍 { $venue }

    Please choose from the menu below.
start-welcome-no-event =
    Welcome, { $name }.
    I am the official assistant of the Innovative Government Award (IGA). No event is loaded yet.

help-text =
    <b>Help</b>
    /start — main menu
    /help — this help
    /agenda — the programme; /sekarang and /berikutnya — the session on now and the next one
    /lokasi — the venue and a map
    /narasumber — the speakers and their sessions
    /kalender — the programme as a calendar file (.ics)
    /faq — frequently asked questions
    /langganan and /berhenti — subscribe to announcements or stop
    /bahasa — change language (Indonesia/English)

    For other questions, please contact the committee.

error-generic = We are sorry, something went wrong while handling your request. Please try again in a moment.
error-unavailable = We are sorry, the service is briefly unavailable. Everything you already entered is safe; please send your last message again in a moment.

command-start = Main menu
command-help = Help
command-language = Change language

# Command line (iga-bot event show, invite create)
show-organiser = Organiser: { $organiser }
show-day = Day: { $day }
show-venue = Venue: { $venue }
show-agenda = Agenda:
show-entries-close = Entries close: { $moment }
show-results = Winners:
invite-created-hint = Invite code for { $unit }: valid { $days } days for { $uses } officers. An officer sends /daftar { $code } to the bot.

# Main menu (reply keyboard)
menu-agenda = 🗓 Agenda
menu-venue = 📍 Venue
menu-speakers = 🎤 Speakers
menu-announcements = 📣 Announcements
menu-winners = 🏆 IGA Winners
menu-submit = 📝 Submit Innovation
menu-help = ❓ Help
