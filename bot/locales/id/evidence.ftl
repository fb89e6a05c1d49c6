# Evidence: the file store, the documents archive, the national export, the purge (Indonesian).

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
