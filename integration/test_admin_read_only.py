"""The Django admin grants nothing the application did not: a superuser reads the records the system
writes (roles, the bank, pairs, consents, orders, the roadmap, people's cards) but cannot add, change,
delete or revert them, set anybody's password or make anybody a superuser; he links a login to an
employee only once, to a working employee without one, never a superuser's login or his own; what
he may change (logins, whose they are, reference lists) is in the admin's log with his name.
Checked over every model our apps register."""

from datetime import date

import pytest
from django.contrib import admin
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.contrib.auth.models import Group
from django.db.models.fields.files import FieldFile
from django.forms.models import model_to_dict
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from core.admin import ReadOnlyHistoryAdmin
from mentorship.models import (
    BankRefresh,
    CooperationAgreement,
    CouncilMembership,
    CuratorAppointment,
    Direction,
    Mentee,
    MenteeCategory,
    MentoringAgreement,
    MentoringForm,
    PairingConsent,
    PairingTransition,
)
from mentorship.tests.factories import (
    MentorFactory,
    PartnerFactory,
    PersonFactory,
    PublicationConsentFactory,
    UserFactory,
)
from people.models import ExportLog, ImportBatch, Organization, Person, Position
from people.roles import Role, roles_of
from records.models import Order, OrderJournal
from roadmap.models import Activity, RoadmapTransition
from roadmap.services import roadmap_create

OURS = {"accounts", "people", "records", "mentorship", "programs", "roadmap", "admin"}
# What the administrator may still write in the admin: logins (created, switched off) and the
# reference lists, which grant no role and hold nobody's personal data.
EDITABLE = {User, Position, Direction, MenteeCategory, MentoringForm}
PROTECTED = [
    (model, model_admin)
    for model, model_admin in admin.site._registry.items()
    if model._meta.app_label in OURS and model not in EDITABLE
]
IDS = [model._meta.label for model, _ in PROTECTED]


def url(model, view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.fixture
def one_of_each(world):
    """A row of every registered model the fixture `world` has none of. Written directly: these
    tests need rows to attempt edits on, not the workflow that makes them."""
    admin_user, curator = world.users["admin"], world.users["curator"]
    own = Organization.objects.get(kind=Organization.Kind.OWN)
    today = timezone.localdate()
    roadmap = roadmap_create(
        start_year=today.year if today.month >= 9 else today.year - 1, basis="typical", actor=curator
    ).obj
    RoadmapTransition.objects.create(roadmap=roadmap, source="", target=roadmap.status, actor=curator)
    order = Order.objects.create(
        organization=own,
        kind="pairs",
        date=today,
        heading="О закреплении наставников",
        preamble="В соответствии с Положением",
        signer_position="Заведующий",
        signer_name="Е.В. Соколова",
        created_by=curator,
    )
    OrderJournal.objects.create(organization=own, year=today.year)
    MentoringAgreement.objects.create(
        pairing=world.pairing,
        mentor=world.mentor,
        order=order,
        date=today,
        starts_on=today,
        ends_on=today,
        pay_rule=Organization.PayRule.NONE,
        mentees_count=1,
        employer=own.full_name,
        employee="Петрова Светлана",
        parties="Стороны",
        employer_signer_position="Заведующий",
        employer_signer_name="Е.В. Соколова",
        employee_signer_name="С. Петрова",
        created_by=curator,
    )
    PairingTransition.objects.create(pairing=world.pairing, source="", target=world.pairing.status, actor=curator)
    PairingConsent.objects.create(pairing=world.pairing, person=world.person("mentor"), given_on=today)
    PublicationConsentFactory(person=world.person("mentor"))
    CooperationAgreement.objects.create(partner=PartnerFactory(), number="7", signed_on=today, created_by=curator)
    BankRefresh.objects.create(organization=own, done_by=curator)
    ExportLog.objects.create(exported_by=curator, what="Банк наставников", rows=2)
    ImportBatch.objects.create(organization=own, created_by=curator, file_name="staff.xlsx", content=b"")
    LogEntry.objects.create(user=admin_user, content_type_id=1, object_id="1", object_repr="проба", action_flag=CHANGE)
    assert Activity.objects.exists()
    return world


def snapshot(obj) -> dict:
    obj.refresh_from_db()
    return {name: value.name if isinstance(value, FieldFile) else value for name, value in model_to_dict(obj).items()}


def as_post(obj) -> dict:
    """The row's own values as a form would post them, with a text changed where there is one."""
    data = {}
    for name, value in model_to_dict(obj).items():
        if value is None or isinstance(value, FieldFile):
            continue
        if isinstance(value, list):
            data[name] = [getattr(item, "pk", item) for item in value]
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        else:
            data[name] = str(value)
    text = next((f.name for f in obj._meta.fields if f.get_internal_type() in ("CharField", "TextField")), None)
    if text and not obj._meta.get_field(text).choices:
        data[text] = "Изменено в админке"
    return data


def test_every_model_of_ours_is_either_read_only_or_a_known_editable_one(rf: RequestFactory, world):
    request = rf.get("/admin/")
    request.user = world.users["admin"]
    writable = {
        model
        for model, model_admin in admin.site._registry.items()
        if model._meta.app_label in OURS
        and (
            model_admin.has_add_permission(request)
            or model_admin.has_change_permission(request)
            or model_admin.has_delete_permission(request)
        )
    }
    assert writable == EDITABLE
    assert not any(
        model_admin.has_delete_permission(request)
        for model_admin in admin.site._registry.values()
        if model_admin.model in EDITABLE
    )


@pytest.mark.parametrize(("model", "model_admin"), PROTECTED, ids=IDS)
def test_a_superuser_cannot_add_change_delete_or_revert_a_record_the_system_writes(
    one_of_each, client_as, model, model_admin
):
    client = client_as("admin")
    obj = model._default_manager.order_by("pk").first()
    before, count = snapshot(obj), model._default_manager.count()

    assert client.get(url(model, "changelist")).status_code == 200
    assert client.get(url(model, "add")).status_code == 403
    assert client.post(url(model, "add"), as_post(obj)).status_code == 403
    page = client.get(url(model, "change", obj.pk))
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    assert client.post(url(model, "change", obj.pk), as_post(obj)).status_code == 403
    assert client.post(url(model, "delete", obj.pk), {"post": "yes"}).status_code == 403
    if isinstance(model_admin, ReadOnlyHistoryAdmin):
        version = obj.history.order_by("history_id").first()
        response = client.post(url(model, "simple_history", obj.pk, version.history_id), as_post(obj))
        if model is Mentee:  # sent to the bank's history page, which hides the difficulties
            assert response["Location"] == reverse("people:person-history", args=[obj.person_id])
        else:
            assert response.status_code == 403

    assert model._default_manager.count() == count
    assert snapshot(obj) == before


def test_the_administrator_cannot_give_himself_a_role(world, client_as):
    client = client_as("admin")
    me = world.users["admin"]
    my_card = world.person("admin")
    own = Organization.objects.get(kind=Organization.Kind.OWN)
    head_card = own.head
    council = CouncilMembership.objects.get()
    assert roles_of(me) == {Role.ADMIN}
    today = date.today().isoformat()

    attempts = [
        ("get", url(CouncilMembership, "add"), {}),
        ("post", url(CouncilMembership, "add"), {"person": my_card.pk, "status": "member", "joined_on": today}),
        ("post", url(CouncilMembership, "change", council.pk), {**as_post(council), "person": my_card.pk}),
        ("get", url(CuratorAppointment, "add"), {}),
        (
            "post",
            url(CuratorAppointment, "add"),
            {"organization": own.pk, "person": my_card.pk, "appointed_on": today},
        ),
        ("post", url(Organization, "change", own.pk), {**as_post(own), "head": my_card.pk}),
        ("post", url(Person, "change", head_card.pk), {**as_post(head_card), "user": me.pk}),
        ("post", url(Person, "change", my_card.pk), {**as_post(my_card), "user": world.users["head"].pk}),
        ("post", url(Person, "add"), {"last_name": "Кузнецов"}),
    ]
    for model in ("mentor", "mentee"):
        attempts.append(("post", reverse(f"admin:mentorship_{model}_add"), {"person": my_card.pk}))
    for version in council.history.all():
        attempts.append(
            (
                "post",
                url(CouncilMembership, "simple_history", council.pk, version.history_id),
                {**as_post(council), "person": my_card.pk},
            )
        )
    for method, address, data in attempts:
        assert getattr(client, method)(address, data).status_code == 403, address

    assert roles_of(User.objects.get(pk=me.pk)) == {Role.ADMIN}
    own.refresh_from_db()
    assert own.head == head_card
    assert Person.objects.get(pk=head_card.pk).user == world.users["head"]
    assert CouncilMembership.objects.get().person == world.person("council")
    assert not CuratorAppointment.objects.filter(person=my_card).exists()


def test_a_superuser_sets_nobodys_password_and_makes_nobody_a_superuser(world, client_as):
    client = client_as("admin")
    head = world.users["head"]
    head.set_password("пароль-руководителя")
    head.save()
    group = Group.objects.create(name="Все права")

    password_url = reverse("admin:auth_user_password_change", args=[head.pk])
    assert client.get(password_url).status_code == 403
    new_password = {"password1": "Новый-пароль-2026", "password2": "Новый-пароль-2026", "usable_password": "true"}
    assert client.post(password_url, new_password).status_code == 403
    own_password_url = reverse("admin:auth_user_password_change", args=[world.users["admin"].pk])
    assert client.get(own_password_url).status_code == 403

    form = client.get(url(User, "change", head.pk)).content.decode()
    assert 'name="is_active"' in form
    assert not any(f'name="{name}"' in form for name in ("is_superuser", "is_staff", "groups", "password"))
    response = client.post(
        url(User, "change", head.pk),
        {
            "username": "glava",
            "is_superuser": "on",
            "is_staff": "on",
            "groups": [group.pk],
            "user_permissions": [1],
            "password": "md5$$plain",
        },
    )
    assert response.status_code == 302
    head.refresh_from_db()
    assert head.check_password("пароль-руководителя")
    assert (head.username, head.is_superuser, head.is_staff, head.is_active) == ("head", False, False, False)
    assert not head.groups.exists() and not head.user_permissions.exists()
    assert LogEntry.objects.filter(user=world.users["admin"], action_flag=CHANGE, object_id=str(head.pk)).exists()
    assert client.post(url(User, "delete", head.pk), {"post": "yes"}).status_code == 403
    assert Group not in admin.site._registry


def test_a_superuser_creates_a_login_that_holds_no_role(world, client_as):
    client = client_as("admin")
    response = client.post(
        url(User, "add"),
        {
            "username": "novaya",
            "usable_password": "true",
            "password1": "Новый-пароль-2026",
            "password2": "Новый-пароль-2026",
            "is_superuser": "on",
            "is_staff": "on",
        },
    )
    assert response.status_code == 302
    created = User.objects.get(username="novaya")
    assert created.check_password("Новый-пароль-2026")
    assert (created.is_superuser, created.is_staff, created.is_active) == (False, False, True)
    assert roles_of(created) == frozenset()
    assert LogEntry.objects.filter(user=world.users["admin"], action_flag=ADDITION, object_id=str(created.pk)).exists()


@pytest.mark.parametrize("model", sorted(EDITABLE - {User}, key=lambda model: model._meta.label))
def test_every_change_in_the_admin_is_in_its_log_with_who_made_it(world, client_as, model):
    client = client_as("admin")
    response = client.post(url(model, "add"), {"name": "Новая запись справочника", "sort_order": 5, "is_active": "on"})
    assert response.status_code == 302
    item = model.objects.get(name="Новая запись справочника")
    response = client.post(url(model, "change", item.pk), {**as_post(item), "name": "Переименованная запись"})
    assert response.status_code == 302

    log = LogEntry.objects.filter(object_id=str(item.pk), content_type__model=model._meta.model_name)
    assert [(entry.action_flag, entry.user) for entry in log.order_by("pk")] == [
        (ADDITION, world.users["admin"]),
        (CHANGE, world.users["admin"]),
    ]
    journal = client.get(url(LogEntry, "changelist"))
    assert "Переименованная запись" in journal.content.decode()
    entry = log.last()
    assert client.post(url(LogEntry, "delete", entry.pk), {"post": "yes"}).status_code == 403
    assert client.post(url(model, "delete", item.pk), {"post": "yes"}).status_code == 403


def test_the_mentees_page_in_the_admin_and_its_past_versions_hide_the_difficulties(world, client_as):
    client = client_as("admin")
    mentee = world.mentee
    page = client.get(url(type(mentee), "change", mentee.pk))
    assert page.status_code == 200
    assert mentee.difficulties not in page.content.decode() and mentee.request not in page.content.decode()
    version = mentee.history.first()
    response = client.get(url(type(mentee), "simple_history", mentee.pk, version.history_id))
    assert response.status_code == 302
    assert response["Location"] == reverse("people:person-history", args=[mentee.person_id])


def test_the_administrator_gives_a_new_login_to_an_employee_and_her_roles_follow(world, client_as):
    client = client_as("admin")
    newcomer = MentorFactory(person=PersonFactory(last_name="Лебедева", first_name="Ксения")).person
    dismissed = PersonFactory(last_name="Уволенная", status=Person.Status.LEFT, left_on=date(2025, 1, 31))
    page = client.get(url(User, "add")).content.decode()
    assert f'<option value="{newcomer.pk}">Лебедева Ксения' in page
    assert f'value="{dismissed.pk}"' not in page and f'value="{world.person("curator").pk}"' not in page

    response = client.post(
        url(User, "add"),
        {
            "username": "lebedeva",
            "usable_password": "true",
            "password1": "Новый-пароль-2026",
            "password2": "Новый-пароль-2026",
            "person": newcomer.pk,
        },
    )
    assert response.status_code == 302
    login = User.objects.get(username="lebedeva")
    newcomer.refresh_from_db()
    assert newcomer.user == login
    assert newcomer.history.first().history_user == world.users["admin"]
    linked = LogEntry.objects.get(content_type__model="person", object_id=str(newcomer.pk))
    assert (linked.user, linked.action_flag) == (world.users["admin"], CHANGE)
    assert "lebedeva" in linked.get_change_message()
    assert roles_of(login) == {Role.MENTOR}
    client.force_login(login)
    # The first password was typed by the administrator: the user replaces it before anything else.
    assert client.get(reverse("mentorship:pairing-list")).url == reverse("accounts:password-change")
    User.objects.filter(pk=login.pk).update(must_change_password=False)
    assert client.get(reverse("mentorship:pairing-list")).status_code == 200
    assert roles_of(User.objects.get(pk=world.users["admin"].pk)) == {Role.ADMIN}


def test_the_administrator_links_an_existing_login_without_an_employee(world, client_as):
    client = client_as("admin")
    login = UserFactory(username="bez-sotrudnika")
    newcomer = PersonFactory(last_name="Орлова", first_name="Нина")
    assert 'name="person"' in client.get(url(User, "change", login.pk)).content.decode()

    response = client.post(url(User, "change", login.pk), {"username": "x", "is_active": "on", "person": newcomer.pk})
    assert response.status_code == 302
    assert Person.objects.get(pk=newcomer.pk).user == login
    page = client.get(url(User, "change", login.pk)).content.decode()
    assert 'name="person"' not in page and "Орлова Нина" in page


def _another_superuser(world):
    return UserFactory(username="it2", is_superuser=True, is_staff=True)


def _himself(world):
    me = world.users["admin"]
    Person.objects.filter(user=me).update(user=None)
    return me


REFUSALS = [
    ("an employee who already has a login", "add", lambda w: w.person("curator"), None, "уже есть учётная запись"),
    (
        "a dismissed employee",
        "add",
        lambda w: PersonFactory(status=Person.Status.LEFT, left_on=date(2025, 1, 31)),
        None,
        "уволен",
    ),
    ("a superuser's login", "change", None, _another_superuser, "учётная запись системного администратора"),
    ("his own login", "change", None, _himself, "Свою учётную запись"),
    ("a login already linked", "change", None, lambda w: w.users["mentor"], "уже принадлежит сотруднику"),
    ("a login linked to the head", "change", None, lambda w: w.users["head"], "уже принадлежит сотруднику"),
]


@pytest.mark.parametrize(
    ("view", "employee", "login", "reason"), [case[1:] for case in REFUSALS], ids=[case[0] for case in REFUSALS]
)
def test_a_link_the_rule_refuses_is_explained_and_nothing_is_saved(world, client_as, view, employee, login, reason):
    client = client_as("admin")
    person = employee(world) if employee else PersonFactory(last_name="Лебедева", first_name="Ксения")
    before = person.user_id
    if view == "add":
        address = url(User, "add")
        data = {"username": "novaya", "usable_password": "false", "person": person.pk}
    else:
        user = login(world)
        address = url(User, "change", user.pk)
        data = {"username": user.username, "person": person.pk}  # «is_active» unticked: nothing may be saved
        owner_before = Person.objects.filter(user=user).first()
    logged, users = LogEntry.objects.count(), User.objects.count()

    response = client.post(address, data)

    assert response.status_code == 200
    assert reason in response.content.decode()
    assert Person.objects.get(pk=person.pk).user_id == before
    assert (LogEntry.objects.count(), User.objects.count()) == (logged, users)
    if view == "change":
        user.refresh_from_db()
        assert user.is_active
        assert Person.objects.filter(user=user).first() == owner_before
    assert roles_of(User.objects.get(pk=world.users["admin"].pk)) == {Role.ADMIN}


@pytest.mark.parametrize("posted", ["абв", "999999", "99999999999999999999999", "1 OR 1=1"])
def test_a_posted_employee_that_is_not_one_is_refused(world, client_as, posted):
    response = client_as("admin").post(
        url(User, "add"), {"username": "novaya", "usable_password": "false", "person": posted}
    )
    assert response.status_code == 200 and "Выберите корректный вариант" in response.content.decode()
    assert not User.objects.filter(username="novaya").exists()


def test_the_login_pages_show_whose_login_it_is_or_why_there_is_no_choice(world, client_as):
    client = client_as("admin")
    page = client.get(url(User, "change", world.users["head"].pk)).content.decode()
    assert "Соколова Елена" in page and 'name="person"' not in page
    other_admin = UserFactory(username="it2", is_superuser=True, is_staff=True)
    page = client.get(url(User, "change", other_admin.pk)).content.decode()
    assert "Не привязывается: учётная запись системного администратора." in page and 'name="person"' not in page
