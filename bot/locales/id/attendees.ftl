# Attendees: agenda, now and next, venue, speakers, calendar, FAQ
# (Indonesian, formal register: "Bapak/Ibu").

agenda-no-event = Mohon maaf, belum ada acara yang dimuat. Silakan hubungi panitia.
agenda-title = 🗓 <b>Susunan acara { $event }</b>
agenda-day = <b>{ $day }</b>
agenda-item = <b>{ $time }</b> · { $title }
agenda-item-cancelled = <s>{ $time } · { $title }</s> — <b>dibatalkan</b>
agenda-item-speakers = 🎤 { $speakers }
agenda-item-room = 📍 { $room }
agenda-more-speakers = { $names } dan { $count } lainnya
agenda-marker-now = 🔴 <i>Sedang berlangsung</i>
agenda-marker-next = ⏭ <i>Berikutnya</i>
agenda-ended = ✅ Acara telah selesai. Terima kasih atas kehadiran Bapak/Ibu. Hasil Lomba IGA dapat dilihat melalui menu «{ $winners }».
agenda-example-times = ⓘ <i>Jam sesi masih berupa contoh; mohon konfirmasi kepada panitia.</i>
agenda-empty = Susunan acara belum tersedia.
agenda-page = Halaman { $page } dari { $pages }
agenda-open-private = Agenda lengkap di chat pribadi
agenda-item-gone = Sesi ini tidak ada lagi dalam susunan acara.
agenda-detail-title = <b>{ $title }</b>
agenda-detail-cancelled = ❌ <b>Sesi ini dibatalkan.</b>
agenda-detail-when = 🗓 { $day }, pukul { $time }
agenda-detail-speaker = 🎤 { $name } ({ $institution })
agenda-detail-speaker-plain = 🎤 { $name }
agenda-detail-description = { $description }
agenda-star-button = 🔔 Ingatkan saya ({ $minutes } menit sebelum)
agenda-unstar-button = 🔕 Batalkan pengingat
agenda-calendar-button = 📅 Simpan ke kalender
agenda-questions-button = ❓ Ajukan pertanyaan
agenda-starred = Baik, Bapak/Ibu akan diingatkan { $minutes } menit sebelum sesi ini dimulai, pukul { $time } { $zone }.
agenda-unstarred = Pengingat untuk sesi ini dibatalkan.
agenda-star-cancelled = Sesi ini dibatalkan, sehingga tidak dapat diingatkan.
agenda-star-past = Sesi ini sudah dimulai atau telah berlalu, sehingga tidak dapat diingatkan lagi.
agenda-now-title = 🔴 <b>Sedang berlangsung</b>
agenda-nothing-now = Saat ini tidak ada sesi yang sedang berlangsung.
agenda-next-title = ⏭ <b>Berikutnya</b> ({ $day })
agenda-nothing-next = Tidak ada sesi lagi hari ini.

# Speakers (narasumber)
speakers-title = 🎤 <b>Narasumber { $event }</b>
speakers-name = <b>{ $name }</b>
speakers-institution = { $institution }
speakers-role = <i>{ $role }</i>
speakers-session = • { $time } · { $title }
speakers-session-day = { $day }, { $time }
speakers-more-sessions = … dan { $count } sesi lainnya (lihat /agenda)
speakers-none = Daftar narasumber belum tersedia.

# Venue
venue-text =
    📍 <b>{ $name }</b>
    { $address }

    🗺 <a href="{ $url }">Buka di peta</a>
venue-example = ⓘ <i>Alamat dan titik lokasi masih berupa contoh; mohon konfirmasi kepada panitia.</i>

# Calendar file
calendar-caption = 📅 Susunan acara { $event } dalam berkas kalender (.ics). Buka berkas ini untuk menambahkannya ke kalender Bapak/Ibu; jika dibuka lagi setelah ada perubahan, jadwal diperbarui tanpa tercatat dua kali.
calendar-item-caption = 📅 { $title } (berkas kalender .ics)
calendar-speakers = Narasumber: { $speakers }

# FAQ
faq-title = ❓ <b>Pertanyaan yang sering diajukan</b> — { $event }
faq-entry =
    <b>{ $question }</b>
    { $answer }
faq-empty = Belum ada daftar pertanyaan. Silakan hubungi panitia.

# Commands (Telegram's command menu)
command-agenda = Susunan acara
command-now = Sesi yang sedang berlangsung
command-next = Sesi berikutnya
command-venue = Lokasi acara
command-speakers = Narasumber
command-calendar = Berkas kalender (.ics)
command-subscribe = Berlangganan pengumuman
command-unsubscribe = Berhenti berlangganan
command-faq = Pertanyaan yang sering diajukan
