"""Every choice a user sees in the bank's lists and forms is Russian: no «---------» opening a
drop-down, no sort order named after a field («Name», «Since», «Hired»)."""

import re

import pytest
from django.urls import reverse

LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


def _option_labels(html: str) -> list[str]:
    return [label.strip() for label in re.findall(r"<option[^>]*>([^<]*)</option>", html)]


@pytest.mark.parametrize(
    "role, name",
    [
        ("curator", "people:person-list"),
        ("curator", "people:person-create"),
        ("curator", "mentorship:mentor-list"),
        ("curator", "mentorship:mentor-create"),
        ("curator", "mentorship:mentee-list"),
        ("curator", "mentorship:mentee-create"),
        ("curator", "mentorship:pairing-list"),
        ("curator", "mentorship:pairing-create"),
        ("head", "mentorship:curator-appoint"),
    ],
)
def test_drop_downs_and_sort_menus_are_russian(world, client_as, role, name):
    url = reverse(name)
    response = client_as(role).get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "---------" not in html
    labels = _option_labels(html)
    assert labels, f"{url}: no drop-down to check"
    assert [label for label in labels if LATIN_WORD.search(label)] == []


def test_each_sort_order_of_the_mentors_list_reads_in_russian(world, client_as):
    html = client_as("curator").get(reverse("mentorship:mentor-list")).content.decode()
    sort_menu = html[html.index('name="ordering"') : html.index("</select>", html.index('name="ordering"'))]
    assert _option_labels(sort_menu) == [
        "По ФИО",
        "ФИО (А→Я)",
        "ФИО (Я→А)",
        "Стаж (больше)",
        "Стаж (меньше)",
        "Включён в банк (раньше)",
        "Включён в банк (позже)",
    ]
