"""Phones and e-mail addresses as links: the tel/mailto filters of core/templatetags/contacts.py."""

import re
from pathlib import Path

import pytest
from django.template import Context, Template

from core.templatetags.contacts import tel_href


def render(source: str, **context) -> str:
    return Template("{% load contacts %}" + source).render(Context(context))


@pytest.mark.parametrize(
    ("number", "href"),
    [
        ("+7 (916) 123-45-67", "tel:+79161234567"),
        ("8 (495) 123-45-67 доб. 12", "tel:84951234567"),
        ("  8-916-000-11-22 ", "tel:89160001122"),
        ("нет", ""),
        ("—", ""),
    ],
)
def test_tel_href_keeps_the_digits_and_the_leading_plus(number, href):
    assert tel_href(number) == href


def test_a_phone_is_a_tap_to_call_link_with_the_typed_format_kept():
    assert render("{{ p|tel }}", p="+7 (916) 123-45-67") == '<a href="tel:+79161234567">+7 (916) 123-45-67</a>'


def test_each_of_several_numbers_is_its_own_link():
    html = render("{{ p|tel }}", p="8 (495) 123-45-67 доб. 12, +7 916 000-11-22")
    assert html == (
        '<a href="tel:84951234567">8 (495) 123-45-67 доб. 12</a>, <a href="tel:+79160001122">+7 916 000-11-22</a>'
    )


def test_text_that_is_not_a_number_stays_plain_and_escaped():
    assert render("{{ p|tel }}", p="<b>нет</b>") == "&lt;b&gt;нет&lt;/b&gt;"


def test_an_email_is_a_mailto_link():
    assert render("{{ e|mailto }}", e="ivanova@lastochka.ru") == (
        '<a href="mailto:ivanova@lastochka.ru">ivanova@lastochka.ru</a>'
    )


@pytest.mark.parametrize("source", ['{{ v|tel|default:"—" }}', '{{ v|mailto|default:"—" }}'])
def test_an_empty_contact_falls_to_the_default(source):
    assert render(source, v="") == "—"
    assert render(source, v=None) == "—"


def test_every_page_shows_phones_and_emails_as_links():
    """A phone or an e-mail printed on a page (not a printed document) goes through |tel or |mailto."""
    from django.conf import settings

    shown = re.compile(r"\{\{\s*[\w.]*\b(phone|email)\b\s*(?!\|\s*(tel|mailto)\b)[^}]*\}\}")
    bare = []
    for folder in settings.TEMPLATES[0]["DIRS"]:
        for path in Path(folder).rglob("*.html"):
            if "pdf" in path.parts:
                continue
            bare += [f"{path.name}: {match.group()}" for match in shown.finditer(path.read_text())]
    assert bare == []
