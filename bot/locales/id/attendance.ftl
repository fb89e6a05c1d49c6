# The event day: invitations and RSVP, check-in, the daftar hadir
# (Indonesian, formal register: "Bapak/Ibu").

## Commands (Telegram menu)
command-attendance = Undangan dan kehadiran (panitia)
command-check-in = Catat hadir tamu (panitia)
command-attendance-list = Daftar hadir PDF/Excel (panitia)

## Roles
attendance-role-kepala = Kepala
attendance-role-sekretaris = Sekretaris/Kabag
attendance-role-kasubag-program = Kasubag Program
attendance-role-tim-teknis = Tim Teknis
attendance-role-narasumber = Narasumber
attendance-role-guest = Tamu undangan
attendance-kind-participant = Peserta
attendance-kind-judge = Penilai
attendance-kind-narasumber = Narasumber
attendance-kind-guest = Tamu

## Invitations and RSVP
attendance-rsvp-hadir = Hadir
attendance-rsvp-diwakilkan = Diwakilkan
attendance-rsvp-berhalangan = Berhalangan
attendance-invitation =
    <b>Undangan</b>
    { $event }
    { $day }, { $venue }

    Yth. { $invitee }
    Mohon Bapak/Ibu berkenan mengonfirmasi kehadiran dengan memilih salah satu tombol di bawah ini.
attendance-invitation-reminder =
    <b>Pengingat undangan</b>
    { $event }
    { $day }, { $venue }

    Yth. { $invitee }
    Kami belum menerima konfirmasi kehadiran. Mohon Bapak/Ibu memilih salah satu tombol di bawah ini.
attendance-invitation-several =
    <b>Undangan</b>
    { $event }
    { $day }, { $venue }

    Yth.
    { $invitees }

    Mohon Bapak/Ibu berkenan mengonfirmasi kehadiran setiap undangan di atas dengan tombol bernomor yang sesuai di bawah ini: <b>Hadir</b>, <b>Wakil</b> (diwakilkan), atau <b>Izin</b> (berhalangan hadir).
attendance-invitation-reminder-several =
    <b>Pengingat undangan</b>
    { $event }
    { $day }, { $venue }

    Yth.
    { $invitees }

    Kami belum menerima konfirmasi kehadiran undangan di atas. Mohon Bapak/Ibu memilih tombol bernomor yang sesuai di bawah ini: <b>Hadir</b>, <b>Wakil</b> (diwakilkan), atau <b>Izin</b> (berhalangan hadir).
attendance-invitee-line = { $number }. { $invitee }
attendance-rsvp-short-hadir = Hadir
attendance-rsvp-short-diwakilkan = Wakil
attendance-rsvp-short-berhalangan = Izin
attendance-rsvp-chosen = ✓ { $label }
attendance-rsvp-already = Jawaban ini sudah tercatat.
attendance-rsvp-numbered = { $number } · { $choice }
attendance-rsvp-recorded-hadir = Terima kasih. Konfirmasi <b>hadir</b> untuk { $invitee } telah kami catat.
attendance-rsvp-recorded-berhalangan = Terima kasih. Konfirmasi <b>berhalangan</b> untuk { $invitee } telah kami catat.
attendance-rsvp-recorded-diwakilkan = Terima kasih. { $invitee } <b>diwakilkan</b> oleh { $name } ({ $jabatan }); telah kami catat.
attendance-rsvp-ask-delegate-name = { $invitee } diwakilkan. Mohon ketik <b>nama lengkap</b> wakil yang akan hadir (atau /batal).
attendance-rsvp-ask-delegate-jabatan = Mohon ketik <b>jabatan</b> { $name } (atau /batal).
attendance-rsvp-not-yours = Mohon maaf, undangan ini tidak dapat Bapak/Ibu jawab (sudah tidak berlaku atau ditujukan kepada pihak lain).
attendance-rsvp-delegate-dropped = Pengisian wakil untuk { $invitee } belum selesai dan kami hentikan; { $answered ->
        [yes] jawaban sebelumnya untuk baris itu tidak berubah.
       *[no] baris itu <b>belum dijawab</b>.
    } Bila diperlukan, tekan lagi tombol Wakil pada baris itu.
attendance-delegate-replaced = Nama wakil untuk undangan tidak lagi ditunggu.
attendance-delegate-cancelled = Baik, pengisian wakil dibatalkan. Jawaban undangan tidak berubah.

## Check-in at the entrance (the QR link)
attendance-checkin-no-event = Mohon maaf, belum ada acara yang dimuat.
attendance-checkin-forged = Mohon maaf, tautan daftar hadir ini tidak dikenali. Silakan pindai kembali kode QR di meja registrasi, atau minta bantuan panitia.
attendance-checkin-other-day = Mohon maaf, tautan daftar hadir ini berlaku untuk { $day }, bukan hari ini. Silakan pindai kode QR terbaru di meja registrasi, atau minta bantuan panitia.
attendance-checkin-early = Mohon maaf, daftar hadir baru dibuka pukul { $time }. Silakan pindai kembali nanti.
attendance-checkin-closed = Mohon maaf, daftar hadir hari ini sudah ditutup. Silakan menghubungi panitia.
attendance-checkin-already = Bapak/Ibu <b>{ $name }</b> sudah tercatat hadir pukul { $time }. Terima kasih.
attendance-checkin-confirm =
    <b>Daftar hadir</b>
    Nama: { $name }
    NIP: { $nip }
    Jabatan: { $jabatan }
    Unit kerja: { $unit }

    Apakah data di atas sudah benar?
attendance-button-confirm = Benar, saya hadir
attendance-button-change = Ubah data
attendance-checkin-ask-name = <b>Daftar hadir</b> — mohon ketik <b>nama lengkap</b> Bapak/Ibu (dengan gelar bila ada).
attendance-checkin-ask-name-known = <b>Daftar hadir</b> — mohon tekan nama Bapak/Ibu di bawah ini bila sudah benar, atau ketik <b>nama lengkap</b> (dengan gelar bila ada).
attendance-checkin-ask-nip = Mohon ketik <b>NIP</b> (18 angka), atau tekan tombol di bawah ini bila Bapak/Ibu tidak memiliki NIP.
attendance-button-no-nip = Tidak memiliki NIP
attendance-checkin-ask-jabatan = Mohon ketik <b>jabatan</b> Bapak/Ibu.
attendance-checkin-ask-jabatan-known = Mohon tekan jabatan di bawah ini bila masih benar, atau ketik <b>jabatan</b> Bapak/Ibu.
attendance-checkin-ask-unit = Mohon ketik <b>unit kerja / instansi</b> Bapak/Ibu, atau pilih tombol di bawah ini.
attendance-checkin-ask-unit-typed = Mohon ketik <b>unit kerja / instansi</b> Bapak/Ibu.
attendance-checkin-done = Terima kasih, Bapak/Ibu <b>{ $name }</b> tercatat hadir pukul { $time } (nomor { $number }). Selamat mengikuti acara.
attendance-checkin-stale = Mohon maaf, isian daftar hadir ini sudah tidak berlaku. Silakan pindai kembali kode QR di meja registrasi.
attendance-checkin-replaced = Isian daftar hadir tidak lagi ditunggu.
attendance-checkin-cancelled = Baik, isian daftar hadir dibatalkan. Bapak/Ibu dapat memindai kembali kode QR kapan saja.
attendance-error-name-empty = Mohon ketik nama lengkap Bapak/Ibu.
attendance-error-name-too-long = Mohon maaf, nama terlalu panjang ({ $length } karakter; paling banyak 300). Mohon ketik kembali dengan lebih singkat.
attendance-error-nip-digits = Mohon maaf, NIP harus terdiri dari 18 angka (yang Bapak/Ibu ketik: { $count } angka). Mohon ketik kembali, atau tekan "Tidak memiliki NIP".
attendance-error-nip-char = Mohon maaf, NIP hanya berisi angka; karakter "{ $char }" tidak dapat dipakai (spasi, titik, dan tanda hubung boleh). Mohon ketik kembali, atau tekan "Tidak memiliki NIP".
attendance-error-nip-taken = Mohon maaf, NIP ini sudah tercatat atas nama <b>{ $name }</b> pada acara ini. Mohon periksa kembali NIP Bapak/Ibu, atau tekan "Tidak memiliki NIP" dan sampaikan kepada panitia.
attendance-error-nip-birth = Mohon maaf, NIP tampaknya tidak sah: delapan angka pertamanya adalah tanggal lahir (tahun-bulan-tanggal), dan tanggal { $part } tidak ada. Mohon periksa dan ketik kembali, atau tekan "Tidak memiliki NIP".
attendance-error-nip-tmt = Mohon maaf, NIP tampaknya tidak sah: angka ke-9 sampai ke-14 adalah bulan pengangkatan (TMT, tahun-bulan), dan { $part } bukan bulan yang mungkin. Mohon periksa dan ketik kembali, atau tekan "Tidak memiliki NIP".
attendance-error-nip-sex = Mohon maaf, NIP tampaknya tidak sah: angka ke-15 menunjukkan jenis kelamin (1 atau 2), bukan { $part }. Mohon periksa dan ketik kembali, atau tekan "Tidak memiliki NIP".
attendance-manual-nip-digits = Mohon maaf, NIP harus terdiri dari 18 angka (yang Bapak/Ibu ketik: { $count } angka). Perbaiki NIP, atau hapus bagian keempat (NIP) bila tamu tidak memiliki NIP.
attendance-manual-nip-char = Mohon maaf, NIP hanya berisi angka; karakter "{ $char }" tidak dapat dipakai (spasi, titik, dan tanda hubung boleh). Perbaiki NIP, atau hapus bagian keempat (NIP) bila tamu tidak memiliki NIP.
attendance-manual-nip-taken = Mohon maaf, NIP ini sudah tercatat atas nama <b>{ $name }</b> pada acara ini; tidak dicatat lagi. Periksa kembali NIP, atau hapus bagian keempat (NIP).
attendance-manual-nip-birth = Mohon maaf, NIP tampaknya tidak sah: tanggal lahir { $part } (delapan angka pertama) tidak ada. Perbaiki NIP, atau hapus bagian keempat (NIP) bila tamu tidak memiliki NIP.
attendance-manual-nip-tmt = Mohon maaf, NIP tampaknya tidak sah: bulan pengangkatan (TMT) { $part } (angka ke-9 sampai ke-14) tidak mungkin. Perbaiki NIP, atau hapus bagian keempat (NIP) bila tamu tidak memiliki NIP.
attendance-manual-nip-sex = Mohon maaf, NIP tampaknya tidak sah: angka ke-15 (jenis kelamin) harus 1 atau 2, bukan { $part }. Perbaiki NIP, atau hapus bagian keempat (NIP) bila tamu tidak memiliki NIP.
attendance-error-jabatan-too-long = Mohon maaf, jabatan terlalu panjang ({ $length } karakter; paling banyak 300). Mohon ketik kembali dengan lebih singkat.
attendance-error-unit-too-long = Mohon maaf, unit kerja terlalu panjang ({ $length } karakter; paling banyak 300). Mohon ketik kembali dengan lebih singkat.
attendance-error-jabatan-empty = Mohon ketik jabatan Bapak/Ibu.
attendance-error-unit-empty = Mohon ketik unit kerja atau instansi Bapak/Ibu.
attendance-error-name-digits = Mohon maaf, nama tidak berupa angka. Mohon ketik nama lengkap Bapak/Ibu.
attendance-error-name-letters = Mohon maaf, nama untuk daftar hadir perlu ditulis dengan huruf. Mohon ketik nama lengkap Bapak/Ibu, misalnya Siti Rahayu, S.Sos.
attendance-error-jabatan-digits = Mohon maaf, jabatan tidak berupa angka (NIP diminta pada langkah sebelumnya). Mohon ketik jabatan Bapak/Ibu, misalnya "Kepala Subbagian Program".
attendance-error-unit-digits = Mohon maaf, unit kerja tidak berupa angka. Mohon ketik nama unit kerja atau instansi Bapak/Ibu.
attendance-no-nip = -

## The committee (/kehadiran, /catat_hadir, /daftar_hadir)
attendance-summary-header =
    <b>Undangan dan kehadiran</b> — { $event }
    Hadir (tercatat): <b>{ $present }</b> dari { $invited } undangan
    Jawaban: hadir { $hadir }, diwakilkan { $diwakilkan }, berhalangan { $berhalangan }, belum menjawab { $unanswered }
attendance-summary-line = { $unit }: undangan { $invited } · hadir { $hadir } · diwakilkan { $diwakilkan } · berhalangan { $berhalangan } · belum { $unanswered } · tercatat hadir { $present }
attendance-summary-others = Narasumber, tamu, dan lainnya
attendance-button-send = Kirim undangan
attendance-button-remind = Ingatkan yang belum menjawab
attendance-button-poster = Poster QR (PDF)
attendance-button-pdf = Daftar hadir (PDF)
attendance-button-xlsx = Daftar hadir (Excel)
attendance-send-confirm = Kirim <b>{ $count }</b> undangan kepada { $recipients } penerima di bot? Undangan yang sudah dikirim tidak dapat ditarik kembali.
attendance-remind-confirm = Kirim pengingat untuk <b>{ $count }</b> undangan yang belum dijawab kepada { $recipients } penerima?
attendance-send-queued = Undangan masuk antrean pengiriman: <b>{ $count }</b> undangan untuk { $recipients } penerima. Bot mengirimkannya bertahap dalam beberapa menit.
attendance-remind-queued = Pengingat masuk antrean pengiriman: <b>{ $count }</b> undangan untuk { $recipients } penerima. Bot mengirimkannya bertahap dalam beberapa menit.
attendance-send-nothing = Tidak ada undangan baru yang dapat dikirim.
attendance-remind-nothing = Tidak ada undangan terkirim yang belum dijawab dan dapat diingatkan.
attendance-unreachable-header = Belum dapat dikirim: <b>{ $unreachable }</b> undangan (belum ada petugas unit atau penerima yang memulai bot, atau bot diblokir). Mohon minta mereka membuka bot dan menekan "Mulai", lalu kirim lagi:
attendance-unreachable-line = • { $where }: { $count } undangan
attendance-button-send-now = Ya, kirim undangan
attendance-button-remind-now = Ya, kirim pengingat
attendance-button-cancel = Batal
attendance-send-cancelled = Baik, tidak ada yang dikirim.
attendance-send-over = Mohon maaf, acara ini sudah selesai; undangan dan pengingat tidak dikirim lagi.
attendance-manual-usage = Cara mencatat kehadiran tamu: <code>/catat_hadir Nama; Jabatan; Unit kerja; NIP</code> (jabatan, unit kerja dan NIP boleh dikosongkan).
attendance-manual-done = Tercatat hadir: <b>{ $name }</b> (nomor { $number }). Jumlah hadir: { $present }.
attendance-manual-already = <b>{ $name }</b> sudah tercatat hadir pukul { $time }.
attendance-manual-namesakes = Mohon maaf, ada { $count } orang bernama <b>{ $name }</b> yang sudah tercatat hadir; tidak jelas yang mana yang dimaksud, sehingga tidak dicatat. Tambahkan jabatan, unit kerja, atau NIP agar dapat dibedakan: <code>/catat_hadir Nama; Jabatan; Unit kerja; NIP</code>.
attendance-manual-namesake-note = Catatan: { $count } orang lain dengan nama yang sama sudah tercatat; jabatan, unit kerja, atau NIP-nya berbeda, sehingga tamu ini dicatat sebagai orang tersendiri.
attendance-list-caption = Daftar hadir — { $event } ({ $present } orang)
attendance-poster-caption = Poster daftar hadir untuk { $day }. Tautan: { $link }

## Documents
attendance-pdf-title = DAFTAR HADIR
attendance-pdf-day = Hari/Tanggal
attendance-pdf-place = Tempat
attendance-pdf-example = CONTOH — penanda tangan ini belum diganti di berkas acara
attendance-pdf-session = Sesi: { $title } ({ $hours })
attendance-session-done = Bapak/Ibu <b>{ $name }</b> tercatat hadir pada sesi <b>{ $session }</b> pukul { $time }.
attendance-session-already = Bapak/Ibu <b>{ $name }</b> sudah tercatat hadir pada sesi <b>{ $session }</b> pukul { $time }.
attendance-unknown-session = Mohon maaf, tidak ada sesi dengan kode { $key } yang memiliki daftar hadir tersendiri. Sesi yang ada: { $keys }.
attendance-pdf-page = Halaman { $page } dari { $pages }
attendance-col-no = No
attendance-col-name = Nama
attendance-col-nip = NIP
attendance-col-jabatan = Jabatan
attendance-col-unit = Unit Kerja
attendance-col-time = Waktu hadir
attendance-col-signature = Tanda tangan
attendance-col-role = Peran
attendance-poster-title = DAFTAR HADIR
attendance-poster-how = Pindai kode QR ini dengan kamera ponsel, lalu tekan "Mulai" di Telegram.
