"""The demo kindergarten's section, checked against every person of the demo: no public page and no
published PDF carries the name of a person without a consent in force to publish it; a withdrawn
consent takes the person off at once; a mentor's photo goes out only with a consent to it; an anonymous visitor reaches nothing but the section and the
login page; the section off means 404 everywhere."""

import io

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from mentorship.models import Mentee, PublicationConsent, PublishableData
from mentorship.selectors import publishable_data_by_person
from mentorship.services.bank import publication_consent_withdraw
from people.models import Person
from website.models import MentorPhoto, NewsItem, PublicSection

PUBLIC_PAGES = ["public:index", "public:mentors", "public:documents", "public:practices", "public:news"]


@pytest.fixture
def demo(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    from demo.kindergarten import load_demo

    return load_demo()


def _everything_public(client) -> str:
    """The text of every public page, both versions, and of every PDF they link to."""
    texts = []
    for version in ("normal", "special"):
        for name in PUBLIC_PAGES:
            response = client.get(reverse(name), {"version": version})
            assert response.status_code == 200, name
            texts.append(response.content.decode())
    for item in NewsItem.objects.all():
        response = client.get(reverse("public:news-detail", args=[item.pk]))
        if response.status_code == 200:
            texts.append(response.content.decode())
    documents = client.get(reverse("public:documents")).context["documents"]
    assert documents, "the demo publishes the roadmap and its order"
    for document in documents:
        response = client.get(reverse("public:document", args=[document.slug]))
        assert response.status_code == 200
        reader = PdfReader(io.BytesIO(response.content))
        texts.append("\n".join(page.extract_text() for page in reader.pages))
    return "\n".join(texts)


def _downloaded_folder(client) -> str:
    """The text of every HTML page and PDF of the folder downloaded for another site."""
    import zipfile

    from accounts.models import User

    client.force_login(User.objects.get(username="curator"))
    response = client.post(reverse("public:export"))
    client.logout()
    assert response.status_code == 200
    texts = []
    with zipfile.ZipFile(io.BytesIO(response.content)) as folder:
        for name in folder.namelist():
            content = folder.read(name)
            if name.endswith(".pdf"):
                texts.extend(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
            elif name.endswith((".html", ".txt")):
                texts.append(content.decode())
    return "\n".join(texts)


def _downloaded_files(client) -> dict[str, bytes]:
    import zipfile

    from accounts.models import User

    client.force_login(User.objects.get(username="curator"))
    response = client.post(reverse("public:export"))
    client.logout()
    with zipfile.ZipFile(io.BytesIO(response.content)) as folder:
        return {name: folder.read(name) for name in folder.namelist()}


def test_no_page_or_downloaded_file_carries_a_photo_without_a_consent_to_it(demo, client):
    """Every stored mentor's photo of the demo: shown (its address on the page, its bytes in the folder)
    exactly when the person's consent in force lists the photo; the others are a 404 and in no file."""
    allowed = publishable_data_by_person()
    photos = list(MentorPhoto.objects.select_related("person"))
    shown = {p.person.last_name for p in photos if PublishableData.PHOTO in allowed.get(p.person_id, ())}
    held = [p for p in photos if PublishableData.PHOTO not in allowed.get(p.person_id, ())]
    assert shown == {"Новикова"}
    assert {p.person.last_name for p in held} == {"Петрова", "Белова"}  # no photo in her consent; withdrawn
    pages = _everything_public(client)
    files = _downloaded_files(client)
    contents = list(files.values())
    for photo in photos:
        url = reverse("public:mentor-photo", args=[photo.person_id])
        with photo.photo.open("rb") as stored:
            data = stored.read()
        if photo in held:
            assert url not in pages and photo.photo_alt not in pages, photo.person.last_name
            assert client.get(url).status_code == 404, photo.person.last_name
            assert all(data not in content for content in contents), photo.person.last_name
            assert not any(
                photo.photo_alt in content.decode() for name, content in files.items() if name.endswith(".html")
            )
        else:
            assert url in pages and client.get(url).status_code == 200
            assert data in contents


def _unnamed_people() -> list[Person]:
    allowed = publishable_data_by_person()
    return [p for p in Person.objects.all() if PublishableData.NAME not in allowed.get(p.pk, ())]


def test_no_page_or_pdf_names_anyone_of_the_demo_without_a_consent(demo, client):
    text = _everything_public(client) + _downloaded_folder(client)
    unnamed = _unnamed_people()
    assert len(unnamed) > 20  # the demo's staff, partners and all: most never consented
    for person in unnamed:
        assert person.full_name not in text, person.full_name
        assert person.last_name not in text, person.last_name
    # Those who consented are there: Новикова (a mentor), Петрова (her best practice), the curator.
    for last_name in ("Новикова", "Петрова", "Морозова"):
        assert last_name in text


def test_the_withdrawn_mentor_is_on_no_page_and_a_withdrawal_takes_a_mentor_off_at_once(demo, client):
    assert "Белова" not in _everything_public(client)
    novikova = Person.objects.get(last_name="Новикова", organization__kind="own")
    assert "Новикова" in client.get(reverse("public:mentors")).content.decode()
    news = NewsItem.objects.get()
    photo = reverse("public:news-photo", args=[news.pk])
    assert client.get(photo).status_code == 200

    consent = PublicationConsent.objects.get(person=novikova)
    publication_consent_withdraw(consent=consent, withdrawn_on=timezone.localdate(), actor=None)

    assert "Новикова" not in _everything_public(client)
    assert client.get(photo).status_code == 404  # she is on it: the photo goes with her consent
    assert client.get(reverse("public:mentor-photo", args=[novikova.pk])).status_code == 404  # and her portrait


def test_a_mentees_difficulties_are_never_published(demo, client):
    text = _everything_public(client)
    for mentee in Mentee.objects.exclude(difficulties=""):
        assert mentee.difficulties not in text


def test_the_section_off_is_a_404_for_every_public_url(demo, client):
    PublicSection.objects.update(is_enabled=False)
    news = NewsItem.objects.get()
    novikova = Person.objects.get(last_name="Новикова", organization__kind="own")
    urls = [reverse(name) for name in PUBLIC_PAGES] + [
        reverse("public:mentor-photo", args=[novikova.pk]),
        reverse("public:news-detail", args=[news.pk]),
        reverse("public:news-photo", args=[news.pk]),
        reverse("public:document", args=["roadmap"]),
    ]
    for url in urls:
        assert client.get(url).status_code == 404, url
