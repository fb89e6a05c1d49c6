"""The committee's certificate texts count in the language's plurals (QA: "🔎 1
certificates with a name containing…")."""

from bot.i18n import t


def test_the_search_result_counts_in_plurals() -> None:
    one = t("en", "certificates-found", count=1, text="<Siti>")
    assert one == '🔎 1 certificate with a name containing "&lt;Siti&gt;":'
    assert t("en", "certificates-found", count=12, text="Siti").startswith("🔎 12 certificates ")
    assert t("id", "certificates-found", count=1, text="Siti").startswith("🔎 1 sertifikat ")
