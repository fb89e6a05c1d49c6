# Committee tools: roles, entries, judges and assignments, exports, report, audit
# (Indonesian, formal register: "Bapak/Ibu").

## Roles and refusals
access-denied-short = Tidak ada akses.
no-edition = Belum ada lomba yang dimuat. Silakan impor berkas acara terlebih dahulu.

## Commands (Telegram menu)
command-entries = Daftar inovasi (panitia)
command-judges = Tim penilai (panitia)
command-assign = Tugaskan penilai (panitia)
command-score = Penilaian (penilai)
command-ranking = Peringkat (panitia)
command-set-winners = Tetapkan juara (panitia)
command-export = Unduh rekap (panitia)
command-report = Laporan hasil IGA (panitia)
command-audit = Log audit (panitia)
command-announce-at = Jadwalkan pengumuman pemenang (panitia)
command-cancel-announcement = Batalkan jadwal pengumuman pemenang (panitia)
command-broadcast = Kirim pengumuman (panitia)
command-broadcasts = Daftar pengumuman terkirim dan terjadwal (panitia)
command-invite = Buat kode undangan petugas (panitia)
command-reopen = Buka kembali pengiriman untuk satu unit (panitia)
command-reload = Muat ulang berkas acara (panitia)

## Statuses
status-draft = Draf
status-submitted = Terkirim
status-returned = Dikembalikan untuk perbaikan
status-verified = Lolos verifikasi administrasi
status-rejected = Ditolak
status-nominee = Nominasi
status-winner = Pemenang
status-not_selected = Tidak terpilih
status-withdrawn = Ditarik

## Entries (/entries)
entries-header = <b>Daftar inovasi</b> ({ $count } entri) — status: { $status }, Perangkat Daerah: { $unit }
entries-page = Halaman { $page } dari { $pages }
entries-empty = Tidak ada inovasi dengan filter ini.
entries-line = { $number } · { $unit } · { $title } — <i>{ $status }</i>
entries-filter-all = semua
entries-button-status = Filter status
entries-button-unit = Filter Perangkat Daerah
entries-button-all = Semua
entries-button-prev = ◀ Sebelumnya
entries-button-next = Berikutnya ▶
entries-choose-status = Pilih status:
entries-choose-unit = Pilih Perangkat Daerah:
entry-not-found = Inovasi tidak ditemukan.
entry-detail-header =
    <b>{ $number } — { $title }</b>
    Perangkat Daerah: { $unit }
    Status: <b>{ $status }</b>
    Dikirim: { $submitted }
entry-detail-note = Catatan panitia: { $note }
entry-detail-field = <b>{ $label }</b>: { $value }
entry-detail-empty = —
entry-detail-attachments = Lampiran: { $count } berkas (dikirim di bawah ini).
entry-attachment-caption = { $number } · { $label }
entry-button-verify = ✅ Verifikasi
entry-button-return = ↩️ Kembalikan
entry-button-reject = ⛔ Tolak
entry-button-nominee = ⭐ Nominasi
entry-ask-note-return = Silakan tulis catatan perbaikan untuk { $number } (dikirim kepada petugas Perangkat Daerah), atau ketuk Batal.
entry-ask-note-reject = Silakan tulis alasan penolakan { $number } (dikirim kepada petugas Perangkat Daerah), atau ketuk Batal.
entry-button-cancel = ✖️ Batal
entry-note-cancelled = Dibatalkan; status tidak berubah.
entry-note-too-long = Catatan terlalu panjang ({ $length } karakter; paling banyak { $limit }). Silakan persingkat.
entry-action-done = { $number }: status kini <b>{ $status }</b>. { $officers } petugas diberi tahu.
entry-action-not-allowed = { $number } berstatus <b>{ $status }</b>; tindakan ini tidak dapat dilakukan.
officer-notice-verified = Inovasi <b>{ $title }</b> ({ $number }) telah lolos verifikasi administrasi. Terima kasih, Bapak/Ibu.
officer-notice-returned =
    Inovasi <b>{ $title }</b> ({ $number }) dikembalikan untuk perbaikan.
    Catatan panitia: { $note }
    Silakan perbaiki lalu kirim kembali.
officer-notice-rejected =
    Mohon maaf, inovasi <b>{ $title }</b> ({ $number }) tidak dapat diterima.
    Alasan: { $note }
officer-notice-nominee = Selamat, inovasi <b>{ $title }</b> ({ $number }) masuk nominasi. Panitia akan menghubungi Bapak/Ibu untuk tahap presentasi.
officer-notice-button-revise = ✏️ Perbaiki inovasi

## Judges (/judges) and assignments (/assign)
judges-header = <b>Tim penilai</b> ({ $count } orang)
judges-line = • { $name } — ID { $user }{ $unit }
judges-unit = , { $unit }
judges-empty = Belum ada penilai.
judges-usage =
    Menambah penilai: <code>/judges add ID_TELEGRAM KODE_UNIT|- Nama</code>
    contoh: <code>/judges add 123456789 BAPPEDA Dr. Ani Suryani</code>
judges-added = Penilai { $name } ditambahkan.
judges-removed = Penilai dihapus.
judges-button-remove = Hapus { $name }
judging-error-bad-name = Nama penilai harus 1–200 karakter.
judging-error-unknown-unit = Kode Perangkat Daerah tidak dikenal.
judging-error-closed = Penilaian sudah ditutup panitia; perubahan tidak dapat disimpan.
judging-error-not-assigned = Inovasi ini tidak ditugaskan kepada Bapak/Ibu.
judging-error-conflict = Penilai berasal dari Perangkat Daerah peserta ini sehingga tidak dapat menilainya.
judging-error-unknown-criterion = Kriteria penilaian tidak dikenal.
judging-error-out-of-range = Nilai harus antara 0 dan 100.
judging-error-bad-level = Level harus 1, 2, atau 3.
judging-error-unknown-indicator = Indikator tidak dikenal.
assign-header = <b>Penugasan penilai</b> — { $entries } inovasi siap dinilai, { $judges } penilai.
assign-button-all = Tugaskan semua penilai ke semua inovasi
assign-button-judge = Pilih inovasi untuk { $name }
assign-judge-header = Inovasi untuk <b>{ $name }</b> (✅ ditugaskan, 🚫 Perangkat Daerah sendiri). Ketuk untuk menambah/menghapus.
assign-done = Penugasan: { $added } baru, { $existing } sudah ada, { $conflicts } dilewati karena penilai berasal dari Perangkat Daerah peserta.
assign-nothing = Belum ada penilai atau inovasi yang lolos verifikasi.

## Exports (/export, /laporan) and audit (/audit)
export-caption = Rekap { $edition } ({ $moment }).
export-unknown-sheet = Tabel tidak dikenal. Pilihan: { $sheets }.
report-caption = { $title }
audit-header = <b>Log audit</b> (halaman { $page } dari { $pages })
audit-line = { $moment } · { $actor } · <code>{ $action }</code> { $entity } { $id }
audit-empty = Log audit masih kosong.
audit-system = sistem

## Spreadsheet headers
export-sheet-entries = Entri
export-sheet-scores = Nilai
export-sheet-ranking = Peringkat
export-sheet-subscribers = Pelanggan
export-sheet-audit = Log Audit
export-col-number = Nomor
export-col-unit = Perangkat Daerah
export-col-innovation = Nama Inovasi
export-col-status = Status
export-col-submitted = Tanggal Kirim
export-col-note = Catatan Panitia
export-col-judge = Penilai
export-col-weighted = Nilai Tertimbang
export-col-rank = Peringkat
export-col-judges = Jumlah Penilai
export-col-judges-mean = Rata-rata Penilai
export-col-self-assessment = Penilaian Mandiri (%)
export-col-final = Nilai Akhir
export-col-topic = Topik
export-col-chat = ID Chat
export-col-name = Nama
export-col-active = Aktif
export-col-since = Sejak
export-col-at = Waktu
export-col-actor = Pelaku
export-col-action = Tindakan
export-col-entity = Objek
export-col-entity-id = ID Objek
export-col-before = Sebelum
export-col-after = Sesudah
export-yes = Ya
export-no = Tidak

## Results report (PDF)
report-title = Laporan Hasil IGA { $year }
report-footer = { $title } · dibuat { $moment }
report-organiser = Penyelenggara: { $organiser }
report-day = Hari/tanggal penganugerahan: { $day }
report-winners = Pemenang
report-no-winners = Juara belum ditetapkan.
report-ranking = Peringkat Penilaian
report-no-ranking = Tidak ada penilaian yang tercatat melalui bot untuk lomba ini.
report-col-rank = Juara
report-col-position = No.
report-col-unit = Perangkat Daerah
report-col-innovation = Inovasi
report-col-judges = Penilai
report-col-self = Mandiri (%)
report-col-final = Nilai Akhir
report-formula = Nilai akhir = { $judges }% rata-rata nilai tertimbang penilai + { $self }% penilaian mandiri tervalidasi; nilai sama diurutkan menurut { $tiebreak }, lalu waktu pengiriman yang lebih awal.
report-tiebreak-judges = rata-rata nilai penilai yang lebih tinggi
report-tiebreak-self_assessment = penilaian mandiri yang lebih tinggi
report-tiebreak-submitted_at = waktu pengiriman yang lebih awal
report-panel = Tim Penilai
report-no-panel = Tim penilai tidak tercatat dalam bot.
report-legal-basis = Dasar Hukum
report-entry-scores = Nilai penilai { $judges } · penilaian mandiri { $self }% · nilai akhir { $final }
entry-note-replaced = ℹ️ Catatan pengembalian atau penolakan tidak lagi ditunggu; status inovasi tidak berubah. Ketuk tombolnya lagi di /entries bila masih diperlukan.
entry-note-text-only = Mohon ketik catatannya sebagai teks, atau ketuk Batal.
