# Evidence: the file store, the documents archive, the national export, the purge (Indonesian).

command-purge-files = Hapus berkas inovasi yang ditarik (panitia)

## The documents archive (ZIP)
archive-answers-file = Jawaban formulir
archive-index-sheet = Indeks berkas
archive-col-number = Nomor
archive-col-unit = Perangkat Daerah
archive-col-title = Nama inovasi
archive-col-source = Isian / indikator
archive-col-original = Nama berkas asli
archive-col-path = Lokasi dalam arsip
archive-col-size = Ukuran (bita)
archive-col-sha256 = SHA-256
archive-col-status = Keterangan
archive-status-ok = Lengkap, checksum cocok
archive-status-missing = Tidak ada di penyimpanan berkas
archive-status-pending = Belum selesai diunduh dari Telegram
archive-status-checksum = Isi berkas tidak cocok dengan checksum
archive-self-assessment = Penilaian mandiri (Indeks Inovasi Daerah)
archive-col-indicator-number = No.
archive-col-indicator = Indikator
archive-col-level = Tingkat
archive-col-validated = Tervalidasi
archive-col-weight = Bobot
archive-col-evidence = Data dukung

## Files in the entry form
evidence-files-kept = Berkas tersimpan ({ $count }):
evidence-file-line = { $number }. 📎 { $name }
evidence-button-remove = 🗑 Hapus { $number }. { $name }
evidence-button-next = ➡️ Lanjut
evidence-link-kept = Tautan tersimpan: { $url }
evidence-file-saved = Berkas <b>{ $name }</b> tersimpan. Kirim berkas lain bila ada, lalu ketuk ➡️ Lanjut.
evidence-file-removed = Berkas <b>{ $name }</b> dihapus dari inovasi ini.
evidence-file-gone = Berkas itu sudah tidak ada di inovasi ini.
evidence-file-empty = Berkas <b>{ $name }</b> kosong (0 bita). Mohon kirim ulang berkas yang berisi.
evidence-file-too-big = Berkas <b>{ $name }</b> terlalu besar ({ $size }): Telegram hanya mengizinkan bot mengunduh berkas sampai { $limit }. Mohon perkecil berkasnya (misalnya kompres PDF) atau bagi menjadi beberapa berkas.
evidence-file-not-type = Berkas <b>{ $name }</b> bukan { $expected } yang sah: isinya tidak sesuai dengan jenis berkasnya, sehingga tidak disimpan. Mohon kirim berkas { $expected } yang asli (misalnya simpan ulang atau ekspor dokumennya sebagai { $expected }).
evidence-video-link = Video tidak disimpan sebagai berkas. Mohon unggah videonya (misalnya ke YouTube atau Google Drive) lalu kirim tautannya.

## The workbook's self-assessment sheet (Indeks Inovasi Daerah)
export-sheet-assessment = Penilaian Mandiri (IID)
export-col-iid-number = No. Indikator
export-col-iid-indicator = Indikator
export-col-iid-claimed = Tingkat (mandiri)
export-col-iid-validated = Tingkat tervalidasi
export-col-iid-weight = Bobot
export-col-iid-score = Skor (bobot × tingkat tervalidasi, bila belum: mandiri)
export-col-iid-evidence-files = Berkas data dukung
export-col-iid-evidence-link = Tautan data dukung

## The committee's tools
evidence-archive-wait = Menyiapkan arsip berkas (ZIP)… Mohon tunggu sebentar.
evidence-archive-caption = Arsip berkas { $edition } per { $moment }: { $entries } inovasi, { $documents } berkas; { $problems } berkas tidak ada atau rusak (lihat indeks.xlsx).
evidence-archive-too-big = Arsip berkas berukuran { $size }, melebihi batas kirim bot ({ $limit }). Silakan unduh melalui Ruang Kerja panitia, atau di server jalankan <code>iga-bot export --out berkas.zip</code>.
evidence-purge-nothing = Tidak ada berkas dari inovasi yang ditarik; tidak ada yang perlu dihapus.
evidence-purge-ask = Berkas berikut dari { $entries } inovasi yang ditarik akan <b>dihapus permanen</b> dari penyimpanan ({ $count } berkas, { $size }):
evidence-purge-line = • { $entry }: { $name }
evidence-purge-line-shared = • { $entry }: { $name } (isi yang sama dipakai inovasi lain, tetap disimpan untuknya)
evidence-purge-more = … dan { $count } berkas lainnya.
evidence-purge-button = 🗑 Hapus { $count } berkas
evidence-purge-changed = Daftar berkas sudah berubah. Silakan kirim /hapus_berkas lagi.
evidence-purge-done = { $count } berkas dari inovasi yang ditarik telah dihapus ({ $objects } dari penyimpanan).
