"""The demo kindergarten's regulation: «Ласточка»'s own text, adopted by the introduction order that
opens the journal, with blanks for the protocols the kindergarten's text leaves blank; loaded once."""

import io

import pytest
from pypdf import PdfReader

from accounts.models import User
from demo.regulation import load
from mentorship.models import Regulation
from records.models import Order


@pytest.fixture
def demo(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    from demo.kindergarten import load_demo

    return load_demo()


def test_the_demo_regulation_is_the_kindergartens_text_adopted_by_the_first_order(demo):
    assert demo["regulations"] == 1
    regulation = Regulation.objects.get()
    assert regulation.is_adopted and regulation.annex_pdf
    assert regulation.text.startswith("1. Общие положения")
    assert "3.5. Методическое объединение наставников" in regulation.text and "**" not in regulation.text
    order = regulation.order
    assert order.kind == "introduction"
    assert order == Order.objects.order_by("date", "number").first()  # it opens the journal
    assert "протокол от ________ № ____" in order.preamble  # the kindergarten's protocol is a blank
    clauses = " ".join(order.clauses)
    assert "Утвердить дорожную карту" in clauses and "Назначить куратором" in clauses
    text = " ".join(
        " ".join(page.extract_text() for page in PdfReader(io.BytesIO(regulation.annex_pdf.read())).pages).split()
    )
    assert f"Приложение 1 к приказу от {order.date:%d.%m.%Y} № {order.number_text}" in text
    assert "Лист ознакомления с Положением о наставничестве" in text and "Петрова Светлана Николаевна" in text

    users = {name: User.objects.get(username=name) for name in ("curator", "head")}
    assert load(**users) == 0
    assert Regulation.objects.count() == 1 and Order.objects.filter(kind="introduction").count() == 1
