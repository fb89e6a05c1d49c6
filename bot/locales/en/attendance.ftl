# The event day: invitations and RSVP, check-in, the daftar hadir (English).

## Commands (Telegram menu)
command-attendance = Invitations and attendance (committee)
command-check-in = Check a guest in (committee)
command-attendance-list = Attendance list PDF/Excel (committee)

## Roles
attendance-role-kepala = Head
attendance-role-sekretaris = Secretary/Head of Division
attendance-role-kasubag-program = Head of Programme Subdivision
attendance-role-tim-teknis = Technical team
attendance-role-narasumber = Speaker
attendance-role-guest = Invited guest
attendance-kind-participant = Participant
attendance-kind-judge = Judge
attendance-kind-narasumber = Speaker
attendance-kind-guest = Guest

## Invitations and RSVP
attendance-rsvp-hadir = Attending
attendance-rsvp-diwakilkan = Sending a delegate
attendance-rsvp-berhalangan = Unable to attend
attendance-invitation =
    <b>Invitation</b>
    { $event }
    { $day }, { $venue }

    To: { $invitee }
    Please confirm your attendance with one of the buttons below.
attendance-invitation-reminder =
    <b>Invitation reminder</b>
    { $event }
    { $day }, { $venue }

    To: { $invitee }
    We have not received your answer yet. Please choose one of the buttons below.
attendance-invitation-several =
    <b>Invitation</b>
    { $event }
    { $day }, { $venue }

    To:
    { $invitees }

    Please confirm the attendance of each invitee above with the matching numbered buttons below: <b>Yes</b> (attending), <b>Proxy</b> (sending a delegate) or <b>No</b> (unable to attend).
attendance-invitation-reminder-several =
    <b>Invitation reminder</b>
    { $event }
    { $day }, { $venue }

    To:
    { $invitees }

    We have not received your answer for the invitees above yet. Please choose the matching numbered buttons below: <b>Yes</b> (attending), <b>Proxy</b> (sending a delegate) or <b>No</b> (unable to attend).
attendance-invitee-line = { $number }. { $invitee }
attendance-rsvp-short-hadir = Yes
attendance-rsvp-short-diwakilkan = Proxy
attendance-rsvp-short-berhalangan = No
attendance-rsvp-chosen = ✓ { $label }
attendance-rsvp-already = This answer is already recorded.
attendance-rsvp-numbered = { $number } · { $choice }
attendance-rsvp-recorded-hadir = Thank you. <b>Attending</b> is recorded for { $invitee }.
attendance-rsvp-recorded-berhalangan = Thank you. <b>Unable to attend</b> is recorded for { $invitee }.
attendance-rsvp-recorded-diwakilkan = Thank you. { $invitee } <b>sends a delegate</b>: { $name } ({ $jabatan }); recorded.
attendance-rsvp-ask-delegate-name = { $invitee } sends a delegate. Please type the delegate's <b>full name</b> (or /cancel).
attendance-rsvp-ask-delegate-jabatan = Please type the <b>position</b> of { $name } (or /cancel).
attendance-rsvp-not-yours = Sorry, you cannot answer this invitation (it is no longer valid or it is addressed to someone else).
attendance-rsvp-delegate-dropped = The delegate for { $invitee } was not finished and is no longer awaited; { $answered ->
        [yes] the earlier answer for that row is unchanged.
       *[no] that row is <b>not answered yet</b>.
    } If needed, tap Proxy on that row again.
attendance-delegate-replaced = The delegate's name for the invitation is no longer awaited.
attendance-delegate-cancelled = All right, the delegate was not recorded. The answer to the invitation is unchanged.

## Check-in at the entrance (the QR link)
attendance-checkin-no-event = Sorry, no event is loaded yet.
attendance-checkin-forged = Sorry, this attendance link is not recognised. Please scan the QR code at the registration desk again, or ask the committee for help.
attendance-checkin-other-day = Sorry, this attendance link is for { $day }, not today. Please scan the current QR code at the registration desk, or ask the committee for help.
attendance-checkin-early = Sorry, the attendance list opens at { $time }. Please scan again later.
attendance-checkin-closed = Sorry, today's attendance list is closed. Please contact the committee.
attendance-checkin-already = <b>{ $name }</b>, you are already checked in since { $time }. Thank you.
attendance-checkin-confirm =
    <b>Attendance list</b>
    Name: { $name }
    NIP: { $nip }
    Position: { $jabatan }
    Unit: { $unit }

    Is this correct?
attendance-button-confirm = Correct, I am here
attendance-button-change = Change
attendance-checkin-ask-name = <b>Attendance list</b> — please type your <b>full name</b> (with titles, if any).
attendance-checkin-ask-name-known = <b>Attendance list</b> — please tap your name below if it is right, or type your <b>full name</b> (with titles, if any).
attendance-checkin-ask-nip = Please type your <b>NIP</b> (18 digits), or tap the button below if you have none.
attendance-button-no-nip = I have no NIP
attendance-checkin-ask-jabatan = Please type your <b>position</b>.
attendance-checkin-ask-jabatan-known = Please tap the position below if it is still right, or type your <b>position</b>.
attendance-checkin-ask-unit = Please type your <b>unit or institution</b>, or choose the button below.
attendance-checkin-ask-unit-typed = Please type your <b>unit or institution</b>.
attendance-checkin-done = Thank you, <b>{ $name }</b>, you are checked in at { $time } (number { $number }). Enjoy the event.
attendance-checkin-stale = Sorry, this attendance form is no longer valid. Please scan the QR code at the registration desk again.
attendance-checkin-replaced = The attendance form is no longer awaited.
attendance-checkin-cancelled = All right, the attendance form is cancelled. You can scan the QR code again at any time.
attendance-error-name-empty = Please type your full name.
attendance-error-name-too-long = Sorry, the name is too long ({ $length } characters; at most 300). Please type a shorter one.
attendance-error-nip-digits = Sorry, a NIP has 18 digits (you typed { $count }). Please type it again, or tap "I have no NIP".
attendance-error-nip-char = Sorry, a NIP has only digits; the character "{ $char }" cannot be used (spaces, dots and dashes may). Please type it again, or tap "I have no NIP".
attendance-error-nip-taken = Sorry, this NIP is already recorded for <b>{ $name }</b> at this event. Please check your NIP, or tap "I have no NIP" and tell the committee.
attendance-error-nip-birth = Sorry, this NIP does not look valid: its first eight digits are the birth date (year-month-day), and { $part } is not a date. Please check it and type it again, or tap "I have no NIP".
attendance-error-nip-tmt = Sorry, this NIP does not look valid: digits 9 to 14 are the month of appointment (TMT, year-month), and { $part } is not a possible month. Please check it and type it again, or tap "I have no NIP".
attendance-error-nip-sex = Sorry, this NIP does not look valid: digit 15 gives the sex (1 or 2), not { $part }. Please check it and type it again, or tap "I have no NIP".
attendance-manual-nip-digits = Sorry, a NIP has 18 digits (typed: { $count }). Correct the NIP, or drop the fourth part (NIP) if the guest has none.
attendance-manual-nip-char = Sorry, a NIP has only digits; the character "{ $char }" cannot be used (spaces, dots and dashes may). Correct the NIP, or drop the fourth part (NIP) if the guest has none.
attendance-manual-nip-taken = Sorry, this NIP is already recorded for <b>{ $name }</b> at this event; not recorded again. Check the NIP, or drop the fourth part (NIP).
attendance-manual-nip-birth = Sorry, this NIP does not look valid: the birth date { $part } (first eight digits) does not exist. Correct the NIP, or drop the fourth part (NIP) if the guest has none.
attendance-manual-nip-tmt = Sorry, this NIP does not look valid: the month of appointment (TMT) { $part } (digits 9 to 14) is not possible. Correct the NIP, or drop the fourth part (NIP) if the guest has none.
attendance-manual-nip-sex = Sorry, this NIP does not look valid: digit 15 (sex) must be 1 or 2, not { $part }. Correct the NIP, or drop the fourth part (NIP) if the guest has none.
attendance-error-jabatan-too-long = Sorry, the position is too long ({ $length } characters; at most 300). Please type a shorter one.
attendance-error-unit-too-long = Sorry, the unit is too long ({ $length } characters; at most 300). Please type a shorter one.
attendance-error-jabatan-empty = Please type your position.
attendance-error-unit-empty = Please type your unit or institution.
attendance-error-name-digits = Sorry, a name is not a number. Please type your full name.
attendance-error-name-letters = Sorry, the name for the attendance list must be written in letters. Please type your full name, for example Siti Rahayu, S.Sos.
attendance-error-jabatan-digits = Sorry, a position is not a number (the NIP was asked in the step before). Please type your position, for example "Head of the Programme Subdivision".
attendance-error-unit-digits = Sorry, a unit is not a number. Please type the name of your unit or institution.
attendance-no-nip = -

## The committee (/kehadiran, /catat_hadir, /daftar_hadir)
attendance-summary-header =
    <b>Invitations and attendance</b> — { $event }
    Checked in: <b>{ $present }</b> of { $invited ->
        [one] { $invited } invitation
       *[other] { $invited } invitations
    }
    Answers: attending { $hadir }, delegate { $diwakilkan }, unable { $berhalangan }, no answer { $unanswered }
attendance-summary-line = { $unit }: invited { $invited } · attending { $hadir } · delegate { $diwakilkan } · unable { $berhalangan } · no answer { $unanswered } · checked in { $present }
attendance-summary-others = Speakers, guests and others
attendance-button-send = Send invitations
attendance-button-remind = Remind those who have not answered
attendance-button-poster = QR poster (PDF)
attendance-button-pdf = Attendance list (PDF)
attendance-button-xlsx = Attendance list (Excel)
attendance-send-confirm = Send { $count ->
        [one] <b>{ $count }</b> invitation
       *[other] <b>{ $count }</b> invitations
    } to { $recipients ->
        [one] { $recipients } recipient
       *[other] { $recipients } recipients
    } in the bot? Invitations sent cannot be taken back.
attendance-remind-confirm = Send a reminder for { $count ->
        [one] <b>{ $count }</b> unanswered invitation
       *[other] <b>{ $count }</b> unanswered invitations
    } to { $recipients ->
        [one] { $recipients } recipient
       *[other] { $recipients } recipients
    }?
attendance-send-queued = Invitations queued for sending: { $count ->
        [one] <b>{ $count }</b> invitation
       *[other] <b>{ $count }</b> invitations
    } to { $recipients ->
        [one] { $recipients } recipient
       *[other] { $recipients } recipients
    }. The bot sends them gradually within a few minutes.
attendance-remind-queued = Reminders queued for sending: { $count ->
        [one] <b>{ $count }</b> invitation
       *[other] <b>{ $count }</b> invitations
    } to { $recipients ->
        [one] { $recipients } recipient
       *[other] { $recipients } recipients
    }. The bot sends them gradually within a few minutes.
attendance-send-nothing = There are no new invitations that can be sent.
attendance-remind-nothing = There are no unanswered invitations that can be reminded.
attendance-unreachable-header = Cannot be sent yet: { $unreachable ->
        [one] <b>{ $unreachable }</b> invitation
       *[other] <b>{ $unreachable }</b> invitations
    } (no officer of the unit or invitee has started the bot, or the bot is blocked). Please ask them to open the bot and tap "Start", then send again:
attendance-unreachable-line = • { $where }: { $count ->
        [one] { $count } invitation
       *[other] { $count } invitations
    }
attendance-button-send-now = Yes, send the invitations
attendance-button-remind-now = Yes, send the reminders
attendance-button-cancel = Cancel
attendance-send-cancelled = All right, nothing was sent.
attendance-send-over = Sorry, this event is over; invitations and reminders are no longer sent.
attendance-manual-usage = To check a guest in: <code>/check_in Name; Position; Unit; NIP</code> (position, unit and NIP may be left out).
attendance-manual-done = Checked in: <b>{ $name }</b> (number { $number }). Present now: { $present }.
attendance-manual-already = <b>{ $name }</b> is already checked in since { $time }.
attendance-manual-namesakes = Sorry, { $count ->
        [one] one person named <b>{ $name }</b> is
       *[other] { $count } people named <b>{ $name }</b> are
    } already checked in; which one is meant is unclear, so nothing was recorded. Add the position, the unit or the NIP to tell them apart: <code>/check_in Name; Position; Unit; NIP</code>.
attendance-manual-namesake-note = Note: { $count ->
        [one] another person with the same name is
       *[other] { $count } other people with the same name are
    } already checked in; their position, unit or NIP differ, so this guest is recorded as a separate person.
attendance-list-caption = Attendance list — { $event } ({ $present ->
        [one] { $present } person
       *[other] { $present } people
    })
attendance-poster-caption = Attendance poster for { $day }. Link: { $link }

## Documents
attendance-pdf-title = ATTENDANCE LIST
attendance-pdf-day = Day/Date
attendance-pdf-place = Place
attendance-pdf-example = EXAMPLE — this signatory has not been replaced in the event file yet
attendance-pdf-session = Session: { $title } ({ $hours })
attendance-session-done = <b>{ $name }</b>, you are checked in at the session <b>{ $session }</b> at { $time }.
attendance-session-already = <b>{ $name }</b>, you are already checked in at the session <b>{ $session }</b> since { $time }.
attendance-unknown-session = Sorry, no session with the key { $key } has its own attendance list. Sessions: { $keys }.
attendance-pdf-page = Page { $page } of { $pages }
attendance-col-no = No
attendance-col-name = Name
attendance-col-nip = NIP
attendance-col-jabatan = Position
attendance-col-unit = Unit
attendance-col-time = Time
attendance-col-signature = Signature
attendance-col-role = Role
attendance-poster-title = ATTENDANCE LIST
attendance-poster-how = Scan this QR code with your phone's camera, then tap "Start" in Telegram.
