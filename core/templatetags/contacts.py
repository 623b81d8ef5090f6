"""Contacts as links a phone acts on: `{{ person.phone|tel }}` calls on a tap, `{{ person.email|mailto }}`
opens the mail app. The text stays as it was typed; an empty value stays empty (so `|default:"—"` follows)."""

import re

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

register = template.Library()

# Several numbers in one field are separated by a comma or a semicolon; an extension («доб. 12»)
# is no part of what is dialled.
_NUMBERS = re.compile(r"[^,;]+")
_BEFORE_WORDS = re.compile(r"^[^A-Za-zА-Яа-яЁё]*")
_MIN_DIGITS = 3  # fewer is not a number to call (a stray «—» or «нет»)


def tel_href(number: str) -> str:
    """`tel:` with digits only, and the leading «+» of an international number: «+7 (916) 123-45-67
    доб. 12» → «tel:+79161234567». Empty when there is nothing to call."""
    dialled = _BEFORE_WORDS.match(number.strip()).group()
    digits = re.sub(r"\D", "", dialled)
    if len(digits) < _MIN_DIGITS:
        return ""
    return f"tel:{'+' if dialled.startswith('+') else ''}{digits}"


@register.filter
def tel(value) -> str:
    """Each number of a phone field as a `tel:` link; the rest of the text as it is."""
    text = str(value or "")
    parts, end = [], 0
    for number in _NUMBERS.finditer(text):
        href = tel_href(number.group())
        parts.append(escape(text[end : number.start()]))
        if href:
            lead = len(number.group()) - len(number.group().lstrip())
            parts.append(escape(number.group()[:lead]))
            parts.append(format_html('<a href="{}">{}</a>', href, number.group()[lead:]))
        else:
            parts.append(escape(number.group()))
        end = number.end()
    parts.append(escape(text[end:]))
    return mark_safe("".join(parts))


@register.filter
def mailto(value) -> str:
    """An e-mail address as a `mailto:` link."""
    address = str(value or "").strip()
    if not address:
        return ""
    return format_html('<a href="mailto:{}">{}</a>', address, address)
