"""The form engine: each kind's parser, show_if, not_before, the step counter and completeness."""

from datetime import date

import pytest

from bot.services.core.event_file import FormFieldSpec, load_event_file
from bot.services.entries.form import (
    FieldError,
    append_long_text,
    check_file,
    check_long_text,
    count_words,
    field_number,
    form_problems,
    next_field,
    parse_date,
    parse_money,
    parse_phone,
    parse_short_text,
    parse_text_answer,
    parse_url,
    visible_fields,
)
from tests.conftest import EVENT_FILE

FORM = load_event_file(EVENT_FILE).edition.form


def spec(**values) -> FormFieldSpec:
    return FormFieldSpec.model_validate({"key": "x", "label": "X", **values})


def error_key(call, *args) -> str:
    with pytest.raises(FieldError) as caught:
        call(*args)
    return caught.value.key


@pytest.mark.parametrize(
    "text",
    ["17/08/2022", "17-08-2022", "17.08.2022", "17 Agustus 2022", "17 agt 2022", "2022-08-17",
     "17 August 2022", " 17 / 08 / 2022 "],
)  # fmt: skip
def test_dates_as_indonesians_write_them(text) -> None:
    assert parse_date(text) == date(2022, 8, 17)


@pytest.mark.parametrize("text", ["17 Agustusan 2022", "kemarin", "17/08/22", ""])
def test_not_dates(text) -> None:
    assert error_key(parse_date, text) == "form-error-date"


@pytest.mark.parametrize("text", ["31/02/2022", "29 Februari 2022", "32-01-2022", "2022-13-01"])
def test_dates_that_do_not_exist_are_named_as_such(text) -> None:
    assert error_key(parse_date, text) == "form-error-date-invalid"


def test_trial_and_implementation_dates_may_not_be_after_today() -> None:
    today = date(2022, 10, 3)
    for key in ("waktu_uji_coba", "waktu_penerapan"):
        field = next(f for f in FORM if f.key == key)
        assert field.not_after_today
        answers = {"tahapan": "penerapan"}
        with pytest.raises(FieldError) as caught:
            parse_text_answer(field, "1 Januari 2030", answers, FORM, today=today)
        assert caught.value.key == "form-error-future"
        assert caught.value.details == {"today": "2022-10-03"}
        assert parse_text_answer(field, "3/10/2022", answers, FORM, today=today) == "2022-10-03"
    assert parse_text_answer(spec(kind="date"), "1/1/2030", {}, FORM, today=today) == "2030-01-01"


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("Rp10.000.000", 10_000_000),
        ("Rp 10.000.000,00", 10_000_000),
        ("Rp10.000.000,-", 10_000_000),
        ("10000000", 10_000_000),
        ("10 juta", 10_000_000),
        ("10jt", 10_000_000),
        ("1,5 miliar", 1_500_000_000),
        ("1.5 juta", 1_500_000),
        ("250 rb", 250_000),
        ("IDR 2.500", 2_500),
        ("0", 0),
        ("Rp0", 0),
        ("Rp 0,00", 0),
    ],
)
def test_money(text, amount) -> None:
    assert parse_money(text) == amount


@pytest.mark.parametrize("text", ["sepuluh juta", "10 dolar", "Rp-5", "1.00.0", "Rp"])
def test_not_money(text) -> None:
    assert error_key(parse_money, text) == "form-error-money"


@pytest.mark.parametrize("text", ["Rp 10.000.000,50", "10000000,5", "1,2345 rb"])
def test_money_with_sen_is_refused(text) -> None:
    assert error_key(parse_money, text) == "form-error-money-sen"


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("10 million", 10_000_000),
        ("1.5 billion", 1_500_000_000),
        ("1,5 billion", 1_500_000_000),
        ("10,000,000", 10_000_000),
        ("IDR 10,000,000", 10_000_000),
        ("IDR 10,000,000.00", 10_000_000),
        ("Rp 10,000,000", 10_000_000),
        ("250k", 250_000),
        ("2.5m", 2_500_000),  # m is a million in English
        ("10 thousand", 10_000),
        ("3 trillion", 3_000_000_000_000),
        ("10 juta", 10_000_000),  # the Indonesian words are understood too
        ("1,5 miliar", 1_500_000_000),
        ("Rp10.000.000", 10_000_000),  # several dots can only group thousands
        ("10000000", 10_000_000),
        ("0", 0),
    ],
)
def test_money_in_english(text, amount) -> None:
    assert parse_money(text, "en") == amount


@pytest.mark.parametrize("text", ["ten million", "10 dollars", "1,00,0", "10,0000"])
def test_not_money_in_english(text) -> None:
    assert error_key(parse_money, text, "en") == "form-error-money"


@pytest.mark.parametrize("text", ["IDR 10,000,000.50", "10000000.5", "1.2345k"])
def test_money_with_cents_is_refused_in_english(text) -> None:
    assert error_key(parse_money, text, "en") == "form-error-money-sen"


@pytest.mark.parametrize(
    ("text", "amount"),
    [("10.000", 10_000), ("2,5m", 2_500_000_000), ("Rp10.000.000,00", 10_000_000)],
)
def test_indonesian_keeps_its_notation(text, amount) -> None:
    assert parse_money(text, "id") == amount
    assert error_key(parse_money, "10 million", "id") == "form-error-money"


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("0812-3456-7890", "+6281234567890"),
        ("+62 812 3456 7890", "+6281234567890"),
        ("6281234567890", "+6281234567890"),
        ("(0342) 801234", "+62342801234"),
    ],
)
def test_phone_numbers(text, number) -> None:
    assert parse_phone(text) == number


@pytest.mark.parametrize("text", ["0812", "telepon saya", "+1 202 555 0100", "08123456789012345"])
def test_not_phone_numbers(text) -> None:
    assert error_key(parse_phone, text) == "form-error-phone"


def test_urls() -> None:
    assert parse_url("https://youtu.be/abc") == "https://youtu.be/abc"
    assert parse_url("www.youtube.com/watch?v=1") == "https://www.youtube.com/watch?v=1"
    for bad in ("video saya", "ftp://x.org/a", "https://localhost/x", "javascript:alert(1)"):
        assert error_key(parse_url, bad) == "form-error-url"


def test_short_text_limits_and_exact_storage() -> None:
    field = spec(kind="short_text", min_length=3, max_length=10)
    assert parse_short_text(field, "  <b>&  ") == "<b>&"
    assert parse_short_text(field, "مرحبا 👋") == "مرحبا 👋"
    assert error_key(parse_short_text, field, "ab") == "form-error-too-short"
    assert error_key(parse_short_text, field, "x" * 11) == "form-error-too-long"
    assert error_key(parse_short_text, field, "   ") == "form-error-empty"


def test_long_text_grows_over_messages_and_needs_its_words() -> None:
    field = spec(kind="long_text", min_words=300)
    text = append_long_text(None, "kata " * 200)
    with pytest.raises(FieldError) as caught:
        check_long_text(field, text)
    assert caught.value.details == {"minimum": 300, "words": 200, "missing": 100}
    text = append_long_text(text, "lagi " * 100)
    assert count_words(text) == 300
    check_long_text(field, text)


@pytest.mark.parametrize(
    ("text", "words"),
    [("Jawaban uji & <i>tes</i> ✅", 3), ("🎉 🎉 🎉 - & ... ✅", 0), ("e-KTP 2022 مرحبا", 3),
     ("satu,dua tiga!", 2)],
)  # fmt: skip
def test_symbols_and_emoji_alone_are_no_words(text: str, words: int) -> None:
    """QA #3: "&" and "✅" counted as words, so a minimum of words could be met with them."""
    assert count_words(text) == words


def test_a_tiny_budget_is_refused_with_what_was_likely_meant() -> None:
    """QA #4: a bare "12" was kept as Rp12; below Rp10.000 (0 still says "no budget") it is
    refused, naming the amount read and the likely one (12 juta)."""
    field = spec(kind="money")
    with pytest.raises(FieldError) as caught:
        parse_text_answer(field, "12", {})
    assert caught.value.key == "form-error-money-too-small-guess"
    assert caught.value.details == {
        "amount": 12,
        "minimum": 10_000,
        "unit": "juta",
        "likely": 12_000_000,
    }
    assert parse_text_answer(field, "0", {}) == 0
    assert parse_text_answer(field, "Rp10.000", {}) == 10_000
    assert parse_text_answer(field, "12 juta", {}) == 12_000_000
    assert parse_text_answer(spec(kind="money", min_rupiah=0), "12", {}) == 12
    with pytest.raises(ValueError, match="min_rupiah"):
        spec(kind="money", min_rupiah=10, max_rupiah=5)


@pytest.mark.parametrize(
    ("text", "language", "key", "likely"),
    [("9999", "id", "form-error-money-too-small-guess", ("ribu", 9_999_000)),
     ("Rp 9.999", "id", "form-error-money-too-small-guess", ("ribu", 9_999_000)),
     ("IDR 9,999", "en", "form-error-money-too-small-guess", ("ribu", 9_999_000)),
     ("999", "id", "form-error-money-too-small-guess", ("juta", 999_000_000)),
     ("5 rb", "id", "form-error-money-too-small", None),  # written with its unit: as meant
     ("1,5", "id", "form-error-money-sen-guess", ("juta", 1_500_000)),
     ("1.5", "en", "form-error-money-sen-guess", ("juta", 1_500_000)),
     ("10.000.000,50", "id", "form-error-money-sen", None),
     ("9999,5", "id", "form-error-money-sen", None)],
)  # fmt: skip
def test_a_refused_amount_suggests_only_a_plausible_reading(
    text: str, language: str, key: str, likely: tuple[str, int] | None
) -> None:
    """QA2 #16/#17: "9999" was offered as "9.999 juta" (Rp9.999.000.000, ten miliar): a bare
    number is read as juta under a thousand, as ribu under a million, and only when that
    reading is accepted; "1,5" was refused as sen: it is offered as 1,5 juta."""
    with pytest.raises(FieldError) as caught:
        parse_text_answer(spec(kind="money"), text, {}, language=language)
    assert caught.value.key == key
    if likely is None:
        assert "likely" not in caught.value.details
    else:
        unit, rupiah = likely
        assert caught.value.details["unit"] == unit
        assert caught.value.details["likely"] == rupiah
    tight = spec(kind="money", max_rupiah=5_000_000)  # 9.999.000 is over this form's limit
    with pytest.raises(FieldError) as caught:
        parse_text_answer(tight, "9999", {})
    assert caught.value.key == "form-error-money-too-small"
    assert parse_text_answer(spec(kind="money"), "1,5 juta", {}) == 1_500_000
    assert parse_text_answer(spec(kind="money"), "1,5 jt", {}) == 1_500_000


def test_files_type_and_size() -> None:
    field = spec(kind="file", file_types=["pdf", "pptx"], max_size_mb=20)
    check_file(field, "Anggaran.PDF", "application/pdf", 1000)
    check_file(field, None, "application/pdf", 1000)
    assert error_key(check_file, field, "a.docx", None, 10) == "form-error-file-type"
    with pytest.raises(FieldError) as caught:
        check_file(field, "a.pdf", "application/pdf", 21 * 1024 * 1024)
    assert caught.value.key == "form-error-file-size"
    assert caught.value.details == {"limit": "20", "size": "21"}


def test_choice_typed_instead_of_tapped() -> None:
    tahapan = next(f for f in FORM if f.key == "tahapan")
    tematik = next(f for f in FORM if f.key == "tematik")
    assert parse_text_answer(tahapan, "uji coba", {}) == "uji_coba"
    assert parse_text_answer(tahapan, "Implementation", {}) == "penerapan"
    assert parse_text_answer(tematik, "Smart City, covid-19", {}) == ["covid19", "smart_city"]
    assert error_key(parse_text_answer, tahapan, "entah", {}) == "form-error-choice"


def test_show_if_hides_the_dates_of_an_initiative() -> None:
    keys = [f.key for f in visible_fields(FORM, {"tahapan": "inisiatif"})]
    assert "waktu_uji_coba" not in keys and "waktu_penerapan" not in keys
    keys = [f.key for f in visible_fields(FORM, {"tahapan": "uji_coba"})]
    assert "waktu_uji_coba" in keys and "waktu_penerapan" not in keys
    assert len(visible_fields(FORM, {"tahapan": "penerapan"})) == len(FORM)


def test_penerapan_not_before_uji_coba_both_ways() -> None:
    answers = {"tahapan": "penerapan", "waktu_uji_coba": "2022-03-01"}
    penerapan = next(f for f in FORM if f.key == "waktu_penerapan")
    uji_coba = next(f for f in FORM if f.key == "waktu_uji_coba")
    assert parse_text_answer(penerapan, "1 Juni 2022", answers, FORM) == "2022-06-01"
    with pytest.raises(FieldError) as caught:
        parse_text_answer(penerapan, "01/02/2022", answers, FORM)
    assert caught.value.key == "form-error-not-before"
    answers["waktu_penerapan"] = "2022-06-01"
    assert error_key(parse_text_answer, uji_coba, "1/7/2022", answers, FORM) == (
        "form-error-not-after"
    )


def test_next_field_and_problems() -> None:
    answers: dict = {}
    assert next_field(FORM, answers).key == "nama"
    answers.update(nama="SIDOTI", tahapan="inisiatif")
    assert next_field(FORM, answers, after="tahapan").key == "inisiator"
    answers["anggaran_nilai"] = None  # skipped optional field counts as answered
    missing = [key for key, _ in form_problems(FORM, answers)]
    assert "nama" not in missing and "anggaran_nilai" not in missing and "inisiator" in missing
    assert "waktu_uji_coba" not in missing


def test_field_number_is_the_position_among_the_fields_that_may_be_asked() -> None:
    answers: dict = {}
    assert field_number(FORM, answers, "nama") == (1, 19)  # the dates may still be asked
    answers.update(nama="SIDOTI", tahapan="penerapan", inisiator="asn", nama_inisiator="Ani")
    assert field_number(FORM, answers, "nama") == (1, 19)  # answered or not: same number
    assert field_number(FORM, answers, "inisiator") == (3, 19)
    assert field_number(FORM, answers, "rancang_bangun") == (11, 19)
    answers["rancang_bangun"] = "separuh teks"  # a long text in progress keeps its number
    assert field_number(FORM, answers, "rancang_bangun") == (11, 19)
    answers["tahapan"] = "inisiatif"  # the dates are not asked: the form gets shorter
    assert field_number(FORM, answers, "rancang_bangun") == (9, 17)
    answers["tahapan"] = "uji_coba"
    assert field_number(FORM, answers, "rancang_bangun") == (10, 18)
