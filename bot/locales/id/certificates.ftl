# Certificates after the event: the PDF's texts (Indonesian only: an official document), the
# message that carries it, the committee's /sertifikat, the public verification page
# (Indonesian, formal register: "Bapak/Ibu").

## The PDF
certificate-pdf-title-participant = SERTIFIKAT
certificate-pdf-title-judge = SERTIFIKAT
certificate-pdf-title-narasumber = SERTIFIKAT
certificate-pdf-title-winner = PIAGAM PENGHARGAAN
certificate-pdf-number = Nomor: { $code }
certificate-pdf-given-participant = diberikan kepada
certificate-pdf-given-judge = diberikan kepada
certificate-pdf-given-narasumber = diberikan kepada
certificate-pdf-given-winner = diberikan kepada
certificate-pdf-as-participant = sebagai Peserta
certificate-pdf-as-judge = sebagai Tim Penilai (Juri)
certificate-pdf-as-narasumber = sebagai Narasumber
certificate-pdf-winner = atas prestasinya sebagai { $rank }
certificate-pdf-innovation = dengan inovasi "{ $innovation }"
certificate-pdf-event = dalam { $event }
certificate-pdf-when = { $day }, { $place }
certificate-pdf-code = Kode verifikasi: { $code }
certificate-pdf-example = CONTOH — penanda tangan ini belum diganti di berkas acara
certificate-pdf-scan = Pindai kode QR untuk memeriksa keaslian sertifikat ini.
certificate-file-participant = Sertifikat
certificate-file-judge = Sertifikat
certificate-file-narasumber = Sertifikat
certificate-file-winner = Piagam

## The message with the PDF
certificate-caption-participant = 📜 Terima kasih atas kehadiran Bapak/Ibu di <b>{ $event }</b>. Sertifikat peserta atas nama <b>{ $name }</b> terlampir.
    Kode verifikasi: <code>{ $code }</code> — keasliannya dapat diperiksa di { $url }
certificate-caption-judge = 📜 Terima kasih atas peran Bapak/Ibu sebagai Tim Penilai <b>{ $event }</b>. Sertifikat atas nama <b>{ $name }</b> terlampir.
    Kode verifikasi: <code>{ $code }</code> — keasliannya dapat diperiksa di { $url }
certificate-caption-narasumber = 📜 Terima kasih atas kesediaan Bapak/Ibu menjadi narasumber <b>{ $event }</b>. Sertifikat atas nama <b>{ $name }</b> terlampir.
    Kode verifikasi: <code>{ $code }</code> — keasliannya dapat diperiksa di { $url }
certificate-caption-winner = 🏆 Selamat! Terlampir piagam penghargaan <b>{ $rank }</b> untuk <b>{ $name }</b> pada <b>{ $event }</b>.
    Kode verifikasi: <code>{ $code }</code> — keasliannya dapat diperiksa di { $url }
certificate-caption-replaces = 🔁 <b>Sertifikat pengganti</b>: menggantikan sertifikat berkode <code>{ $old }</code>, yang kini tidak berlaku lagi.

## /sertifikat (the committee)
command-certificates = Sertifikat dan piagam: cabut, terbitkan ulang (panitia)
certificates-summary = 📜 <b>Sertifikat { $event }</b>
    Dikirim mulai: { $send_at }
    Peserta: { $participants } · Tim penilai: { $judges } · Narasumber: { $narasumber } · Piagam: { $winners }
    Dicabut: { $revoked }
    Pesan terkirim: { $sent } · menunggu: { $waiting } · tidak tersampaikan: { $undelivered }
certificates-summary-off = 📜 Berkas acara belum mengatur pengiriman sertifikat (bagian <code>event.certificates</code> dengan <code>send_at</code>).
certificates-winners-waiting = Piagam para juara menunggu pengumuman pemenang.
certificates-no-public-url = ⚠️ PUBLIC_URL belum diatur: sertifikat belum dapat diterbitkan karena kode QR-nya harus membuka halaman verifikasi.
certificates-usage = Perintah:
    /sertifikat — ringkasan
    /sertifikat <code>KODE</code> — rincian dan berkas PDF
    /sertifikat <code>nama</code> — mencari kode sertifikat menurut nama
    /sertifikat cabut <code>KODE</code> <code>alasan</code> — mencabut
    /sertifikat ulang <code>KODE</code> [<code>nama yang benar</code>] — menerbitkan ulang (kode baru, dikirim lagi)
certificates-no-event = Belum ada acara yang dimuat.
certificates-unknown = Sertifikat dengan kode <code>{ $code }</code> tidak ditemukan. Mohon periksa kembali kodenya.
certificates-details = 📜 <b>{ $name }</b>
    { $role }{ $detail }
    Kode: <code>{ $code }</code> (terbitan ke-{ $revision })
    Status: { $status }
    Halaman verifikasi: { $url }
certificates-none-found = Tidak ada sertifikat atas nama yang memuat "{ $text }". Untuk melihat satu sertifikat, ketik kodenya: /sertifikat <code>KODE</code>
certificates-found = 🔎 { $count } sertifikat atas nama yang memuat "{ $text }":
certificates-found-line = • <b>{ $name }</b> — { $role } — <code>{ $code }</code> { $status }
certificates-status-valid = ✅ berlaku
certificates-status-revoked = ❌ dicabut { $moment }
certificates-revoked = ❌ Sertifikat <code>{ $code }</code> atas nama <b>{ $name }</b> telah dicabut. Halaman verifikasinya kini menyatakan tidak berlaku.
certificates-already-revoked = Sertifikat <code>{ $code }</code> sudah dicabut sebelumnya.
certificates-revoke-reason-missing = Mohon sebutkan alasan pencabutan, misalnya: /sertifikat cabut <code>{ $code }</code> salah nama
certificates-reissued = ✅ Sertifikat baru atas nama <b>{ $name }</b> telah diterbitkan dengan kode <code>{ $code }</code> dan dikirim ke penerimanya. Kode lama <code>{ $old }</code> kini tidak berlaku.
certificates-reissued-no-chat = ✅ Sertifikat baru atas nama <b>{ $name }</b> telah diterbitkan dengan kode <code>{ $code }</code>. Kode lama <code>{ $old }</code> kini tidak berlaku. Penerimanya tidak memakai bot (dicatat oleh panitia), silakan serahkan berkasnya: /sertifikat { $code }
certificates-already-replaced = Sertifikat <code>{ $code }</code> sudah diterbitkan ulang dengan kode <code>{ $newer }</code>. Silakan gunakan kode yang baru.
certificates-bad-name = Nama harus berisi 1 sampai 300 karakter. Tidak ada yang diubah.
certificates-role-participant = Peserta
certificates-role-judge = Tim Penilai (Juri)
certificates-role-narasumber = Narasumber
certificates-role-winner = Piagam penghargaan { $rank }

## The public verification page
verify-title = Verifikasi sertifikat
verify-valid = Sertifikat ini asli dan berlaku.
verify-revoked = Sertifikat ini telah dicabut dan tidak berlaku lagi.
verify-revoked-on = Dicabut pada { $moment }.
verify-replaced = Sertifikat ini telah diganti dengan terbitan yang lebih baru untuk pemegang yang sama. Mohon periksa kode pada sertifikat terbaru.
verify-name = Nama
verify-role = Peran
verify-event = Acara
verify-day = Tanggal
verify-code = Kode
verify-issued = Diterbitkan
verify-unknown-title = Sertifikat tidak ditemukan
verify-unknown = Mohon maaf, kami tidak menemukan sertifikat dengan kode { $code }. Mohon periksa kembali kode yang tertera di sertifikat (16 huruf dan angka), atau hubungi panitia.
verify-footer = Halaman ini diterbitkan oleh { $organiser }.

## The workspace's page (the committee)
workspace-tab-certificates = Sertifikat
workspace-certificates-title = Sertifikat dan piagam
workspace-certificates-winners = Piagam
workspace-certificates-revoked = Dicabut
workspace-certificates-send-at = Dikirim mulai { $moment }; piagam para juara setelah pengumuman pemenang.
workspace-certificates-search = Nama atau kode sertifikat
workspace-certificates-find = Cari
workspace-certificates-new-name = Nama yang benar (kosongkan bila sama)
workspace-certificates-reissue = Terbitkan ulang
workspace-certificates-reason = Alasan pencabutan
workspace-certificates-revoke = Cabut
workspace-certificates-reason-needed = Mohon isi alasan pencabutan (paling banyak 300 karakter). Tidak ada yang diubah.
workspace-certificates-none = Belum ada sertifikat yang cocok.

## /sertifikat_saya (the holder)
command-my-certificate = Sertifikat atau piagam Bapak/Ibu (minta kembali)
certificates-mine-later = Sertifikat dikirim mulai { $moment } kepada yang tercatat hadir. Setelah itu Bapak/Ibu dapat memintanya kembali kapan saja dengan /sertifikat_saya.
certificates-mine-none = Belum ada sertifikat atas nama Bapak/Ibu. Sertifikat diberikan kepada yang tercatat hadir di acara (dengan memindai kode QR daftar hadir), dan piagam penghargaan kepada petugas unit pemenang setelah pengumuman.
