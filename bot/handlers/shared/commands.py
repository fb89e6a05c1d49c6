"""Command names: each command's Indonesian name, and the English name English-speaking users
type (and see in their menu). One table, so that ``/cancel`` works wherever ``/batal`` does.

Register a command with ``CommandHandler(command_names("batal"), callback)``; the menus use
:func:`menu_name`.
"""

from __future__ import annotations

ENGLISH_NAMES: dict[str, str] = {
    "sekarang": "now",
    "berikutnya": "next",
    "lokasi": "venue",
    "narasumber": "speakers",
    "kalender": "calendar",
    "langganan": "subscribe",
    "berhenti": "unsubscribe",
    "pemenang": "winners",
    "bahasa": "language",
    "lanjutkan": "resume",
    "inovasi_saya": "my_entries",
    "batal": "cancel",
    "daftar": "join",
    "nilai": "score",
    "inovasi": "entries",
    "penilai": "judges",
    "tugaskan": "assign",
    "peringkat": "ranking",
    "tetapkan_juara": "set_winners",
    "umumkan_pada": "announce_at",
    "batal_umumkan": "cancel_announcement",
    "ekspor": "export",
    "laporan": "report",
    "pengumuman": "broadcast",
    "daftarpengumuman": "broadcasts",
    "undangan": "invite",
    "buka_kembali": "reopen",
    "muat_ulang": "reload",
    "ruang_kerja": "workspace",
    "hapus_berkas": "purge_files",
    "tanya": "ask",
    "moderasi": "moderate",
    "evaluasi": "evaluation",
    "arsip": "archive",
    "kehadiran": "attendance",
    "catat_hadir": "check_in",
    "daftar_hadir": "attendance_list",
    "sertifikat": "certificates",
    "sertifikat_saya": "my_certificate",
}
"""Indonesian command → its English name (commands named alike in both, such as /start,
/agenda, /faq, /help and /audit, are not listed)."""

OTHER_NAMES: dict[str, tuple[str, ...]] = {"help": ("bantuan",)}
"""Further names a command answers to (not shown in the menus)."""


def command_names(name: str) -> list[str]:
    """Every name of the command whose Indonesian name is ``name``: for ``CommandHandler``."""
    names = [name]
    if name in ENGLISH_NAMES:
        names.append(ENGLISH_NAMES[name])
    return names + list(OTHER_NAMES.get(name, ()))


def menu_name(name: str, language: str) -> str:
    """The name the command menu shows in ``language``: "cancel" in English, "batal" in
    Indonesian."""
    return ENGLISH_NAMES.get(name, name) if language == "en" else name
