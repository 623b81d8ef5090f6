"""Every page of every role in the demo kindergarten, read as a user reads it: no English word in the
visible text (names of products and abbreviations aside), no «---------» for a drop-down's prompt,
and every download with a readable Russian name.

It walks the same addresses as the hostile walk (every URL pattern, with records of each status), and
the Django admin's pages of each model for the system administrator."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import unquote

import pytest
from django.contrib import admin

from accounts.models import User
from integration.test_fuzz_every_url import ROUTES, clients, demo, urls_of  # noqa: F401 — fixtures

# Words a Russian user reads as they are: formats, products, abbreviations, units.
ALLOWED = {
    "PDF",
    "DOCX",
    "XLSX",
    "CSV",
    "JPEG",
    "JPG",
    "PNG",
    "ZIP",
    "ID",
    "SNILS",
    "MB",
    "KB",
    "Email",
    "e",  # «e-mail»
    "mail",
    "Word",
    "Excel",
    "LibreOffice",
    "Calc",
    "Writer",
    "Chromium",
    "Django",
    "UTF",  # «UTF-8», the encoding of a CSV
    "EXIF",
    "PPTX",
    "Ctrl",
    # The calendars «Мой календарь» tells how to subscribe from, by their names.
    "Google",
    "Outlook",
    "iPhone",
    "Android",
    "iCalendar",
    "URL",  # Google's Russian menu says «Добавить по URL»
}
# Text that is not prose: an address, a login, a file name, an e-mail.
NOT_PROSE = re.compile(r"\S*[@/\\]\S*|\b[\w-]+\.[A-Za-z]{2,5}\b|\b[a-z]+[._][a-z]+\b")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
CYRILLIC = re.compile(r"[А-Яа-яЁё]")
# Attributes a person reads or hears (a screen reader), besides the text between tags.
READ_ATTRIBUTES = {"title", "placeholder", "aria-label", "alt"}
HIDDEN_TAGS = {"script", "style", "template", "noscript"}


class VisibleText(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN_TAGS:
            self.hidden += 1
        values = dict(attrs)
        if tag == "img" and "/admin/img/icon-" in values.get("src", ""):
            # Django's admin names its yes/no icons «True»/«False» and translates neither.
            values.pop("alt", None)
        self.parts += [values[name] for name in READ_ATTRIBUTES if values.get(name)]
        if tag == "input" and values.get("type") in ("submit", "button") and values.get("value"):
            self.parts.append(values["value"])

    def handle_endtag(self, tag):
        if tag in HIDDEN_TAGS and self.hidden:
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def english_words(html: str, names=frozenset()) -> set[str]:
    """Latin words of the page's visible text, but for those allowed and `names` (logins)."""
    parser = VisibleText()
    parser.feed(html)
    words = set()
    for part in parser.parts:
        words |= set(LATIN_WORD.findall(NOT_PROSE.sub(" ", part)))
    return words - ALLOWED - names


def download_name(response) -> str | None:
    """The file name a browser saves a response under, or None when it names none."""
    disposition = response.get("Content-Disposition", "")
    if match := re.search(r"filename\*=UTF-8''([^;]+)", disposition, re.I):
        return unquote(match[1])
    if match := re.search(r'filename="?([^";]+)"?', disposition):
        return match[1]
    return None


def page_slips(url: str, response, names=frozenset()) -> list[str]:
    """What a reader of this page would trip over; `names` are the logins, a person's name in Latin."""
    content_type = response.get("Content-Type", "")
    if response.status_code != 200:
        return []
    if content_type.startswith("text/html"):
        html = response.content.decode()
        slips = []
        if words := english_words(html, names):
            slips.append(f"{url}: English {sorted(words)[:12]}")
        if "---------" in html:
            slips.append(f"{url}: a drop-down's prompt «---------»")
        return slips
    if content_type.startswith(("application/json", "text/javascript", "text/css")):
        return []
    name = download_name(response)
    if name is None or not CYRILLIC.search(name):
        return [f"{url}: a {content_type} download named {name!r}"]
    return []


def test_visible_text_is_read_as_english():
    html = '<p title="Sort">ФИО</p><script>var x = "Name"</script><select><option>Since</option></select>'
    assert english_words(html) == {"Sort", "Since"}
    assert english_words("<p>Файл order.pdf, petrova.sn, mail@lastochka.ru, https://x.ru/a</p>") == set()
    assert english_words('<input type="submit" value="Save">') == {"Save"}


@pytest.mark.parametrize("role", ["head", "curator", "council", "mentor", "mentee", "admin"])
def test_every_page_speaks_russian(role, clients):  # noqa: F811 — the fixture
    client = clients[role]
    logins = frozenset(User.objects.values_list("username", flat=True))
    slips, read = [], 0
    for route in ROUTES:
        for url in urls_of(route):
            response = client.get(url)
            read += response.status_code == 200
            slips += page_slips(url, response, logins)
    if role == "admin":
        for model in admin.site._registry:
            base = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
            record = model._default_manager.order_by("pk").first()
            pages = [base, f"{base}add/"] + ([f"{base}{record.pk}/change/"] if record else [])
            for url in ["/admin/", *pages]:
                response = client.get(url)
                read += response.status_code == 200
                slips += page_slips(url, response, logins)
    assert read, f"{role} read no page"
    assert not slips, "\n".join(slips)
