# Editions: the next edition, the read-only previous edition, /arsip, returning innovations
# (Indonesian, formal register: "Bapak/Ibu").

## A closed edition (bot/services/core/edition_guard.py)
edition-closed = Mohon maaf, IGA { $year } sudah ditutup karena edisi berikutnya telah dimulai. Data IGA { $year } tetap dapat dilihat, tetapi tidak dapat diubah lagi.
