# Editions: the next edition, the read-only previous edition, /arsip, returning innovations
# (Indonesian, formal register: "Bapak/Ibu").

## Which year a text means (two editions may run at once)
edition-heading = <i>{ $name }</i>

## iga-bot event show
show-editions = Edisi berjalan: { $current }; ditutup (hanya dapat dilihat): { $closed }

## A closed edition (bot/services/core/edition_guard.py)
edition-closed = Mohon maaf, IGA { $year } sudah ditutup karena edisi berikutnya telah dimulai. Data IGA { $year } tetap dapat dilihat, tetapi tidak dapat diubah lagi.
edition-button-other = Mohon maaf, tombol ini untuk IGA { $year }, sedangkan yang berjalan sekarang IGA { $current }. Tidak ada yang diubah; silakan kirim perintahnya kembali.
edition-button-outdated = Mohon maaf, tombol ini berasal dari pesan lama dan tidak lagi berlaku. Tidak ada yang diubah; silakan kirim perintahnya kembali.

## /arsip
command-archive = Arsip juara IGA tahun-tahun sebelumnya
archive-none = Arsip IGA masih kosong: sebuah edisi masuk arsip setelah juaranya diumumkan.
archive-list =
    <b>Arsip IGA</b>
    Silakan pilih tahun untuk melihat para juara dan laporan hasilnya:
    { $list }
archive-line = • IGA { $year }: { $name }
archive-button = 🏆 IGA { $year }
archive-bad-year = Mohon maaf, "{ $given }" bukan tahun. Tulis tahunnya dengan angka, misalnya /arsip { $year }.
archive-unknown-year = Mohon maaf, tidak ada edisi IGA { $year } dalam arsip.
archive-pending = Hasil IGA { $year } belum diumumkan. Silakan kembali setelah pengumuman pemenang.
archive-admin-preview = <i>Pratinjau panitia: hasil IGA { $year } belum diumumkan.</i>
archive-winners =
    <b>Juara IGA { $year }</b>
    { $name }

    { $list }
archive-winner-line = <b>{ $title }</b>: { $unit } — { $innovation }
archive-no-winners = IGA { $year } tidak mencatat juara.
archive-report-caption = { $title }

## Returning innovations
returning-offer = Unit Bapak/Ibu pernah mengikutkan inovasi pada IGA sebelumnya. Bapak/Ibu dapat memulai entri IGA { $year } dari salah satunya (jawaban disalin ke draf baru, dokumen ikut terlampir, tahapan dimajukan bila berlaku), atau memulai inovasi baru:
returning-button = ↩️ { $title } (IGA { $year })
returning-started = Draf IGA { $new_year } dimulai dari <b>{ $title }</b> (IGA { $year }). Mohon periksa kembali setiap jawaban dan lengkapi yang belum ada sebelum mengirim.
returning-not-offered = Mohon maaf, entri tersebut bukan inovasi unit Bapak/Ibu dari IGA sebelumnya.
returning-note = ↩️ Inovasi ini kembali dari IGA { $year } ({ $number }: { $title }).
returning-note-won = 🏆 Inovasi ini pernah meraih { $award } IGA { $year }.
returning-rule = ⚠️ Pedoman IGA { $year } mensyaratkan inovasi yang belum pernah dilombakan. Mohon panitia memutuskan apakah entri ini dapat dinilai.
entry-draft-closed = Draf <b>{ $name }</b> (IGA { $year }) tidak dapat dilanjutkan karena IGA { $current } sudah dimulai; IGA { $year } kini hanya dapat dilihat. Jawaban pada draf tersebut tetap tersimpan.
entry-draft-closed-hint = Pesan Bapak/Ibu tidak disimpan. Untuk mengikuti IGA yang berjalan, silakan ketuk 📝 Kirim Inovasi.
