"""Release from duty for a program event (1.4): the request, the head's queue, approval only with a
substitute (an order of kind «release» is registered), refusal, withdrawal."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from core.declension import Case
from mentorship import queue
from mentorship.tests.factories import MentorFactory, PartnerFactory, PersonFactory
from people.models import Person
from people.roles import Role, roles_of
from people.tests.factories import position
from records.models import Order
from records.services import order_register, retroactive_warnings

from ..models import ReleaseRequest
from ..services.releases import release_approve, release_refuse, release_request, release_withdraw
from .factories import program_in_work

S = ReleaseRequest.Status


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def program(world):
    return program_in_work(world.pairing, done=1, due=2)


def ask(world, program, *, role="mentee", substitute=None, **fields):
    user = world.users[role]
    values = {
        "event": "Открытый показ НОД в подготовительной группе детского сада № 5",
        "date": timezone.localdate() + timedelta(days=7),
        "hours": Decimal("2"),
        **fields,
    }
    return release_request(program=program, substitute=substitute, actor=user, **values).obj


def head(world):
    return {"actor": world.users["head"]}


def approval(world, consent_on=None):
    """The head's approval with the substitute's written consent dated today (ст. 60.2 ТК РФ)."""
    return {"actor": world.users["head"], "substitute_consent_on": consent_on or timezone.localdate()}


def consent_today() -> str:
    return timezone.localdate().isoformat()


# --- the request ---------------------------------------------------------------------------------------


def test_mentee_asks_through_the_form_naming_a_substitute(client_as, world, program):
    item = program.items.filter(done_on__isnull=True).first()
    response = client_as("mentee").post(
        reverse("programs:release-create", args=[program.pk]),
        {
            "item": item.pk,
            "event": "Мастер-класс наставника",
            "date": (timezone.localdate() + timedelta(days=3)).isoformat(),
            "hours": "1.5",
            "substitute": world.other_person.pk,
        },
    )
    assert response.status_code == 302
    release = ReleaseRequest.objects.get()
    assert (release.person, release.substitute, release.item, release.status) == (
        world.mentee.person,
        world.other_person,
        item,
        S.REQUESTED,
    )
    assert release.hours == Decimal("1.5") and release.requested_by == world.users["mentee"]


def test_a_request_without_substitute_is_taken_with_a_warning(world, program):
    user = world.users["mentor"]
    outcome = release_request(
        program=program,
        event="Семинар",
        date=timezone.localdate() + timedelta(days=2),
        hours=Decimal("3"),
        actor=user,
    )
    assert outcome.obj.person == world.mentor.person and outcome.obj.substitute is None
    assert "Замена не указана" in outcome.warnings[0]


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"date": timezone.localdate() - timedelta(days=1)}, "date"),
        ({"date": timezone.localdate() + timedelta(days=400)}, "date"),
        ({"hours": Decimal("0")}, "hours"),
        ({"hours": Decimal("25")}, "hours"),
    ],
)
def test_bad_date_or_hours_are_refused(world, program, fields, field):
    with pytest.raises(ValidationError) as error:
        ask(world, program, **fields)
    assert field in error.value.message_dict or any("Часов" in m for m in error.value.messages)


def test_the_substitute_must_be_another_working_colleague_of_ours(world, program):
    left = PersonFactory(status=Person.Status.LEFT, left_on=timezone.localdate() - timedelta(days=30))
    partner = PersonFactory(organization=PartnerFactory())
    for substitute in (world.mentee.person, left, partner):
        with pytest.raises(ValidationError) as error:
            ask(world, program, substitute=substitute)
        assert "substitute" in error.value.message_dict
    assert not ReleaseRequest.objects.exists()


def test_a_substitute_outside_the_pedagogical_staff_is_refused_and_not_offered(client_as, world, program):
    cook = PersonFactory(last_name="Орлова", first_name="Нина", middle_name="Петровна", position=position("Повар"))
    cook.position.is_pedagogical = False
    cook.position.save()
    with pytest.raises(ValidationError) as error:
        ask(world, program, substitute=cook)
    assert error.value.message_dict["substitute"] == [
        "Орлова Нина Петровна (повар) — не педагогический работник: заменять педагога на занятиях может только "
        "педагог, выберите замену из педагогических работников учреждения (п. 1.4 Положения: непрерывность "
        "образовательного процесса)."
    ]
    release = ask(world, program, substitute=world.other_person)
    with pytest.raises(ValidationError, match="не педагогический работник"):
        release_approve(release=release, substitute=cook, **approval(world))
    # Neither the request's form nor the head's approval page offers them.
    create = client_as("mentee").get(reverse("programs:release-create", args=[program.pk])).content.decode()
    approve_page = client_as("head").get(reverse("programs:release-approve", args=[release.pk])).content.decode()
    assert "Орлова Нина Петровна" not in create and "Орлова Нина Петровна" not in approve_page
    assert world.other_person.full_name in create and world.other_person.full_name in approve_page
    response = client_as("head").post(
        reverse("programs:release-approve", args=[release.pk]),
        {"substitute": cook.pk, "substitute_consent_on": consent_today()},
    )
    assert response.status_code == 200 and "Выберите корректный вариант" in response.content.decode()
    release.refresh_from_db()
    assert release.order is None


def test_someone_outside_the_program_cannot_ask(world, program):
    for role in ("curator", "head", "council"):
        with pytest.raises(PermissionDenied):
            ask(world, program, role=role)


def test_a_former_mentee_of_the_pair_who_now_mentors_elsewhere_cannot_ask(world, program):
    # The person is still listed in the pair, but their mentee record is closed: the role they hold
    # (mentor) is not a role in this pair, so they are no longer its participant.
    world.mentee.is_active = False
    world.mentee.save()
    MentorFactory(person=world.mentee.person)
    user = User.objects.get(pk=world.users["mentee"].pk)
    assert roles_of(user) == {Role.MENTOR}
    with pytest.raises(PermissionDenied):
        release_request(
            program=program,
            event="Открытый показ",
            date=timezone.localdate() + timedelta(days=7),
            hours=Decimal("2"),
            actor=user,
        )
    assert not ReleaseRequest.objects.exists()


def test_the_same_day_is_not_asked_twice(world, program):
    ask(world, program)
    with pytest.raises(ValidationError, match="уже есть просьба"):
        ask(world, program)


# --- the head's decision ----------------------------------------------------------------------------------


def test_the_request_waits_in_the_heads_queue(client_as, world, program):
    ask(world, program, substitute=world.other_person)
    section = queue.SECTIONS["releases"]
    assert (section.title, section.order, section.pending().count()) == ("Освобождение от работы", 40, 1)
    page = client_as("head").get(reverse("mentorship:approval-queue")).content.decode()
    assert "Освобождение от работы" in page and "Открытый показ НОД" in page
    assert reverse("programs:release-approve", args=[ReleaseRequest.objects.get().pk]) in page


def queue_queries(client) -> tuple[int, str]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(reverse("mentorship:approval-queue"))  # warm the session
    with CaptureQueriesContext(connection) as context:
        response = client.get(reverse("mentorship:approval-queue"))
    assert response.status_code == 200
    return len(context.captured_queries), response.content.decode()


def test_the_queue_does_not_grow_with_the_staff_or_the_requests(client_as, world):
    client = client_as("head")
    programs = [program_in_work(world.pairing, due=2)]
    ask(world, programs[0], substitute=world.other_person)
    few, _ = queue_queries(client)
    for _ in range(30):
        PersonFactory()
    for n in range(1, 5):
        ask(world, programs[0], date=timezone.localdate() + timedelta(days=7 + n), substitute=world.other_person)
    ask(world, programs[0], date=timezone.localdate() + timedelta(days=20))  # without a substitute
    many, page = queue_queries(client)
    assert many == few
    # No staff list under each request: the choice of another substitute is one link away.
    assert "<option" not in page
    assert page.count("Назначить другую замену") == 5 and page.count("Выбрать замену и освободить") == 1


def test_the_approval_page_lists_the_staff_but_not_the_person_released(client_as, world, program):
    release = ask(world, program)
    client = client_as("head")
    page = client.get(reverse("programs:release-approve", args=[release.pk])).content.decode()
    assert "Замена в просьбе не указана" in page
    assert f'<option value="{world.other_person.pk}">{world.other_person.full_name}' in page
    assert f'<option value="{release.person_id}">' not in page
    response = client.post(
        reverse("programs:release-approve", args=[release.pk]),
        {"substitute": world.other_person.pk, "comment": "", "substitute_consent_on": consent_today()},
    )
    release.refresh_from_db()
    # The approval is a project of the order: the head is led to it; the page now says it waits.
    assert response.status_code == 302 and response.url == release.order.get_absolute_url()
    assert release.status == S.REQUESTED and release.order.is_draft and release.substitute == world.other_person
    # The message names the person released in the genitive, as the order does: «об освобождении Петровой С.Н.».
    told = [str(message) for message in get_messages(response.wsgi_request)]
    assert told[0].startswith(f"Проект приказа об освобождении {release.person.in_case(Case.GENITIVE)} ")
    response = client.get(reverse("programs:release-approve", args=[release.pk]))
    assert response.status_code == 302 and response.url == release.order.get_absolute_url()
    order_register(order=release.order, **head(world))
    release.refresh_from_db()
    assert release.status == S.APPROVED
    # Decided: the page sends the head back to the queue.
    response = client.get(reverse("programs:release-approve", args=[release.pk]))
    assert response.status_code == 302 and response.url == reverse("mentorship:approval-queue")


def test_only_the_head_opens_the_approval_page(client_as, world, program):
    release = ask(world, program)
    url = reverse("programs:release-approve", args=[release.pk])
    assert client_as("curator").get(url).status_code == 403
    assert client_as("head").get(reverse("programs:release-refuse", args=[release.pk])).status_code == 405


def test_approving_from_the_queue_keeps_the_requested_substitute(client_as, world, program):
    release = ask(world, program, substitute=world.other_person)
    response = client_as("head").post(
        reverse("programs:release-approve", args=[release.pk]), {"substitute_consent_on": consent_today()}
    )
    assert response.status_code == 302
    release.refresh_from_db()
    assert release.status == S.REQUESTED and release.substitute == world.other_person
    order_register(order=release.order, **head(world))
    release.refresh_from_db()
    assert release.status == S.APPROVED and release.substitute == world.other_person


def test_approval_without_any_substitute_is_refused(client_as, world, program):
    release = ask(world, program)
    with pytest.raises(ValidationError, match="Без замены освободить нельзя"):
        release_approve(release=release, **approval(world))
    response = client_as("head").post(
        reverse("programs:release-approve", args=[release.pk]),
        {"substitute": "", "substitute_consent_on": consent_today(), "comment": "Замену найдём"},
    )
    # The approval page comes back with the error and what the head typed.
    text = response.content.decode()
    assert response.status_code == 200 and "Без замены освободить нельзя" in text and "Замену найдём" in text
    release.refresh_from_db()
    assert release.status == S.REQUESTED and not Order.objects.filter(kind="release").exists()


def test_approval_registers_a_release_order_naming_both_people(client_as, world, program):
    release = ask(world, program)
    # The head names the substitute while approving (the request had none).
    response = client_as("head").post(
        reverse("programs:release-approve", args=[release.pk]),
        {"substitute": world.other_person.pk, "substitute_consent_on": consent_today()},
    )
    release.refresh_from_db()
    order = release.order
    assert response.status_code == 302 and response.url == order.get_absolute_url()
    # A project first: nothing is decided until the head registers it; the queue says it waits.
    assert order.is_draft and not order.number and release.status == S.REQUESTED and release.decided_by is None
    queue_page = client_as("head").get(reverse("mentorship:approval-queue")).content.decode()
    assert "ожидает регистрации приказа" in queue_page and order.get_absolute_url() in queue_page
    client_as("head").post(reverse("records:order-register", args=[order.pk]))
    release.refresh_from_db()
    order.refresh_from_db()
    assert release.status == S.APPROVED and release.substitute == world.other_person
    assert release.decided_by == world.users["head"] and release.decided_at is not None
    assert order.kind == "release" and order.status == Order.Status.REGISTERED and order.number
    assert order.heading == "Об освобождении от работы для участия в мероприятии программы наставничества"
    assert "пунктом 1.4 Положения о наставничестве" in order.preamble
    text = " ".join(order.clauses)
    assert "Освободить Иванову А.И." in text
    assert f"{release.date:%d.%m.%Y} на 2 часа" in text
    assert "Открытый показ НОД в подготовительной группе детского сада № 5" in text
    # The substitute does the released person's duties as additional work, with written consent (ТК РФ
    # ст. 60.2), paid as the sides agree (ст. 151): the system keeps no rates, so no amount is invented.
    assert (
        "Поручить Семёновой Д.И. (воспитатель) с её письменного согласия выполнение дополнительной работы — "
        f"обязанностей Ивановой А.И. — {release.date:%d.%m.%Y} на время её отсутствия (2 часа)"
    ) in text
    assert "статья 60.2 Трудового кодекса Российской Федерации" in text
    assert (
        f"Установить Семёновой Д.И. за выполнение дополнительной работы {release.date:%d.%m.%Y} доплату в размере, "
        "установленном соглашением сторон (статья 151 Трудового кодекса Российской Федерации)."
    ) in order.clauses
    consent = (
        f"и письменного согласия Семёновой Д.И. от {timezone.localdate():%d.%m.%Y} на выполнение дополнительной работы"
    )
    assert consent in order.preamble
    assert "Контроль за исполнением приказа возложить на куратора наставничества Морозову" in order.clauses[-1]
    assert order.acquaintance == ["Иванова Анна Ивановна", "Семёнова Дарья Игоревна"]
    assert list(order.pairings.all()) == [world.pairing]
    assert order.pdf.name


def test_the_registered_order_pdf_names_both_people(world, program):
    from pypdf import PdfReader

    release = release_approve(release=ask(world, program, substitute=world.other_person), **approval(world)).obj
    order_register(order=release.order, **head(world))
    release.order.refresh_from_db()
    with release.order.pdf.open("rb") as handle:
        text = " ".join(page.extract_text() for page in PdfReader(handle).pages)
    text = " ".join(text.split())
    assert "Об освобождении от работы" in text and "Иванову А.И." in text and "Поручить Семёновой Д.И." in text
    assert "соглашением сторон" in text


def test_fractional_hours_read_naturally(world, program):
    release = release_approve(
        release=ask(world, program, substitute=world.other_person, hours=Decimal("1.5")), **approval(world)
    ).obj
    assert "на 1,5 часа" in release.order.clauses[0]


def test_the_head_may_change_the_substitute_in_the_request(world, program):
    replacement = PersonFactory(last_name="Кузьмина", first_name="Ольга", middle_name="Петровна")
    release = ask(world, program, substitute=world.other_person)
    release = release_approve(release=release, substitute=replacement, **approval(world)).obj
    assert release.substitute == replacement and "Поручить Кузьминой О.П." in release.order.clauses[1]
    assert "письменного согласия Кузьминой О.П." in release.order.preamble


def test_refusal_needs_a_comment_and_is_shown_to_the_requester(client_as, world, program):
    release = ask(world, program, substitute=world.other_person)
    with pytest.raises(ValidationError):
        release_refuse(release=release, comment=" ", **head(world))
    release_refuse(release=release, comment="В этот день проверка Роспотребнадзора", **head(world))
    release.refresh_from_db()
    assert release.status == S.REFUSED and release.order is None
    page = client_as("mentee").get(reverse("programs:release-list")).content.decode()
    assert "Отказано" in page and "В этот день проверка Роспотребнадзора" in page
    with pytest.raises(ValidationError, match="уже рассмотрена"):
        release_approve(release=release, **approval(world))


@pytest.mark.parametrize("role", ["curator", "council", "mentor"])
def test_only_the_head_approves(world, program, role):
    release = ask(world, program, substitute=world.other_person)
    with pytest.raises(PermissionDenied):
        release_approve(release=release, actor=world.users[role])


def test_the_requester_withdraws_while_pending(client_as, world, program):
    release = ask(world, program, substitute=world.other_person)
    with pytest.raises(PermissionDenied):
        release_withdraw(release=release, actor=world.users["mentor"])
    response = client_as("mentee").post(reverse("programs:release-withdraw", args=[release.pk]))
    assert response.status_code == 302
    release.refresh_from_db()
    assert release.status == S.WITHDRAWN
    assert not queue.SECTIONS["releases"].pending().exists()
    with pytest.raises(ValidationError):
        release_approve(release=release, **approval(world))


def test_a_project_of_a_request_withdrawn_meanwhile_is_not_registered(world, program):
    release = release_approve(release=ask(world, program, substitute=world.other_person), **approval(world)).obj
    with pytest.raises(ValidationError, match="Проект приказа уже подготовлен"):
        release_approve(release=release, **approval(world))
    release_withdraw(release=release, actor=world.users["mentee"])
    with pytest.raises(ValidationError, match="отозвана"):
        order_register(order=release.order, **head(world))
    release.order.refresh_from_db()
    assert release.order.is_draft and release.order.number is None


def test_a_release_on_a_day_before_the_orders_date_is_warned_about(world, program):
    release = release_approve(release=ask(world, program, substitute=world.other_person), **approval(world)).obj
    order = release.order
    order.date = release.date + timedelta(days=1)
    order.save()
    assert retroactive_warnings(order) == [
        f"Освобождение от работы Ивановой А.И. — {release.date:%d.%m.%Y}, раньше даты приказа "
        f"({order.date:%d.%m.%Y}): назначение задним числом."
    ]
    with pytest.raises(ValidationError, match="укажите причину"):
        order_register(order=order, **head(world))
    order_register(order=order, reason="Мероприятие перенесли на более ранний день", **head(world))
    release.refresh_from_db()
    assert release.status == S.APPROVED and release.order.journal_reason


def test_a_partner_mentor_is_not_released_by_our_order(world, program):
    mentor = world.mentor.person
    mentor.organization = PartnerFactory()
    mentor.save()
    with pytest.raises(ValidationError, match="работников учреждения"):
        ask(world, program, role="mentor")


def test_mentor_and_mentee_see_their_programs_requests_the_curator_all(client_as, world, program):
    ask(world, program, substitute=world.other_person)
    assert client_as("mentor").get(reverse("programs:release-list")).context["releases"].count() == 1
    assert client_as("curator").get(reverse("programs:release-list")).context["releases"].count() == 1
    assert Role.HEAD in roles_of(world.users["head"])


# --- the substitute's written consent (ТК РФ ст. 60.2) ----------------------------------------------------


def test_the_order_cites_the_substitutes_consent_by_its_date(world, program):
    consent_on = timezone.localdate() - timedelta(days=2)
    release = ask(world, program, substitute=world.other_person)
    release = release_approve(release=release, **approval(world, consent_on)).obj
    assert release.substitute_consent_on == consent_on
    assert f"письменного согласия Семёновой Д.И. от {consent_on:%d.%m.%Y} на выполнение дополнительной работы" in (
        release.order.preamble
    )


def test_without_the_consents_date_nothing_is_approved(client_as, world, program):
    release = ask(world, program, substitute=world.other_person)
    with pytest.raises(ValidationError) as error:
        release_approve(release=release, **head(world))
    assert (
        "без согласия обязанности другого работника поручить нельзя"
        in error.value.message_dict["substitute_consent_on"][0]
    )
    response = client_as("head").post(
        reverse("programs:release-approve", args=[release.pk]), {"comment": "Согласие будет завтра"}
    )
    text = response.content.decode()
    assert response.status_code == 200 and "Укажите дату письменного согласия заменяющего" in text
    assert "Согласие будет завтра" in text
    release.refresh_from_db()
    assert release.order is None


def test_a_consent_dated_after_the_order_is_refused_also_when_the_project_is_redated(world, program):
    release = ask(world, program, substitute=world.other_person)
    tomorrow = timezone.localdate() + timedelta(days=1)
    with pytest.raises(ValidationError, match=f"согласие Семёновой Д.И. от {tomorrow:%d.%m.%Y}"):
        release_approve(release=release, **approval(world, tomorrow))
    release = release_approve(release=release, **approval(world)).obj
    order = release.order
    order.date = timezone.localdate() - timedelta(days=1)  # the head moves the project's date back
    order.save()
    with pytest.raises(ValidationError, match="не может ссылаться на документы, датированные позже него"):
        order_register(order=order, reason="Решение принято вчера", **head(world))
    release.refresh_from_db()
    assert release.status == S.REQUESTED
