"""The diagnostics pages as a person uses them: filling (a refused form keeps what was chosen), the
suggestions added to the plan, the chart in the page and in the program PDF, the home page's tasks,
and the query counts pinned on the pages."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfReader

from programs.models import Program
from programs.tests.factories import program_with_plan

from ..growth import GrowthRow, growth_svg
from ..models import Competency, Diagnostic, TypicalActivity
from ..selectors import competencies_for
from .factories import sent

Stage, Author = Diagnostic.Stage, Diagnostic.Author


@pytest.fixture
def draft(world):
    return program_with_plan(world.pairing, Program.Status.DRAFT, items=0)


def fill_url(program, person, stage="start"):
    return reverse("diagnostics:fill", args=[program.pk]) + f"?stage={stage}&person={person.pk}"


def test_sending_with_a_score_missing_keeps_what_was_chosen(world, client_as, draft):
    first, second = competencies_for(draft)
    client = client_as("mentee")
    page = client.get(reverse("diagnostics:fill", args=[draft.pk]))  # by default: her own start diagnostics
    assert page.status_code == 200 and "Входная диагностика: самооценка наставляемого" in page.content.decode()
    url = fill_url(draft, world.mentee.person)
    response = client.post(url, {f"score_{first.pk}": "2", f"comment_{first.pk}": "Трудно с умыванием", "submit": "1"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Выберите оценку, чтобы отправить диагностику." in body
    assert 'value="2" class="form-check-input"' in body.replace("checked ", "") and "checked" in body
    assert "Трудно с умыванием" in body
    assert not Diagnostic.objects.exists()

    response = client.post(url, {f"score_{first.pk}": "2", f"score_{second.pk}": "abc", "submit": "0"})
    assert response.status_code == 200 and "Выберите корректный вариант" in response.content.decode()

    response = client.post(url, {f"score_{first.pk}": "2", f"score_{second.pk}": "1", "submit": "1"})
    assert response.status_code == 302
    diagnostic = Diagnostic.objects.get()
    assert diagnostic.is_submitted and diagnostic.author == Author.MENTEE
    # Sent: the page shows it frozen and a second post changes nothing.
    assert "изменить её нельзя" in client.get(url).content.decode()
    client.post(url, {f"score_{first.pk}": "5", f"score_{second.pk}": "5", "submit": "1"})
    assert sorted(diagnostic.ratings.values_list("score", flat=True)) == [1, 2]


def test_the_mentor_adds_suggested_activities_to_the_plan(world, client_as, draft):
    sent(draft, Stage.START, Author.MENTEE, world.mentee.person, [4, 1])
    walk = Competency.objects.get(name="Организация прогулки")
    activities = list(TypicalActivity.objects.filter(competency=walk))
    client = client_as("mentor")
    detail = client.get(draft.get_absolute_url()).content.decode()
    assert reverse("diagnostics:suggest", args=[draft.pk]) in detail  # the button next to «Добавить мероприятие»
    page = client.get(reverse("diagnostics:suggest", args=[draft.pk])).content.decode()
    assert all(activity.name in page for activity in activities)
    chosen = activities[0]
    data = {
        f"take_{chosen.pk}": "on",
        f"text_{chosen.pk}": "Картотека прогулок на октябрь",
        f"deadline_{chosen.pk}": "1900-01-01",
    }
    response = client.post(reverse("diagnostics:suggest", args=[draft.pk]), data)
    assert response.status_code == 200 and "Срок — в пределах программы" in response.content.decode()
    assert "Картотека прогулок на октябрь" in response.content.decode()
    data[f"deadline_{chosen.pk}"] = draft.starts_on.isoformat()
    response = client.post(reverse("diagnostics:suggest", args=[draft.pk]), data)
    assert response.status_code == 302
    item = draft.items.get()
    assert (item.activity, item.form, item.deadline) == ("Картотека прогулок на октябрь", chosen.form, draft.starts_on)


def test_the_chart_is_accessible_svg_with_the_numbers():
    svg = growth_svg([GrowthRow("Организация прогулки", [1, 4, 2, None])], title="Рост компетенций: Иванова")
    assert svg.startswith("<svg") and 'role="img"' in svg
    assert "<title>Рост компетенций: Иванова</title>" in svg
    assert "Организация прогулки: самооценка, вход 1, самооценка, итог 4, наставник, вход 2, наставник, итог нет" in svg
    assert growth_svg([], title="x") == ""


@pytest.fixture
def completed(world):
    program = program_with_plan(world.pairing, Program.Status.RUNNING, items=0)
    person = world.mentee.person
    sent(program, Stage.START, Author.MENTEE, person, [1, 2])
    sent(program, Stage.START, Author.MENTOR, person, [2, 2])
    sent(program, Stage.END, Author.MENTEE, person, [4, 3])
    sent(program, Stage.END, Author.MENTOR, person, [3, 4])
    return program


def test_the_same_chart_is_in_the_page_and_in_the_pdf(world, client_as, completed):
    from diagnostics.growth import growth_of

    (growth,) = growth_of(completed, [world.mentee.person], Diagnostic.objects.prefetch_related("ratings__competency"))
    svg = growth.svg
    for url in (reverse("diagnostics:program", args=[completed.pk]), completed.get_absolute_url()):
        assert svg in client_as("curator").get(url).content.decode()
    pdf = client_as("council").get(reverse("programs:program-pdf", args=[completed.pk])).content
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "Самодиагностика профессиональных затруднений" in text
    assert "Организация режимных моментов 1 4 2 3" in text
    # The chart is drawn in the PDF: its legend and the bars' numbers are text of the page.
    assert "Самооценка, итог" in text and "Наставник, итог" in text
    assert text.index("Самодиагностика профессиональных") < text.index("8. Итоговая оценка")


def test_the_home_page_asks_the_mentee_and_the_mentor(world, client_as, draft):
    mentee_home = client_as("mentee").get("/").content.decode()
    assert "Заполните входную самодиагностику по программе наставничества" in mentee_home
    mentor_home = client_as("mentor").get("/").content.decode()
    assert f"Оцените компетенции наставляемого {world.mentee.person.short_name} (входная диагностика)" in mentor_home
    sent(draft, Stage.START, Author.MENTEE, world.mentee.person, [3])
    assert "Заполните входную самодиагностику" not in client_as("mentee").get("/").content.decode()
    assert "Самодиагностика" not in client_as("head").get("/").content.decode()


def _queries(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_query_counts_do_not_grow_with_competencies_and_ratings(world, client_as, completed):
    client = client_as("curator")
    urls = [
        reverse("diagnostics:program", args=[completed.pk]),
        completed.get_absolute_url(),
        fill_url(completed, world.mentee.person),
    ]
    mentor = client_as("mentor")
    before = [_queries(client, url) for url in urls[:2]] + [_queries(mentor, urls[2])]
    direction = completed.pairing.direction
    for n in range(12):
        competency = Competency.objects.create(name=f"Компетенция № {n}", direction=direction)
        for diagnostic in Diagnostic.objects.filter(program=completed):
            diagnostic.ratings.create(competency=competency, score=3)
    client = client_as("curator")
    after = [_queries(client, url) for url in urls[:2]] + [_queries(client_as("mentor"), urls[2])]
    assert after == before
    assert before[0] <= 12, before  # the diagnostics page


def test_the_suggestions_page_keeps_its_query_count(world, client_as, draft):
    diagnostic = sent(draft, Stage.START, Author.MENTEE, world.mentee.person, [1, 2])
    client = client_as("mentor")
    url = reverse("diagnostics:suggest", args=[draft.pk])
    before = _queries(client, url)
    walk = Competency.objects.get(name="Организация прогулки")
    for n in range(10):
        TypicalActivity.objects.create(
            name=f"Прогулка: приём № {n}", competency=walk, form=walk.activities.first().form, expected_result="Приём"
        )
    for n in range(5):
        competency = Competency.objects.create(name=f"Компетенция № {n}", direction=draft.pairing.direction)
        diagnostic.ratings.create(competency=competency, score=1)
    assert _queries(client, url) == before
