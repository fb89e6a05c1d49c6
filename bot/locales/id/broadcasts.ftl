# /broadcast and /broadcasts: the committee's announcements (Indonesian, formal register).

broadcast-ask-text =
    📣 <b>Pengumuman baru</b>
    Silakan kirim teks pengumuman. Bapak/Ibu juga dapat mengirim foto atau dokumen dengan keterangan (caption).
    Ketik /batal untuk membatalkan.
broadcast-text-too-long = Teks terlalu panjang: { $length } karakter, paling banyak { $limit }. Silakan kirim teks yang lebih singkat.
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
broadcast-topic-schedule = Perubahan jadwal
broadcast-topic-results = Hasil Lomba IGA
broadcast-ask-units = Pilih Perangkat Daerah (ketuk untuk memilih atau membatalkan pilihan), lalu ketuk «Selesai».
broadcast-button-units-done = Selesai
broadcast-units-none = Pilih sekurang-kurangnya satu Perangkat Daerah.
broadcast-no-units = Belum ada Perangkat Daerah yang dimuat.
broadcast-no-recipients = Belum ada penerima untuk pilihan ini ({ $audience }). Silakan pilih penerima lain.
broadcast-preview-heading = 👁 Pratinjau: pesan di bawah ini persis seperti yang akan diterima.
broadcast-confirm =
    Penerima: <b>{ $audience }</b> ({ $count } orang/grup).
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
    Terkirim { $sent } dari { $total } · gagal { $failed } · memblokir bot { $blocked }
broadcast-report =
    ✅ <b>Pengumuman #{ $id } selesai dikirim.</b>
    Terkirim: { $sent } dari { $total }
    Gagal: { $failed }
    Memblokir bot: { $blocked }
broadcast-report-cancelled =
    ⛔ <b>Pengumuman #{ $id } dihentikan.</b>
    Terkirim: { $sent } dari { $total }
    Gagal: { $failed }
    Memblokir bot: { $blocked }
    Tidak dikirim: { $pending }
broadcast-button-stop = ⛔ Hentikan
broadcast-stopped = Pengumuman #{ $id } dihentikan.
broadcast-already-finished = Pengumuman #{ $id } sudah selesai; tidak ada yang dihentikan.
broadcast-list-empty = Belum ada pengumuman.
broadcast-list-heading = 📣 <b>Pengumuman terakhir</b>
broadcast-list-item =
    <b>#{ $id }</b> · { $status } · { $moment }
    { $audience }: terkirim { $sent }/{ $total }, gagal { $failed }, memblokir bot { $blocked }
broadcast-button-stop-one = ⛔ Hentikan #{ $id }
broadcast-status-draft = draf
broadcast-status-scheduled = dijadwalkan { $moment }
broadcast-status-sending = sedang dikirim
broadcast-status-done = selesai
broadcast-status-cancelled = dihentikan
