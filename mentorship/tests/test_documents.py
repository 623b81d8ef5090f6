"""Consent forms printed for a pair: the Russian text read back from the PDF, and who may print whose."""

import io
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader

from conftest import saved_as
from core.declension import Case
from mentorship.documents import consent_context, consent_form_pdf
from mentorship.models import MentoringForm
from mentorship.tests.factories import (
    MenteeFactory,
    MentorFactory,
    PairingFactory,
    PartnerFactory,
    PersonFactory,
    position,
)
from records.wording import position_in_case

DIFFICULTIES = "Трудно удерживать внимание детей"  # MenteeFactory's; never printed
REQUEST = "Научиться планировать день"


def text_of(pdf: bytes) -> str:
    """The PDF's text with every run of whitespace (line breaks of justified text) as one space;
    a line broken after a hyphen («организацией-|партнёром») is joined back."""
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return " ".join(re.sub(r"-[ \t]*\n\s*", "-", text).split())


def pages_of(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def form_text(pairing, person) -> str:
    pdf = consent_form_pdf(pairing, person)
    assert pages_of(pdf) == 1
    return text_of(pdf)


def assert_personal_data_paragraph(text: str) -> None:
    for expected in (
        "Согласие на обработку персональных данных",
        "статьёй 9 Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных»",
        "даю согласие оператору — Муниципальному казённому дошкольному образовательному учреждению «Детский сад",
        "в целях организации наставничества педагогических работников",
        "Распространение моих персональных данных",
        "этим согласием не разрешается",
        "ст. 10.1",
        "может быть отозвано мной письменным заявлением",
    ):
        assert expected in text, expected


def test_our_mentors_form_names_the_head_the_mentee_the_terms_and_the_pay(world):
    text = form_text(world.pairing, world.mentor.person)
    for expected in (
        # The addressee block: the head's post and name in the dative, initials first.
        "Заведующему МКДОУ «Детский сад „Ласточка“» Е.И. Соколовой",
        "от Петровой Светланы Ивановны, воспитателя",
        "педагогического работника на осуществление наставнической деятельности",
        "Я, Петрова Светлана Ивановна, воспитатель, в соответствии со статьёй 351.8 Трудового кодекса",
        # The mentee in the genitive, with her post.
        "назначение меня наставником воспитателя Ивановой Анны Ивановны на следующих условиях",
        "с 01.09.2026 по 31.05.2027",
        "индивидуальное (пара)",
        "«Режимные моменты»",
        "«Педагог – педагог»",
        "доплата устанавливается дополнительным соглашением к трудовому договору (ст. 351.8 ТК РФ)",
        "Положением о наставничестве педагогических работников МКДОУ «Детский сад „Ласточка“» ознакомлена",
        "не менее чем за три рабочих дня (ст. 351.8 ТК РФ)",
        "«___» ____________ 20___ г.",
        "(подпись)",
        "С.И. Петрова",
    ):
        assert expected in text, expected
    assert "СОГЛАСИЕ" in text.replace(" ", "")  # printed letter-spaced, as document types are
    assert_personal_data_paragraph(text)
    assert "зарегистрированная по адресу" in text
    assert DIFFICULTIES not in text
    assert REQUEST not in text
    assert "договора о сотрудничестве" not in text


def test_a_partner_mentor_works_under_the_cooperation_agreement_without_our_pay(world):
    college = PartnerFactory(
        short_name="ГБПОУ «Педагогический колледж № 1»",
        full_name="Государственное бюджетное профессиональное образовательное учреждение «Педагогический колледж № 1»",
    )
    mentor = MentorFactory(
        person=PersonFactory(
            organization=college,
            last_name="Новиков",
            first_name="Олег",
            middle_name="Владимирович",
            position=position("Преподаватель"),
        )
    )
    pairing = PairingFactory(mentor=mentor, mentees=[world.mentee])
    text = form_text(pairing, mentor.person)
    for expected in (
        "от Новикова Олега Владимировича, преподавателя ГБПОУ «Педагогический колледж № 1»",
        "Я, Новиков Олег Владимирович, преподаватель (ГБПОУ «Педагогический колледж № 1»), в соответствии "
        "с Положением о наставничестве педагогических работников МКДОУ «Детский сад „Ласточка“» и договором "
        "о сотрудничестве с организацией-партнёром даю согласие",
        "наставничество осуществляется в рамках договора о сотрудничестве с организацией-партнёром "
        "(Государственное бюджетное профессиональное образовательное учреждение «Педагогический колледж № 1»), "
        "без доплаты по трудовому договору с МКДОУ «Детский сад „Ласточка“»",
        "ознакомлен,",
        "уведомив МКДОУ «Детский сад „Ласточка“» не менее чем за три рабочих дня",
        "О.В. Новиков",
    ):
        assert expected in text, expected
    assert "дополнительным соглашением" not in text
    assert "статьёй 351.8" not in text  # the labour code binds us and our own employees only
    assert "зарегистрированный по адресу" in text

    mentee_text = form_text(pairing, world.mentee.person)
    assert "Наставник: Новиков Олег Владимирович, преподаватель (ГБПОУ «Педагогический колледж № 1»)" in mentee_text


def test_a_group_mentors_form_names_every_mentee(world):
    second = MenteeFactory(
        person=PersonFactory(
            last_name="Орлова",
            first_name="Дарья",
            middle_name="Игоревна",
            position=position("Музыкальный руководитель"),
        )
    )
    forms = MentoringForm.objects.filter(name__in=["В группе", "Педагог – педагог"])
    group = PairingFactory(mentor=world.mentor, mentees=[world.mentee, second], forms=list(forms))
    text = form_text(group, world.mentor.person)
    for expected in (
        "наставником группы наставляемых: воспитателя Ивановой Анны Ивановны; "
        "музыкального руководителя Орловой Дарьи Игоревны, — на следующих условиях",
        "групповое (наставник и 2 наставляемых)",
        "«В группе»",
        "«Педагог – педагог»",
    ):
        assert expected in text, expected
    assert DIFFICULTIES not in text

    mentee_text = form_text(group, second.person)
    assert "на участие в наставнической группе в качестве наставляемой" in mentee_text
    assert "Другие наставляемые группы: Иванова Анна Ивановна, воспитатель" in mentee_text
    assert "от Орловой Дарьи Игоревны, музыкального руководителя" in mentee_text


def test_the_mentees_form_names_the_mentor_and_keeps_her_difficulties_out(world):
    text = form_text(world.pairing, world.mentee.person)
    for expected in (
        "Заведующему МКДОУ «Детский сад „Ласточка“» Е.И. Соколовой",
        "от Ивановой Анны Ивановны, воспитателя",
        "на участие в наставнической паре в качестве наставляемой",
        "даю согласие на участие в наставнической паре в качестве наставляемой на следующих условиях",
        "Наставник: Петрова Светлана Ивановна, воспитатель",
        "с 01.09.2026 по 31.05.2027",
        "индивидуальное (пара)",
        "«Режимные моменты»",
        "«Педагог – педагог»",
        "ознакомлена",
        "обратиться с письменным заявлением к куратору наставничества",
        "А.И. Иванова",
    ):
        assert expected in text, expected
    assert_personal_data_paragraph(text)
    assert "предоставление доступа моему наставнику" in text
    assert DIFFICULTIES not in text
    assert REQUEST not in text
    assert "доплата" not in text.lower()


def test_somebody_outside_the_pair_has_no_form(world):
    with pytest.raises(ValueError, match="не участвует"):
        consent_context(world.pairing, world.other_person)


def test_a_head_without_a_record_leaves_a_blank_for_the_name(world):
    from people.models import Organization

    own = Organization.own()
    own.head = None
    own.save()
    text = text_of(consent_form_pdf(world.pairing, world.mentor.person))
    assert "Руководителю МКДОУ «Детский сад „Ласточка“» ____" in text


@pytest.mark.parametrize(
    ("name", "genitive", "dative"),
    [
        ("Заведующий", "заведующего", "заведующему"),
        ("Заместитель заведующего", "заместителя заведующего", "заместителю заведующего"),
        ("Старший воспитатель", "старшего воспитателя", "старшему воспитателю"),
        ("Воспитатель", "воспитателя", "воспитателю"),
        ("Музыкальный руководитель", "музыкального руководителя", "музыкальному руководителю"),
        (
            "Инструктор по физической культуре",
            "инструктора по физической культуре",
            "инструктору по физической культуре",
        ),
        ("Учитель-логопед", "учителя-логопеда", "учителю-логопеду"),
        ("Педагог-психолог", "педагога-психолога", "педагогу-психологу"),
        (
            "Педагог дополнительного образования",
            "педагога дополнительного образования",
            "педагогу дополнительного образования",
        ),
        ("Социальный педагог", "социального педагога", "социальному педагогу"),
        ("Помощник воспитателя", "помощника воспитателя", "помощнику воспитателя"),
        ("Заведующий хозяйством", "заведующего хозяйством", "заведующему хозяйством"),
        ("Медицинская сестра", "медицинской сестры", "медицинской сестре"),
        ("Повар", "повара", "повару"),
        ("Студент-практикант", "студента-практиканта", "студенту-практиканту"),
        ("Директор", "директора", "директору"),
        ("Заведующая", "заведующей", "заведующей"),
        ("Няня", "няни", "няне"),
    ],
)
def test_posts_are_declined_where_the_form_needs_it(name, genitive, dative):
    assert position_in_case(name, Case.GENITIVE) == genitive
    assert position_in_case(name, Case.DATIVE) == dative


@pytest.mark.parametrize("name", ["Продавец", "Заведующий кафедрой", "ИТ-специалист", "Кенгуру"])
def test_a_post_we_cannot_decline_surely_is_left_to_the_caller(name):
    assert position_in_case(name, Case.GENITIVE) is None


def test_an_undeclinable_post_is_printed_as_named(world):
    person = world.mentor.person
    person.position = position("Учитель-дефектолог")
    person.save()
    assert consent_context(world.pairing, person)["sender_position"] == ["учителя-дефектолога"]
    from people.models import Position

    person.position = Position.objects.create(name="Продавец-кассир")
    person.save()
    assert consent_context(world.pairing, person)["sender_position"] == ["продавец-кассир"]


# --- access ------------------------------------------------------------------------------------


def url(pairing, person) -> str:
    return reverse("mentorship:pairing-consent-form", args=[pairing.pk, person.pk])


def test_anonymous_is_sent_to_login(world, client_as):
    response = client_as("anonymous").get(url(world.pairing, world.mentor.person))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


@pytest.mark.parametrize("role", ["curator", "council", "head", "admin"])
def test_the_banks_readers_print_every_participants_form(world, client_as, role):
    client = client_as(role)
    for person in (world.mentor.person, world.mentee.person):
        response = client.get(url(world.pairing, person))
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"].startswith("inline;")
        assert saved_as(response) == f"Согласие на участие в паре — {person.full_name}.pdf"
        assert response["Cache-Control"] == "private, no-store"
        assert person.full_name in text_of(response.content)


def test_the_mentor_prints_her_own_form_only(world, client_as):
    client = client_as("mentor")
    response = client.get(url(world.pairing, world.mentor.person))
    assert response.status_code == 200
    assert "педагогического работника на осуществление наставнической деятельности" in text_of(response.content)
    assert client.get(url(world.pairing, world.mentee.person)).status_code == 404


def test_the_mentee_prints_her_own_form_only(world, client_as):
    client = client_as("mentee")
    response = client.get(url(world.pairing, world.mentee.person))
    assert response.status_code == 200
    assert DIFFICULTIES not in text_of(response.content)
    assert client.get(url(world.pairing, world.mentor.person)).status_code == 404


def test_a_mentor_of_another_pair_gets_404(world, client_as):
    other = world.other_mentor.pairings.get()
    # The logged-in mentor is not in that pair: neither its mentor's form nor her own (she is not in it).
    client = client_as("mentor")
    assert client.get(url(other, world.other_mentor.person)).status_code == 404
    assert client.get(url(other, world.mentor.person)).status_code == 404


def test_somebody_outside_the_pair_is_404_even_for_the_curator(world, client_as):
    assert client_as("curator").get(url(world.pairing, world.other_person)).status_code == 404


def test_a_login_without_a_role_is_refused(world, client_as):
    assert client_as("norole").get(url(world.pairing, world.mentor.person)).status_code == 403
