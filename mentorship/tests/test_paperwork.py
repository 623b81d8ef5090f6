"""Additional agreements written by the order services (ТК РФ ст. 351.8), their PDF read back,
the clerk's requisites, and partners' cooperation agreements."""

import io
import re
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfReader

from core.tests.files import tiny_pdf
from mentorship.documents import agreement_pdf
from mentorship.models import CooperationAgreement, MentoringAgreement
from mentorship.services.pair_orders import pairing_extend, pairing_replace_mentor
from mentorship.services.paperwork import agreement_update, cooperation_agreement_record
from mentorship.tests.factories import (
    MenteeFactory,
    MentorFactory,
    PartnerFactory,
    PersonFactory,
    mentee_consents,
    registered,
)
from mentorship.tests.test_orders import approve, ready_pair
from people.models import Organization
from people.roles import Role

HEAD = {Role.HEAD}


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def fixed_rule(db):
    own = Organization.own()
    own.mentor_pay_rule, own.mentor_pay_amount = Organization.PayRule.FIXED, Decimal("3000.00")
    own.save()
    return own


def text_of(pdf: bytes) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(re.sub(r"-[ \t]*\n\s*", "-", text).split()).replace("\xa0", " ")


def own_mentor():
    return MentorFactory(person=PersonFactory(last_name="Новикова", first_name="Ольга", middle_name="Владимировна"))


def partner_mentor():
    return MentorFactory(
        person=PersonFactory(
            organization=PartnerFactory(full_name="Педагогический колледж № 1", short_name="Колледж № 1"),
            last_name="Белова",
            first_name="Ирина",
            middle_name="Олеговна",
        )
    )


def test_approval_writes_an_agreement_for_our_mentor_and_none_for_a_partners(world, fixed_rule):
    ours = ready_pair(
        world,
        mentor=own_mentor(),
        mentees=[
            MenteeFactory(person=PersonFactory(last_name="Зайцева", first_name="Алина", middle_name="Руслановна")),
            MenteeFactory(),
        ],
    )
    theirs = ready_pair(world, mentor=partner_mentor())
    order = approve(world, [ours, theirs], date=date(2026, 11, 24))
    agreement = MentoringAgreement.objects.get()
    assert (agreement.pairing, agreement.mentor, agreement.order) == (ours, ours.mentor, order)
    assert agreement.kind == MentoringAgreement.Kind.ASSIGNMENT
    assert (agreement.starts_on, agreement.ends_on, agreement.date) == (
        date(2027, 1, 11),
        date(2027, 8, 31),
        date(2026, 11, 24),
    )
    assert (agreement.pay_rule, agreement.pay_amount, agreement.mentees_count) == ("fixed", Decimal("3000.00"), 2)
    assert not theirs.agreements.exists()

    text = text_of(agreement_pdf(agreement))
    for expected in (
        "ДОПОЛНИТЕЛЬНОЕ СОГЛАШЕНИЕ № ______",
        "к трудовому договору от «___» ________ 20___ г. № ______",
        "о возложении обязанностей наставника",
        "именуемое в дальнейшем «Работодатель», в лице заведующего Соколовой Елены",
        "Новикова Ольга Владимировна, воспитатель, именуемая в дальнейшем «Работник»",
        "с её письменного согласия от 20.11.2026",
        "статья 351.8 Трудового кодекса Российской Федерации",
        "группы наставляемых: Зайцевой Алины Руслановны, воспитателя;",
        "приказом от 24.11.2026 № 1-ОД «О закреплении наставнических пар (групп)»",
        "по направлению «Режимные моменты»",
        "Срок наставничества: с 11.01.2027 по 31.08.2027.",
        "Форма наставничества: групповая (наставническая группа из 2 наставляемых)",
        "«Педагог – педагог»",
        "3 000,00 руб. (три тысячи рублей 00 копеек) в месяц за каждого наставляемого (всего 6 000,00 руб. "
        "(шесть тысяч рублей 00 копеек) в месяц)",
        "пропорционально числу календарных дней",
        "не менее чем за три рабочих дня",
        "Работодатель",
        "Работник",
        "Е.И. Соколова",
        "О.В. Новикова",
    ):
        assert expected in text, expected
    # The signatures of both sides stay together, on the last page.
    last_page = PdfReader(io.BytesIO(agreement_pdf(agreement))).pages[-1].extract_text()
    for expected in ("Работодатель", "Работник", "Е.И. Соколова", "О.В. Новикова", "Второй экземпляр"):
        assert expected in last_page, expected


def test_an_abbreviation_in_the_mentors_position_keeps_its_capitals(world, fixed_rule):
    # «Учитель ИЗО», not «учитель изо»: only the first letter of a post is lowered in a sentence.
    from people.models import Position

    art = Position.objects.create(name="Учитель ИЗО")
    mentor = MentorFactory(
        person=PersonFactory(last_name="Новикова", first_name="Ольга", middle_name="Владимировна", position=art)
    )
    approve(world, [ready_pair(world, mentor=mentor)], date=date(2026, 11, 24))
    agreement = MentoringAgreement.objects.get()
    assert "Новикова Ольга Владимировна, учитель ИЗО, именуемая" in agreement.parties
    assert agreement.employee == "Новикова Ольга Владимировна, учитель ИЗО"


def test_percentage_rule_is_written_as_a_share_of_salary(world):
    own = Organization.own()
    own.mentor_pay_rule, own.mentor_pay_percent = Organization.PayRule.PERCENT, Decimal("12.5")
    own.save()
    pairing = ready_pair(world, mentor=own_mentor())
    approve(world, [pairing])
    text = text_of(agreement_pdf(pairing.agreements.get()))
    assert "12,5 % должностного оклада в месяц за каждого наставляемого" in text
    assert "всего" not in text.split("12,5 %")[1][:60]


def test_without_a_rule_the_sum_is_left_for_the_clerk_to_write(world):
    pairing = ready_pair(world, mentor=own_mentor())
    approve(world, [pairing])
    assert "доплата в размере ________ руб. в месяц" in text_of(agreement_pdf(pairing.agreements.get()))


def test_the_clerk_fills_in_the_requisites_and_the_pdf_shows_them(world, fixed_rule):
    pairing = ready_pair(world, mentor=own_mentor())
    approve(world, [pairing], date=date(2026, 11, 24))
    agreement = pairing.agreements.get()
    outcome = agreement_update(
        agreement=agreement,
        number="12",
        date=date(2026, 11, 25),
        contract_number="47",
        contract_date=date(2019, 9, 2),
        actor=world.users["curator"],
    )
    assert outcome.warnings == []
    agreement.refresh_from_db()
    assert agreement.history.first().history_user == world.users["curator"]
    text = text_of(agreement_pdf(agreement))
    assert "ДОПОЛНИТЕЛЬНОЕ СОГЛАШЕНИЕ № 12" in text
    assert "к трудовому договору от 02.09.2019 № 47" in text
    assert "25.11.2026" in text


def test_the_clerks_requisites_are_checked(world, fixed_rule):
    pairing = ready_pair(world, mentor=own_mentor())
    approve(world, [pairing], date=date(2026, 11, 24))
    agreement = pairing.agreements.get()
    kwargs = {"agreement": agreement, "number": "1", "contract_number": "2", "actor": world.users["head"]}
    with pytest.raises(ValidationError, match="позже соглашения"):
        agreement_update(date=date(2026, 11, 24), contract_date=date(2026, 12, 1), **kwargs)
    outcome = agreement_update(date=date(2026, 11, 1), contract_date=None, **kwargs)
    assert "раньше приказа" in outcome.warnings[0]
    with pytest.raises(PermissionDenied):
        agreement_update(date=date(2026, 11, 24), contract_date=None, **{**kwargs, "actor": world.users["council"]})


def test_replacement_ends_the_old_agreement_and_writes_one_for_the_new_mentor(world, fixed_rule):
    pairing = ready_pair(world, mentor=own_mentor())
    approve(world, [pairing], date=date(2026, 11, 24))
    new = MentorFactory(person=PersonFactory(last_name="Орлова", first_name="Вера", middle_name="Павловна"))
    order = registered(
        pairing_replace_mentor,
        pairing=pairing,
        new_mentor=new,
        grounds="request",
        initiator="mentor",
        notice_on=date(2027, 2, 8),
        consent_on=date(2027, 2, 1),
        mentee_consents=mentee_consents(pairing, date(2027, 2, 1)),
        starts_on=date(2027, 2, 15),
        actor=world.users["head"],
        order_date=date(2027, 2, 10),
    ).obj
    old_agreement, _, new_agreement = pairing.agreements.order_by("pk")
    assert old_agreement.ended_on == date(2027, 2, 14)
    assert (new_agreement.mentor, new_agreement.order, new_agreement.starts_on) == (new, order, date(2027, 2, 15))
    assert new_agreement.ends_on == date(2027, 8, 31)
    text = text_of(agreement_pdf(new_agreement))
    assert "в связи с заменой наставника" in text
    assert "«О замене наставника»" in text
    assert "Орлова Вера Павловна" in text


def test_replacement_ends_the_old_agreement_by_an_agreement_of_its_own(world, fixed_rule, client_as):
    from docx import Document

    from mentorship.docx_documents import agreement_docx

    pairing = ready_pair(world, mentor=own_mentor())
    approve(world, [pairing], date=date(2026, 11, 24))
    first = pairing.agreements.get()
    agreement_update(
        agreement=first,
        number="12",
        date=date(2026, 11, 24),
        contract_number="47",
        contract_date=date(2019, 9, 2),
        actor=world.users["head"],
    )
    order = registered(
        pairing_replace_mentor,
        pairing=pairing,
        new_mentor=partner_mentor(),
        grounds="request",
        initiator="mentor",
        notice_on=date(2027, 2, 8),
        consent_on=date(2027, 2, 1),
        mentee_consents=mentee_consents(pairing, date(2027, 2, 1)),
        starts_on=date(2027, 2, 15),
        actor=world.users["head"],
        order_date=date(2027, 2, 10),
    ).obj
    end = pairing.agreements.get(kind=MentoringAgreement.Kind.END)
    first.refresh_from_db()
    assert (end.amends, end.order, end.ended_on, end.mentor) == (first, order, date(2027, 2, 14), first.mentor)
    assert (end.contract_number, first.ended_on, first.is_current) == ("47", date(2027, 2, 14), False)
    text = text_of(agreement_pdf(end))
    assert "о прекращении выполнения обязанностей наставника (дополнительной работы)" in text
    assert "к трудовому договору от 02.09.2019 № 47" in text
    assert "В связи с заменой наставника (приказом от 10.02.2027" in text
    assert "порученной дополнительным соглашением от 24.11.2026 № 12" in text
    assert "Последний день выполнения работы по наставничеству — 14.02.2027" in text
    assert "после 14.02.2027 не выплачивается" in text
    assert "О.В. Новикова" in text and "Второй экземпляр соглашения получила" in text
    document = Document(io.BytesIO(agreement_docx(end)))
    docx_text = " ".join(p.text for p in document.paragraphs).replace("\xa0", " ")
    assert "Последний день выполнения работы по наставничеству — 14.02.2027" in docx_text
    # The pair page lists it with the one it ends, for the pay readers.
    body = " ".join(client_as("head").get(pairing.get_absolute_url()).content.decode().split())
    assert "о прекращении выполнения обязанностей наставника (дополнительной работы)" in body
    assert "прекращено следующим соглашением" in body
    assert "последний день наставничества 14.02.2027" in body
    assert client_as("head").get(reverse("mentorship:agreement-update", args=[end.pk])).status_code == 200


def test_early_end_writes_the_agreement_that_ends_the_mentors_and_the_pay_stops_after_the_last_day(world, fixed_rule):
    from mentorship.payroll import payroll_for_month
    from mentorship.services.pair_orders import pairing_terminate

    pairing = ready_pair(world, mentor=own_mentor())
    approve(world, [pairing], date=date(2026, 11, 24))
    first = pairing.agreements.get()
    order = registered(
        pairing_terminate,
        pairing=pairing,
        initiator="employer",
        reason="Решение работодателя",
        notice_on=date(2027, 3, 1),
        ends_on=date(2027, 3, 10),
        actor=world.users["head"],
        order_date=date(2027, 3, 1),
        journal_reason="Приказ подписан в тот день",
    ).obj
    end = pairing.agreements.get(kind=MentoringAgreement.Kind.END)
    assert (end.amends, end.order, end.ended_on) == (first, order, date(2027, 3, 10))
    text = text_of(agreement_pdf(end))
    assert "В связи с досрочным прекращением наставничества" in text
    assert "по 10.03.2027 включительно" in text and "после 10.03.2027 не выплачивается" in text
    # The pay list reads the ended agreement to its last day, never the one that ends it.
    (row,) = [row for mentor in payroll_for_month(2027, 3).mentors for row in mentor.rows]
    assert (row.agreement, row.days) == (first, 10)


def test_a_partners_mentor_ends_early_with_no_agreement(world, fixed_rule):
    from mentorship.services.pair_orders import pairing_terminate

    pairing = ready_pair(world, mentor=partner_mentor())
    approve(world, [pairing], date=date(2026, 11, 24))
    registered(
        pairing_terminate,
        pairing=pairing,
        initiator="mentor",
        reason="Уходит",
        notice_on=date(2027, 3, 1),
        ends_on=date(2027, 3, 10),
        actor=world.users["head"],
        order_date=date(2027, 3, 1),
        journal_reason="Приказ подписан в тот день",
    )
    assert not pairing.agreements.exists()


def test_replacement_by_a_partners_mentor_writes_no_agreement(world, fixed_rule):
    pairing = ready_pair(world, mentor=own_mentor())
    approve(world, [pairing], date=date(2026, 11, 24))
    registered(
        pairing_replace_mentor,
        pairing=pairing,
        new_mentor=partner_mentor(),
        grounds="request",
        initiator="mentor",
        notice_on=date(2027, 2, 8),
        consent_on=date(2027, 2, 1),
        mentee_consents=mentee_consents(pairing, date(2027, 2, 1)),
        starts_on=date(2027, 2, 15),
        actor=world.users["head"],
        order_date=date(2027, 2, 10),
    )
    agreement = pairing.agreements.get(kind=MentoringAgreement.Kind.ASSIGNMENT)
    assert agreement.ended_on == date(2027, 2, 14)
    assert pairing.agreements.get(kind=MentoringAgreement.Kind.END).amends == agreement


def test_extension_changes_the_term_by_a_new_agreement_and_keeps_the_pay(world, fixed_rule):
    pairing = ready_pair(world, mentor=own_mentor())
    approve(world, [pairing], date=date(2026, 11, 24))
    first = pairing.agreements.get()
    agreement_update(
        agreement=first,
        number="12",
        date=date(2026, 11, 24),
        contract_number="47",
        contract_date=date(2019, 9, 2),
        actor=world.users["head"],
    )
    fixed_rule.mentor_pay_amount = Decimal("5000.00")  # changed since: the agreed pay stays
    fixed_rule.save()
    registered(
        pairing_extend,
        pairing=pairing,
        new_end_on=date(2027, 12, 31),
        agreed_on=date(2027, 6, 1),
        actor=world.users["head"],
        order_date=date(2027, 6, 2),
    )
    second = pairing.agreements.exclude(pk=first.pk).get()
    assert (second.kind, second.amends, second.starts_on, second.ends_on) == (
        MentoringAgreement.Kind.TERM,
        first,
        date(2027, 1, 11),
        date(2027, 12, 31),
    )
    assert second.pay_amount == Decimal("3000.00")
    assert (second.contract_number, second.contract_date) == ("47", date(2019, 9, 2))
    first.refresh_from_db()
    assert not first.is_current and second.is_current
    text = text_of(agreement_pdf(second))
    assert "об изменении срока наставничества" in text
    assert "изложить пункт 3 дополнительного соглашения от 24.11.2026 № 12" in text
    assert "«3. Срок наставничества: с 11.01.2027 по 31.12.2027.»" in text
    assert "«О продлении срока наставничества»" in text


def test_the_agreement_words_a_single_mentee_by_her_gender(world, fixed_rule):
    pairing = ready_pair(
        world,
        mentor=own_mentor(),
        mentees=[
            MenteeFactory(person=PersonFactory(last_name="Зайцева", first_name="Алина", middle_name="Руслановна"))
        ],
    )
    approve(world, [pairing], date=date(2026, 11, 24))
    text = text_of(agreement_pdf(pairing.agreements.get()))
    assert "в отношении наставляемой — Зайцевой Алины Руслановны" in text
    assert "совместно с наставляемой персонализированной программы" in text
    assert "наставляемого —" not in text and "с наставляемым " not in text


def order_text(order) -> str:
    with order.pdf.open("rb") as handle:
        return text_of(handle.read())


def test_the_extension_order_cites_the_fixing_order_and_the_agreement_it_changes(world, fixed_rule, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    pairing = ready_pair(world, mentor=own_mentor())
    fixing = approve(world, [pairing], date=date(2026, 11, 24))
    first = pairing.agreements.get()
    kwargs = {"pairing": pairing, "agreed_on": date(2027, 6, 1), "actor": world.users["head"]}
    unnumbered = registered(pairing_extend, new_end_on=date(2027, 9, 30), order_date=date(2027, 6, 2), **kwargs).obj
    text = order_text(unnumbered)
    assert f"закреплённого приказом от 24.11.2026 № {fixing.number_text}, до 30.09.2027" in text
    assert "Внести изменение в дополнительное соглашение № ______ от ______ к трудовому договору с Новиковой" in text
    assert "срок наставничества — по 30.09.2027" in text
    second = pairing.agreements.exclude(pk=first.pk).get()
    agreement_update(
        agreement=second,
        number="15",
        date=date(2027, 6, 3),
        contract_number="47",
        contract_date=date(2019, 9, 2),
        actor=world.users["head"],
    )
    numbered = registered(pairing_extend, new_end_on=date(2027, 12, 31), order_date=date(2027, 6, 10), **kwargs).obj
    assert "Внести изменение в дополнительное соглашение № 15 от 03.06.2027" in order_text(numbered)


def test_a_second_extension_names_the_first_agreement_and_the_wording_it_amends(world, fixed_rule):
    pairing = ready_pair(world, mentor=own_mentor())
    approve(world, [pairing], date=date(2026, 11, 24))
    for end, on in ((date(2027, 10, 31), date(2027, 6, 2)), (date(2027, 12, 31), date(2027, 9, 1))):
        registered(
            pairing_extend, pairing=pairing, new_end_on=end, agreed_on=on, actor=world.users["head"], order_date=on
        )
    last = pairing.agreements.order_by("pk").last()
    clause = last.rendered_clauses()[0]
    assert "соглашения от 24.11.2026 (в редакции дополнительного соглашения от 02.06.2027)" in clause


def test_extension_of_a_pair_fixed_before_agreements_writes_a_full_one(world, fixed_rule):
    pairing = ready_pair(world, mentor=own_mentor())
    approve(world, [pairing], date=date(2026, 11, 24))
    pairing.agreements.all().delete()
    registered(
        pairing_extend,
        pairing=pairing,
        new_end_on=date(2027, 12, 31),
        agreed_on=date(2027, 6, 1),
        actor=world.users["head"],
        order_date=date(2027, 6, 2),
    )
    agreement = pairing.agreements.get()
    assert agreement.kind == MentoringAgreement.Kind.ASSIGNMENT
    assert (agreement.starts_on, agreement.ends_on) == (date(2027, 1, 11), date(2027, 12, 31))


def test_the_curator_records_a_partners_cooperation_agreement(world):
    partner = PartnerFactory()
    scan = SimpleUploadedFile("dogovor.pdf", tiny_pdf(), content_type="application/pdf")
    agreement = cooperation_agreement_record(
        agreement=CooperationAgreement(
            partner=partner, number="7/25", signed_on=date(2025, 8, 20), valid_until=date(2027, 8, 31), scan=scan
        ),
        actor=world.users["curator"],
    ).obj
    assert agreement.created_by == world.users["curator"]
    assert agreement.covers(date(2027, 1, 11), date(2027, 12, 31))
    assert not agreement.covers(date(2027, 9, 1), date(2027, 12, 31))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"partner": "own"}, "организацией-партнёром"),
        ({"valid_until": date(2025, 1, 1)}, "раньше даты договора"),
        ({"scan": SimpleUploadedFile("dogovor.pdf", b"not a pdf")}, "не похоже на PDF"),
    ],
)
def test_a_cooperation_agreement_is_checked(world, change, message):
    fields = {"partner": PartnerFactory(), "number": "7", "signed_on": date(2025, 8, 20), **change}
    if fields["partner"] == "own":
        fields["partner"] = Organization.own()
    with pytest.raises(ValidationError, match=message):
        cooperation_agreement_record(agreement=CooperationAgreement(**fields), actor=world.users["curator"])


def test_only_the_curator_or_the_head_records_a_cooperation_agreement(world):
    with pytest.raises(PermissionDenied):
        cooperation_agreement_record(
            agreement=CooperationAgreement(partner=PartnerFactory(), number="7", signed_on=date(2025, 8, 20)),
            actor=world.users["council"],
        )


def test_pay_rule_settings_are_checked(db):
    from mentorship.tests.factories import OwnOrganizationFactory

    own = OwnOrganizationFactory()
    own.mentor_pay_rule = Organization.PayRule.FIXED
    with pytest.raises(ValidationError, match="сумму"):
        own.full_clean()
    own.mentor_pay_rule, own.mentor_pay_percent = Organization.PayRule.PERCENT, Decimal("150")
    with pytest.raises(ValidationError, match="100 %"):
        own.full_clean()
    own.mentor_pay_percent = Decimal("10")
    own.full_clean()
