"""Writes of the public section: the curator's settings and her news. Each is atomic, validated and
recorded with its author."""

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from core.services import Outcome, authored, saved_with, validated_save
from mentorship.models import PublishableData
from mentorship.selectors import publishable_data_by_person
from people.models import Person

from .export import Folder, build_folder
from .models import MentorPhoto, NewsItem, PublicSection
from .selectors import Publication


@transaction.atomic
def public_section_save(*, section: PublicSection, actor: User) -> Outcome:
    """Save the section's settings (on/off, the text about the system, the curator's contacts)."""
    validated_save(section, actor=actor)
    warnings = []
    if section.is_enabled and not (section.contact_phone or section.contact_email):
        warnings.append("Раздел включён без контактов куратора: посетителю некуда обратиться")
    return Outcome(section, warnings)


@transaction.atomic
def news_save(*, item: NewsItem, people_shown: list[Person], actor: User) -> Outcome:
    """Save a news item and who is shown on its photo. The photo is published only while each of them
    has a consent in force (website.selectors), so the warning says who holds it back today."""
    if item.pk is None:
        item.created_by = actor
    saved_with(item, actor=actor, people_shown=people_shown)  # one entry of its history
    warnings = []
    if item.photo and not item.everyone_shown_consented:
        warnings.append("Фотография не публикуется: не отмечено, что все изображённые дали согласие")
    if item.photo and item.everyone_shown_consented:
        allowed = publishable_data_by_person()
        missing = [p.full_name for p in people_shown if PublishableData.PHOTO not in allowed.get(p.pk, ())]
        if missing:
            warnings.append(
                "Фотография не публикуется: нет действующего согласия на публикацию фотографии у " + ", ".join(missing)
            )
    return Outcome(item, warnings)


def _delete_on_commit(name: str, storage) -> None:
    # After the commit: a rolled back change keeps the file its row still names.
    if name:
        transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def mentor_photo_save(*, photo: MentorPhoto, actor: User) -> Outcome:
    """Upload or replace a mentor's photo for the section (the file replaced is deleted). It is shown
    only while the mentor's consent in force lists the photo, so the warning says when it is not."""
    replaced = ""
    if photo.pk is not None:
        replaced = MentorPhoto.objects.filter(pk=photo.pk).values_list("photo", flat=True).first() or ""
    photo.uploaded_by = actor
    photo.uploaded_at = timezone.now()
    validated_save(photo, actor=actor)
    if replaced != photo.photo.name:
        _delete_on_commit(replaced, photo.photo.storage)
    warnings = []
    if PublishableData.PHOTO not in publishable_data_by_person().get(photo.person_id, ()):
        warnings.append(
            "Фотография сохранена, но на сайте не показывается: нет действующего согласия на публикацию "
            "фотографии. Она появится, как только такое согласие будет внесено в банк"
        )
    return Outcome(photo, warnings)


@transaction.atomic
def mentor_photo_remove(*, photo: MentorPhoto, actor: User) -> Outcome:
    """Remove a mentor's photo: from every page at once, and its file from the storage."""
    name, storage = photo.photo.name, photo.photo.storage
    with authored(photo, actor):
        photo.delete()
    _delete_on_commit(name, storage)
    return Outcome(None, [])


@transaction.atomic
def section_export(*, publication: Publication, actor: User) -> Outcome:
    """The section as a folder to upload to another site; the download is recorded (what it carried),
    so the next one says what changed. The outcome's object is the Folder; its warnings name no one."""
    folder: Folder = build_folder(publication)
    folder.record.made_by = actor
    folder.record.full_clean()
    folder.record.save()
    return Outcome(folder, folder.warnings)
