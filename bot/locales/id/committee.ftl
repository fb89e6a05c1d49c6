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
entries-read-only = IGA { $year } sudah ditutup: daftar ini hanya untuk dilihat, tanpa tombol tindakan. Rincian setiap inovasi dan berkasnya: /ekspor { $year } dan /laporan { $year }.
entries-usage = Mohon maaf, “{ $word }” tidak dikenali, jadi daftar tidak ditampilkan. Penulisan: /inovasi [status] [kode Perangkat Daerah] [tahun], misalnya /inovasi submitted DLH atau /inovasi { $year }. Status: { $statuses }. Kode Perangkat Daerah: { $codes }.
entry-not-found = Inovasi tidak ditemukan.
entry-detail-header =
    <b>{ $number } — { $title }</b>
    Perangkat Daerah: { $unit }
    Dikirim: { $submitted }
entry-detail-note = Catatan panitia: { $note }
entry-card =
    <b>{ $number }</b> · { $title }
    Status: <b>{ $status }</b>
entry-button-files = 📎 Berkas ({ $count })
entry-evidence-label = Bukti indikator { $name }
entry-attachment-caption = { $number } · { $label }
entry-files-unavailable = Berkas berikut belum dapat dikirim (belum tersimpan atau sudah dihapus): { $names }
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
    Silakan perbaiki lalu kirim kembali: ketuk tombol di bawah ini, atau buka /inovasi_saya.
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
    Menambah penilai: <code>/penilai tambah ID_TELEGRAM KODE_UNIT|- Nama</code>
    contoh: <code>/penilai tambah 123456789 BAPPEDA Dr. Ani Suryani</code>
judges-added = Penilai { $name } ditambahkan.
judges-removed = Penilai dihapus.
judges-button-remove = Hapus { $name }
judging-error-bad-name = Nama penilai harus 1–200 karakter.
judging-error-unknown-unit = Kode Perangkat Daerah tidak dikenal.
judging-error-closed = Penilaian sudah ditutup panitia; perubahan tidak dapat disimpan.
judging-error-announced = Hasil penilaian sudah diumumkan; nilai tidak dapat diubah lagi.
judging-error-not-assigned = Inovasi ini tidak ditugaskan kepada Bapak/Ibu.
judging-error-not-judgeable = Inovasi ini tidak lagi dinilai karena statusnya berubah (misalnya ditolak panitia, ditarik, atau dikembalikan untuk perbaikan); perubahan tidak disimpan.
judging-error-sheet-submitted = Penilai sudah mengirim lembar penilaian inovasi ini; penugasannya tidak dibatalkan. Bila perlu, buka kembali lembar itu dahulu di Ruang kerja › Kemajuan penilaian.
judging-error-conflict = Penilai berasal dari Perangkat Daerah peserta ini (atau menjadi petugasnya, atau membuat inovasi ini) sehingga tidak dapat menilainya.
judging-error-unknown-criterion = Kriteria penilaian tidak dikenal.
judging-error-out-of-range = Nilai harus antara 0 dan 100.
judging-error-bad-level = Level harus 1, 2, atau 3.
judging-error-unknown-indicator = Indikator tidak dikenal.
assign-header = <b>Penugasan penilai</b> — { $entries } inovasi siap dinilai, { $judges } penilai.
assign-button-all = Tugaskan semua penilai ke semua inovasi
assign-button-judge = Pilih inovasi untuk { $name }
assign-judge-header = Inovasi untuk <b>{ $name }</b> (✅ ditugaskan, 🚫 Perangkat Daerah sendiri). Ketuk untuk menambah/menghapus.
assign-done = Penugasan: { $added } baru, { $existing } sudah ada, { $conflicts } dilewati karena penilai berasal dari Perangkat Daerah peserta atau menjadi petugasnya.
assign-nothing = Belum ada penilai atau inovasi yang lolos verifikasi.

## Exports (/export, /laporan) and audit (/audit)
export-caption = Rekap { $edition } ({ $moment }).
export-unknown-sheet = Tabel tidak dikenal. Pilihan: { $sheets }.
export-usage = Mohon maaf, “{ $word }” tidak dikenali, jadi tidak ada berkas yang dikirim. Penulisan: /ekspor untuk buku kerja Excel, /ekspor csv [tabel] untuk satu tabel, /ekspor berkas untuk arsip dokumen; tambahkan tahun untuk edisi yang lalu, misalnya /ekspor { $year }.
report-usage = Mohon maaf, “{ $word }” tidak dikenali, jadi laporan tidak dikirim. Penulisan: /laporan untuk IGA yang berjalan, atau /laporan { $year } untuk edisi yang lalu.
report-caption = { $title }
audit-header = <b>Log audit</b> (halaman { $page } dari { $pages })
audit-line = { $moment } · { $actor } · { $action } — { $subject }
audit-empty = Log audit masih kosong.
audit-system = sistem
audit-unknown-user = pengguna { $id }
audit-pairs = { $count } pasangan penilai–inovasi
audit-action-access-denied = Akses ditolak
audit-action-admin-add = Panitia ditambahkan
audit-action-admin-remove = Panitia dihapus
audit-action-agenda-change = Jadwal acara diubah
audit-action-assessment-validate = Level indikator divalidasi
audit-action-invite-create = Kode undangan dibuat
audit-action-judge-add = Penilai ditambahkan
audit-action-judge-remove = Penilai dihapus
audit-action-judge-assign = Penilai ditugaskan
audit-action-judge-unassign = Penugasan penilai dibatalkan
audit-action-judging-close = Penilaian ditutup
audit-action-judging-reopen = Penilaian dibuka kembali
audit-action-judging-refused = Perubahan penilaian ditolak
audit-action-officer-join = Petugas terdaftar
audit-action-officer-leave = Petugas pindah unit
audit-action-results-set = Juara ditetapkan
audit-action-results-record = Juara dicatat
audit-action-results-schedule = Waktu pengumuman diatur
audit-action-results-cancel = Pengumuman dibatalkan
audit-action-score-set = Nilai diberikan
audit-action-unit-reopen = Pengisian dibuka kembali
audit-action-submission-draft = Inovasi kembali menjadi draf
audit-action-submission-submitted = Inovasi dikirim
audit-action-submission-verified = Inovasi lolos verifikasi
audit-action-submission-returned = Inovasi dikembalikan untuk perbaikan
audit-action-submission-rejected = Inovasi ditolak
audit-action-submission-withdrawn = Inovasi ditarik
audit-action-submission-nominee = Inovasi masuk nominasi
audit-action-submission-winner = Inovasi menjadi juara
audit-action-submission-not_selected = Inovasi tidak terpilih
audit-action-certificate-reissue = Sertifikat diterbitkan ulang
audit-action-certificate-revoke = Sertifikat dicabut
audit-action-edition-start = Lomba baru dimulai
audit-action-evidence-purge = Berkas inovasi yang ditarik dihapus
audit-action-question-approve = Pertanyaan disetujui
audit-action-question-answer = Pertanyaan ditandai terjawab
audit-action-question-hide = Pertanyaan disembunyikan
audit-action-question-edit = Pertanyaan disunting
audit-action-questions-close = Pertanyaan sesi ditutup
audit-action-questions-open = Pertanyaan sesi dibuka
audit-action-review-comment = Komentar penilai disimpan
audit-action-review-submit = Penilaian dikirim
audit-action-review-reopen = Lembar penilaian dibuka kembali
audit-entity-access = Peran
audit-entity-admin = Panitia
audit-entity-agenda_item = Sesi acara
audit-entity-edition = Lomba
audit-entity-judge = Penilai
audit-entity-judge_assignment = Penugasan
audit-entity-score = Nilai
audit-entity-self_assessment = Indikator
audit-entity-submission = Inovasi
audit-entity-unit = Perangkat Daerah
audit-entity-invite = Undangan
audit-entity-officer = Petugas
audit-entity-certificate = Sertifikat
audit-entity-judge_review = Lembar penilaian
audit-entity-question = Pertanyaan
audit-role-admin = bukan panitia pengelola
audit-role-committee = bukan panitia
audit-role-judge = bukan penilai
audit-role-judge-assigned = bukan penilai yang ditugaskan untuk inovasi ini
audit-role-officer = bukan petugas Perangkat Daerah
audit-role-public = akses umum
audit-role-moderator = bukan pengelola pertanyaan
audit-role-file-reader = tidak berhak membuka berkas ini
audit-role-init-data-missing = data masuk ruang kerja tidak ada
audit-role-init-data-expired = data masuk ruang kerja kedaluwarsa
audit-role-init-data-invalid = data masuk ruang kerja tidak sah
audit-role-init-data-no-user = data masuk ruang kerja tanpa pengguna
audit-role-init-data-ticket-expired = tautan berkas kedaluwarsa
audit-role-init-data-ticket-invalid = tautan berkas tidak sah
audit-role-edition-open = { $code } sudah ditutup (hanya dapat dilihat)
audit-field-status = Status
audit-field-note = Catatan
audit-field-value = Nilai
audit-field-validated-level = Level tervalidasi
audit-field-judge-id = Penilai
audit-field-user-id = Pengguna
audit-field-name = Nama
audit-field-unit-id = Perangkat Daerah
audit-field-pairs = Penugasan
audit-field-judging-closed-at = Penilaian ditutup
audit-field-awards = Juara
audit-field-at = Waktu pengumuman
audit-field-attempted = Percobaan
audit-field-required = Peran yang diperlukan
audit-field-expires-at = Berlaku sampai
audit-field-max-uses = Batas pemakaian
audit-field-entries-reopened-until = Dibuka kembali sampai
audit-field-rank = Peringkat
audit-field-title = Gelar
audit-field-innovation = Inovasi

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
export-col-change = Perubahan
export-sheet-evaluation = Evaluasi
export-col-evaluation-question = Pertanyaan
export-col-evaluation-kind = Jenis
export-col-evaluation-answers = Jumlah jawaban
export-col-evaluation-average = Rata-rata
export-col-evaluation-counts = Sebaran jawaban
export-yes = Ya
export-no = Tidak

## Results report (PDF)
report-signatory-example = CONTOH — penanda tangan ini belum diganti di berkas acara
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
report-unvalidated = Perhatian: penilaian mandiri yang belum divalidasi penilai dihitung 0: { $entries }.
report-unvalidated-entry = { $number } ({ $count } indikator)
report-tiebreak-judges = rata-rata nilai penilai yang lebih tinggi
report-tiebreak-self_assessment = penilaian mandiri yang lebih tinggi
report-tiebreak-submitted_at = waktu pengiriman yang lebih awal
report-panel = Tim Penilai
report-no-panel = Tim penilai tidak tercatat dalam bot.
report-legal-basis = Dasar Hukum
report-entry-scores = Nilai penilai { $judges } · penilaian mandiri { $self }% · nilai akhir { $final }
entry-note-replaced = ℹ️ Catatan pengembalian atau penolakan tidak lagi ditunggu; status inovasi tidak berubah. Ketuk tombolnya lagi di /inovasi bila masih diperlukan.
entry-note-text-only = Mohon ketik catatannya sebagai teks, atau ketuk Batal.
