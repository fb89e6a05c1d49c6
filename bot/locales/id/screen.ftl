# The ballroom screen (PUBLIC_URL/layar), read from the back of the room.

screen-no-event = Belum ada acara yang dimuat.
screen-now = Sedang berlangsung
screen-next = Berikutnya
screen-nothing-now = Tidak ada sesi saat ini.
screen-nothing-next = Tidak ada sesi lagi.
screen-ended = Acara telah selesai. Terima kasih.
screen-present = { $count } hadir
screen-winners = Pemenang Lomba IGA
screen-winners-at = Pemenang diumumkan { $moment }.
screen-questions = Pertanyaan untuk narasumber
screen-no-questions = Belum ada pertanyaan yang disetujui.
screen-how-to-ask = Bertanya lewat bot Telegram: ketik /tanya, lalu «❓ Ajukan pertanyaan».
screen-unknown-title = Sesi tidak ditemukan
screen-unknown = Mohon maaf, acara ini tidak memiliki sesi dengan alamat « { $key } ». Mohon periksa kembali alamatnya, atau buka layar utama di /layar.
