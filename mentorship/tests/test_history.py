from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from core.tests.files import tiny_pdf
from mentorship.models import Direction, Mentee, MenteeCategory, Mentor
from mentorship.services.bank import mentee_save, mentor_save, publication_consent_save, publication_consent_withdraw
from mentorship.tests.factories import PersonFactory, PublicationConsentFactory, UserFactory, position
from people.history import HIDDEN, person_history
from people.models import Person, QualificationCategory
from people.services import person_save


@pytest.fixture
def curator(world):
    return world.users["curator"]


@pytest.fixture
def person(world, curator):
    person = PersonFactory.build(
        organization=world.person("head").organization,
        last_name="Семёнова",
        first_name="Дарья",
        middle_name="Игоревна",
        personnel_number="006",
        position=position("Воспитатель"),
        hired_on=date(2026, 9, 1),
        teaching_since=date(2026, 9, 1),
        phone="",
    )
    person_save(person=person, actor=curator)
    return person


def changes_of(entry) -> dict:
    return {change.label: (change.old, change.new) for change in entry.changes}


def test_creation_lists_the_filled_fields_with_russian_labels(world, person):
    (entry,) = person_history(person, show_sensitive=True)
    assert entry.action == "Создание"
    assert entry.subject == "Карточка сотрудника"
    changes = changes_of(entry)
    assert changes["фамилия"] == ("—", "Семёнова")
    assert changes["отчество"] == ("—", "Игоревна")
    assert changes["табельный номер"] == ("—", "006")
    assert changes["должность"] == ("—", "Воспитатель")
    assert changes["организация"] == ("—", "МКДОУ «Детский сад «Ласточка»")
    assert changes["дата приёма"] == ("—", "01.09.2026")
    assert changes["педстаж исчисляется с"] == ("—", "01.09.2026")
    assert changes["статус"] == ("—", "Работает")
    assert changes["квалификационная категория"] == ("—", "Без категории")
    assert "телефон" not in changes
    assert "дата увольнения" not in changes
    assert "search_name" not in changes


def test_update_shows_old_and_new_display_values(world, person, curator):
    person.position = position("Старший воспитатель")
    person.qualification_category = QualificationCategory.FIRST
    person.category_assigned_on = date(2026, 10, 28)
    person.hired_on = date(2026, 8, 25)
    person_save(person=person, actor=curator)

    latest = person_history(person, show_sensitive=True)[0]
    assert latest.action == "Изменение"
    assert changes_of(latest) == {
        "должность": ("Воспитатель", "Старший воспитатель"),
        "квалификационная категория": ("Без категории", "Первая"),
        "категория присвоена": ("—", "28.10.2026"),
        "дата приёма": ("01.09.2026", "25.08.2026"),
    }


def test_leaving_shows_the_status_label_and_date(world, person, curator):
    person.status = Person.Status.LEFT
    person.left_on = date(2026, 11, 20)
    person_save(person=person, actor=curator)
    assert changes_of(person_history(person, show_sensitive=True)[0]) == {
        "статус": ("Работает", "Уволен(а)"),
        "дата увольнения": ("—", "20.11.2026"),
    }


def test_mentor_direction_changes_appear(world, person, curator):
    mentor = Mentor(person=person, consent_given_on=date(2026, 9, 1))
    mentor_save(mentor=mentor, directions=Direction.objects.filter(name="Режимные моменты"), actor=curator)
    mentor_save(mentor=mentor, directions=Direction.objects.filter(name__in=["Режимные моменты", "ИКТ"]), actor=curator)

    entries = [entry for entry in person_history(person, show_sensitive=True) if entry.subject == "Банк наставников"]
    direction_changes = [changes_of(entry)["направления"] for entry in entries if "направления" in changes_of(entry)]
    assert ("Режимные моменты", "ИКТ, Режимные моменты") in direction_changes
    assert all(entry.who == "Морозова И.И." for entry in entries)


def test_mentor_flags_and_files_read_as_words(world, person, curator, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    scan = SimpleUploadedFile("Семёнова согласие.pdf", tiny_pdf())
    mentor = Mentor(person=person, consent_given_on=date(2026, 9, 1), consent_scan=scan)
    mentor_save(mentor=mentor, directions=[], actor=curator)
    mentor.is_active = False
    mentor_save(mentor=mentor, directions=[], actor=curator)

    entries = [entry for entry in person_history(person, show_sensitive=True) if entry.subject == "Банк наставников"]
    assert changes_of(entries[0])["в банке наставников"] == ("да", "нет")
    created = changes_of(entries[-1])
    assert created["скан согласия на обработку персональных данных"] == ("—", "файл загружен")
    assert created["согласие на обработку персональных данных получено"] == ("—", "01.09.2026")


@pytest.fixture
def mentee(person, curator):
    mentee = Mentee(
        person=person,
        category=MenteeCategory.objects.get(name="Молодой специалист"),
        difficulties="Трудно удерживать внимание детей",
        request="Научиться планировать день",
        strengths="Творческий подход",
    )
    mentee_save(mentee=mentee, actor=curator)
    mentee.difficulties = "Не получается проводить утренний круг"
    mentee_save(mentee=mentee, actor=curator)
    return mentee


def _mentee_entries(person, *, show_sensitive):
    return [
        entry for entry in person_history(person, show_sensitive=show_sensitive) if entry.subject == "Банк наставляемых"
    ]


def test_mentee_difficulties_and_request_are_hidden_without_the_right(world, person, mentee):
    updated, created = _mentee_entries(person, show_sensitive=False)
    assert changes_of(created)["профессиональные затруднения"] == ("—", HIDDEN)
    assert changes_of(created)["запрос наставляемого"] == ("—", HIDDEN)
    assert changes_of(created)["сильные стороны"] == ("—", "Творческий подход")
    assert changes_of(created)["категория"] == ("—", "Молодой специалист")
    assert changes_of(updated) == {"профессиональные затруднения": (HIDDEN, HIDDEN)}

    texts = [
        text for entry in person_history(person, show_sensitive=False) for c in entry.changes for text in (c.old, c.new)
    ]
    assert not any("внимание детей" in text or "утренний круг" in text or "планировать" in text for text in texts)


def test_mentee_difficulties_and_request_are_shown_with_the_right(world, person, mentee):
    updated, created = _mentee_entries(person, show_sensitive=True)
    assert changes_of(created)["профессиональные затруднения"] == ("—", "Трудно удерживать внимание детей")
    assert changes_of(created)["запрос наставляемого"] == ("—", "Научиться планировать день")
    assert changes_of(updated) == {
        "профессиональные затруднения": ("Трудно удерживать внимание детей", "Не получается проводить утренний круг")
    }


def test_publication_consent_data_reads_as_labels(world, person, curator):
    consent = PublicationConsentFactory.build(person=person, data=["name", "photo"], given_on=date(2026, 9, 1))
    publication_consent_save(consent=consent, actor=curator)
    publication_consent_withdraw(consent=consent, withdrawn_on=date(2026, 11, 1), actor=curator)

    withdrawn, created = [
        e for e in person_history(person, show_sensitive=True) if e.subject == "Согласие на публикацию"
    ]
    assert changes_of(created)["какие данные можно публиковать"] == ("—", "ФИО, Фотография")
    assert changes_of(withdrawn) == {"отозвано": ("—", "01.11.2026")}


def test_entries_are_newest_first(world, person, curator):
    person.phone = "+7 900 000-00-01"
    person_save(person=person, actor=curator)
    mentee_save(
        mentee=Mentee(person=person, category=MenteeCategory.objects.get(name="Молодой специалист")), actor=curator
    )
    person.phone = "+7 900 000-00-02"
    person_save(person=person, actor=world.users["head"])

    entries = person_history(person, show_sensitive=True)
    assert [entry.when for entry in entries] == sorted((entry.when for entry in entries), reverse=True)
    assert [(entry.subject, entry.action) for entry in entries] == [
        ("Карточка сотрудника", "Изменение"),
        ("Банк наставляемых", "Создание"),
        ("Карточка сотрудника", "Изменение"),
        ("Карточка сотрудника", "Создание"),
    ]
    assert changes_of(entries[0]) == {"телефон": ("+7 900 000-00-01", "+7 900 000-00-02")}


def test_who_is_the_actors_short_name(world, person):
    person.phone = "+7 900 000-00-01"
    person_save(person=person, actor=world.users["head"])
    entries = person_history(person, show_sensitive=True)
    assert [entry.who for entry in entries] == ["Соколова Е.И.", "Морозова И.И."]


def test_who_is_the_login_for_an_actor_without_a_card_and_system_for_none(world, person):
    person.phone = "+7 900 000-00-01"
    person_save(person=person, actor=UserFactory(username="robot"))
    fresh = Person.objects.get(pk=person.pk)
    fresh.phone = "+7 900 000-00-02"
    fresh.save()  # outside a request and a service: no known user
    entries = person_history(person, show_sensitive=True)
    assert [entry.who for entry in entries[:2]] == ["система", "robot"]


def test_history_of_one_person_leaves_others_out(world, person):
    entries = person_history(person, show_sensitive=True)
    other_entries = person_history(world.other_person, show_sensitive=True)
    assert len(entries) == 1
    assert len(other_entries) == 1
    assert changes_of(other_entries[0])["фамилия"] == ("—", "Семёнова")
    assert changes_of(other_entries[0])["табельный номер"] != ("—", "006")
