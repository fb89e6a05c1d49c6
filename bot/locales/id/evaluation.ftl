# The evaluation survey after the event (Indonesian, formal register: "Bapak/Ibu").

evaluation-invitation = 📝 <b>Evaluasi { $event }</b>
    { $intro }
    Mohon kesediaan Bapak/Ibu menjawab { $count } pertanyaan singkat. Terima kasih.
evaluation-reminder = 🔔 Evaluasi <b>{ $event }</b> belum selesai diisi. Mohon kesediaan Bapak/Ibu melanjutkannya; hanya beberapa menit.
evaluation-start-button = 📝 Isi evaluasi
evaluation-question = 📝 <b>Evaluasi</b> · pertanyaan { $number } dari { $count }
evaluation-label = <b>{ $label }</b>
evaluation-field-help = <i>{ $help }</i>
evaluation-help-rating = Ketuk angka 1 (sangat kurang) sampai 5 (sangat baik).
evaluation-help-single_choice = Ketuk salah satu pilihan.
evaluation-help-multiple_choice = Ketuk pilihan (boleh lebih dari satu), lalu «Lanjut».
evaluation-help-short_text = Silakan ketik jawaban Bapak/Ibu.
evaluation-help-long_text = Silakan ketik jawaban Bapak/Ibu (boleh dalam beberapa pesan), lalu ketuk «Selesai ▶».
evaluation-optional = (Boleh dilewati.)
evaluation-skip-button = Lewati ⏭
evaluation-next-button = Lanjut ▶
evaluation-thanks = ✅ Terima kasih. Jawaban evaluasi Bapak/Ibu sudah tersimpan.
evaluation-already-finished = Bapak/Ibu sudah mengisi evaluasi ini. Terima kasih.
evaluation-not-invited = Evaluasi ini ditujukan kepada peserta acara.
evaluation-answered = ✅ Jawaban: { $answer }
evaluation-skipped = ⏭ Dilewati.
evaluation-done-button = Selesai ▶
evaluation-clear-button = 🗑 Ketik ulang
evaluation-long-saved = 📝 Tersimpan { $words } kata. Kirim lanjutan teks, atau ketuk «Selesai ▶» bila sudah lengkap.
evaluation-answered-text = ✅ Jawaban tersimpan ({ $words } kata).
evaluation-stale = Pertanyaan ini sudah dijawab; silakan jawab pertanyaan terbaru.
evaluation-text-only = Mohon kirim jawaban berupa teks, atau ketuk salah satu tombol.
evaluation-error-rating = Mohon ketuk atau ketik angka 1 sampai 5.
evaluation-input-replaced = Jawaban evaluasi tidak lagi ditunggu; ketuk «📝 Isi evaluasi» untuk melanjutkan.
evaluation-input-cancelled = Baik. Jawaban yang sudah diberikan tetap tersimpan; ketuk «📝 Isi evaluasi» untuk melanjutkan.
evaluation-kind-rating = Nilai 1–5
evaluation-kind-single_choice = Pilihan
evaluation-kind-multiple_choice = Pilihan ganda
evaluation-kind-short_text = Teks
evaluation-kind-long_text = Teks
evaluation-none = Belum ada evaluasi untuk acara ini.
evaluation-summary-title = 📊 <b>Evaluasi { $event }</b>
evaluation-summary-counts = Diundang: { $invited } · Selesai: { $finished }
evaluation-summary-nobody = Belum ada yang diundang: belum ada peserta yang tercatat hadir. Peserta yang mendaftar hadir setelah waktu kirim langsung menerima evaluasi (hari itu).
evaluation-summary-waiting = Belum ada yang diundang: survei dikirim pukul { $time } kepada { $present } orang yang sudah hadir (dan yang hadir sesudahnya langsung menerimanya).
evaluation-summary-rating = • { $label }: rata-rata <b>{ $detail }</b> ({ $answers } jawaban)
evaluation-summary-choice = • { $label }: { $detail } ({ $answers } jawaban)
evaluation-summary-text = • { $label }: { $answers } jawaban teks
evaluation-summary-workbook = Rincian pada lembar «Evaluasi» di /ekspor.
command-evaluation = Ringkasan evaluasi acara
