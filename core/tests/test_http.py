import pytest

from core.http import MAX_ID, id_param, ids_param, text_param


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("42", 42),
        ("1", 1),
        (str(MAX_ID), MAX_ID),
        (str(MAX_ID + 1), None),
        ("0", None),
        ("-1", None),
        ("²", None),
        ("٣", None),
        ("1.5", None),
        (" 7", None),
        ("1\x00", None),
        ("", None),
        (None, None),
        (7, None),
    ],
)
def test_an_id_is_ascii_digits_within_what_a_database_stores(value, expected):
    assert id_param(value) == expected


def test_a_list_keeps_only_its_ids():
    assert ids_param(["3", "²", "abc", "5"]) == [3, 5]


def test_text_loses_nul_and_is_cut():
    assert text_param("при\x00вет", limit=4) == "прив"
    assert text_param(None) == ""
