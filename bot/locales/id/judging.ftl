# Judging: scoring (/nilai), ranking and results (Indonesian, formal register: "Bapak/Ibu").

## Judging (/nilai)
score-header = <b>Penilaian</b> — { $name }
score-progress = Progres: { $done } dari { $total } inovasi sudah dikirim penilaiannya ✅.
score-progress-unsent = ☑️ { $count } inovasi sudah lengkap dinilai tetapi <b>belum dikirim</b>: buka /ruang_kerja, pilih inovasinya, lalu tekan «Kirim penilaian».
score-closed = Penilaian telah ditutup; nilai hanya dapat dilihat.
score-submitted = 📨 Lembar penilaian ini sudah Bapak/Ibu kirim melalui ruang kerja dan bersifat final; nilai hanya dapat dilihat.
score-none = Belum ada inovasi yang ditugaskan kepada Bapak/Ibu.
score-returned = ↩️ { $number } · { $title } dikembalikan kepada Perangkat Daerah pengusulnya untuk perbaikan. Inovasi ini tetap ditugaskan kepada Bapak/Ibu dan nilai yang sudah diisi tersimpan; penilaian dapat dilanjutkan setelah inovasi dikirim ulang dan diverifikasi panitia.
score-entry-line = { $mark } { $number } · { $title } ({ $scored }/{ $total })
score-entry-header =
    <b>{ $number } — { $title }</b>
    Perangkat Daerah: { $unit }
score-criterion-line = • { $name } ({ $weight }%): <b>{ $value }</b>
score-weighted = Nilai tertimbang Bapak/Ibu: <b>{ $value }</b>
score-not-yet = belum
score-button-validate = Validasi indikator
score-button-back = ◀ Kembali
score-ask-value = <b>{ $name }</b> ({ $weight }%) untuk { $number }: pilih nilai atau ketik angka 0–100.
score-saved = Tersimpan: { $name } = { $value }.
score-bad-number = Mohon ketik angka antara 0 dan 100 (misalnya 85 atau 87,5).
score-button-stale = Tombol ini sudah tidak berlaku; nilai yang tersimpan tetap { $name } = { $value }. Untuk mengubahnya, ketuk kriterianya pada kartu penilaian terbaru (/nilai).
validate-header = <b>Validasi indikator</b> { $number } (halaman { $page }/{ $pages }). Level isian peserta → level tervalidasi.
validate-line = { $indicator }. { $name } (bobot { $weight }): peserta { $level }, validasi <b>{ $validated }</b>
validate-saved = Indikator { $indicator }: level tervalidasi { $level }.

## Ranking (/ranking) and results (/tetapkan_juara)
ranking-header = <b>Peringkat sementara</b> — nilai akhir = { $judges }% rata-rata penilai + { $self }% penilaian mandiri tervalidasi.
ranking-line = { $rank }. { $number } · { $unit } · { $title } — <b>{ $final }</b> (penilai { $mean }, mandiri { $self }; { $count } penilai)
ranking-empty = Belum ada inovasi yang lolos verifikasi.
ranking-judging-open = Penilaian masih dibuka.
ranking-judging-closed = Penilaian ditutup pada { $moment }.
ranking-button-close = 🔒 Tutup penilaian
ranking-button-reopen = 🔓 Buka kembali penilaian
ranking-button-set = 🏆 Tetapkan juara
ranking-closed = Penilaian ditutup. Penilai tidak dapat lagi mengubah nilai.
ranking-reopened = Penilaian dibuka kembali.
results-confirm = Tetapkan juara dari peringkat nominasi saat ini? Juara: { $titles }. Hasil tetap rahasia sampai pengumuman.
results-button-confirm = Ya, tetapkan
results-done = Juara ditetapkan:
results-line = { $title }: { $unit } — { $innovation }
results-private = Hasil hanya terlihat oleh panitia sampai diumumkan.
ranking-error-open = Tutup penilaian terlebih dahulu sebelum menetapkan juara: gunakan tombol 🔒 Tutup penilaian di bawah ini (juga tersedia di /peringkat).
ranking-error-announced = Hasil sudah diumumkan dan tidak dapat diubah lagi.
ranking-announced = Hasil sudah diumumkan; penilaian tertutup dan peringkat ini hanya dapat dilihat.
ranking-closed-announced = Hasil sudah diumumkan sehingga penilaian sudah tertutup; tidak ada yang perlu ditutup lagi.
ranking-read-only = IGA { $year } sudah ditutup: peringkat ini hanya untuk dilihat.
ranking-usage = Mohon maaf, “{ $word }” tidak dikenali, jadi peringkat tidak ditampilkan. Penulisan: /peringkat untuk IGA yang berjalan, atau /peringkat { $year } untuk edisi yang lalu.
ranking-unvalidated = ⚠️ Penilaian mandiri yang belum divalidasi penilai dihitung 0: { $entries }. Mohon validasi indikatornya melalui /nilai sebelum menutup penilaian dan menetapkan juara.
ranking-unvalidated-entry = { $number } ({ $count } indikator)
ranking-unsent = ⚠️ { $count } lembar penilaian belum dikirim penilai: { $sheets }. Setelah penilaian ditutup, penilai tidak dapat lagi melengkapi atau mengirimnya.
ranking-unsent-judge = { $judge }: { $entries }
ranking-unsent-entry = { $number } ({ $scored }/{ $total } kriteria)
ranking-close-ask = Tetap tutup penilaian sekarang?
ranking-button-close-anyway = 🔒 Tetap tutup penilaian
ranking-error-no-nominees = Belum ada inovasi berstatus nominasi.
score-input-replaced = ℹ️ Nilai yang akan Bapak/Ibu ketik tidak lagi ditunggu; ketuk kriterianya lagi di /nilai bila masih ingin mengisinya.
score-input-cancelled = Dibatalkan; nilai tidak berubah.
ranking-unjudged = ⚠️ Nominasi yang belum dinilai lengkap oleh penilai mana pun: { $entries }. Juara tidak dapat ditetapkan sebelum setiap nominasi dinilai.
ranking-error-unjudged = Juara belum dapat ditetapkan: nominasi { $entries } belum dinilai lengkap oleh penilai mana pun. Juara ditetapkan dari nilai tim penilai, sehingga inovasi yang belum dinilai tidak diberi peringkat dengan nilai 0. Buka kembali penilaian dengan tombol 🔓 di bawah ini agar penilai yang ditugaskan (/tugaskan) melengkapi nilainya, lalu tutup penilaian dan tetapkan juara.
