"""The printed roadmap and the approval order, read back from the PDF."""

import io
import re

from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from roadmap.services import activity_mark
from roadmap.standard import STAGE_TITLES

from .conftest import YEAR


def text_of(data: bytes) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return re.sub(r"\s+", " ", text)


def file_text(field) -> str:
    with field.open("rb") as handle:
        return text_of(handle.read())


def test_a_draft_prints_as_a_project_with_every_stage_and_activity(client_as, draft):
    response = client_as("curator").get(reverse("roadmap:pdf", args=[draft.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = text_of(response.content)
    assert "ПРОЕКТ" in text and "УТВЕРЖДЕНА" not in text
    assert f"на {YEAR}/{YEAR + 1} учебный год" in text
    assert "ДОРОЖНАЯ КАРТА" in text
    # The organization's full name in the genitive, as the title's «… работников кого?» asks.
    assert (
        "системы наставничества педагогических работников Муниципального казённого дошкольного "
        "образовательного учреждения «Детский сад" in text
    )
    for title in STAGE_TITLES:
        assert title in text
    assert "Ежегодное анкетирование педагогов" in text
    assert "Отметка о выполнении" in text
    assert "Разработал: куратор" in text and "И. Морозова" in text


def test_an_approved_roadmap_carries_the_order_and_the_marks(world, client_as, approved):
    order = approved.order
    activity = approved.stages.first().activities.first()
    activity_mark(
        activity=activity,
        done_on=timezone.localdate(),
        note="Протокол МО № 1",
        actor=world.users["curator"],
    )
    text = text_of(client_as("head").get(reverse("roadmap:pdf", args=[approved.pk])).content)
    assert "УТВЕРЖДЕНА" in text and "ПРОЕКТ" not in text
    assert f"от {order.date:%d.%m.%Y} № {order.number_text}" in text
    assert f"Выполнено {timezone.localdate():%d.%m.%Y}" in text and "Протокол МО № 1" in text


def test_the_annex_is_frozen_as_approved_without_marks(world, client_as, approved):
    activity = approved.stages.first().activities.first()
    activity_mark(
        activity=activity,
        done_on=timezone.localdate(),
        note="Протокол МО № 1",
        actor=world.users["curator"],
    )
    response = client_as("council").get(reverse("roadmap:annex", args=[approved.pk]))
    text = text_of(b"".join(response.streaming_content))
    assert "УТВЕРЖДЕНА" in text and approved.order.number_text in text
    assert "Протокол МО № 1" not in text


def test_the_order_pdf_reads_as_an_order_approving_the_roadmap(approved):
    text = file_text(approved.order.pdf)
    assert "ПРИКАЗ" in text
    assert "Об утверждении дорожной карты внедрения (реализации) системы наставничества" in text
    assert f"на {YEAR}/{YEAR + 1} учебный год" in text
    assert "(приложение)" in text
    assert "Морозову" in text
    assert "Контроль за исполнением приказа оставляю за собой" in text
