# Core: formats, start, help, language, groups, the main menu, the last-resort answer
# (Indonesian, formal register: "Bapak/Ibu").

format-moment = { $day }, pukul { $time } { $zone }

start-welcome =
    Selamat datang, Bapak/Ibu { $name }.
    Saya asisten resmi <b>{ $event }</b>.

    🗓 { $day }
    📍 { $venue }

    Silakan pilih menu di bawah ini.
start-welcome-group =
    Selamat datang, Bapak/Ibu { $name }.
    Saya asisten resmi <b>{ $event }</b>.

    🗓 { $day }
    📍 { $venue }

    Perintah yang dapat dipakai di grup ini: /agenda, /sekarang, /berikutnya, /lokasi, /narasumber, /pemenang, /help.
start-welcome-no-event =
    Selamat datang, Bapak/Ibu { $name }.
    Saya asisten resmi Innovative Government Award (IGA). Belum ada acara yang dimuat.

help-text =
    <b>Bantuan</b>
    /start — menu utama
    /help — bantuan ini
    /agenda — susunan acara; /sekarang dan /berikutnya — sesi saat ini dan berikutnya
    /lokasi — lokasi acara dan peta
    /narasumber — narasumber dan sesinya
    /kalender — susunan acara sebagai berkas kalender (.ics)
    /faq — pertanyaan yang sering diajukan
    /tanya — bertanya kepada narasumber selama sesi berlangsung
    /langganan dan /berhenti — langganan pengumuman
    /pemenang — pemenang Lomba IGA (setelah diumumkan)
    /arsip — juara dan laporan hasil IGA tiap tahun
    /sertifikat_saya — sertifikat atau piagam Bapak/Ibu, dapat diminta kembali
    /bahasa — ganti bahasa (Indonesia/English)
    /daftar <code>KODE</code> — daftar sebagai petugas Perangkat Daerah dengan kode undangan
help-officer =
    <b>Petugas Perangkat Daerah</b>
    /lanjutkan — lanjutkan mengisi formulir inovasi (atau tombol 📝 Kirim Inovasi)
    /inovasi_saya — inovasi unit Bapak/Ibu dan statusnya
    /batal — keluar dari formulir; draf tetap tersimpan
help-judge =
    <b>Penilai</b>
    /nilai — inovasi yang ditugaskan kepada Bapak/Ibu dan lembar penilaiannya
help-admin =
    <b>Panitia</b>
    /inovasi (/entries) — daftar inovasi: verifikasi, kembalikan, tolak, nominasikan
    /penilai (/judges) — tim penilai; <code>/penilai tambah ID_TELEGRAM KODE_UNIT|- Nama</code> menambah penilai
    /tugaskan (/assign) — tugaskan penilai ke inovasi; penugasan yang lembar penilaiannya sudah dikirim tidak dapat dibatalkan sebelum lembar itu dibuka kembali (Ruang kerja › Kemajuan penilaian › 🔓 Buka kembali; penilai diberi tahu)
    /nilai (/score) — lembar penilaian (khusus penilai)
    /peringkat (/ranking) — peringkat inovasi menurut nilai; di sini penilaian juga ditutup (🔒) atau dibuka kembali (🔓)
    /tetapkan_juara (/set_winners) — tetapkan juara dari peringkat
    /umumkan_pada <code>TANGGAL JAM</code> — jadwalkan pengumuman pemenang
    /batal_umumkan — batalkan jadwal pengumuman pemenang
    /ekspor (/export) — unduh rekap (.xlsx; <code>/ekspor csv</code> untuk CSV)
    /laporan (/report) — laporan hasil IGA (PDF)
    /kehadiran (/attendance) — undangan, konfirmasi kehadiran per unit, poster QR daftar hadir
    /catat_hadir <code>Nama; Jabatan; Unit kerja; NIP</code> — catat hadir tamu tanpa ponsel
    /daftar_hadir (/attendance_list) — daftar hadir (PDF; <code>/daftar_hadir xlsx</code> untuk Excel)
    /pengumuman (/broadcast) — kirim pengumuman ke pelanggan, petugas, atau penilai
    /daftarpengumuman (/broadcasts) — pengumuman terkirim dan terjadwal
    /undangan <code>KODE_UNIT</code> — buat kode undangan petugas
    /buka_kembali <code>KODE_UNIT [HARI]</code> — buka kembali pengiriman untuk satu unit
    /muat_ulang (/reload) — muat ulang berkas acara (perubahan jadwal)
    /sertifikat (/certificates) — sertifikat dan piagam: ringkasan, cari kode menurut nama, cabut, terbitkan ulang
    /hapus_berkas (/purge_files) — hapus berkas inovasi yang ditarik
    /audit — log audit
    /moderasi (/moderate) — moderasi pertanyaan untuk narasumber (juga moderator dari berkas acara)
    /evaluasi (/evaluation) — ringkasan evaluasi acara (lembar «Evaluasi» di /ekspor)
help-footer = Pertanyaan lain dapat disampaikan kepada panitia.

# Last resort: a message or command no feature took
fallback-not-understood = Mohon maaf, saya belum memahami pesan tersebut. Silakan pilih menu di bawah ini, atau ketik /help untuk melihat apa saja yang dapat saya bantu.
fallback-unknown-command = Mohon maaf, perintah tidak dikenal. Silakan pilih menu di bawah ini, atau ketik /help untuk melihat daftar perintah.
fallback-media = Mohon maaf, foto, berkas, stiker atau pesan suara tidak dapat saya proses di sini. Saya dapat membantu Bapak/Ibu melihat agenda, lokasi, narasumber, dan pengumuman acara; petugas Perangkat Daerah yang sudah terdaftar (/daftar dengan kode undangan dari panitia) mengirim dokumen inovasi melalui menu { $submit }. Silakan pilih menu di bawah ini, atau ketik /help.

error-generic = Mohon maaf, terjadi kendala saat memproses permintaan Bapak/Ibu. Silakan coba lagi beberapa saat lagi.
error-unavailable = Mohon maaf, layanan sedang mengalami gangguan sementara. Jawaban Bapak/Ibu yang sudah tersimpan tetap aman; silakan kirim ulang pesan terakhir dalam beberapa saat.
committee-only = Mohon maaf, fitur ini khusus untuk panitia.

command-start = Menu utama
command-help = Bantuan
command-language = Ganti bahasa

# Command line (iga-bot event show, invite create)
show-organiser = Penyelenggara: { $organiser }
show-day = Hari/tanggal: { $day }
show-venue = Tempat: { $venue }
show-agenda = Susunan acara:
show-entries-close = Batas akhir pengiriman inovasi: { $moment }
show-results = Pemenang:
invite-created-hint = Kode undangan untuk { $unit }: berlaku { $days } hari untuk { $uses } petugas. Petugas mengirim /daftar { $code } kepada bot.

# Main menu (reply keyboard)
menu-agenda = 🗓 Agenda
menu-venue = 📍 Lokasi
menu-speakers = 🎤 Narasumber
menu-announcements = 📣 Pengumuman
menu-winners = 🏆 Pemenang IGA
menu-submit = 📝 Kirim Inovasi
menu-help = ❓ Bantuan

# Language
language-choose = Silakan pilih bahasa. / Please choose a language.
language-name-id = 🇮🇩 Bahasa Indonesia
language-name-en = 🇬🇧 English
language-changed = Baik, bot kini menggunakan { $name }.

# Groups
group-private-only = Pengaturan pribadi (langganan, pengingat, bahasa) dilakukan di chat pribadi dengan bot.
group-open-private = Buka chat pribadi
group-use-private = Mohon Bapak/Ibu gunakan perintah ini di chat pribadi dengan bot.
group-code-shared =
    Kode undangan ini telah terlihat oleh seluruh anggota grup. Bila grup ini tidak sepenuhnya tepercaya, mohon Bapak/Ibu meminta kode baru kepada panitia.
    Pendaftaran dilakukan di chat pribadi dengan bot: kirim /daftar beserta kodenya di sana.
input-cancel-nothing = Tidak ada yang sedang Bapak/Ibu isi, jadi tidak ada yang dibatalkan.

# Long texts split across messages: the start of a message that continues the previous one
text-continued = <i>(lanjutan)</i>
