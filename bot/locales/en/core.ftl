# Core: formats, start, help, language, groups, the main menu, the last-resort answer (English).

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
    /pemenang — the IGA winners (once announced)
    /bahasa — change language (Indonesia/English)
    /daftar <code>CODE</code> — join as a unit's officer with an invite code
help-officer =
    <b>Unit officers</b>
    /lanjutkan — continue filling in the innovation form (or the 📝 Submit Innovation button)
    /inovasi_saya — your unit's innovations and their status
    /batal — leave the form; the draft stays saved
help-judge =
    <b>Judges</b>
    /nilai — the innovations assigned to you and their score sheets
help-admin =
    <b>Committee</b>
    /inovasi (/entries) — entries: verify, return, reject, nominate
    /penilai (/judges) — the judging panel; <code>/penilai add TELEGRAM_ID UNIT_CODE|- Name</code> adds a judge
    /tugaskan (/assign) — assign judges to entries
    /nilai (/score) — score sheets (judges only)
    /peringkat (/ranking) — entries ranked by score
    /tetapkan_juara (/set_winners) — set the winners from the ranking
    /umumkan_pada <code>DATE TIME</code> — schedule the winners' announcement
    /batal_umumkan — cancel the scheduled winners' announcement
    /ekspor (/export) — download the spreadsheets (.xlsx; <code>/ekspor csv</code> for CSV)
    /laporan (/report) — IGA results report (PDF)
    /pengumuman (/broadcast) — send an announcement to subscribers, officers or judges
    /daftarpengumuman (/broadcasts) — sent and scheduled announcements
    /undangan <code>UNIT_CODE</code> — create an officer invite code
    /buka_kembali <code>UNIT_CODE [DAYS]</code> — reopen entries for one unit
    /muat_ulang (/reload) — reload the event file (schedule changes)
    /audit — audit log
help-footer = For other questions, please contact the committee.

# Last resort: a message or command no feature took
fallback-not-understood = Sorry, I did not understand that message. Please choose from the menu below, or send /help to see what I can do.
fallback-unknown-command = Sorry, that command is not known. Please choose from the menu below, or send /help to see the list of commands.

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
invite-created-hint = Invite code for { $unit }: valid { $days } days for { $uses } officers. An officer sends /daftar { $code } to the bot.

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
input-cancel-nothing = Nothing is waiting for your input, so there is nothing to cancel.
