"""Mentors' photos in the section: kept by the curator and the head (another person than a mentor of
the bank is a 404), checked and cleaned on upload, shown on the mentors page and served only while the
mentor's consent in force lists the photo, and in the downloaded folder on the same terms."""

import io
import os
import zipfile
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from conftest import ROLES, expect
from mentorship.tests.factories import MentorFactory, PublicationConsentFactory
from people.models import Organization
from website.forms import MENTOR_PHOTO_SIDE
from website.models import MentorPhoto, PublicExport, PublicSection

PHOTO_KEEPERS = {"curator", "head"}


def _image(kind: str = "PNG", size=(40, 50), colour=(70, 110, 180)) -> bytes:
    output = io.BytesIO()
    Image.new("RGB", size, colour).save(output, kind)
    return output.getvalue()


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def section(world):
    return PublicSection.objects.create(organization=Organization.own(), is_enabled=True)


def _photo(person, alt="Портрет наставника у окна") -> MentorPhoto:
    picture = _image(colour=(person.pk % 256, 110, 180))  # each person's photo its own bytes
    return MentorPhoto.objects.create(person=person, photo=ContentFile(picture, name="p.png"), photo_alt=alt)


def _consent(person, data, **kwargs):
    return PublicationConsentFactory(
        person=person, data=data, given_on=timezone.localdate() - timedelta(days=1), **kwargs
    )


@pytest.fixture
def photo(world):
    return _photo(world.mentor.person)


# --- who may do what -------------------------------------------------------------------------------

GET_PAGES = [
    ("list", lambda w: reverse("public:mentor-photos"), expect(PHOTO_KEEPERS)),
    ("update", lambda w: reverse("public:mentor-photo-update", args=[w.mentor.person.pk]), expect(PHOTO_KEEPERS)),
    ("file", lambda w: reverse("public:mentor-photo-file", args=[w.mentor.person.pk]), expect(PHOTO_KEEPERS)),
    # A mentee is no mentor of the bank: there is no photo of hers to keep.
    (
        "update-not-a-mentor",
        lambda w: reverse("public:mentor-photo-update", args=[w.mentee.person.pk]),
        expect(set(), not_found=PHOTO_KEEPERS),
    ),
    # Another mentor without a stored photo: nothing to send.
    (
        "file-none-stored",
        lambda w: reverse("public:mentor-photo-file", args=[w.other_mentor.person.pk]),
        expect(set(), not_found=PHOTO_KEEPERS),
    ),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page,url,statuses", GET_PAGES, ids=[page[0] for page in GET_PAGES])
def test_every_photo_page_for_every_role(page, url, statuses, role, world, photo, client_as):
    response = client_as(role).get(url(world))
    assert response.status_code == statuses[role], (page, role)
    if statuses[role] == 302:
        assert response["Location"].startswith(reverse(settings.LOGIN_URL))
    if page == "file" and statuses[role] == 200:
        assert response["Content-Type"] == "image/png" and response["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize("role", ROLES)
def test_uploading_a_photo_for_every_role(role, world, client_as):
    person = world.mentor.person
    response = client_as(role).post(
        reverse("public:mentor-photo-update", args=[person.pk]),
        {"photo": SimpleUploadedFile("я.jpg", _image("JPEG"), content_type="image/jpeg"), "photo_alt": "Портрет"},
    )
    assert response.status_code == expect(PHOTO_KEEPERS, ok_status=302)[role]
    assert MentorPhoto.objects.filter(person=person).exists() == (role in PHOTO_KEEPERS)
    if role in PHOTO_KEEPERS:
        photo = MentorPhoto.objects.get()
        assert photo.uploaded_by == world.users[role] and photo.photo.name.endswith(".jpg")
        assert photo.history.count() == 1


@pytest.mark.parametrize("role", ROLES)
def test_removing_a_photo_for_every_role(role, world, photo, client_as, django_capture_on_commit_callbacks):
    stored = photo.photo.path
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as(role).post(
            reverse("public:mentor-photo-delete", args=[world.mentor.person.pk]), {"confirmed": "1"}
        )
    assert response.status_code == expect(PHOTO_KEEPERS, ok_status=302)[role]
    removed = role in PHOTO_KEEPERS
    assert MentorPhoto.objects.exists() is not removed
    assert (not os.path.exists(stored)) is removed  # the file goes with it


def test_removing_someone_elses_or_a_missing_photo_is_a_404(world, photo, client_as):
    client = client_as("curator")
    assert client.post(reverse("public:mentor-photo-delete", args=[world.mentee.person.pk])).status_code == 404
    assert client.post(reverse("public:mentor-photo-delete", args=[world.other_mentor.person.pk])).status_code == 404
    assert MentorPhoto.objects.count() == 1


def test_removing_asks_first_and_says_the_file_goes(world, photo, client_as):
    """A button elsewhere (or a link) reaches the confirmation page; only its own button removes."""
    client = client_as("curator")
    url = reverse("public:mentor-photo-delete", args=[world.mentor.person.pk])
    for response in (client.get(url), client.post(url)):
        assert response.status_code == 200
        text = response.content.decode()
        assert "Удалить фотографию: " + world.mentor.person.full_name in text and "файл будет удалён" in text
        assert 'name="confirmed"' in text
    assert MentorPhoto.objects.count() == 1 and os.path.exists(photo.photo.path)


def test_replacing_a_photo_deletes_the_old_file(world, photo, client_as, django_capture_on_commit_callbacks):
    old = photo.photo.path
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as("curator").post(
            reverse("public:mentor-photo-update", args=[world.mentor.person.pk]),
            {"photo": SimpleUploadedFile("new.png", _image()), "photo_alt": "Новый портрет"},
        )
    assert response.status_code == 302
    photo.refresh_from_db()
    assert photo.photo_alt == "Новый портрет" and photo.photo.path != old
    assert not os.path.exists(old)
    # Only the description changed: the file stays.
    response = client_as("curator").post(
        reverse("public:mentor-photo-update", args=[world.mentor.person.pk]), {"photo_alt": "Портрет у окна"}
    )
    assert response.status_code == 302
    kept = MentorPhoto.objects.get()
    assert kept.photo.name == photo.photo.name and kept.photo_alt == "Портрет у окна"


# --- what an upload may be -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "upload,error",
    [
        (lambda: SimpleUploadedFile("photo.gif", b"GIF89a..."), "Можно загрузить фотографию JPG или PNG."),
        (lambda: SimpleUploadedFile("photo.png", b"<html>not a picture</html>"), "не соответствует расширению"),
        (lambda: SimpleUploadedFile("photo.png", _image() * 3), "Фотография больше"),
        (lambda: None, "Обязательное поле."),
    ],
    ids=["type", "not-an-image", "too-big", "missing"],
)
def test_a_bad_upload_is_refused_in_russian_and_the_form_keeps_the_rest(upload, error, world, client_as, monkeypatch):
    monkeypatch.setattr("website.forms.PHOTO_MAX_BYTES", len(_image()) * 2)
    data = {"photo_alt": "Портрет наставника у окна"}
    if upload() is not None:
        data["photo"] = upload()
    response = client_as("curator").post(reverse("public:mentor-photo-update", args=[world.mentor.person.pk]), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert error in html and "Портрет наставника у окна" in html
    assert not MentorPhoto.objects.exists()


def test_a_photo_needs_its_description(world, client_as):
    response = client_as("curator").post(
        reverse("public:mentor-photo-update", args=[world.mentor.person.pk]),
        {"photo": SimpleUploadedFile("p.png", _image()), "photo_alt": "   "},
    )
    assert response.status_code == 200 and "Обязательное поле." in response.content.decode()
    assert not MentorPhoto.objects.exists()


def test_a_photo_is_stored_small_and_without_its_exif(world, client_as):
    exif = Image.Exif()
    exif[0x010F] = "Телефон куратора"  # Make
    output = io.BytesIO()
    Image.new("RGB", (2000, 1000), (200, 100, 50)).save(output, "JPEG", exif=exif)
    client_as("curator").post(
        reverse("public:mentor-photo-update", args=[world.mentor.person.pk]),
        {"photo": SimpleUploadedFile("big.jpeg", output.getvalue()), "photo_alt": "Портрет"},
    )
    with MentorPhoto.objects.get().photo.open("rb") as stored, Image.open(stored) as image:
        assert max(image.size) == MENTOR_PHOTO_SIDE and image.size == (MENTOR_PHOTO_SIDE, MENTOR_PHOTO_SIDE // 2)
        assert not image.getexif()


def test_the_curator_is_warned_when_the_consent_lists_no_photo(world, client_as):
    _consent(world.mentor.person, ["name"])
    response = client_as("curator").post(
        reverse("public:mentor-photo-update", args=[world.mentor.person.pk]),
        {"photo": SimpleUploadedFile("p.png", _image()), "photo_alt": "Портрет"},
        follow=True,
    )
    html = response.content.decode()
    assert "на сайте не показывается: нет действующего согласия на публикацию фотографии" in html
    assert "не показывается: в согласии нет фотографии" in html  # the list says it too


# --- the public side -------------------------------------------------------------------------------


def test_a_mentors_photo_is_shown_only_while_the_consent_lists_it(section, world, photo, client):
    person = world.mentor.person
    public_photo = reverse("public:mentor-photo", args=[person.pk])
    mentors = reverse("public:mentors")
    assert client.get(public_photo).status_code == 404  # no consent at all
    consent = _consent(person, ["name", "position"])
    html = client.get(mentors).content.decode()
    assert person.full_name in html and public_photo not in html and "<img" not in html
    assert client.get(public_photo).status_code == 404  # named, but no consent to the photo

    consent.data = ["name", "photo"]
    consent.save()
    html = client.get(mentors).content.decode()
    assert f'src="{public_photo}" alt="Портрет наставника у окна" loading="lazy"' in html
    response = client.get(public_photo)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("inline") and response["Cache-Control"] == "private, no-store"
    # The version for the visually impaired: the description instead of the picture.
    html = client.get(mentors, {"version": "special"}).content.decode()
    assert "<img" not in html and "Фотография: Портрет наставника у окна" in html

    # The withdrawal takes the photo off at once, though it stays stored.
    consent.withdrawn_on = timezone.localdate()
    consent.save()
    assert public_photo not in client.get(mentors, {"version": "normal"}).content.decode()
    assert client.get(public_photo).status_code == 404
    assert MentorPhoto.objects.filter(pk=photo.pk).exists()


def test_the_photo_goes_with_the_name_and_the_bank(section, world, photo, client):
    """A consent to the photo without the name shows no one; a mentor who left the bank is not shown."""
    person = world.mentor.person
    public_photo = reverse("public:mentor-photo", args=[person.pk])
    consent = _consent(person, ["photo"])
    assert client.get(public_photo).status_code == 404
    consent.data = ["name", "photo"]
    consent.save()
    assert client.get(public_photo).status_code == 200
    world.mentor.is_active = False
    world.mentor.save()
    assert client.get(public_photo).status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_the_public_photo_for_every_role(role, section, world, photo, client_as):
    """Public like the page that shows it: anyone while the consent lists it, nobody otherwise."""
    public_photo = reverse("public:mentor-photo", args=[world.mentor.person.pk])
    assert client_as(role).get(public_photo).status_code == 404
    _consent(world.mentor.person, ["name", "photo"])
    assert client_as(role).get(public_photo).status_code == 200
    # Another person's photo, though her consent is in force: not a mentor, not on the page.
    _consent(world.mentee.person, ["name", "photo"])
    _photo(world.mentee.person)
    assert client_as(role).get(reverse("public:mentor-photo", args=[world.mentee.person.pk])).status_code == 404


def test_the_preview_shows_the_photo_from_the_preview(section, world, photo, client_as):
    _consent(world.mentor.person, ["name", "photo"])
    PublicSection.objects.update(is_enabled=False)
    client = client_as("curator")
    preview_photo = reverse("public:preview-mentor-photo", args=[world.mentor.person.pk])
    assert preview_photo in client.get(reverse("public:preview-mentors")).content.decode()
    assert client.get(preview_photo).status_code == 200
    assert client.get(reverse("public:mentor-photo", args=[world.mentor.person.pk])).status_code == 404  # off


def test_the_mentors_page_with_photos_costs_the_same_queries_for_more_mentors(
    section, world, client, django_assert_num_queries
):
    mentors = [world.mentor, world.other_mentor]
    for mentor in mentors:
        _consent(mentor.person, ["name", "position", "achievements", "photo"])
        _photo(mentor.person)
    # the section, the consents, the mentors, their directions, their photos; the redactor's people
    with django_assert_num_queries(6):
        html = client.get(reverse("public:mentors")).content.decode()
    assert html.count('class="mentor-photo"') == 2
    for _ in range(3):
        mentor = MentorFactory()
        _consent(mentor.person, ["name", "position", "achievements", "photo"])
        _photo(mentor.person)
    with django_assert_num_queries(6):
        html = client.get(reverse("public:mentors")).content.decode()
    assert html.count('class="mentor-photo"') == 5


def test_the_photo_list_costs_the_same_queries_for_more_mentors(world, client_as, django_assert_num_queries):
    client = client_as("curator")
    _photo(world.mentor.person)
    # the session and the user's roles, then the mentors, their photos and the consents: one query each
    with django_assert_num_queries(6):
        html = client.get(reverse("public:mentor-photos")).content.decode()
    assert html.count("<img") == 1
    for _ in range(3):
        _photo(MentorFactory().person)
    with django_assert_num_queries(6):
        html = client.get(reverse("public:mentor-photos")).content.decode()
    assert html.count("<img") == 4


# --- the folder for another site -------------------------------------------------------------------


def _unzipped(response) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(response.content)) as folder:
        return {name: folder.read(name) for name in folder.namelist()}


def test_the_folder_carries_only_the_photos_the_consents_list(section, world, client_as):
    shown = _photo(world.mentor.person, alt="Портрет Петровой")
    held = _photo(world.other_mentor.person, alt="Портрет Новиковой")
    _consent(world.mentor.person, ["name", "photo"])
    _consent(world.other_mentor.person, ["name", "position"])
    client = client_as("curator")
    files = _unzipped(client.post(reverse("public:export")))
    photos = sorted(name for name in files if name.startswith("foto/nastavnik-"))
    file_name = f"foto/nastavnik-{shown.photo.name.rsplit('/', 1)[1]}"
    assert photos == [file_name]
    with shown.photo.open("rb") as stored:
        assert files[file_name] == stored.read()
    with held.photo.open("rb") as stored:
        assert stored.read() not in files.values()
    page = files["nastavniki.html"].decode()
    assert f'src="{file_name}" alt="Портрет Петровой"' in page and "Портрет Новиковой" not in page
    assert "Фотография: Портрет Петровой" in files["nastavniki-sv.html"].decode()
    assert "<img" not in files["nastavniki-sv.html"].decode()
    assert PublicExport.objects.get().mentor_photos == [shown.photo.name.rsplit("/", 1)[1]]


def test_the_next_folder_notes_the_photos_added_and_removed(section, world, client_as):
    consent = _consent(world.mentor.person, ["name", "photo"])
    _consent(world.other_mentor.person, ["name", "photo"])
    _photo(world.mentor.person)
    client = client_as("curator")
    client.post(reverse("public:export"))
    _photo(world.other_mentor.person)
    consent.withdrawn_on = timezone.localdate()
    consent.save()
    note = _unzipped(client.post(reverse("public:export")))["ЧТО-ИЗМЕНИЛОСЬ.txt"].decode()
    assert "фотографии наставников: добавлено 1, снято 1" in note
