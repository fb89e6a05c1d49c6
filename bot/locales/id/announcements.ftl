# Announcements: broadcasts (/broadcast, /broadcasts), subscriptions, schedule changes,
# reminders and the winners' announcement (Indonesian, formal register: "Bapak/Ibu").

broadcast-ask-text =
    📣 <b>Pengumuman baru</b>
    Silakan kirim teks pengumuman. Bapak/Ibu juga dapat mengirim foto atau dokumen dengan keterangan (caption).
    Ketik /batal untuk membatalkan.
broadcast-text-too-long = Teks terlalu panjang: { $length } karakter menurut hitungan Telegram, paling banyak { $limit }; mohon kurangi sedikitnya { $over } karakter. Telegram menghitung emoji dan sebagian simbol sebagai 2 karakter, sehingga jumlah ini dapat lebih besar daripada yang terlihat. Silakan kirim teks yang lebih singkat.
broadcast-text-split = Mohon maaf, pengumuman ini terlalu panjang untuk satu pesan: sedikitnya { $length } karakter menurut hitungan Telegram (emoji dan sebagian simbol dihitung 2 karakter; Telegram mengirimnya sebagai beberapa pesan), paling banyak { $limit }. Pengumuman tidak disimpan dan tidak dikirim, agar tidak terpotong. Silakan kirim /pengumuman lagi dengan teks yang lebih singkat, atau kirim teks lengkapnya sebagai dokumen (berkas) dengan keterangan singkat.
broadcast-text-missing = Silakan kirim teks, foto, atau dokumen untuk pengumuman.
broadcast-ask-audience = Kepada siapa pengumuman ini dikirim?
broadcast-audience-subscribers = Semua pelanggan
broadcast-audience-topic = Pelanggan topik: { $topic }
broadcast-audience-officers-all = Petugas semua Perangkat Daerah
broadcast-audience-officers-some = Petugas { $count } Perangkat Daerah
broadcast-audience-judges = Tim penilai
broadcast-audience-chats = { $count } penerima tertentu
broadcast-audience-all = Semua pengguna bot
broadcast-button-officers-some = Petugas Perangkat Daerah tertentu
broadcast-topic-general = Pengumuman umum
broadcast-topic-schedule = Jadwal dan pengingat acara
broadcast-topic-results = Hasil Lomba IGA
broadcast-ask-units = Pilih Perangkat Daerah (ketuk untuk memilih atau membatalkan pilihan), lalu ketuk «Selesai».
broadcast-button-units-done = Selesai
broadcast-units-none = Pilih sekurang-kurangnya satu Perangkat Daerah.
broadcast-no-units = Belum ada Perangkat Daerah yang dimuat.
broadcast-no-recipients = Belum ada penerima untuk pilihan ini ({ $audience }). Silakan pilih penerima lain.
broadcast-preview-heading = 👁 Pratinjau: pesan di bawah ini persis seperti yang akan diterima.
broadcast-confirm =
    Penerima: <b>{ $audience }</b> ({ $count } penerima).
    Kirim pengumuman ini?
broadcast-button-now = ✅ Kirim sekarang
broadcast-button-later = 🕘 Jadwalkan
broadcast-button-quit = Batal
broadcast-ask-time = Kapan pengumuman dikirim? Tulis tanggal dan jam { $zone }, contoh: <code>{ $example }</code>
broadcast-time-invalid = Format waktu tidak dikenali. Contoh yang benar: <code>{ $example }</code>
broadcast-time-past = Waktu tersebut sudah lewat ({ $moment }). Silakan tulis waktu yang akan datang.
broadcast-scheduled =
    🕘 Pengumuman #{ $id } dijadwalkan pada { $moment }.
    Penerima: { $audience } ({ $count }).
broadcast-cancelled-draft = Pengumuman dibatalkan; tidak ada yang dikirim.
broadcast-progress =
    📣 <b>Pengumuman #{ $id }</b> sedang dikirim…
    Terkirim { $sent } dari { $total } · gagal { $failed } · memblokir bot { $blocked } · belum memulai bot { $not_started }
broadcast-report =
    ✅ <b>Pengumuman #{ $id } selesai dikirim.</b>
    Terkirim: { $sent } dari { $total }
    Gagal: { $failed }
    Memblokir bot: { $blocked }
    Belum memulai bot: { $not_started }
broadcast-report-cancelled =
    ⛔ <b>Pengumuman #{ $id } dihentikan.</b>
    Terkirim: { $sent } dari { $total }
    Gagal: { $failed }
    Memblokir bot: { $blocked }
    Belum memulai bot: { $not_started }
    Tidak dikirim: { $pending }
broadcast-button-stop = ⛔ Hentikan
broadcast-stopped = Pengumuman #{ $id } dihentikan.
broadcast-already-finished = Pengumuman #{ $id } sudah selesai; tidak ada yang dihentikan.
broadcast-list-empty = Belum ada pengumuman.
broadcast-list-heading = 📣 <b>Pengumuman terakhir</b>
broadcast-list-item =
    <b>#{ $id }</b> · { $kind } · { $status } · { $moment }
    { $preview }
    { $audience }: terkirim { $sent }/{ $total }, gagal { $failed }, memblokir bot { $blocked }, belum memulai bot { $not_started }
broadcast-preview-quote = «{ $text }»
broadcast-preview-media = [{ $kind ->
        [photo] foto
        [document] dokumen
        [video] video
       *[other] berkas
    }]
broadcast-kind-manual = Pengumuman panitia
broadcast-kind-reminder = Pengingat acara
broadcast-kind-deadline = Pengingat batas waktu pengisian
broadcast-kind-winners = Pengumuman juara
broadcast-kind-congratulations = Ucapan selamat kepada juara
broadcast-kind-schedule_change = Perubahan jadwal
broadcast-kind-winners-empty = Pengumuman juara tertunda (juara belum ditetapkan)
broadcast-kind-other = Pesan sistem
broadcast-button-stop-one = ⛔ Hentikan #{ $id }
broadcast-status-draft = draf
broadcast-status-scheduled = dijadwalkan { $moment }
broadcast-status-sending = sedang dikirim
broadcast-status-done = selesai
broadcast-status-cancelled = dihentikan

# Subscriptions
subs-intro = 📣 <b>Pengumuman</b>
    Pilih topik yang ingin Bapak/Ibu terima. Ketuk topik untuk berlangganan atau berhenti.
subs-stop-intro = 🔕 <b>Berhenti berlangganan</b>
    Ketuk topik yang ingin dihentikan, atau berhenti dari semua topik.
subs-none = Bapak/Ibu belum berlangganan pengumuman apa pun.
subs-state-on = ✅ { $topic }: berlangganan
subs-state-off = ⬜ { $topic }: tidak berlangganan
subs-topic-general = Pengumuman umum
subs-topic-schedule = Jadwal dan pengingat acara
subs-topic-results = Hasil Lomba IGA
subs-start-all = 🔔 Langganan semua
subs-stop-all = 🔕 Berhenti dari semua
subs-saved = Pilihan Bapak/Ibu telah disimpan.

# Schedule changes
schedule-title = 📢 <b>Perubahan susunan acara</b> — { $event }
schedule-when = { $day }, pukul { $time }
schedule-none = —
schedule-cancelled = ❌ <b>{ $title }</b> ({ $when }) <b>dibatalkan</b>.
schedule-added = 🆕 Sesi baru: <b>{ $title }</b>, { $when }
schedule-restored = ↩️ Dijadwalkan kembali: <b>{ $title }</b>, { $when }
schedule-changed = ✏️ <b>{ $title }</b>
schedule-field-title = Judul: <s>{ $before }</s> → { $after }
schedule-field-time = Waktu: <s>{ $before }</s> → { $after }
schedule-field-room = Ruang: <s>{ $before }</s> → { $after }
schedule-field-speakers = Narasumber: <s>{ $before }</s> → { $after }
reload-invalid =
    Mohon maaf, berkas acara tidak dapat dimuat; tidak ada yang diubah. Mohon Bapak/Ibu memperbaiki isian berikut pada berkas acara, lalu mengirim /muat_ulang lagi:
    { $problems }
reload-problem = • <code>{ $path }</code>: { $problem }
reload-problem-unlocated = • Berkas acara { $problem }
reload-problem-more = … dan { $count } masalah lainnya (daftar lengkapnya: <code>iga-bot event import BERKAS --dry-run</code>).
reload-problem-missing = wajib diisi, tetapi belum ada.
reload-problem-unknown-field = tidak dikenal dalam berkas acara (mungkin salah ketik nama isian atau letaknya); mohon diperbaiki atau dihapus.
reload-problem-text = harus berupa teks (tertulis: { $value }).
reload-problem-whole-number = harus berupa bilangan bulat (tertulis: { $value }).
reload-problem-number = harus berupa angka (tertulis: { $value }).
reload-problem-yes-no = harus bernilai true (ya) atau false (tidak) (tertulis: { $value }).
reload-problem-date = harus berupa tanggal dengan format TTTT-BB-HH (tertulis: { $value }).
reload-problem-moment = harus berupa tanggal dan jam dengan zona waktu, misalnya TTTT-BB-HHT15:00:00+07:00 (tertulis: { $value }).
reload-problem-zone-missing = harus menyebutkan zona waktu di akhir, misalnya TTTT-BB-HHT15:00:00+07:00.
reload-problem-unknown-zone = zona waktu "{ $value }" tidak dikenal; mohon gunakan misalnya Asia/Jakarta, Asia/Makassar, atau Asia/Jayapura.
reload-problem-time-of-day = "{ $value }" bukan jam yang dapat dibaca; mohon tulis seperti 09.00 atau 09:00.
reload-problem-one-of = harus salah satu dari { $expected } (tertulis: { $value }).
reload-problem-pattern = penulisannya tidak sesuai pola <code>{ $pattern }</code> (tertulis: { $value }).
reload-problem-pattern-key = hanya boleh berisi huruf kecil, angka, tanda hubung (-), dan garis bawah (_), diawali huruf kecil atau angka, paling banyak 64 karakter (tertulis: { $value }).
reload-problem-pattern-unit-code = hanya boleh berisi huruf besar, angka, tanda hubung (-), dan garis bawah (_), diawali huruf besar atau angka, paling banyak 32 karakter (tertulis: { $value }).
reload-problem-pattern-prefix = hanya boleh berisi huruf besar, angka, dan tanda hubung (-), 1 sampai 16 karakter (tertulis: { $value }).
reload-problem-pattern-nip = harus berupa NIP: 18 angka tanpa spasi (tertulis: { $value }).
reload-problem-text-too-short = terlalu pendek: paling sedikit { $min_length } karakter.
reload-problem-text-too-long = terlalu panjang: paling banyak { $max_length } karakter.
reload-problem-list-too-short = paling sedikit berisi { $min_length } butir.
reload-problem-list-too-long = paling banyak berisi { $max_length } butir.
reload-problem-at-least = harus { $ge } atau lebih (tertulis: { $value }).
reload-problem-at-most = harus { $le } atau kurang (tertulis: { $value }).
reload-problem-more-than = harus lebih dari { $gt } (tertulis: { $value }).
reload-problem-less-than = harus kurang dari { $lt } (tertulis: { $value }).
reload-problem-section = harus berupa bagian berisi isian bernama (nama: nilai), bukan satu nilai.
reload-problem-list = harus berupa daftar (setiap butir pada baris sendiri, diawali tanda -).
reload-problem-other = belum sesuai ketentuan (keterangan teknis: { $detail }).
reload-not-yaml =
    Berkas acara tidak dapat dimuat karena penulisannya tidak sesuai format YAML pada baris { $line }, kolom { $column }; tidak ada yang diubah. Baris tersebut:
    <pre>{ $excerpt }</pre>
    Mohon periksa baris itu dan baris sebelumnya (misalnya titik dua, tanda kutip, atau indentasi yang tidak sejajar), lalu kirim /muat_ulang lagi.
reload-not-yaml-somewhere = Berkas acara tidak dapat dimuat karena penulisannya tidak sesuai format YAML; tidak ada yang diubah. Mohon periksa berkas tersebut (misalnya titik dua, tanda kutip, atau indentasi), lalu kirim /muat_ulang lagi.
reload-closed = Berkas acara <code>{ $path }</code> (EVENT_CONFIG) masih berkas IGA { $year }, dan IGA { $year } sudah ditutup karena IGA { $current } telah dimulai: dari berkas ini hanya bagian acaranya (agenda, tempat, tanggal acara) yang masih dapat dimuat ulang, sedangkan berkas ini juga mengubah <code>{ $fields }</code>. Tidak ada yang diubah.

    Bila yang ingin dimuat adalah IGA { $current }: ganti EVENT_CONFIG ke berkas IGA { $current }, lalu jalankan ulang bot. Bila hanya acara IGA { $year } yang berubah: kembalikan bagian lain berkas itu seperti semula, lalu kirim /muat_ulang lagi.
reload-not-after = Berkas acara <code>{ $path }</code> (EVENT_CONFIG) adalah IGA { $year }, padahal IGA { $current } sudah berjalan; edisi baru harus untuk tahun sesudahnya. Tidak ada yang diubah. Mohon periksa EVENT_CONFIG: seharusnya menunjuk berkas IGA { $current }, lalu jalankan ulang bot.
reload-other-year = Kode edisi <code>{ $code }</code> pada berkas acara <code>{ $path }</code> (EVENT_CONFIG) sudah dipakai IGA { $current }, sedangkan berkas ini untuk tahun { $year }. Tidak ada yang diubah. Edisi baru memerlukan kodenya sendiri (misalnya iga-{ $year }); bila berkas ini keliru, ganti EVENT_CONFIG ke berkas yang benar lalu jalankan ulang bot.
reload-done = Berkas acara dimuat ulang: { $created } data baru, { $updated } data diperbarui, { $changes } perubahan susunan acara. Peserta yang terkait sedang diberi tahu.

# Reminders, the winners' announcement and the winners' menu

scheduler-event-in-days = { $days ->
        [0] hari ini
        [1] besok
       *[other] { $days } hari lagi
    }
scheduler-event-in-hours = dalam { $hours } jam
scheduler-event-in-minutes = dalam { $minutes } menit
scheduler-event-reminder =
    🔔 <b>Pengingat acara</b>
    Bapak/Ibu diundang pada <b>{ $event }</b>, yang dimulai <b>{ $when }</b>.

    🗓 { $moment }
    📍 { $venue }
scheduler-star-reminder =
    ⏰ <b>Sesi yang Bapak/Ibu tandai akan segera dimulai</b>
    { $title }

    🕘 { $time }
    📍 { $place }
scheduler-venue-button = 📍 Buka peta lokasi
scheduler-deadline-reminder =
    ⏳ <b>Pengingat batas akhir pengiriman inovasi</b>
    { $edition }
    Batas akhir: { $deadline }
scheduler-deadline-no-entry = { $unit } belum mengirimkan inovasi. Silakan mulai melalui menu { $menu }.
scheduler-deadline-draft = • <b>{ $title }</b> ({ $unit }) belum dikirim. Yang belum diisi: { $missing }.
scheduler-deadline-draft-complete = • <b>{ $title }</b> ({ $unit }) sudah lengkap, tinggal dikirim.
scheduler-deadline-untitled = Draf tanpa nama

winners-line = { $title } — { $unit } — { $innovation }
winners-announcement =
    🏆 <b>Pemenang { $edition }</b>

    { $list }

    Selamat kepada para pemenang!
winners-congratulations =
    🎉 <b>Selamat, { $unit }!</b>
    Inovasi Bapak/Ibu meraih penghargaan { $edition }:

    { $list }
winners-list =
    🏆 <b>Pemenang { $edition }</b>

    { $list }
winners-pending = 🏆 Pemenang { $edition } akan diumumkan pada { $moment }.
winners-not-scheduled = 🏆 Pemenang { $edition } belum diumumkan.
winners-none = 🏆 Belum ada pemenang { $edition } yang ditetapkan.
winners-admin-preview = 🔒 <b>Belum diumumkan</b>: hanya terlihat oleh panitia. Jadwal pengumuman: { $moment }.
winners-admin-preview-unscheduled = 🔒 <b>Belum diumumkan</b>: hanya terlihat oleh panitia. Jadwal pengumuman belum ditetapkan (/umumkan_pada).
winners-no-edition = Belum ada lomba yang dimuat.
winners-schedule-usage = Tuliskan waktu pengumuman pemenang ({ $zone }), misalnya: <code>/umumkan_pada { $example }</code>
winners-schedule-bad = Mohon maaf, "{ $text }" bukan tanggal dan jam yang valid. Contoh: <code>/umumkan_pada { $example }</code>
winners-schedule-past = Mohon maaf, waktu pengumuman harus setelah saat ini ({ $now }).
winners-schedule-done = ✅ Pemenang { $edition } akan diumumkan pada { $moment }.
winners-schedule-already = Pemenang sudah diumumkan pada { $moment }; jadwal tidak dapat diubah lagi.
winners-cancel-done = ✅ Pengumuman pemenang pada { $moment } dibatalkan. Hasil tetap hanya terlihat oleh panitia sampai jadwal baru ditetapkan dengan /umumkan_pada.
winners-schedule-no-winners = ⚠️ Juara belum ditetapkan. Pengumuman hanya dilakukan bila juara sudah ditetapkan (/tetapkan_juara) sebelum waktu itu; bila belum, tidak ada yang diumumkan, panitia diberi tahu, dan waktu pengumuman baru perlu ditetapkan dengan /umumkan_pada.
winners-announcement-empty = ⚠️ Pengumuman pemenang { $edition } pada { $moment } tidak dilakukan karena juara belum ditetapkan. Hasil tetap rahasia: setelah menetapkan juara (/tetapkan_juara), mohon tetapkan waktu pengumuman baru dengan /umumkan_pada.
winners-cancel-none = Tidak ada jadwal pengumuman pemenang yang dapat dibatalkan.

command-winners = Pemenang IGA
broadcast-draft-replaced = ℹ️ Pengumuman yang sedang disusun dibatalkan; tidak ada yang dikirim.
broadcast-use-buttons = Silakan pilih dengan tombol pada pesan di atas, atau kirim /batal untuk membatalkan pengumuman.

## The offer under /start's welcome
start-offer-subscribe = 🔔 Ingin diingatkan menjelang acara dan menerima pengumuman panitia (perubahan jadwal, hasil Lomba IGA)? Cukup ketuk tombol di bawah ini.
start-button-subscribe = 🔔 Ya, kirimi saya pengingat dan pengumuman
start-subscribed = ✅ Bapak/Ibu berlangganan pengingat acara dan semua pengumuman. Pilihan dapat diubah kapan saja dengan /langganan.
