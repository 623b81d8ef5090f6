"""Mediation (regulation 3.5): a side of a pair writes an appeal; the curator, the chair and the members
the chair names read it, never the other side unless the author agreed; the council hears it at a
meeting, the signed protocol records the decision on the appeal, and a decision to replace the mentor
or end the pair waits on the pair's page for the head's order, which names the appeal as its basis."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from conftest import ROLES, expect
from council.models import AgendaItem, Appeal, AppealOutcome
from council.selectors import appeals_for
from council.services import (
    appeal_members_assign,
    appeal_submit,
    appeal_withdraw,
    meeting_sign,
)
from mentorship.models import Pairing
from mentorship.order_bases import bases_for
from mentorship.services.pair_orders import pairing_replace_mentor, pairing_terminate
from mentorship.tests.factories import (
    MenteeFactory,
    MentorFactory,
    PersonFactory,
    UserFactory,
    mentee_consents,
    registered,
)
from records.services import order_register, order_void

from .conftest import held_meeting
from .test_protocols import text_of


@pytest.fixture
def appeal(world):
    return appeal_submit(
        pairing=world.pairing,
        text="Наставник переносит встречи, план отстаёт на месяц.",
        wish="Помочь договориться о времени встреч.",
        actor=world.users["mentee"],
    ).obj


def status(client, user, url) -> int:
    client.logout()
    if user is not None:
        client.force_login(user)
    return client.get(url).status_code


def heard(world, appeal, members, outcome, decided="Рекомендовать сторонам еженедельную встречу по средам"):
    meeting = held_meeting(world, members, day=timezone.localdate())
    AgendaItem.objects.create(
        meeting=meeting,
        position=2,
        kind=AgendaItem.Kind.APPEAL,
        title="Рассмотрение обращения",
        appeal=appeal,
        heard="Куратора о затруднении в паре",
        decided=decided,
        appeal_outcome=outcome,
        votes_for=len(members),
    )
    meeting_sign(meeting=meeting, actor=world.users["curator"])
    appeal.refresh_from_db()
    meeting.refresh_from_db()
    return meeting


# --- who reads it ---------------------------------------------------------------------------------

# The head is not among the readers (the head acts on the decision, read in the protocol); the
# mentor is the other side of the pair: 404, as for an appeal that does not exist.
DETAIL = expect({"curator", "council", "mentee"}, not_found={"mentor"})


@pytest.mark.parametrize("role", ROLES)
def test_appeal_page_for_every_role(client, world, appeal, role):
    assert status(client, world.users[role], appeal.get_absolute_url()) == DETAIL[role], role


@pytest.mark.parametrize("role", ROLES)
def test_appeal_list_for_every_role(client, world, appeal, role):
    expected = expect({"curator", "council", "mentor", "mentee"})[role]
    assert status(client, world.users[role], reverse("council:appeal-list")) == expected, role


def test_the_other_side_never_sees_an_appeal(client, world, appeal):
    mentor = world.users["mentor"]
    assert appeal not in appeals_for(mentor)
    client.force_login(mentor)
    assert appeal.text not in client.get(reverse("council:appeal-list")).content.decode()
    pair_page = client.get(world.pairing.get_absolute_url()).content.decode()
    assert appeal.get_absolute_url() not in pair_page
    assert "Обращение наставляемого" not in pair_page


def test_the_other_side_reads_it_when_the_author_agreed(client, world):
    shared = appeal_submit(
        pairing=world.pairing, text="Давайте обсудим план вместе", shared_with_pair=True, actor=world.users["mentee"]
    ).obj
    assert status(client, world.users["mentor"], shared.get_absolute_url()) == 200


def test_a_member_not_named_and_not_at_the_meeting_gets_404(client, world, member, chair, appeal):
    url = appeal.get_absolute_url()
    assert status(client, world.users["member"], url) == 404
    assert appeal not in appeals_for(world.users["member"])
    appeal_members_assign(appeal=appeal, members=[member], actor=world.users["council"])
    assert status(client, world.users["member"], url) == 200


def test_the_members_who_heard_it_read_it_and_the_absent_do_not(client, world, member, chair, appeal):
    heard(world, appeal, [chair, member], AppealOutcome.RECOMMENDATIONS)
    assert status(client, world.users["member"], appeal.get_absolute_url()) == 200
    AgendaItem.objects.get(appeal=appeal).meeting.attendees.set([chair])
    assert status(client, world.users["member"], appeal.get_absolute_url()) == 404


def test_a_participant_who_holds_an_office_still_reads_it_as_a_participant(client, world, member, chair):
    """The chair mentoring a pair does not read the mentee's appeal about it by the chair's office."""
    chair_person = world.users["council"].person
    mentee = MenteeFactory(person=PersonFactory(user=UserFactory(username="newcomer"), last_name="Лебедева"))
    pairing = Pairing.objects.create(
        mentor=MentorFactory(person=chair_person),
        direction=world.pairing.direction,
        starts_on=world.pairing.starts_on,
        planned_end_on=world.pairing.planned_end_on,
        status=Pairing.Status.ACTIVE,
    )
    pairing.mentees.set([mentee])
    appeal = appeal_submit(pairing=pairing, text="Трудно", actor=mentee.person.user).obj
    assert appeal not in appeals_for(world.users["council"])
    assert appeal in appeals_for(world.users["curator"])
    with pytest.raises(ValidationError):
        appeal_members_assign(
            appeal=appeal,
            members=[chair],
            actor=world.users["council"],
        )


def test_nobody_outside_the_pair_writes_about_it(world):
    with pytest.raises(PermissionDenied):
        appeal_submit(pairing=world.pairing, text="Чужая пара", actor=world.users["curator"])


# --- writing and withdrawing -------------------------------------------------------------------------


def test_the_mentee_writes_an_appeal_from_the_pair_page(client, world):
    client.force_login(world.users["mentee"])
    page = client.get(world.pairing.get_absolute_url()).content.decode()
    create = reverse("council:appeal-create", args=[world.pairing.pk])
    assert create in page
    response = client.post(create, {"text": "  Не успеваем встречаться  ", "wish": ""})
    appeal = Appeal.objects.get()
    assert response.status_code == 302 and response.url == appeal.get_absolute_url()
    assert (appeal.author, appeal.side, appeal.text) == (world.mentee.person, "mentee", "Не успеваем встречаться")
    assert not appeal.shared_with_pair


def test_an_empty_appeal_keeps_the_form_with_a_russian_error(client, world):
    client.force_login(world.users["mentee"])
    response = client.post(
        reverse("council:appeal-create", args=[world.pairing.pk]), {"text": "", "wish": "Хочу сменить время"}
    )
    assert response.status_code == 200
    assert "Обязательное поле" in response.content.decode()
    assert "Хочу сменить время" in response.content.decode()
    assert not Appeal.objects.exists()


def test_someone_elses_pair_is_404_for_writing(client, world):
    other = Pairing.objects.exclude(pk=world.pairing.pk).get()
    client.force_login(world.users["mentee"])
    assert client.get(reverse("council:appeal-create", args=[other.pk])).status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_appeal_create_for_every_role(client, world, role):
    # The curator, the head and the others are not sides of the pair; the side's mentor and mentee are.
    expected = expect({"mentor", "mentee"})[role]
    assert status(client, world.users[role], reverse("council:appeal-create", args=[world.pairing.pk])) == expected


def test_the_author_withdraws_after_a_confirmation(client, world, appeal):
    client.force_login(world.users["mentee"])
    url = reverse("council:appeal-withdraw", args=[appeal.pk])
    assert "Отозвать обращение" in client.get(url).content.decode()
    client.post(url, {"confirmed": "1"})
    appeal.refresh_from_db()
    assert appeal.status == Appeal.Status.WITHDRAWN


@pytest.mark.parametrize("role", ["curator", "council", "mentor", "head"])
def test_only_the_author_withdraws(client, world, appeal, role):
    client.force_login(world.users[role])
    response = client.post(reverse("council:appeal-withdraw", args=[appeal.pk]), {"confirmed": "1"})
    assert response.status_code in {403, 404}
    appeal.refresh_from_db()
    assert appeal.is_open
    with pytest.raises(PermissionDenied):
        appeal_withdraw(appeal=appeal, actor=world.users[role])


def test_the_chair_names_members_and_a_plain_member_cannot(client, world, member, chair, appeal):
    url = reverse("council:appeal-members", args=[appeal.pk])
    client.force_login(world.users["member"])
    assert client.get(url).status_code == 403
    client.force_login(world.users["council"])
    response = client.post(url, {"members": [member.pk]})
    assert response.status_code == 302
    assert list(appeal.members.all()) == [member]


# --- heard at a meeting -----------------------------------------------------------------------------


def test_signing_the_protocol_records_the_decision_on_the_appeal(world, member, chair, appeal):
    meeting = heard(world, appeal, [chair, member], AppealOutcome.PROGRAM_CHANGE, decided="Изменить план на декабрь")
    assert appeal.status == Appeal.Status.HEARD
    assert (appeal.meeting, appeal.outcome, appeal.decision) == (meeting, "program_change", "Изменить план на декабрь")
    assert appeal.order_action is None
    assert bases_for(world.pairing) == []


def test_a_withdrawn_appeal_on_the_agenda_stops_the_signing(world, member, chair, appeal):
    meeting = held_meeting(world, [chair, member])
    AgendaItem.objects.create(
        meeting=meeting,
        position=2,
        kind="appeal",
        title="Обращение",
        appeal=appeal,
        decided="Рекомендации",
        appeal_outcome="recommendations",
    )
    appeal_withdraw(appeal=appeal, actor=world.users["mentee"])
    with pytest.raises(ValidationError, match="отозвано автором"):
        meeting_sign(meeting=meeting, actor=world.users["curator"])


def test_an_appeal_item_without_an_outcome_stops_the_signing(world, member, chair, appeal):
    meeting = held_meeting(world, [chair, member])
    AgendaItem.objects.create(
        meeting=meeting, position=2, kind="appeal", title="Обращение", appeal=appeal, decided="Да"
    )
    with pytest.raises(ValidationError, match="Не выбрано решение по обращению"):
        meeting_sign(meeting=meeting, actor=world.users["curator"])


def test_the_agenda_offers_open_appeals(client, world, member, chair, appeal):
    meeting = held_meeting(world, [chair, member])
    client.force_login(world.users["council"])
    response = client.post(
        reverse("council:item-create", args=[meeting.pk]),
        {
            "kind": "appeal",
            "title": "Рассмотрение обращения",
            "appeal": appeal.pk,
            "appeal_outcome": "recommendations",
            "decided": "Рекомендации",
            "votes_for": 2,
            "votes_against": 0,
            "votes_abstained": 0,
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    assert meeting.items.get(kind="appeal").appeal == appeal


# --- a decision that needs an order --------------------------------------------------------------------


def test_a_decision_to_end_the_pair_waits_for_the_head_and_the_order_names_it(client, world, member, chair, appeal):
    meeting = heard(world, appeal, [chair, member], AppealOutcome.END_PAIR, decided="Предложить прекратить")
    [basis] = bases_for(world.pairing, "terminate")
    assert basis.key == f"appeal:{appeal.pk}"

    client.force_login(world.users["head"])
    page = client.get(world.pairing.get_absolute_url()).content.decode()
    assert "Ждёт приказа" in page and f"?basis=appeal%3A{appeal.pk}" in page
    home = client.get(reverse("dashboard:home")).content.decode()
    assert "Решения методического объединения ждут приказа" in home
    form = client.get(reverse("mentorship:pairing-terminate", args=[world.pairing.pk]) + f"?basis={basis.key}")
    assert form.context["form"].initial["reason"] == "Предложить прекратить"

    notice = date(2026, 11, 2)
    outcome = registered(
        pairing_terminate,
        pairing=world.pairing,
        initiator="employer",
        reason="Решение МО",
        notice_on=notice,
        ends_on=notice + timedelta(days=10),
        actor=world.users["head"],
        basis=basis.key,
    )
    appeal.refresh_from_db()
    assert appeal.order == outcome.obj
    assert f"протокол заседания МО от {meeting.date:%d.%m.%Y} № {meeting.number}" in outcome.obj.preamble
    assert "по обращению наставляемого" in outcome.obj.preamble
    assert bases_for(world.pairing) == []


def test_a_project_holds_the_decision_until_it_is_registered_or_withdrawn(client, world, member, chair, appeal):
    heard(world, appeal, [chair, member], AppealOutcome.REPLACE_MENTOR)
    key = f"appeal:{appeal.pk}"
    head = world.users["head"]

    def decide():
        return pairing_replace_mentor(
            pairing=world.pairing,
            new_mentor=MentorFactory(),
            grounds="incompatibility",
            initiator="employer",
            notice_on=world.pairing.starts_on - timedelta(days=7),
            consent_on=world.pairing.starts_on,
            mentee_consents=mentee_consents(world.pairing, world.pairing.starts_on),
            starts_on=world.pairing.starts_on,
            actor=head,
            basis=key,
        ).obj

    project = decide()
    appeal.refresh_from_db()
    assert appeal.order is None  # not carried out by a project
    client.force_login(head)
    form = client.get(reverse("mentorship:pairing-replace", args=[world.pairing.pk])).context["form"]
    assert "basis" not in form.fields  # held: no second order is offered it
    page = client.get(world.pairing.get_absolute_url()).content.decode()
    assert "Ждёт приказа" not in page and project.get_absolute_url() in page

    order_void(order=project, reason="Переоформим с другим наставником", actor=head)
    form = client.get(reverse("mentorship:pairing-replace", args=[world.pairing.pk])).context["form"]
    assert key in dict(form.fields["basis"].choices)  # free again

    order = order_register(order=decide(), actor=head)
    appeal.refresh_from_db()
    assert appeal.order == order
    assert bases_for(world.pairing) == []


def test_a_used_basis_is_refused(world, member, chair, appeal):
    heard(world, appeal, [chair, member], AppealOutcome.REPLACE_MENTOR)
    new_mentor = MentorFactory(person=PersonFactory(last_name="Кравцова", first_name="Ольга"))
    key = f"appeal:{appeal.pk}"
    registered(
        pairing_replace_mentor,
        pairing=world.pairing,
        new_mentor=new_mentor,
        grounds="incompatibility",
        initiator="employer",
        notice_on=world.pairing.starts_on - timedelta(days=7),
        consent_on=world.pairing.starts_on,
        mentee_consents=mentee_consents(world.pairing, world.pairing.starts_on),
        starts_on=world.pairing.starts_on,
        actor=world.users["head"],
        basis=key,
    )
    appeal.refresh_from_db()
    assert appeal.order is not None
    with pytest.raises(ValidationError, match="уже исполнено"):
        registered(
            pairing_terminate,
            pairing=world.pairing,
            initiator="employer",
            reason="Ещё раз",
            notice_on=date(2026, 11, 2),
            ends_on=date(2026, 11, 20),
            actor=world.users["head"],
            basis=key,
        )


def test_appeal_list_queries_do_not_grow_with_rows(client, world, django_assert_max_num_queries):
    for number in range(6):
        appeal_submit(pairing=world.pairing, text=f"Затруднение {number}", actor=world.users["mentee"])
    client.force_login(world.users["curator"])
    with django_assert_max_num_queries(9):
        response = client.get(reverse("council:appeal-list"))
    assert response.content.decode().count("Затруднение") == 6


def test_an_appeal_is_not_heard_before_it_was_written(world, member, chair, appeal):
    meeting = held_meeting(world, [chair, member], day=timezone.localdate() - timedelta(days=3))
    AgendaItem.objects.create(
        meeting=meeting,
        position=2,
        kind="appeal",
        title="Обращение",
        appeal=appeal,
        decided="Да",
        appeal_outcome="recommendations",
    )
    with pytest.raises(ValidationError, match="подано после заседания"):
        meeting_sign(meeting=meeting, actor=world.users["curator"])


def test_the_protocol_prints_the_appeal_and_the_decision_on_it_without_names(world, member, chair, appeal):
    meeting = heard(world, appeal, [chair, member], AppealOutcome.RECOMMENDATIONS)
    with meeting.pdf.open("rb") as stored:
        text = " ".join(text_of(stored.read()).split())
    assert f"(обращение наставляемого от {timezone.localdate():%d.%m.%Y})" in text
    assert "Решение по обращению: рекомендации сторонам." in text
    assert appeal.text not in text  # the appeal itself stays with its readers
