import pytest

from core.http import MAX_ID, id_param, ids_param, local_path, text_param


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


@pytest.mark.parametrize(
    "value, expected",
    [
        ("/roadmap/3/", "/roadmap/3/"),
        ("/bank/queue/?tab=roadmap#r1", "/bank/queue/?tab=roadmap#r1"),
        ("roadmap", None),  # a bare word: a redirect would take it for a view's name
        ("abc", None),
        ("", None),
        (None, None),
        ("//evil.example/", None),
        ("/\\evil.example/", None),
        ("https://evil.example/", None),
        ("javascript:alert(1)", None),
        ("/a\x00b", None),
        ("/a\nLocation: x", None),
    ],
)
def test_a_back_address_is_a_path_on_this_site(value, expected):
    assert local_path(value) == expected
