# Questions to the narasumber: asking, voting, moderating
# (Indonesian, formal register: "Bapak/Ibu").

questions-anonymous = Anonim
questions-session = <b>{ $title }</b> · { $time }
questions-board-title = ❓ <b>Pertanyaan untuk narasumber</b>
questions-board-empty = Belum ada pertanyaan yang disetujui untuk sesi ini.
questions-line = { $rank }. { $text } — <i>{ $asker }</i> · 👍 { $votes }
questions-line-answered = { $rank }. <s>{ $text }</s> — <i>{ $asker }</i> · ✔️ terjawab
questions-board-how = Ketuk «❓ Ajukan pertanyaan» untuk bertanya; ketuk 👍 dengan nomornya untuk mendukung pertanyaan (satu suara per pertanyaan).
questions-ask-button = ❓ Ajukan pertanyaan
questions-ask-anonymous-button = ❓ Ajukan pertanyaan tanpa nama
questions-vote-button = 👍 { $rank } ({ $votes })
questions-vote-button-done = ✅ { $rank } ({ $votes })
questions-refresh-button = 🔄 Perbarui
questions-none-open = Saat ini belum ada sesi yang menerima pertanyaan. Pertanyaan dibuka saat sesi dimulai.
questions-opens-later = Saat ini belum ada sesi yang menerima pertanyaan. Pertanyaan dibuka saat sesi berikutnya dimulai: <b>{ $title }</b>, pukul { $time }.
questions-over = Pertanyaan untuk narasumber sudah ditutup: tidak ada lagi sesi yang menerima pertanyaan.
questions-choose-session = Beberapa sesi sedang menerima pertanyaan. Silakan pilih sesinya:
questions-closed = Mohon maaf, sesi ini tidak lagi menerima pertanyaan.
questions-type-named = Silakan ketik pertanyaan Bapak/Ibu untuk sesi <b>{ $title }</b> (paling banyak { $limit } karakter). Pertanyaan ditampilkan dengan nama <b>{ $name }</b> setelah disetujui moderator. Ketik /batal untuk membatalkan.
questions-type-anonymous = Silakan ketik pertanyaan Bapak/Ibu untuk sesi <b>{ $title }</b> (paling banyak { $limit } karakter). Pertanyaan ditampilkan <b>tanpa nama</b> setelah disetujui moderator. Ketik /batal untuk membatalkan.
questions-text-only = Mohon kirim pertanyaan berupa teks.
questions-too-long = Pertanyaan Bapak/Ibu terdiri atas { $length } karakter, sedangkan batasnya { $limit } karakter. Mohon persingkat lalu kirim kembali; pesan Bapak/Ibu di atas tetap tersimpan di chat ini.
questions-empty = Pertanyaan masih kosong. Silakan ketik pertanyaan Bapak/Ibu.
questions-rate-limited = Mohon maaf, Bapak/Ibu sudah mengirim beberapa pertanyaan dalam waktu singkat. Silakan bertanya lagi mulai pukul { $time }.
questions-votes-rate-limited = Terlalu banyak suara dalam satu menit. Silakan coba lagi pukul { $time }.
questions-received = ✅ Terima kasih. Pertanyaan Bapak/Ibu sudah diterima dan menunggu persetujuan moderator.
questions-gone = Pertanyaan ini tidak tersedia lagi.
questions-vote-counted = 👍 Suara Bapak/Ibu sudah dihitung.
questions-vote-already = Bapak/Ibu sudah mendukung pertanyaan ini; suara dihitung satu kali.
questions-input-replaced = Pertanyaan yang sedang diketik tidak lagi ditunggu.
questions-input-cancelled = Baik, pertanyaan dibatalkan.

# Moderation
questions-moderators-only = Mohon maaf, fitur ini khusus untuk moderator.
questions-moderate-choose = 🛡 <b>Moderasi pertanyaan</b>. Silakan pilih sesinya:
questions-moderate-none = Belum ada sesi yang dimulai, sehingga belum ada pertanyaan.
questions-moderate-over = Acara telah selesai; tidak ada lagi sesi yang menerima pertanyaan.
questions-queue-title = 🛡 <b>Moderasi pertanyaan</b>
questions-queue-counts = ⏳ Menunggu: { $pending } · ✅ Disetujui: { $approved } · ✔️ Terjawab: { $answered }
questions-queue-open = 🟢 Pertanyaan dibuka.
questions-queue-closed = 🔒 Pertanyaan ditutup.
questions-queue-none-approved = Belum ada pertanyaan yang disetujui.
questions-queue-line = { $rank }. <b>#{ $id }</b> { $text } — <i>{ $asker }</i> · 👍 { $votes }
questions-card = ❓ <b>#{ $id }</b> · { $session }
    { $text }
    — <i>{ $asker }</i>
    { $status }
questions-status-pending = ⏳ Menunggu persetujuan
questions-status-approved = ✅ Disetujui · 👍 { $votes }
questions-status-answered = ✔️ Terjawab
questions-status-hidden = 🙈 Disembunyikan
questions-act-approve = ✅ Setujui
questions-act-edit = ✏️ Perbaiki
questions-act-hide = 🙈 Sembunyikan
questions-act-answer = ✔️ Terjawab
questions-act-answer-numbered = ✔️ #{ $id } terjawab
questions-act-hide-numbered = 🙈 #{ $id }
questions-session-close-button = 🔒 Tutup pertanyaan
questions-session-open-button = 🔓 Buka kembali
questions-closed-done = Pertanyaan untuk sesi ini ditutup.
questions-opened-done = Pertanyaan untuk sesi ini dibuka kembali.
questions-done-approve = Pertanyaan #{ $id } disetujui.
questions-done-answer = Pertanyaan #{ $id } ditandai terjawab.
questions-done-hide = Pertanyaan #{ $id } disembunyikan.
questions-done-edit = ✏️ Pertanyaan #{ $id } sudah diperbaiki.
questions-edit-prompt = Silakan kirim teks pertanyaan <b>#{ $id }</b> yang sudah diperbaiki (paling banyak { $limit } karakter). Teks saat ini:
    <code>{ $text }</code>
questions-edit-replaced = Perbaikan pertanyaan tidak lagi ditunggu.
questions-edit-cancelled = Baik, perbaikan pertanyaan dibatalkan.

command-ask = Bertanya kepada narasumber
command-moderate = Moderasi pertanyaan
