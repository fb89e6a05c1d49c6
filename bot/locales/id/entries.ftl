# Innovation entries: onboarding of officers, the entry form, status (Indonesian, formal).

## Onboarding and committee commands
invite-ask-code = Silakan kirim kode undangan dari panitia, misalnya: <code>/daftar ABCD-EFGH</code>
invite-joined =
    Terima kasih, Bapak/Ibu sekarang terdaftar sebagai petugas <b>{ $unit }</b>.
    Ketuk 📝 Kirim Inovasi pada menu untuk mulai mengisi inovasi.
invite-error-unknown = Kode undangan tidak dikenal. Mohon periksa kembali kode dari panitia.
invite-error-expired = Kode undangan sudah tidak berlaku. Mohon minta kode baru kepada panitia.
invite-error-used_up = Kode undangan sudah dipakai sebanyak batasnya. Mohon minta kode baru kepada panitia.
invite-error-throttled = Terlalu banyak kode yang salah. Mohon coba lagi dalam { $minutes } menit.
invite-switch-ask =
    Akun Bapak/Ibu sudah terdaftar sebagai petugas <b>{ $current }</b>. Kode ini untuk <b>{ $unit }</b>.
    Satu akun Telegram mewakili satu unit. Apakah Bapak/Ibu pindah ke <b>{ $unit }</b>? Inovasi dan draf { $current } tetap milik { $current } dan dapat dilanjutkan petugasnya yang lain.
invite-button-switch = 🔁 Ya, pindah ke { $unit }
invite-button-keep = ✖️ Tidak, tetap di { $current }
invite-judge-ask =
    ⚠️ Bapak/Ibu terdaftar sebagai <b>penilai</b> lomba ini. Petugas sebuah unit tidak boleh menilai inovasi unitnya sendiri (konflik kepentingan): bila Bapak/Ibu mendaftar sebagai petugas <b>{ $unit }</b>, Bapak/Ibu tidak dapat lagi menilai inovasi { $unit }, dan panitia melihatnya pada penugasan penilai.
    Inovasi { $unit } yang saat ini ditugaskan kepada Bapak/Ibu: { $assigned }.
    Tetap mendaftar sebagai petugas { $unit }?
invite-button-judge-join = ✅ Ya, daftar sebagai petugas { $unit }
invite-button-judge-cancel = ✖️ Tidak, batalkan
invite-judge-cancelled = Baik, Bapak/Ibu tidak didaftarkan sebagai petugas; tidak ada yang diubah.
invite-switch-kept = Baik, tidak ada yang diubah: Bapak/Ibu tetap terdaftar sebagai petugas unit semula.
invite-switched =
    Terima kasih, Bapak/Ibu sekarang terdaftar sebagai petugas <b>{ $unit }</b> dan tidak lagi sebagai petugas unit sebelumnya.
    Ketuk 📝 Kirim Inovasi pada menu untuk mulai mengisi inovasi.
admin-only = Perintah ini hanya untuk panitia.
invite-usage = Cara pakai: <code>/undangan KODE_UNIT</code>, misalnya <code>/undangan DLH</code>.
unit-unknown = Tidak ada Perangkat Daerah dengan kode { $code }.
invite-created =
    Kode undangan untuk <b>{ $unit }</b>: <code>{ $code }</code>
    Berlaku { $days } hari untuk { $uses } petugas. Petugas mengirim <code>/daftar { $code }</code> kepada bot, atau membuka tautan:
    { $link }
reopen-usage = Cara pakai: <code>/buka_kembali KODE_UNIT [HARI]</code>, misalnya <code>/buka_kembali DLH 3</code> (1–60 hari).
reopen-done = Pengisian inovasi untuk <b>{ $unit }</b> dibuka kembali sampai { $moment }. { $officers } petugas diberi tahu.
reopen-officer-notice-continue = Panitia membuka kembali pengisian inovasi untuk <b>{ $unit }</b> sampai { $moment }. Kirim /lanjutkan untuk melanjutkan draf inovasi.
reopen-officer-notice-new = Panitia membuka kembali pengisian inovasi untuk <b>{ $unit }</b> sampai { $moment }. Ketuk 📝 Kirim Inovasi pada menu untuk mulai mengisi inovasi.

command-resume = Lanjutkan mengisi inovasi
command-cancel = Batalkan isian yang sedang berjalan (draf inovasi tetap tersimpan)
command-my-entries = Inovasi unit saya dan statusnya
command-join = Daftar sebagai petugas dengan kode undangan

## Entering the form
entry-not-officer =
    Bapak/Ibu belum terdaftar sebagai petugas Perangkat Daerah.
    Mintalah kode undangan kepada panitia (Bappeda), lalu kirim <code>/daftar KODE</code>.
entry-resume = 📝 <b>{ $name }</b>
entry-choose = Pilih inovasi yang akan dilanjutkan, atau mulai inovasi baru:
entry-choose-no-new = Pilih inovasi yang akan dilanjutkan:
entry-resume-nothing = Tidak ada draf inovasi yang sedang diisi, jadi tidak ada yang dapat dilanjutkan. Berikut inovasi unit Bapak/Ibu dan statusnya; untuk mulai inovasi baru, ketuk ➕ di bawah.
entry-resume-nothing-no-new = Tidak ada draf inovasi yang sedang diisi, jadi tidak ada yang dapat dilanjutkan. Berikut inovasi unit Bapak/Ibu dan statusnya.
entry-button-new = ➕ Inovasi baru ({ $unit })
entry-untitled = (inovasi tanpa nama)
entry-cancelled = Bapak/Ibu keluar dari formulir. Jawaban yang sudah diisi tersimpan sebagai draf (formulir yang masih kosong tidak disimpan); kirim /lanjutkan untuk melanjutkan.
entry-ask-new-or-open = Unit Bapak/Ibu sudah memiliki inovasi di bawah ini. Ketuk 📄 untuk melihatnya, atau ➕ untuk mulai mengisi inovasi baru.
entry-ask-open = Unit Bapak/Ibu sudah memiliki inovasi di bawah ini. Ketuk 📄 untuk melihatnya.
entry-view-status = Status: <b>{ $status }</b> · Nomor pendaftaran: <b>{ $number }</b>
entry-edit-ignored = Perubahan pada pesan yang sudah terkirim tidak diterapkan. Untuk mengubah jawaban, ketuk 📋 Ringkasan lalu ✏️ pada isian yang ingin diubah.

## Questions
entry-question = <b>{ $label }</b> ({ $number } dari { $total })
entry-help = <i>{ $help }</i>
entry-hint-short-text = Ketik jawaban Bapak/Ibu.
entry-hint-long-text = Ketik jawaban Bapak/Ibu, minimal { $minimum } kata. Boleh dikirim dalam beberapa pesan; ketuk ✅ Selesai bila sudah lengkap.
entry-hint-single-choice = Ketuk salah satu pilihan.
entry-hint-multiple-choice = Ketuk satu atau beberapa pilihan, lalu ✅ Selesai.
entry-hint-date = Ketik tanggal, misalnya { $example_numeric } atau { $example_written }.
entry-hint-money = Ketik jumlah dalam rupiah, misalnya Rp10.000.000 atau 10 juta.
entry-hint-file = Kirim berkas sebagai dokumen ({ $types }, paling besar { $limit } MB); boleh beberapa berkas.
entry-hint-url = Kirim tautan, misalnya https://youtu.be/…
entry-hint-phone = Ketik nomor telepon, misalnya 0812-3456-7890.
entry-current = Jawaban tersimpan: { $value }
entry-long-so-far = Tersimpan { $words } kata. Kirim lanjutan teks, atau ketuk ✅ Selesai.
entry-long-saved = Tersimpan { $words } kata untuk <b>{ $label }</b>. Kirim lanjutan teks, atau ketuk ✅ Selesai bila sudah lengkap.
entry-money-saved = Tersimpan: <b>{ $amount ->
        [0] Rp0 (tanpa anggaran)
       *[other] Rp{ $amount }
    }</b>.
entry-words = ({ $words } kata)
entry-value-skipped = (dilewati)
entry-value-file = berkas
entry-answer-from-summary = Jawaban disimpan untuk isian <b>{ $label }</b> (pertanyaan yang terbuka sebelum ringkasan).
entry-album-first = Hanya satu berkas per isian: berkas pertama dari album yang disimpan; berkas lainnya tidak disimpan.
entry-button-done = ✅ Selesai
entry-button-clear = 🗑 Hapus teks dan mulai ulang
entry-button-show-text = 📄 Lihat teks tersimpan
entry-clear-ask = Hapus seluruh teks <b>{ $label }</b> ({ $words } kata) dan mulai ulang? Teks yang dihapus tidak dapat dikembalikan. Untuk memperbaiki sebagian, ketuk 📄 Lihat teks tersimpan, salin, perbaiki, lalu kirim ulang.
entry-button-clear-yes = 🗑 Ya, hapus seluruh teks
entry-button-clear-no = ✖️ Batal, simpan teksnya
entry-button-skip = ⏭ Lewati
entry-button-summary = 📋 Ringkasan
entry-button-stale = Tombol ini sudah tidak berlaku. Silakan jawab pertanyaan terbaru.
entry-button-left-form = Bapak/Ibu sudah keluar dari formulir ini, jadi tombol ini tidak dijalankan. Kirim /lanjutkan untuk kembali ke pertanyaan terakhir.

## Answers that cannot be accepted
form-error-required = Isian ini wajib diisi.
form-error-empty = Jawaban masih kosong.
form-error-too-short = Jawaban terlalu pendek: { $length } karakter, minimal { $minimum }.
form-error-too-long = Jawaban terlalu panjang: { $length } karakter, maksimal { $maximum }.
form-error-too-few-words = Baru { $words } dari minimal { $minimum } kata. Silakan lanjutkan menulis, lalu ketuk ✅ Selesai.
form-error-choice = Pilihan tidak dikenal. Mohon ketuk salah satu tombol pilihan.
form-error-date = Tanggal tidak dikenali. Tulis misalnya { $example_numeric }, { $example_dashed } atau { $example_written }.
form-error-date-invalid = Tanggal itu tidak ada di kalender (misalnya 31 Februari). Mohon periksa tanggal dan bulannya.
form-error-future = Tanggal ini belum terjadi: tanggal tidak boleh sesudah hari ini ({ $today }). Tulis tanggal yang sudah berlangsung.
form-error-not-before = Tanggal ini tidak boleh sebelum { $other } ({ $other_date }).
form-error-not-after = Tanggal ini tidak boleh sesudah { $other } ({ $other_date }).
form-error-money = Jumlah uang tidak dikenali. Tulis misalnya Rp10.000.000, 10 juta atau 1,5 miliar.
form-error-money-sen = Anggaran ditulis dalam rupiah penuh, tanpa sen. Tulis misalnya Rp10.000.000.
form-error-money-too-large = Jumlah ini melebihi batas formulir: paling besar Rp{ $maximum }. Mohon periksa kembali jumlah angka nolnya.
form-error-money-too-small = Rp{ $amount } terlalu kecil untuk anggaran (paling sedikit Rp{ $minimum }). Mohon tulis jumlah lengkapnya, misalnya Rp10.000.000 atau 10 juta. Bila tidak ada anggaran, tulis 0.
form-error-money-too-small-guess = Rp{ $amount } terlalu kecil untuk anggaran (paling sedikit Rp{ $minimum }); mungkin yang dimaksud { $amount } { $unit ->
        [juta] juta
       *[ribu] ribu
    }, yaitu Rp{ $likely }? Bila ya, mohon tulis jumlah lengkapnya: Rp{ $likely }. Bila tidak ada anggaran, tulis 0.
form-error-money-sen-guess = Anggaran ditulis dalam rupiah penuh, tanpa sen; mungkin yang dimaksud { $amount } juta, yaitu Rp{ $likely }? Bila ya, mohon tulis { $amount } juta.
form-error-url = Tautan tidak dikenali. Kirim alamat lengkap, misalnya https://youtu.be/…
form-error-phone = Nomor telepon tidak dikenali. Tulis misalnya 0812-3456-7890 atau +62 812 3456 7890.
form-error-file-type = Jenis berkas tidak diterima. Kirim berkas { $types }.
form-error-file-size = Berkas terlalu besar ({ $size } MB); batasnya { $limit } MB.
form-error-wrong-kind = Jenis jawaban ini tidak sesuai dengan pertanyaan.
form-error-use-buttons = Silakan gunakan tombol di bawah pesan.
form-error-at-summary = Pesan «{ $typed }» belum disimpan: saat ini tidak ada isian yang sedang ditanyakan. Untuk mengisi atau mengubah isian, ketuk ✏️ dengan nomornya, lalu kirim jawabannya lagi.
form-error-photo = Mohon kirim berkas sebagai dokumen (📎 → Berkas/File), bukan sebagai foto.
form-error-want-file = Isian ini meminta berkas. Mohon kirim berkas sebagai dokumen.
form-error-want-text = Isian ini meminta jawaban berupa teks. Mohon ketik jawaban Bapak/Ibu.
form-error-evidence-url = Kirim bukti berupa berkas (dokumen) atau tautan, misalnya https://…
form-error-evidence = indikator wajib ini belum dinilai atau belum ada buktinya.

## Self-assessment
entry-level-question =
    <b>Penilaian mandiri { $number }/{ $total }: { $name }</b> { $mandatory }
    Bobot { $weight }. Bukti: { $evidence }
    Pilih tingkat yang sesuai:
entry-indicator-mandatory = ★ wajib
entry-evidence-question = Kirim bukti untuk <b>{ $name }</b> ({ $evidence }): berkas sebagai dokumen atau foto (boleh beberapa), atau tautan (video sebagai tautan).
entry-score = Skor sementara: <b>{ $score }</b> dari { $maximum } ({ $assessed }/{ $total } indikator dinilai, { $evidenced } dengan bukti).
entry-score-lacking = Indikator wajib yang belum ada buktinya: { $names }
entry-indicators = <b>Penilaian mandiri</b> (tingkat, bukti)
entry-indicator-line = { $number }. { $name }{ $mandatory }: { $level }, { $evidence }
entry-button-assessment = 📊 Penilaian mandiri

## Summary, review and submit
entry-summary =
    <b>Ringkasan: { $name }</b>
    Isian formulir: { $complete } dari { $total } lengkap.
entry-summary-line = { $mark }{ $number }. { $label }: { $value }
entry-summary-problems = ⚠️ { $count } isian bertanda ⚠️ perlu dilengkapi sebelum dikirim. Ketuk ✏️ dengan nomornya untuk mengisinya.
entry-summary-assessment = <b>Penilaian mandiri</b>: { $assessed } dari { $total } indikator dinilai, { $evidenced } dengan bukti. Skor sementara: <b>{ $score }</b> dari { $maximum }.
entry-summary-lacking = ⚠️ { $count } indikator wajib belum dinilai atau belum ada buktinya: { $names }. Ketuk 📊 Penilaian mandiri untuk melengkapinya (tombol ✏️ hanya untuk isian formulir).
entry-summary-ready = Semua isian wajib sudah lengkap. Ketuk ✏️ dengan nomornya untuk mengubah isian, atau 📤 Periksa dan kirim.
entry-button-review = 📤 Periksa dan kirim
entry-review-blocked = Inovasi belum dapat dikirim:
entry-problem = <b>{ $label }</b>:
entry-review-title = <b>Periksa kembali: { $name }</b>
entry-review-label = <b>{ $label }</b>
entry-review-assessment = tingkat { $level } ({ $description }); bukti: { $evidence }
entry-review-assessment-title = <b>Penilaian mandiri</b>
entry-review-validated = tervalidasi tingkat { $level }
entry-review-not-validated = belum divalidasi penilai
entry-review-confirm = Bila sudah benar, ketuk ✅ Kirim sekarang. Setelah dikirim, inovasi tidak dapat diubah kecuali dikembalikan panitia untuk perbaikan.
entry-button-confirm = ✅ Kirim sekarang
entry-receipt =
    ✅ <b>Inovasi terkirim.</b>
    { $name }
    Perangkat Daerah: { $unit }
    Nomor pendaftaran: <b>{ $number }</b>
    Waktu: { $moment }
    Simpan nomor ini. Status dapat dilihat dengan /inovasi_saya.
entry-already-submitted = Inovasi { $name } sudah terkirim dengan nomor <b>{ $number }</b>.
entry-committee-new = 📥 Inovasi baru masuk: <b>{ $number }</b> { $name } dari { $unit }.
entry-committee-button-open = 📂 Buka inovasi
entry-committee-resubmitted = 🔁 Inovasi dikirim ulang setelah perbaikan: <b>{ $number }</b> { $name } dari { $unit }.
entry-returned-note = Catatan panitia:

## Status
entry-list = <b>Inovasi unit Bapak/Ibu</b>
entry-list-action-open = ✏️ lanjutkan atau perbaiki
entry-list-action-withdraw = ↩️ tarik inovasi (sebelum batas waktu)
entry-list-empty = Unit Bapak/Ibu belum memiliki inovasi. Ketuk tombol di bawah untuk mulai.
entry-list-item =
    <b>{ $name }</b> · { $number }
    Status: { $status }
entry-submitted-at = Dikirim: { $moment }
entry-status-draft = draf
entry-status-submitted = terkirim
entry-status-returned = dikembalikan untuk perbaikan
entry-status-verified = lolos verifikasi
entry-status-rejected = tidak memenuhi syarat
entry-status-nominee = nominasi
entry-status-winner = juara
entry-status-winner-rank = juara ({ $rank })
entry-status-not_selected = tidak terpilih
entry-status-withdrawn = ditarik
entry-status-changed = Status inovasi <b>{ $name }</b> ({ $number }) sekarang: <b>{ $status }</b>.{ $note }
entry-withdraw-ask = Tarik inovasi <b>{ $name }</b>? Inovasi yang ditarik tidak diikutkan dalam penilaian dan tidak dapat dikirim lagi.
entry-button-withdraw-yes = ↩️ Ya, tarik inovasi
entry-button-withdraw-no = ✖️ Batal, jangan tarik
entry-withdraw-kept = Baik, inovasi { $name } tidak ditarik; tidak ada yang diubah.
entry-withdrawn = Inovasi { $name } sudah ditarik.

## Refusals
entry-error-not_officer = Bapak/Ibu bukan petugas unit ini.
entry-error-not_found = Inovasi tidak ditemukan, atau Bapak/Ibu bukan petugas unitnya.
entry-error-not_yet_open = Pengisian inovasi IGA { $year } belum dibuka; dibuka { $moment }.
entry-error-closed = Pengisian inovasi IGA { $year } sudah ditutup pada { $moment }. Hubungi panitia bila unit Bapak/Ibu memerlukan perpanjangan.
entry-error-not_editable = Inovasi ini tidak dapat diubah lagi (status: { $status }).
entry-error-incomplete = Inovasi belum lengkap.
entry-form-paused = ℹ️ Formulir inovasi dijeda; semua jawaban tersimpan. Kirim /lanjutkan untuk melanjutkan.
