"""The head's approval and the orders it writes: text read back from the PDF, frozen files,
numbering within a year (also under concurrent approvals on PostgreSQL)."""

import io
import threading
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.urls import reverse
from pypdf import PdfReader

from core.tests.files import tiny_pdf
from mentorship.models import Pairing
from mentorship.services.pair_orders import pairing_terminate, pairings_approve
from mentorship.services.pairs import pairing_consent_record
from mentorship.tests.factories import (
    MenteeFactory,
    MentorFactory,
    PairingFactory,
    PersonFactory,
    mentee_consents,
    registered,
)
from people.models import Organization
from records.models import Order, OrderJournal
from records.services import order_register

S = Pairing.Status


def pdf_text(order: Order) -> str:
    with order.pdf.open("rb") as handle:
        return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(handle.read())).pages)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def ready_pair(world, *, consents=True, **kwargs):
    pairing = PairingFactory(
        mentor=kwargs.pop("mentor", None) or MentorFactory(),
        mentees=kwargs.pop("mentees", None) or [MenteeFactory()],
        status=S.AWAITING_APPROVAL,
        starts_on=kwargs.pop("starts_on", date(2027, 1, 11)),
        planned_end_on=date(2027, 8, 31),
    )
    if consents:
        for person in [pairing.mentor.person, *(m.person for m in pairing.mentees.all())]:
            pairing_consent_record(
                pairing=pairing, person=person, given_on=date(2026, 11, 20), actor=world.users["curator"]
            )
    return pairing


# These tests date their orders on fixed days, now past: registered with the head's reason (records.journal).
BACKDATED = "Приказ подписан в тот день, в систему внесён позже"


def approve(world, pairings, reason=BACKDATED, **kwargs):
    """The head approves (a project of the order, the pairs still awaiting) and registers it: the pairs are fixed then."""
    order = pairings_approve(pairings=pairings, actor=world.users["head"], **kwargs).obj
    assert order.is_draft and order.number is None
    assert {pairing.status for pairing in order.pairings.all()} == {Pairing.Status.AWAITING_APPROVAL}
    return order_register(order=order, actor=world.users["head"], reason=reason)


def test_two_pairs_approved_together_are_fixed_by_one_order(world):
    first = ready_pair(
        world,
        mentor=MentorFactory(
            person=PersonFactory(last_name="Новикова", first_name="Ольга", middle_name="Владимировна")
        ),
    )
    second = ready_pair(
        world,
        mentees=[
            MenteeFactory(person=PersonFactory(last_name="Зайцева", first_name="Алина", middle_name="Руслановна"))
        ],
    )
    order = approve(world, [first, second], date=date(2026, 11, 24))
    assert order.kind == "pairing"
    assert order.number_text == "1-ОД"
    assert set(order.pairings.all()) == {first, second}
    for pairing in (first, second):
        pairing.refresh_from_db()
        assert pairing.status == S.FIXED
        assert pairing.transitions.last().comment == "Приказ № 1-ОД от 24.11.2026"
    text = pdf_text(order)
    for expected in (
        "ПРИКАЗ",
        "24.11.2026",
        "№ 1-ОД",
        "О закреплении наставнических пар (групп)",
        "ПРИКАЗЫВАЮ",
        "Новикова Ольга Владимировна",
        "Зайцева Алина Руслановна",
        "351.8",
        "Лист ознакомления",
    ):
        assert expected in text, expected
    # The curator is named in the accusative: «возложить на … Морозову И.И.»
    assert "Морозову" in text
    assert ".." not in text
    # The clause names the annex the table prints as; no second line says it again.
    flat = " ".join(text.split())
    assert "в составе и на срок согласно приложению к настоящему приказу" in flat
    assert "согласно таблице" not in flat and "Таблица приведена в приложении" not in flat
    assert "Приложение к приказу от 24.11.2026 № 1-ОД" in flat


def test_a_pair_that_starts_today_becomes_active_at_once(world):
    from django.utils import timezone

    pairing = ready_pair(world, starts_on=timezone.localdate())
    approve(world, [pairing])
    pairing.refresh_from_db()
    assert pairing.status == S.ACTIVE
    assert [t.target for t in pairing.transitions.all()][-2:] == [S.FIXED, S.ACTIVE]


def test_a_missing_consent_refuses_the_whole_approval_and_names_whose(world):
    ready = ready_pair(world)
    lacking = ready_pair(world, consents=False)
    with pytest.raises(ValidationError) as caught:
        approve(world, [ready, lacking])
    text = " ".join(caught.value.messages)
    assert f"нет согласия на участие в паре — {lacking.mentor.person.full_name}" in text
    assert not Order.objects.exists()
    ready.refresh_from_db()
    assert ready.status == S.AWAITING_APPROVAL


def test_only_pairs_awaiting_approval_can_be_approved(world):
    with pytest.raises(ValidationError, match="не на утверждении"):
        approve(world, [world.pairing])


def test_editing_a_person_after_registration_leaves_the_pdf_byte_identical(world):
    pairing = ready_pair(world)
    order = approve(world, [pairing])
    with order.pdf.open("rb") as handle:
        before = handle.read()
    person = pairing.mentor.person
    person.last_name = "Переименованная"
    person.save()
    own = Organization.own()
    own.full_name = "Другое название"
    own.save()
    order.refresh_from_db()
    with order.pdf.open("rb") as handle:
        assert handle.read() == before
    with pytest.raises(ValidationError, match="изменить его нельзя"):
        order_register(order=order, actor=world.users["head"])


def test_numbers_follow_the_journal_the_clerk_set(world):
    OrderJournal.objects.create(organization=Organization.own(), year=2026, next_number=45, suffix="-ОД")
    first = approve(world, [ready_pair(world)], date=date(2026, 11, 24))
    second = approve(world, [ready_pair(world)], date=date(2026, 11, 25))
    assert (first.number_text, second.number_text) == ("45-ОД", "46-ОД")
    new_year = approve(world, [ready_pair(world)], date=date(2027, 1, 11))
    assert (new_year.year, new_year.number_text) == (2027, "1-ОД")
    with pytest.raises(ValidationError, match="уже ведётся за 2027"):
        approve(world, [ready_pair(world)], date=date(2026, 12, 30))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite serializes writers; the race needs PostgreSQL")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_registrations_never_share_a_number(world):
    drafts = [
        Order.objects.create(
            organization=Organization.own(),
            kind="curator",
            date=date(2026, 11, 24),
            heading=f"Проект {n}",
            preamble="Преамбула",
            clauses=["Пункт"],
            signer_position="Заведующий",
            signer_name="Е.В. Соколова",
            created_by=world.users["head"],
        )
        for n in range(6)
    ]
    barrier = threading.Barrier(len(drafts))
    errors = []

    def register(order):
        try:
            barrier.wait()
            # Dated before the day it is registered: the journal asks for a reason (records.journal).
            order_register(order=order, actor=world.users["head"], reason=BACKDATED)
        except Exception as error:  # collected and asserted below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register, args=(order,)) for order in drafts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(Order.objects.values_list("number", flat=True)) == [1, 2, 3, 4, 5, 6]


class TestPages:
    def test_head_approves_two_pairs_in_the_queue(self, world, client_as):
        first, second = ready_pair(world), ready_pair(world)
        response = client_as("head").post(
            reverse("mentorship:approval-queue"),
            {"action": "approve", "pairings": [first.pk, second.pk], "confirmed": "1"},
        )
        order = Order.objects.get()
        assert response["Location"] == order.get_absolute_url()
        # The approval is a project: the pairs wait for its registration, the queue says so.
        assert order.is_draft and not order.pdf
        first.refresh_from_db()
        assert first.status == Pairing.Status.AWAITING_APPROVAL
        queue = client_as("head").get(reverse("mentorship:approval-queue")).content.decode()
        assert "ожидает регистрации приказа" in queue and order.get_absolute_url() in queue
        pair_page = client_as("curator").get(first.get_absolute_url()).content.decode()
        assert 'id="pairing-project"' in pair_page and order.get_absolute_url() in pair_page
        again = client_as("head").post(
            reverse("mentorship:approval-queue"), {"action": "approve", "pairings": [first.pk], "confirmed": "1"}
        )
        assert again.status_code == 302 and Order.objects.count() == 1
        client_as("head").post(reverse("records:order-register", args=[order.pk]), {"reason": BACKDATED})
        order.refresh_from_db()
        first.refresh_from_db()
        assert order.number_text == "1-ОД" and first.status in (Pairing.Status.FIXED, Pairing.Status.ACTIVE)
        pdf = client_as("head").get(reverse("records:order-pdf", args=[order.pk]))
        assert pdf["Content-Type"] == "application/pdf"

    def test_the_queue_names_a_missing_consent(self, world, client_as):
        lacking = ready_pair(world, consents=False)
        page = client_as("head").get(reverse("mentorship:approval-queue")).content.decode()
        assert f"Нет согласия на участие в паре: {lacking.mentor.person.full_name}" in page
        response = client_as("head").post(
            reverse("mentorship:approval-queue"),
            {"action": "approve", "pairings": [lacking.pk], "confirmed": "1"},
            follow=True,
        )
        assert "нет согласия на участие в паре" in response.content.decode()
        assert not Order.objects.exists()

    def test_head_returns_a_pair_with_a_comment_the_curator_sees(self, world, client_as):
        pairing = ready_pair(world)
        client_as("head").post(
            reverse("mentorship:approval-queue"),
            {"action": "return", "pairing": pairing.pk, "comment": "Уточните срок", "confirmed": "1"},
        )
        pairing.refresh_from_db()
        assert pairing.status == S.RETURNED
        assert "Уточните срок" in client_as("curator").get(pairing.get_absolute_url()).content.decode()

    def test_a_signed_scan_completes_the_order(self, world, client_as):
        from django.core.files.uploadedfile import SimpleUploadedFile

        order = approve(world, [ready_pair(world)])
        client_as("curator").post(
            reverse("records:order-detail", args=[order.pk]),
            {"scan": SimpleUploadedFile("p.pdf", tiny_pdf())},
        )
        order.refresh_from_db()
        assert order.status == Order.Status.SIGNED
        assert client_as("council").post(reverse("records:order-detail", args=[order.pk]), {}).status_code == 403

    @pytest.mark.parametrize(
        ("role", "status"),
        [
            ("head", 200),
            ("curator", 200),
            ("council", 200),
            ("admin", 200),
            ("mentor", 404),
            ("norole", 403),
            ("mentee", 404),
        ],
    )
    def test_an_order_about_someone_else_is_not_shown(self, world, client_as, role, status):
        order = approve(world, [ready_pair(world)])
        assert client_as(role).get(reverse("records:order-detail", args=[order.pk])).status_code == status
        assert client_as(role).get(reverse("records:order-pdf", args=[order.pk])).status_code == status

    def test_participants_see_the_order_about_their_pair(self, world, client_as):
        pairing = ready_pair(world, mentor=world.other_mentor, mentees=[MenteeFactory()])
        world.pairing.status = S.COMPLETED
        world.pairing.save()
        own = ready_pair(world, mentor=world.mentor, mentees=[world.mentee])
        order = approve(world, [own, pairing])
        assert client_as("mentor").get(reverse("records:order-detail", args=[order.pk])).status_code == 200
        assert client_as("mentee").get(reverse("records:order-pdf", args=[order.pk])).status_code == 200


class TestTermination:
    def terminate(self, world, pairing, **kwargs):
        data = {
            "initiator": "mentor",
            "reason": "Наставник увольняется",
            "notice_on": date(2026, 11, 20),
            "ends_on": date(2026, 11, 25),
        }
        data.update(kwargs)
        return registered(pairing_terminate, pairing=pairing, actor=world.users["head"], **data).obj

    def test_notice_of_three_working_days_across_a_holiday(self, world):
        # Notice on 30.12.2025: 31.12 and 1–9.01 are days off, so the third working day is 14.01.2026.
        with pytest.raises(ValidationError, match=r"не раньше 14\.01\.2026"):
            self.terminate(world, world.pairing, notice_on=date(2025, 12, 30), ends_on=date(2026, 1, 13))
        order = self.terminate(
            world,
            world.pairing,
            notice_on=date(2025, 12, 30),
            ends_on=date(2026, 1, 14),
            order_date=date(2026, 1, 12),
            journal_reason=BACKDATED,
        )
        world.pairing.refresh_from_db()
        assert (world.pairing.status, world.pairing.ended_on) == (S.TERMINATED, date(2026, 1, 14))
        assert order.kind == "termination"

    def test_the_order_names_the_mentor_and_mentee_in_the_genitive(self, world):
        order = self.terminate(world, world.pairing)
        text = " ".join(pdf_text(order).split())
        assert "О досрочном прекращении наставничества" in text
        assert "Петровой" in text and "Ивановой" in text
        assert "Наставник увольняется" not in text
        assert "Прекратить выплату доплаты" in text
        assert text.count("Контроль за исполнением") == 1

    def test_the_end_date_is_the_last_day_mentored_in_every_clause(self, world):
        order = self.terminate(world, world.pairing)
        text = " ".join(pdf_text(order).split())
        assert "Прекратить досрочно наставничество Петровой" in text
        assert "последний день наставничества — 25.11.2026" in text
        assert "после 25.11.2026 — последнего дня наставничества" in text
        assert "с 25.11.2026" not in text

    def test_the_curator_charged_with_control_signs_the_acquaintance_sheet_once(self, world):
        order = self.terminate(world, world.pairing)
        assert order.acquaintance.count(world.person("curator").full_name) == 1
        assert world.person("curator").full_name in " ".join(pdf_text(order).split())

    def test_a_reason_and_the_head_are_required(self, world):
        with pytest.raises(ValidationError, match="причину"):
            self.terminate(world, world.pairing, reason=" ")
        from django.core.exceptions import PermissionDenied

        with pytest.raises(PermissionDenied):
            registered(
                pairing_terminate,
                pairing=world.pairing,
                actor=world.users["curator"],
                initiator="mentor",
                reason="x",
                notice_on=date(2026, 11, 20),
                ends_on=date(2026, 12, 1),
            )

    def test_a_proposal_cannot_be_terminated(self, world):
        pairing = ready_pair(world)
        with pytest.raises(ValidationError, match="досрочно не прекратить"):
            self.terminate(world, pairing)

    def test_the_form_keeps_what_was_typed_on_a_short_notice(self, world, client_as):
        url = reverse("mentorship:pairing-terminate", args=[world.pairing.pk])
        response = client_as("head").post(
            url,
            {
                "initiator": "employer",
                "reason": "Систематическое неисполнение",
                "notice_on": "2026-11-20",
                "ends_on": "2026-11-23",
            },
        )
        body = response.content.decode()
        assert response.status_code == 200
        assert "не раньше 25.11.2026" in body and "Систематическое неисполнение" in body
        assert client_as("curator").get(url).status_code == 403


class TestReplacementAndExtension:
    def test_replacing_the_mentor_keeps_the_term_and_records_the_new_consent(self, world):
        from mentorship.services.pair_orders import pairing_replace_mentor

        new = MentorFactory(person=PersonFactory(last_name="Белова", first_name="Людмила", middle_name="Ивановна"))
        end = world.pairing.planned_end_on
        order = registered(
            pairing_replace_mentor,
            pairing=world.pairing,
            new_mentor=new,
            grounds="leaves",
            left_on=date(2026, 11, 30),
            consent_on=date(2026, 11, 23),
            mentee_consents=mentee_consents(world.pairing, date(2026, 11, 24)),
            starts_on=date(2026, 12, 1),
            actor=world.users["head"],
        ).obj
        world.pairing.refresh_from_db()
        assert (world.pairing.mentor, world.pairing.planned_end_on) == (new, end)
        assert world.pairing.consents.get(person=new.person).given_on == date(2026, 11, 23)
        assert world.pairing.consents.get(person=world.mentee.person).given_on == date(2026, 11, 24)
        assert "Замена наставника" in world.pairing.transitions.last().comment
        text = " ".join(pdf_text(order).split())
        assert "О замене наставника" in text
        assert "Петровой" in text and "Белову" in text and "Ивановой" in text
        assert "срок наставничества не меняется" in text
        assert ".." not in text

    def test_replacement_outside_the_term_or_by_the_same_mentor_is_refused(self, world):
        from mentorship.services.pair_orders import pairing_replace_mentor

        kwargs = {
            "pairing": world.pairing,
            "grounds": "request",
            "consent_on": date(2026, 11, 23),
            "actor": world.users["head"],
        }
        with pytest.raises(ValidationError, match="тот же"):
            registered(pairing_replace_mentor, new_mentor=world.mentor, starts_on=date(2026, 12, 1), **kwargs)
        with pytest.raises(ValidationError, match="в пределах срока"):
            registered(pairing_replace_mentor, new_mentor=MentorFactory(), starts_on=date(2028, 1, 1), **kwargs)

    def replace(self, world, **kwargs):
        from mentorship.services.pair_orders import pairing_replace_mentor

        data = {
            "pairing": world.pairing,
            "new_mentor": MentorFactory(person=PersonFactory(last_name="Белова", first_name="Людмила")),
            "grounds": "request",
            "initiator": "mentor",
            "notice_on": date(2026, 11, 20),
            "consent_on": date(2026, 11, 23),
            "mentee_consents": mentee_consents(world.pairing, date(2026, 11, 24)),
            "starts_on": date(2026, 11, 26),
            "actor": world.users["head"],
        }
        return registered(pairing_replace_mentor, **{**data, **kwargs}).obj

    def test_every_pair_order_has_the_curator_on_its_acquaintance_sheet_once(self, world):
        from mentorship.services.pair_orders import pairing_extend

        curator = world.person("curator").full_name
        replaced = self.replace(world)
        extended = registered(
            pairing_extend,
            pairing=world.pairing,
            new_end_on=date(2027, 8, 31),
            agreed_on=date(2026, 11, 20),
            actor=world.users["head"],
        ).obj
        for order in (replaced, extended):
            assert order.acquaintance.count(curator) == 1
        # The curator mentoring a pair herself is still named once.
        pairing = ready_pair(world, mentor=MentorFactory(person=world.person("curator")))
        fixing = approve(world, [pairing], date=date(2026, 11, 24))
        assert fixing.acquaintance.count(curator) == 1

    def test_the_new_mentor_starts_after_three_working_days_of_notice(self, world):
        # Notice on Friday 20.11.2026: 23, 24, 25 November are its three working days.
        with pytest.raises(ValidationError, match=r"до 25\.11\.2026 включительно.*не раньше 26\.11\.2026"):
            self.replace(world, starts_on=date(2026, 11, 25))
        order = self.replace(world)
        text = " ".join(pdf_text(order).split())
        assert "с 26.11.2026 вместо Петровой" in text
        assert "письменного уведомления наставника Петровой" in text and "от 20.11.2026" in text

    def test_notice_across_the_new_year_holidays(self, world):
        # Notice on Wednesday 30.12.2026: 31.12 is off (the decree), 1–10.01 too; its third working day is 13.01.2027.
        with pytest.raises(ValidationError, match=r"до 13\.01\.2027 включительно.*не раньше 14\.01\.2027"):
            self.replace(
                world, notice_on=date(2026, 12, 30), starts_on=date(2027, 1, 13), order_date=date(2026, 12, 30)
            )
        self.replace(world, notice_on=date(2026, 12, 30), starts_on=date(2027, 1, 14), order_date=date(2026, 12, 30))

    def test_an_order_cites_no_document_dated_after_it(self, world):
        with pytest.raises(ValidationError, match=r"Приказ от 25\.11\.2026 не может ссылаться.*согласие Беловой Л"):
            self.replace(world, consent_on=date(2026, 11, 27), order_date=date(2026, 11, 25))
        with pytest.raises(ValidationError, match=r"уведомление от 20\.11\.2026"):
            self.replace(world, order_date=date(2026, 11, 19))
        assert not Order.objects.filter(kind="replacement").exists()

    def test_a_notice_and_who_gave_it_are_required_unless_the_mentor_leaves(self, world):
        with pytest.raises(ValidationError) as refused:
            self.replace(world, initiator="", notice_on=None)
        assert set(refused.value.message_dict) == {"initiator", "notice_on"}

    def test_a_leaving_mentor_needs_no_notice_and_the_new_one_starts_the_day_after(self, world):
        with pytest.raises(ValidationError, match="последний день работы прежнего наставника"):
            self.replace(world, grounds="leaves", initiator="", notice_on=None)
        with pytest.raises(ValidationError, match=r"не раньше следующего дня, 01\.12\.2026"):
            self.replace(
                world, grounds="leaves", notice_on=None, left_on=date(2026, 11, 30), starts_on=date(2026, 11, 30)
            )
        order = self.replace(
            world, grounds="leaves", notice_on=None, left_on=date(2026, 11, 30), starts_on=date(2026, 12, 1)
        )
        text = " ".join(pdf_text(order).split())
        assert "в связи с прекращением трудового договора с наставником" in text
        assert "уведомлени" not in text

    def test_a_leaving_mentors_date_of_dismissal_is_taken_from_the_staff_records(self, world):
        person = world.mentor.person
        person.status, person.left_on = "left", date(2026, 11, 27)
        person.save()
        with pytest.raises(ValidationError, match=r"28\.11\.2026"):
            self.replace(world, grounds="leaves", notice_on=None, starts_on=date(2026, 11, 27))

    def test_never_before_the_order_that_fixed_the_pair(self, world):
        pairing = ready_pair(world, starts_on=date(2026, 11, 2))
        approve(world, [pairing], date=date(2026, 11, 10))
        with pytest.raises(ValidationError, match=r"закреплена приказом от 10\.11\.2026"):
            self.replace(
                world,
                pairing=pairing,
                grounds="leaves",
                notice_on=None,
                left_on=date(2026, 11, 2),
                starts_on=date(2026, 11, 3),
                mentee_consents=mentee_consents(pairing, date(2026, 11, 2)),
            )

    def test_each_mentees_consent_to_the_new_mentor_is_recorded_and_cited(self, world):
        second = MenteeFactory(person=PersonFactory(last_name="Смирнов", first_name="Павел", middle_name="Олегович"))
        world.pairing.mentees.add(second)
        with pytest.raises(ValidationError, match="Нет даты письменного согласия на нового наставника: Смирнов"):
            self.replace(world, mentee_consents={world.mentee: date(2026, 11, 24)})
        order = self.replace(world, mentee_consents={world.mentee: date(2026, 11, 24), second: date(2026, 11, 25)})
        assert world.pairing.consents.get(person=second.person).given_on == date(2026, 11, 25)
        text = " ".join(pdf_text(order).split())
        assert "письменного согласия наставляемой Ивановой" in text
        assert "письменного согласия наставляемого Смирнова" in text and "от 25.11.2026" in text

    def test_the_replacement_form_asks_for_the_notice_and_each_mentees_consent_and_keeps_input(self, world, client_as):
        new = MentorFactory(person=PersonFactory(last_name="Белова", first_name="Людмила"))
        url = reverse("mentorship:pairing-replace", args=[world.pairing.pk])
        page = client_as("head").get(url).content.decode()
        assert "Дата письменного уведомления" in page and "Письменное согласие на нового наставника: Иванова" in page
        data = {
            "new_mentor": new.pk,
            "grounds": "request",
            "details": "Просьба наставляемой",
            "initiator": "employer",
            "notice_on": "2026-11-20",
            "consent_on": "2026-11-23",
            f"mentee_consent_{world.mentee.pk}": "2026-11-24",
            "starts_on": "2026-11-25",
        }
        response = client_as("head").post(url, data)
        body = response.content.decode()
        assert response.status_code == 200
        assert "не раньше 26.11.2026" in body and "Просьба наставляемой" in body and 'value="2026-11-24"' in body
        response = client_as("head").post(url, {**data, "starts_on": "2026-11-26"}, follow=True)
        project = world.pairing.orders.get(kind="replacement")
        assert response.redirect_chain[-1][0] == project.get_absolute_url() and project.is_draft
        assert "ожидает регистрации" in response.content.decode()
        world.pairing.refresh_from_db()
        assert world.pairing.mentor != new  # nothing changes before the order is registered
        order_register(order=project, actor=world.users["head"])
        world.pairing.refresh_from_db()
        assert world.pairing.mentor == new
        assert world.pairing.consents.get(person=world.mentee.person).given_on == date(2026, 11, 24)

    @pytest.mark.parametrize(("new_end", "ok"), [(date(2027, 8, 31), True), (date(2027, 9, 1), False)])
    def test_extension_never_past_twelve_months(self, world, new_end, ok):
        from mentorship.services.pair_orders import pairing_extend

        # world.pairing runs 01.09.2026 – 31.05.2027: twelve months end on 31.08.2027.
        def call():
            return registered(
                pairing_extend,
                pairing=world.pairing,
                new_end_on=new_end,
                agreed_on=date(2026, 11, 20),
                actor=world.users["head"],
            ).obj

        if ok:
            order = call()
            world.pairing.refresh_from_db()
            assert world.pairing.planned_end_on == new_end
            assert "до 31.08.2027" in " ".join(pdf_text(order).split())
        else:
            with pytest.raises(ValidationError, match=r"не дальше 31\.08\.2027"):
                call()

    def test_pages_for_the_head_only_and_errors_keep_input(self, world, client_as):
        url = reverse("mentorship:pairing-extend", args=[world.pairing.pk])
        assert client_as("curator").get(url).status_code == 403
        response = client_as("head").post(url, {"new_end_on": "2027-12-31", "agreed_on": "2026-11-20"})
        assert response.status_code == 200
        assert "не дальше 31.08.2027" in response.content.decode() and 'value="2027-12-31"' in response.content.decode()
        replace = reverse("mentorship:pairing-replace", args=[world.pairing.pk])
        assert client_as("head").get(replace).status_code == 200
        assert client_as("mentor").get(replace).status_code == 403


class TestGovernanceOrders:
    @pytest.mark.parametrize(
        ("kind", "expected"),
        [
            ("introduction", ["О внедрении системы наставничества", "Р-145", "приложение 1", "Морозову"]),
            ("curator", ["О назначении куратора", "Морозову", "3.4 Положения"]),
            (
                "council",
                ["Об утверждении состава методического объединения", "Волкова", "председателем Волкову"],
            ),
        ],
    )
    def test_each_kind_is_drafted_edited_and_registered(self, world, kind, expected):
        from records.services import order_draft, order_update_draft

        draft = order_draft(kind=kind, actor=world.users["curator"], date=date(2026, 11, 24))
        assert draft.is_draft and not draft.number and not draft.pdf
        order_update_draft(
            order=draft,
            date=draft.date,
            heading=draft.heading,
            preamble=draft.preamble,
            clauses=[*draft.clauses, "Разместить приказ на сайте детского сада."],
            actor=world.users["curator"],
        )
        order = order_register(order=draft, actor=world.users["head"], reason=BACKDATED)
        assert order.journal_reason == BACKDATED
        text = " ".join(pdf_text(order).split())
        for phrase in [*expected, "Разместить приказ на сайте", f"№ {order.number_text}", "24.11.2026"]:
            assert phrase in text, phrase
        from records.services import order_update_draft as update

        with pytest.raises(ValidationError, match="исправление оформляется новым приказом"):
            update(order=order, date=order.date, heading="x", preamble="y", clauses=["z"], actor=world.users["head"])

    def test_a_draft_needs_at_least_one_clause(self, world):
        from records.services import order_draft, order_update_draft

        draft = order_draft(kind="curator", actor=world.users["curator"])
        with pytest.raises(ValidationError, match="хотя бы один пункт"):
            order_update_draft(
                order=draft, date=draft.date, heading="h", preamble="p", clauses=["  "], actor=world.users["curator"]
            )

    def test_curator_prepares_head_registers_in_the_browser_pages(self, world, client_as):
        response = client_as("curator").post(reverse("records:order-create"), {"kind": "council", "date": "2026-11-24"})
        order = Order.objects.get()
        assert response["Location"] == order.get_absolute_url()
        preview = client_as("council").get(reverse("records:order-preview", args=[order.pk]))
        assert preview["Content-Type"] == "application/pdf"
        assert "ПРОЕКТ" in " ".join(PdfReader(io.BytesIO(preview.content)).pages[0].extract_text().split())
        edit = reverse("records:order-edit", args=[order.pk])
        client_as("curator").post(
            edit,
            {
                "date": "2026-11-25",
                "heading": "Об утверждении состава МО",
                "preamble": "Основание",
                "clauses": "Первый\n\nВторой",
            },
        )
        order.refresh_from_db()
        assert (order.heading, order.clauses, order.date) == (
            "Об утверждении состава МО",
            ["Первый", "Второй"],
            date(2026, 11, 25),
        )
        assert client_as("curator").post(reverse("records:order-register", args=[order.pk])).status_code == 403
        # Dated 25.11.2026, before today: without a reason the head is told why, and nothing is registered.
        refused = client_as("head").post(reverse("records:order-register", args=[order.pk]))
        assert "укажите причину" in refused.content.decode()
        order.refresh_from_db()
        assert order.is_draft and not order.number_text
        client_as("head").post(reverse("records:order-register", args=[order.pk]), {"reason": BACKDATED})
        order.refresh_from_db()
        assert order.number_text == "1-ОД" and order.pdf and order.journal_reason == BACKDATED
        assert client_as("curator").get(edit).status_code == 404

    def test_no_curator_no_curator_order(self, world):
        from mentorship.models import CuratorAppointment
        from records.services import order_draft

        CuratorAppointment.objects.update(ended_on=date(2026, 11, 1))
        with pytest.raises(ValidationError, match="Куратор не назначен"):
            order_draft(kind="curator", actor=world.users["head"])


def test_the_daily_command_starts_fixed_pairs_on_their_start_date(world):
    from io import StringIO

    from django.core.management import call_command
    from django.utils import timezone

    due = PairingFactory(
        mentor=MentorFactory(), mentees=[MenteeFactory()], status=S.FIXED, starts_on=timezone.localdate()
    )
    later = PairingFactory(
        mentor=MentorFactory(),
        mentees=[MenteeFactory()],
        status=S.FIXED,
        starts_on=date(2099, 1, 1),
        planned_end_on=date(2099, 6, 1),
    )
    output = StringIO()
    call_command("daily", stdout=output)
    due.refresh_from_db()
    later.refresh_from_db()
    assert (due.status, later.status) == (S.ACTIVE, S.FIXED)
    assert due.transitions.last().comment == "Наступила дата начала"
    assert "Начались пары: 1." in output.getvalue()


def test_the_clerk_sets_the_next_number_but_never_to_a_taken_one(world, client_as):
    from django.utils import timezone

    approve(world, [ready_pair(world)])  # № 1 of this year
    client = client_as("curator")
    response = client.post(reverse("records:order-journal"), {"next_number": "1", "suffix": "-ОД"})
    assert "уже занят" in response.content.decode()
    client.post(reverse("records:order-journal"), {"next_number": "45", "suffix": "-од"})
    journal = OrderJournal.objects.get()
    assert (journal.year, journal.next_number, journal.suffix) == (timezone.localdate().year, 45, "-од")
    assert approve(world, [ready_pair(world)]).number_text == "45-од"
    assert client_as("council").get(reverse("records:order-journal")).status_code == 403
