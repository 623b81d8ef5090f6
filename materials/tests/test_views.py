"""Every page of the methodological library for every role, and what the pages do. The council and
the curator publish; the head reads everything; a mentor and a mentee read the published materials of
their audience (another audience's or a withdrawn material is a 404); the system administrator and
an employee without a role in mentoring read none (403)."""

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from conftest import ROLES, expect, saved_as
from materials.models import Material
from mentorship.models import Direction, MentoringForm

from .conftest import DOCUMENTS, PEER, docx_bytes, pdf_upload

PUBLISHERS = {"council", "curator"}
OVERSEERS = PUBLISHERS | {"head"}
READERS = OVERSEERS | {"mentor", "mentee"}


def scoped(ok):
    """A material of the library: its readers `ok`, the other readers 404, the rest 403."""
    return expect(ok, not_found=READERS - set(ok))


GET_PAGES = [
    ("list", lambda lib: reverse("materials:list"), expect(READERS)),
    ("detail-for-mentors", lambda lib: lib.memo.get_absolute_url(), scoped(OVERSEERS | {"mentor"})),
    ("detail-for-mentees", lambda lib: lib.checklist.get_absolute_url(), scoped(OVERSEERS | {"mentee"})),
    ("detail-for-all", lambda lib: lib.program.get_absolute_url(), scoped(READERS)),
    ("detail-withdrawn", lambda lib: lib.withdrawn.get_absolute_url(), scoped(OVERSEERS)),
    ("file-for-mentors", lambda lib: reverse("materials:file", args=[lib.memo.pk]), scoped(OVERSEERS | {"mentor"})),
    ("file-for-all", lambda lib: reverse("materials:file", args=[lib.program.pk]), scoped(READERS)),
    # A link has no file to send.
    ("file-of-a-link", lambda lib: reverse("materials:file", args=[lib.checklist.pk]), scoped(set())),
    # Its making (who published, corrected, withdrew): those who keep the library and the head.
    ("history", lambda lib: reverse("materials:history", args=[lib.memo.pk]), expect(OVERSEERS)),
    ("history-withdrawn", lambda lib: reverse("materials:history", args=[lib.withdrawn.pk]), expect(OVERSEERS)),
    ("create", lambda lib: reverse("materials:create"), expect(PUBLISHERS)),
    ("update", lambda lib: reverse("materials:update", args=[lib.memo.pk]), expect(PUBLISHERS)),
    # A withdrawn material is kept as it was withdrawn.
    (
        "update-withdrawn",
        lambda lib: reverse("materials:update", args=[lib.withdrawn.pk]),
        expect(set(), not_found=PUBLISHERS),
    ),
    ("withdraw-asks", lambda lib: reverse("materials:withdraw", args=[lib.memo.pk]), expect(PUBLISHERS)),
    (
        "withdraw-withdrawn",
        lambda lib: reverse("materials:withdraw", args=[lib.withdrawn.pk]),
        expect(set(), not_found=PUBLISHERS),
    ),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page,url,statuses", GET_PAGES, ids=[page[0] for page in GET_PAGES])
def test_every_page_for_every_role(page, url, statuses, role, library, client_as):
    response = client_as(role).get(url(library))
    assert response.status_code == statuses[role], (page, role)
    if statuses[role] == 302:
        assert response["Location"].startswith(reverse(settings.LOGIN_URL))


@pytest.mark.parametrize("role", ROLES)
def test_withdrawing_for_every_role(role, library, client_as):
    url = reverse("materials:withdraw", args=[library.memo.pk])
    response = client_as(role).post(url, {"confirmed": "1"})
    assert response.status_code == expect(PUBLISHERS, ok_status=302)[role]
    library.memo.refresh_from_db()
    assert library.memo.is_withdrawn == (role in PUBLISHERS)


@pytest.mark.parametrize("role", ROLES)
def test_publishing_for_every_role(role, library, client_as):
    response = client_as(role).post(
        reverse("materials:create"),
        {"title": "Памятка наставнику", "kind": "memo", "audience": "mentors", "link": "https://example.org/m"},
    )
    assert response.status_code == expect(PUBLISHERS, ok_status=302)[role]
    assert Material.objects.filter(title="Памятка наставнику").exists() == (role in PUBLISHERS)


def test_each_reader_lists_the_materials_of_their_audience(library, client_as):
    def listed(role):
        response = client_as(role).get(reverse("materials:list"))
        return {material.title for material in response.context["materials"]}

    everyone = {library.memo.title, library.checklist.title, library.program.title, library.withdrawn.title}
    assert listed("head") == listed("council") == listed("curator") == everyone
    assert listed("mentor") == {library.memo.title, library.program.title}
    assert listed("mentee") == {library.checklist.title, library.program.title}


def test_the_council_publishes_a_file_with_directions_and_forms(world, client_as):
    direction = Direction.objects.get(name=DOCUMENTS)
    form = MentoringForm.objects.get(name=PEER)
    response = client_as("council").post(
        reverse("materials:create"),
        {
            "title": "Конспект занятия «Осенний лес»",
            "kind": "lesson_notes",
            "audience": "mentees",
            "description": "Образец конспекта для молодого воспитателя.",
            "directions": [direction.pk],
            "forms": [form.pk],
            "file": SimpleUploadedFile("конспект.docx", docx_bytes()),
        },
    )
    material = Material.objects.get(title="Конспект занятия «Осенний лес»")
    assert response.status_code == 302 and response["Location"] == material.get_absolute_url()
    assert material.published_by == world.users["council"] and material.published_at is not None
    assert list(material.directions.all()) == [direction] and list(material.forms.all()) == [form]
    assert material.file.name.startswith("materials/") and material.file.name.endswith(".docx")
    assert material.history.first().history_user == world.users["council"]


@pytest.mark.parametrize(
    "upload,error",
    [
        (SimpleUploadedFile("конспект.exe", b"MZ..."), "такой файл не принимается"),
        (SimpleUploadedFile("конспект.docx", b"<html>not a document</html>"), "содержимое не соответствует"),
        (SimpleUploadedFile("конспект.docx", docx_bytes(macros=True)), "содержит макросы"),
        (SimpleUploadedFile("конспект.pdf", b""), "пуст"),
    ],
    ids=["exe", "renamed", "macros", "empty"],
)
def test_a_refused_upload_keeps_what_was_typed(upload, error, world, client_as):
    response = client_as("council").post(
        reverse("materials:create"),
        {
            "title": "Памятка по режиму дня",
            "kind": "memo",
            "audience": "all",
            "description": "Для новичков",
            "file": upload,
        },
    )
    assert response.status_code == 200
    assert error in str(response.context["form"].errors["file"])
    assert "Приложите файл" not in str(response.context["form"].errors)  # the refusal is said once
    assert "Материал не сохранён" in response.content.decode()
    assert response.context["form"]["title"].value() == "Памятка по режиму дня"
    assert 'value="Памятка по режиму дня"' in response.content.decode()
    assert not Material.objects.exists()


def test_a_file_above_the_limit_is_refused(settings, world, client_as):
    settings.MATERIAL_MAX_MB = 1
    big = SimpleUploadedFile("программа.pdf", pdf_upload().read() + b"\n" * (1024 * 1024))
    response = client_as("curator").post(
        reverse("materials:create"),
        {"title": "Типовая программа", "kind": "typical_program", "audience": "all", "file": big},
    )
    assert response.status_code == 200
    assert "слишком большой" in str(response.context["form"].errors["file"])
    assert "не больше 1,0\xa0МБ" in str(response.context["form"].errors["file"])
    assert not Material.objects.exists()


@pytest.mark.parametrize(
    "link,error",
    [
        ("javascript:alert(1)", "http:// или https://"),
        ("ftp://example.org/file.pdf", "http:// или https://"),
        ("не адрес", "http:// или https://"),
    ],
)
def test_only_a_web_link_is_taken(link, error, world, client_as):
    response = client_as("council").post(
        reverse("materials:create"), {"title": "Вебинар", "kind": "other", "audience": "all", "link": link}
    )
    assert response.status_code == 200
    assert error in str(response.context["form"].errors["link"])
    assert not Material.objects.exists()


def test_a_file_or_a_link_but_not_both_nor_none(world, client_as):
    client = client_as("council")
    data = {"title": "Вебинар", "kind": "other", "audience": "all"}
    response = client.post(reverse("materials:create"), data)
    assert "Приложите файл или укажите ссылку" in str(response.context["form"].errors["file"])
    response = client.post(reverse("materials:create"), {**data, "link": "https://example.org/w", "file": pdf_upload()})
    assert "что-то одно" in str(response.context["form"].errors["link"])
    assert not Material.objects.exists()


def test_a_link_typed_in_place_of_the_file_replaces_it(library, client_as):
    response = client_as("council").post(
        reverse("materials:update", args=[library.memo.pk]),
        {"title": library.memo.title, "kind": "memo", "audience": "mentors", "link": "https://example.org/journal"},
    )
    assert response.status_code == 302
    library.memo.refresh_from_db()
    assert library.memo.link == "https://example.org/journal" and not library.memo.file


def test_withdrawing_asks_first_and_keeps_the_material(library, client_as, world):
    client = client_as("council")
    url = reverse("materials:withdraw", args=[library.memo.pk])
    page = client.get(url).content.decode()
    assert "Наставники больше не увидят этот материал" in page and "Снять с публикации" in page
    client.post(url)  # the button elsewhere posts without the confirmation: the page asks again
    library.memo.refresh_from_db()
    assert not library.memo.is_withdrawn
    response = client.post(url, {"confirmed": "1"})
    assert response.status_code == 302
    library.memo.refresh_from_db()
    assert library.memo.is_withdrawn and library.memo.withdrawn_by == world.users["council"]
    assert library.memo.file  # kept
    assert client_as("mentor").get(library.memo.get_absolute_url()).status_code == 404
    assert "Снят с публикации" in client_as("head").get(library.memo.get_absolute_url()).content.decode()


def test_the_file_goes_out_under_the_title(library, client_as):
    response = client_as("mentor").get(reverse("materials:file", args=[library.memo.pk]))
    assert response.status_code == 200
    assert saved_as(response) == "Как вести журнал наставничества.pdf"
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    response = client_as("mentee").get(reverse("materials:file", args=[library.program.pk]))
    assert saved_as(response) == "Типовая программа наставничества.docx"


def test_the_download_name_keeps_the_titles_quotes_and_turns_its_colon_into_a_dash(library, client_as):
    # The title as typed (core.files.download_name): «» stay, a colon, forbidden in a file name, is a dash.
    library.memo.title = "Памятка: журнал «Наставник»"
    library.memo.save()
    response = client_as("mentor").get(reverse("materials:file", args=[library.memo.pk]))
    assert saved_as(response) == "Памятка — журнал «Наставник».pdf"


def test_the_detail_page_says_who_published_it_and_when(library, client_as):
    page = client_as("mentor").get(library.memo.get_absolute_url()).content.decode()
    assert "Волкова Наталья" in page
    assert f"{timezone.localtime(library.memo.published_at):%d.%m.%Y}" in page  # the local day, not UTC's
    assert "Исправить" not in page and "Скачать файл" in page


@pytest.mark.parametrize(
    "query,expected",
    [
        ({"q": "ЖУРНАЛ"}, {"Как вести журнал наставничества"}),
        ({"q": "журнал планирования"}, set()),
        ({"q": "встречи после"}, {"Как вести журнал наставничества"}),
        ({"kind": "typical_program"}, {"Типовая программа наставничества"}),
        ({"audience": "mentors"}, {"Как вести журнал наставничества"}),
    ],
)
def test_the_list_filters(query, expected, library, client_as):
    response = client_as("curator").get(reverse("materials:list"), query)
    assert {material.title for material in response.context["materials"]} == expected


def test_a_material_for_any_direction_is_found_under_each(library, client_as):
    direction = Direction.objects.get(name=DOCUMENTS)
    response = client_as("mentor").get(reverse("materials:list"), {"direction": direction.pk})
    # The memo is marked for it; the typical program for no direction, so for any.
    assert [material.title for material in response.context["materials"]] == [
        "Типовая программа наставничества",
        "Как вести журнал наставничества",
    ]
    form = MentoringForm.objects.get(name="Реверсивное")
    response = client_as("mentor").get(reverse("materials:list"), {"form": form.pk})
    assert [material.title for material in response.context["materials"]] == ["Типовая программа наставничества"]


def test_the_list_costs_the_same_for_more_rows(library, client_as, world, django_assert_num_queries):
    from .conftest import publish

    client = client_as("mentor")
    client.get(reverse("materials:list"))  # the session and the menu's first look
    with django_assert_num_queries(9):
        client.get(reverse("materials:list"))
    for number in range(5):
        publish(
            world.users["council"],
            title=f"Памятка № {number}",
            kind="memo",
            audience="all",
            link=f"https://example.org/{number}",
            directions=[DOCUMENTS],
            forms=[PEER],
        )
    with django_assert_num_queries(9):
        response = client.get(reverse("materials:list"))
    assert len(response.context["materials"]) == 7


def test_the_menu_offers_the_library_to_its_readers(library, client_as):
    for role in ("head", "council", "mentor", "mentee"):
        assert "Методические материалы" in client_as(role).get(reverse("materials:list")).content.decode()
    home = client_as("admin").get("/").content.decode()
    assert reverse("materials:list") not in home


def test_the_service_keeps_a_file_or_a_link(world):
    from django.core.exceptions import ValidationError

    from materials.services import material_save

    with pytest.raises(ValidationError, match="что-то одно"):
        material_save(
            material=Material(title="Пустой", kind="memo", audience="all"), directions=[], forms=[], actor=None
        )


def test_the_home_page_shows_new_materials_of_the_readers_audience(library, client_as):
    from datetime import timedelta

    from django.utils import timezone

    Material.objects.filter(pk=library.program.pk).update(published_at=timezone.now() - timedelta(days=45))
    mentor_home = client_as("mentor").get("/").content.decode()
    assert "Новые методические материалы" in mentor_home
    assert library.memo.title in mentor_home
    assert library.checklist.title not in mentor_home  # for mentees
    assert library.program.title not in mentor_home  # no longer new
    mentee_home = client_as("mentee").get("/").content.decode()
    assert library.checklist.title in mentee_home and library.memo.title not in mentee_home
    assert library.withdrawn.title not in mentee_home
    # Those who publish them, and those who do not read them, are not told.
    for role in ("council", "curator", "head", "admin"):
        assert "Новые методические материалы" not in client_as(role).get("/").content.decode()


def test_the_history_tells_who_published_corrected_and_withdrew(library, client_as, world):
    client = client_as("curator")
    client.post(
        reverse("materials:update", args=[library.memo.pk]),
        {"title": "Как вести журнал наставника", "kind": "memo", "audience": "all"},
    )
    client.post(reverse("materials:withdraw", args=[library.memo.pk]), {"confirmed": "1"})
    page = client_as("head").get(reverse("materials:history", args=[library.memo.pk])).content.decode()
    assert "Как вести журнал наставника" in page and "Наставникам" in page and "Всем" in page
    assert "Волкова" in page and "Морозова" in page
    assert "снят с публикации" in page.lower()


def test_the_edit_form_names_no_stored_path_and_a_new_file_replaces_the_old(library, client_as):
    client = client_as("council")
    url = reverse("materials:update", args=[library.memo.pk])
    page = client.get(url).content.decode()
    assert library.memo.file.name not in page and "/files/" not in page
    assert "Файл уже приложен" in page
    old = library.memo.file.name
    response = client.post(
        url,
        {"title": library.memo.title, "kind": "memo", "audience": "mentors", "file": pdf_upload("новый.pdf")},
    )
    assert response.status_code == 302
    library.memo.refresh_from_db()
    assert library.memo.file.name != old and library.memo.file.name.endswith(".pdf")
    # Nothing new chosen: the file stays.
    client.post(url, {"title": "Журнал наставничества", "kind": "memo", "audience": "mentors"})
    library.memo.refresh_from_db()
    assert library.memo.title == "Журнал наставничества" and library.memo.file
