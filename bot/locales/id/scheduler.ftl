# Reminders, the winners' announcement and the winners' menu (Indonesian, formal register).

scheduler-event-reminder =
    🔔 <b>Pengingat acara</b>
    Bapak/Ibu diundang pada <b>{ $event }</b>.

    🗓 { $moment }
    📍 { $venue }
scheduler-star-reminder =
    ⏰ <b>Sesi yang Bapak/Ibu tandai akan segera dimulai</b>
    { $title }

    🕘 { $time }
    📍 { $place }
scheduler-venue-button = 📍 Buka peta lokasi
scheduler-deadline-reminder =
    ⏳ <b>Pengingat batas akhir pengiriman inovasi</b>
    { $edition }
    Batas akhir: { $deadline }
scheduler-deadline-no-entry = { $unit } belum mengirimkan inovasi. Silakan mulai melalui menu { $menu }.
scheduler-deadline-draft = • <b>{ $title }</b> ({ $unit }) belum dikirim. Yang belum diisi: { $missing }.
scheduler-deadline-draft-complete = • <b>{ $title }</b> ({ $unit }) sudah lengkap, tinggal dikirim.
scheduler-deadline-untitled = Draf tanpa nama

winners-line = { $title } — { $unit } — { $innovation }
winners-announcement =
    🏆 <b>Pemenang { $edition }</b>

    { $list }

    Selamat kepada para pemenang!
winners-congratulations =
    🎉 <b>Selamat, { $unit }!</b>
    Inovasi Bapak/Ibu meraih penghargaan { $edition }:

    { $list }
winners-list =
    🏆 <b>Pemenang { $edition }</b>

    { $list }
winners-pending = 🏆 Pemenang { $edition } akan diumumkan pada { $moment }.
winners-not-scheduled = 🏆 Pemenang { $edition } belum diumumkan.
winners-none = 🏆 Belum ada pemenang { $edition } yang ditetapkan.
winners-admin-preview = 🔒 <b>Belum diumumkan</b>: hanya terlihat oleh panitia. Jadwal pengumuman: { $moment }.
winners-admin-preview-unscheduled = 🔒 <b>Belum diumumkan</b>: hanya terlihat oleh panitia. Jadwal pengumuman belum ditetapkan (/umumkan_pada).
winners-no-edition = Belum ada lomba yang dimuat.
winners-schedule-usage = Tuliskan waktu pengumuman pemenang ({ $zone }), misalnya: <code>/umumkan_pada 07/12/2022 09.00</code>
winners-schedule-bad = Mohon maaf, "{ $text }" bukan tanggal dan jam yang valid. Contoh: <code>/umumkan_pada 07/12/2022 09.00</code>
winners-schedule-past = Mohon maaf, waktu pengumuman harus setelah saat ini ({ $now }).
winners-schedule-done = ✅ Pemenang { $edition } akan diumumkan pada { $moment }.
winners-schedule-already = Pemenang sudah diumumkan pada { $moment }; jadwal tidak dapat diubah lagi.
winners-cancel-done = ✅ Pengumuman pemenang pada { $moment } dibatalkan. Hasil tetap hanya terlihat oleh panitia sampai jadwal baru ditetapkan dengan /umumkan_pada.
winners-cancel-none = Tidak ada jadwal pengumuman pemenang yang dapat dibatalkan.

command-winners = Pemenang IGA
