"""Every page of the section for every role. The public pages open to anyone, logged in or not, while
the section is on, and are a 404 for everyone while it is off; the preview and the settings belong to
the curator, the head and the administrator; the news to the curator and the head (another
organization's news is a 404)."""

import io
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from conftest import ROLES, expect
from mentorship.tests.factories import PartnerFactory, PublicationConsentFactory
from people.models import Organization
from website.models import NewsItem, PublicSection

KEEPERS = {"curator", "head", "admin"}
NEWS_WRITERS = {"curator", "head"}
PUBLIC = ["index", "mentors", "documents", "practices", "news"]


@pytest.fixture
def section(world):
    return PublicSection.objects.create(
        organization=Organization.own(), is_enabled=True, contact_phone="+7 900 000-00-00"
    )


@pytest.fixture
def news(section):
    return NewsItem.objects.create(organization=section.organization, title="Мастер-класс наставников", text="Прошёл.")


@pytest.fixture
def foreign_news(world):
    return NewsItem.objects.create(organization=PartnerFactory(), title="Чужая новость", text="Не наша.")


def _png() -> bytes:
    output = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 100, 50)).save(output, "PNG")
    return output.getvalue()


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", PUBLIC)
def test_the_public_pages_open_to_everyone_while_the_section_is_on(name, role, news, client_as):
    response = client_as(role).get(reverse(f"public:{name}"))
    assert response.status_code == 200, (name, role)
    assert "<title>" in response.content.decode() and 'name="description"' in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_the_section_off_is_a_404_for_everyone(role, news, client_as):
    PublicSection.objects.update(is_enabled=False)
    client = client_as(role)
    for name in PUBLIC:
        assert client.get(reverse(f"public:{name}")).status_code == 404, (name, role)
    assert client.get(reverse("public:news-detail", args=[news.pk])).status_code == 404


def test_a_kindergarten_that_never_opened_the_settings_has_the_section_off(world, client):
    assert client.get(reverse("public:index")).status_code == 404


GET_PAGES = [
    ("preview-index", lambda s, n, f: reverse("public:preview-index"), expect(KEEPERS)),
    ("preview-news", lambda s, n, f: reverse("public:preview-news-detail", args=[n.pk]), expect(KEEPERS)),
    ("manage", lambda s, n, f: reverse("public:manage"), expect(KEEPERS)),
    ("news-create", lambda s, n, f: reverse("public:news-create"), expect(NEWS_WRITERS)),
    ("news-update", lambda s, n, f: reverse("public:news-update", args=[n.pk]), expect(NEWS_WRITERS)),
    (
        "news-update-foreign",
        lambda s, n, f: reverse("public:news-update", args=[f.pk]),
        expect(set(), not_found=NEWS_WRITERS),
    ),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page,url,statuses", GET_PAGES, ids=[page[0] for page in GET_PAGES])
def test_every_curator_page_for_every_role(page, url, statuses, role, section, news, foreign_news, client_as):
    response = client_as(role).get(url(section, news, foreign_news))
    assert response.status_code == statuses[role], (page, role)
    if statuses[role] == 302:
        assert response["Location"].startswith(reverse(settings.LOGIN_URL))


def test_the_preview_shows_a_section_that_is_off_as_a_visitor_would_see_it(section, news, client_as):
    PublicSection.objects.update(is_enabled=False)
    html = client_as("curator").get(reverse("public:preview-index")).content.decode()
    assert "Предпросмотр" in html and "сейчас раздел выключен" in html
    assert "Мастер-класс наставников" in html
    assert reverse("public:preview-mentors") in html  # its links stay in the preview


@pytest.mark.parametrize("role", ROLES)
def test_turning_the_section_on_for_every_role(role, world, client_as):
    response = client_as(role).post(
        reverse("public:manage"), {"is_enabled": "on", "about": "", "contact_phone": "+7 900 1", "contact_email": ""}
    )
    assert response.status_code == expect(KEEPERS, ok_status=302)[role]
    assert PublicSection.objects.filter(is_enabled=True).exists() == (role in KEEPERS)


@pytest.mark.parametrize("role", ROLES)
def test_writing_news_for_every_role(role, world, client_as, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    response = client_as(role).post(
        reverse("public:news-create"),
        {
            "title": "Конкурс «Педагог года»",
            "date": timezone.localdate().strftime("%d.%m.%Y"),
            "text": "Наставляемые выступили.",
            "photo": SimpleUploadedFile("фото.png", _png(), content_type="image/png"),
            "photo_alt": "Сцена конкурса",
            "everyone_shown_consented": "on",
            "is_published": "on",
            "people_shown": [world.mentor.person.pk],
        },
    )
    assert response.status_code == expect(NEWS_WRITERS, ok_status=302)[role]
    assert NewsItem.objects.filter(title="Конкурс «Педагог года»").exists() == (role in NEWS_WRITERS)
    if role in NEWS_WRITERS:
        item = NewsItem.objects.get()
        assert list(item.people_shown.all()) == [world.mentor.person]
        assert item.created_by == world.users[role]


def test_a_news_photo_is_public_only_while_everyone_shown_consented(section, world, client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    item = NewsItem.objects.create(
        organization=section.organization,
        title="Открытый показ",
        text="Был.",
        photo=SimpleUploadedFile("a.png", _png()),
        photo_alt="Группа",
        everyone_shown_consented=True,
    )
    item.people_shown.set([world.mentor.person])
    photo = reverse("public:news-photo", args=[item.pk])
    assert client.get(photo).status_code == 404  # no consent at all
    consent = PublicationConsentFactory(person=world.mentor.person, data=["name"], given_on=timezone.localdate())
    assert client.get(photo).status_code == 404  # a consent, but not to the photo
    consent.data = ["name", "photo"]
    consent.save()
    assert client.get(photo).status_code == 200
    assert 'alt="Группа"' in client.get(reverse("public:news-detail", args=[item.pk])).content.decode()
    # The version for the visually impaired: no picture, its description instead.
    html = client.get(reverse("public:news-detail", args=[item.pk]), {"version": "special"}).content.decode()
    assert "<img" not in html and "Фотография: Группа" in html
    consent.withdrawn_on = timezone.localdate()
    consent.save()
    assert client.get(photo).status_code == 404


def test_a_mentor_is_shown_with_exactly_the_data_of_the_consent(section, world, client):
    person = world.mentor.person
    person.qualification_category = "highest"
    person.save()
    html = client.get(reverse("public:mentors")).content.decode()
    assert person.last_name not in html
    consent = PublicationConsentFactory(person=person, data=["name"], given_on=timezone.localdate() - timedelta(days=1))
    html = client.get(reverse("public:mentors")).content.decode()
    assert person.full_name in html and str(person.position) not in html and "Высшая" not in html
    consent.data = ["name", "position", "experience"]
    consent.save()
    html = client.get(reverse("public:mentors")).content.decode()
    assert str(person.position) in html and "Высшая" in html
    consent.valid_until = timezone.localdate() - timedelta(days=1)
    consent.save()
    assert person.last_name not in client.get(reverse("public:mentors")).content.decode()


def test_a_news_text_hides_the_names_of_those_without_a_consent(section, world, client):
    mentee = world.mentee.person
    NewsItem.objects.create(
        organization=section.organization, title="Занятие", text=f"Занятие провела {mentee.full_name} с коллегами."
    )
    html = client.get(reverse("public:news")).content.decode()
    assert mentee.last_name not in html and "ФИО не публикуется" in html


def test_the_version_for_the_visually_impaired_is_remembered(section, client):
    response = client.get(reverse("public:index"), {"version": "special"})
    assert 'class="special"' in response.content.decode()
    assert response.cookies["nastavnichestvo_version"].value == "special"
    assert 'class="special"' in client.get(reverse("public:mentors")).content.decode()
    client.get(reverse("public:index"), {"version": "normal"})
    assert 'class="special"' not in client.get(reverse("public:mentors")).content.decode()


def test_the_mentors_page_costs_the_same_queries_for_more_mentors(section, world, client, django_assert_num_queries):
    from mentorship.tests.factories import MentorFactory

    for mentor in [world.mentor, world.other_mentor, MentorFactory(), MentorFactory()]:
        PublicationConsentFactory(person=mentor.person, data=["name", "position", "achievements"])
    # the section, the consents, the mentors, their directions; the redactor's people (competencies)
    with django_assert_num_queries(5):
        assert client.get(reverse("public:mentors")).status_code == 200


def _unzipped(response) -> dict[str, bytes]:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(response.content)) as folder:
        return {name: folder.read(name) for name in folder.namelist()}


@pytest.mark.parametrize("role", ROLES)
def test_downloading_the_folder_for_every_role(role, news, client_as):
    response = client_as(role).post(reverse("public:export"))
    assert response.status_code == expect(KEEPERS)[role]
    if role in KEEPERS:
        assert response["Content-Type"] == "application/zip"
        files = _unzipped(response)
        assert {"index.html", "index-sv.html", "novosti.html", "public.css", "ЧТО-ИЗМЕНИЛОСЬ.txt"} <= set(files)
        assert f"novost-{news.pk}.html" in files


def test_the_folder_links_relatively_and_loads_nothing_from_elsewhere(section, news, world, client_as):
    files = _unzipped(client_as("curator").post(reverse("public:export")))
    index = files["index.html"].decode()
    assert 'href="nastavniki.html"' in index and 'href="public.css"' in index and 'href="index-sv.html"' in index
    assert f'href="novost-{news.pk}.html"' in index
    for name, content in files.items():
        if name.endswith(".html"):
            text = content.decode()
            assert "<script" not in text and "http://" not in text and "https://" not in text, name
            assert 'href="/' not in text and 'src="/' not in text, name
    assert "первая выгрузка" in files["ЧТО-ИЗМЕНИЛОСЬ.txt"].decode()


def test_the_next_folder_says_what_changed_and_warns_of_a_withdrawn_consent(section, news, world, client_as):
    consent = PublicationConsentFactory(
        person=world.mentor.person, data=["name"], given_on=timezone.localdate() - timedelta(days=10)
    )
    client = client_as("curator")
    assert world.mentor.person.last_name in _unzipped(client.post(reverse("public:export")))["nastavniki.html"].decode()
    consent.withdrawn_on = timezone.localdate()
    consent.save()
    assert "отозвано согласий на публикацию: 1" in client.get(reverse("public:manage")).content.decode()
    files = _unzipped(client.post(reverse("public:export")))
    note = files["ЧТО-ИЗМЕНИЛОСЬ.txt"].decode()
    assert note.startswith("После прошлой выгрузки отозвано согласий на публикацию: 1")
    assert "сотрудники, названные в разделе: добавлено 0, снято 1" in note
    assert world.mentor.person.last_name not in note
    assert world.mentor.person.last_name not in files["nastavniki.html"].decode()
