"""Writes of the public section: the curator's settings and her news. Each is atomic, validated and
recorded with its author."""

from django.db import transaction

from accounts.models import User
from core.services import Outcome, saved_with, validated_save
from mentorship.models import PublishableData
from mentorship.selectors import publishable_data_by_person
from people.models import Person

from .export import Folder, build_folder
from .models import NewsItem, PublicSection
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


@transaction.atomic
def section_export(*, publication: Publication, actor: User) -> Outcome:
    """The section as a folder to upload to another site; the download is recorded (what it carried),
    so the next one says what changed. The outcome's object is the Folder; its warnings name no one."""
    folder: Folder = build_folder(publication)
    folder.record.made_by = actor
    folder.record.full_clean()
    folder.record.save()
    return Outcome(folder, folder.warnings)
