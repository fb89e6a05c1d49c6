# Core: formats, start, help, language, groups, the main menu, the last-resort answer (English).

format-moment = { $day }, { $time } { $zone }

start-welcome =
    Welcome, { $name }.
    I am the official assistant of <b>{ $event }</b>.

    🗓 { $day }
    📍 { $venue }

    Please choose from the menu below.
start-welcome-group =
    Welcome, { $name }.
    I am the official assistant of <b>{ $event }</b>.

    🗓 { $day }
    📍 { $venue }

    Commands that work in this group: /agenda, /now, /next, /venue, /speakers, /winners, /help.
start-welcome-no-event =
    Welcome, { $name }.
    I am the official assistant of the Innovative Government Award (IGA). No event is loaded yet.

help-text =
    <b>Help</b>
    /start — main menu
    /help — this help
    /agenda — the programme; /now and /next — the session on now and the next one
    /venue — the venue and a map
    /speakers — the speakers and their sessions
    /calendar — the programme as a calendar file (.ics)
    /faq — frequently asked questions
    /ask — ask the speakers a question during a session
    /subscribe and /unsubscribe — subscribe to announcements or stop
    /winners — the IGA winners (once announced)
    /archive — each year's IGA winners and results report
    /my_certificate — your certificate or award charter, again whenever you need it
    /language — change language (Indonesia/English)
    /join <code>CODE</code> — join as a unit's officer with an invite code
help-officer =
    <b>Unit officers</b>
    /resume — continue filling in the innovation form (or the 📝 Submit Innovation button)
    /my_entries — your unit's innovations and their status
    /cancel — leave the form; the draft stays saved
help-judge =
    <b>Judges</b>
    /score — the innovations assigned to you and their score sheets
help-admin =
    <b>Committee</b>
    /entries — entries: verify, return, reject, nominate
    /judges — the judging panel; <code>/judges add TELEGRAM_ID UNIT_CODE|- Name</code> adds a judge
    /assign — assign judges to entries; an assignment whose score sheet was submitted cannot be removed until that sheet is reopened (Workspace › Judging progress › 🔓 Reopen; the judge is told)
    /score — score sheets (judges only)
    /ranking — entries ranked by score; also where judging is closed (🔒) or reopened (🔓)
    /set_winners — set the winners from the ranking
    /announce_at <code>DATE TIME</code> — schedule the winners' announcement
    /cancel_announcement — cancel the scheduled winners' announcement
    /export — download the spreadsheets (.xlsx; <code>/export csv</code> for CSV)
    /report — IGA results report (PDF)
    /attendance — invitations, answers per unit, the attendance QR poster
    /check_in <code>Name; Position; Unit; NIP</code> — check in a guest without a phone
    /attendance_list — the attendance list (PDF; <code>/attendance_list xlsx</code> for Excel)
    /broadcast — send an announcement to subscribers, officers or judges
    /broadcasts — sent and scheduled announcements
    /invite <code>UNIT_CODE</code> — create an officer invite code
    /reopen <code>UNIT_CODE [DAYS]</code> — reopen entries for one unit
    /reload — reload the event file (schedule changes)
    /certificates — certificates and awards: summary, find codes by name, revoke, reissue
    /purge_files — delete the files of withdrawn entries
    /audit — audit log
    /moderate — moderate the questions to the speakers (also the event file's moderators)
    /evaluation — summary of the event's evaluation («Evaluation» sheet in /export)
help-footer = For other questions, please contact the committee.

# Last resort: a message or command no feature took
fallback-not-understood = Sorry, I did not understand that message. Please choose from the menu below, or send /help to see what I can do.
fallback-unknown-command = Sorry, that command is not known. Please choose from the menu below, or send /help to see the list of commands.
fallback-media = Sorry, I cannot use photos, files, stickers or voice messages here. I can show you the agenda, the venue, the speakers and the event's announcements; units' officers, once registered (/join with the committee's invite code), send their innovation's documents through { $submit }. Please choose from the menu below, or send /help.

error-generic = We are sorry, something went wrong while handling your request. Please try again in a moment.
error-unavailable = We are sorry, the service is briefly unavailable. Everything you already entered is safe; please send your last message again in a moment.
committee-only = Sorry, this feature is for the committee only.

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
invite-created-hint = Invite code for { $unit }: valid { $days ->
        [one] { $days } day
       *[other] { $days } days
    } for { $uses ->
        [one] { $uses } officer
       *[other] { $uses } officers
    }. An officer sends /join { $code } to the bot.

# Main menu (reply keyboard)
menu-agenda = 🗓 Agenda
menu-venue = 📍 Venue
menu-speakers = 🎤 Speakers
menu-announcements = 📣 Announcements
menu-winners = 🏆 IGA Winners
menu-submit = 📝 Submit Innovation
menu-help = ❓ Help

# Language
language-choose = Silakan pilih bahasa. / Please choose a language.
language-name-id = 🇮🇩 Bahasa Indonesia
language-name-en = 🇬🇧 English
language-changed = Done: the bot now speaks { $name }.

# Groups
group-private-only = Personal settings (subscriptions, reminders, language) are made in a private chat with the bot.
group-open-private = Open a private chat
group-use-private = Please use this command in your private chat with the bot.
group-code-shared =
    This invite code is now visible to every member of the group. If the group is not fully trusted, please ask the committee for a new code.
    Joining is done in your private chat with the bot: send /join with the code there.
input-cancel-nothing = Nothing is waiting for your input, so there is nothing to cancel.

# Long texts split across messages: the start of a message that continues the previous one
text-continued = <i>(continued)</i>
