# Certificates after the event: the PDF's texts (the PDF itself is always Indonesian), the
# message that carries it, the committee's /certificates, the public verification page.

## The PDF
certificate-pdf-title-participant = CERTIFICATE
certificate-pdf-title-judge = CERTIFICATE
certificate-pdf-title-narasumber = CERTIFICATE
certificate-pdf-title-winner = CERTIFICATE OF AWARD
certificate-pdf-number = Number: { $code }
certificate-pdf-given-participant = awarded to
certificate-pdf-given-judge = awarded to
certificate-pdf-given-narasumber = awarded to
certificate-pdf-given-winner = awarded to
certificate-pdf-as-participant = as a Participant
certificate-pdf-as-judge = as a member of the Judging Panel
certificate-pdf-as-narasumber = as a Speaker
certificate-pdf-winner = for its achievement as { $rank }
certificate-pdf-innovation = with the innovation "{ $innovation }"
certificate-pdf-event = at { $event }
certificate-pdf-when = { $day }, { $place }
certificate-pdf-code = Verification code: { $code }
certificate-pdf-example = EXAMPLE — this signatory has not been replaced in the event file yet
certificate-pdf-scan = Scan the QR code to check that this certificate is genuine.
certificate-file-participant = Certificate
certificate-file-judge = Certificate
certificate-file-narasumber = Certificate
certificate-file-winner = Award

## The message with the PDF
certificate-caption-participant = 📜 Thank you for attending <b>{ $event }</b>. The participant's certificate for <b>{ $name }</b> is attached.
    Verification code: <code>{ $code }</code> — it can be checked at { $url }
certificate-caption-judge = 📜 Thank you for serving on the judging panel of <b>{ $event }</b>. The certificate for <b>{ $name }</b> is attached.
    Verification code: <code>{ $code }</code> — it can be checked at { $url }
certificate-caption-narasumber = 📜 Thank you for speaking at <b>{ $event }</b>. The certificate for <b>{ $name }</b> is attached.
    Verification code: <code>{ $code }</code> — it can be checked at { $url }
certificate-caption-winner = 🏆 Congratulations! Attached is the certificate of award <b>{ $rank }</b> for <b>{ $name }</b> at <b>{ $event }</b>.
    Verification code: <code>{ $code }</code> — it can be checked at { $url }
certificate-caption-replaces = 🔁 <b>Replacement certificate</b>: it replaces the certificate with the code <code>{ $old }</code>, which is no longer valid.

## /certificates (the committee)
command-certificates = Certificates and awards: revoke, reissue (committee)
certificates-summary = 📜 <b>Certificates of { $event }</b>
    Sent from: { $send_at }
    Participants: { $participants } · Judges: { $judges } · Speakers: { $narasumber } · Awards: { $winners }
    Revoked: { $revoked }
    Messages sent: { $sent } · waiting: { $waiting } · not delivered: { $undelivered }
certificates-summary-off = 📜 The event file does not set up certificates yet (the <code>event.certificates</code> section with <code>send_at</code>).
certificates-winners-waiting = The winners' awards wait for the winners' announcement.
certificates-no-public-url = ⚠️ PUBLIC_URL is not set: certificates cannot be issued, as their QR code must open the verification page.
certificates-usage = Commands:
    /certificates — summary
    /certificates <code>CODE</code> — details and the PDF
    /certificates <code>name</code> — find certificates' codes by name
    /certificates revoke <code>CODE</code> <code>reason</code> — revoke
    /certificates reissue <code>CODE</code> [<code>correct name</code>] — reissue (new code, sent again)
certificates-no-event = No event has been loaded yet.
certificates-unknown = No certificate has the code <code>{ $code }</code>. Please check the code.
certificates-details = 📜 <b>{ $name }</b>
    { $role }{ $detail }
    Code: <code>{ $code }</code> (issue { $revision })
    Status: { $status }
    Verification page: { $url }
certificates-none-found = No certificate has a name containing "{ $text }". To see one certificate, type its code: /certificates <code>CODE</code>
certificates-found = 🔎 { $count ->
        [one] 1 certificate
       *[other] { $count } certificates
    } with a name containing "{ $text }":
certificates-found-line = • <b>{ $name }</b> — { $role } — <code>{ $code }</code> { $status }
certificates-status-valid = ✅ valid
certificates-status-revoked = ❌ revoked { $moment }
certificates-revoked = ❌ Certificate <code>{ $code }</code> for <b>{ $name }</b> has been revoked. Its verification page now says it is not valid.
certificates-already-revoked = Certificate <code>{ $code }</code> was already revoked.
certificates-revoke-reason-missing = Please give the reason for revoking, for example: /certificates revoke <code>{ $code }</code> wrong name
certificates-reissued = ✅ A new certificate for <b>{ $name }</b> has been issued with the code <code>{ $code }</code> and sent to its recipients. The old code <code>{ $old }</code> is no longer valid.
certificates-reissued-no-chat = ✅ A new certificate for <b>{ $name }</b> has been issued with the code <code>{ $code }</code>. The old code <code>{ $old }</code> is no longer valid. Its holder does not use the bot (checked in by the committee); please hand over the file: /certificates { $code }
certificates-already-replaced = Certificate <code>{ $code }</code> was already reissued with the code <code>{ $newer }</code>. Please use the new code.
certificates-bad-name = The name must have 1 to 300 characters. Nothing was changed.
certificates-role-participant = Participant
certificates-role-judge = Judging panel
certificates-role-narasumber = Speaker
certificates-role-winner = Certificate of award { $rank }

## The public verification page
verify-title = Certificate verification
verify-valid = This certificate is genuine and valid.
verify-revoked = This certificate has been revoked and is no longer valid.
verify-revoked-on = Revoked on { $moment }.
verify-replaced = This certificate has been replaced by a newer issue for the same holder. Please check the code on the newest certificate.
verify-name = Name
verify-role = Role
verify-event = Event
verify-day = Date
verify-code = Code
verify-issued = Issued
verify-unknown-title = Certificate not found
verify-unknown = Sorry, we found no certificate with the code { $code }. Please check the code printed on the certificate (16 letters and digits), or contact the committee.
verify-footer = This page is published by { $organiser }.

## The workspace's page (the committee)
workspace-tab-certificates = Certificates
workspace-certificates-title = Certificates and awards
workspace-certificates-winners = Awards
workspace-certificates-revoked = Revoked
workspace-certificates-send-at = Sent from { $moment }; the winners' awards after the winners' announcement.
workspace-certificates-search = Name or certificate code
workspace-certificates-find = Search
workspace-certificates-new-name = Correct name (leave empty if unchanged)
workspace-certificates-reissue = Reissue
workspace-certificates-reason = Reason for revoking
workspace-certificates-revoke = Revoke
workspace-certificates-reason-needed = Please give the reason for revoking (at most 300 characters). Nothing was changed.
workspace-certificates-none = No matching certificate yet.

## /my_certificate (the holder)
command-my-certificate = Your certificate or award charter (again)
certificates-mine-later = Certificates are sent from { $moment } to those checked in. After that you can ask for yours again at any time with /my_certificate.
certificates-mine-none = There is no certificate in your name yet. Certificates go to those checked in at the event (by scanning the attendance QR code), and award charters to the winning units' officers after the announcement.
