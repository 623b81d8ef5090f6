"""The staff list's filter form: plain Bootstrap fields (core.views.FilteredListView), and they filter."""

import re

from django.urls import reverse


def test_the_filter_form_is_labelled_bootstrap_fields_that_filter(client_as, world):
    page = client_as("curator").get(reverse("people:person-list"), {"q": "семен"}).content.decode()
    assert '<label for="id_q" class="form-label">Поиск по ФИО</label>' in page
    assert re.search(r'<select name="position" class="form-select" id="id_position">', page)
    assert re.search(r'<input type="search" name="q" value="семен"[^>]*class="form-control"', page)
    assert "Семёнова Дарья Игоревна" in page and "Петрова Светлана" not in page


def test_a_bad_filter_value_is_explained_under_its_field(client_as, world):
    page = client_as("curator").get(reverse("people:person-list"), {"status": "nobody"}).content.decode()
    assert '<div class="invalid-feedback d-block">' in page
