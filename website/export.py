"""The section as a self-contained folder (a ZIP) for a kindergarten whose website lives elsewhere (a
municipal host, a site builder): every page in both versions as HTML with relative links, the PDFs, the
photos and the stylesheet — no script, nothing from the internet — and «ЧТО-ИЗМЕНИЛОСЬ.txt»: what
changed since the last download and, first of all, whose consent was withdrawn after it (their data
may still be on the other site, which this system cannot reach).

Each download is recorded (website.models.PublicExport) with the ids it carried."""

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import timezone

from mentorship.models import PublishableData

from .documents import document_pdf
from .models import PublicExport
from .selectors import Publication, consents_withdrawn_since_last_export

PAGES = {
    "index": ("public/index.html", "Наставничество", "Система наставничества педагогических работников."),
    "mentors": ("public/mentors.html", "Наставники", "Наставники, давшие согласие на публикацию сведений о себе."),
    "documents": (
        "public/documents.html",
        "Документы",
        "Положение о наставничестве, приказы о системе наставничества и дорожная карта в PDF.",
    ),
    "practices": ("public/practices.html", "Лучшие практики", "Программы наставничества — лучшие практики."),
    "news": ("public/news_list.html", "Новости наставничества", "Открытые занятия, мастер-классы и конкурсы."),
}
FILES = {
    "index": "index",
    "mentors": "nastavniki",
    "documents": "dokumenty",
    "practices": "praktiki",
    "news": "novosti",
}


def _file(name: str, special: bool) -> str:
    return f"{name}{'-sv' if special else ''}.html"


@dataclass
class Folder:
    content: bytes
    record: PublicExport  # what it carries, unsaved: website.services.section_export records it
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def changes_since_last(
    publication: Publication, *, named, news, documents, practices, mentor_photos
) -> tuple[list[str], list[str]]:
    """(notes, warnings) against the organization's last download. Nobody who left is named: a person
    whose consent was withdrawn may not be named on anything meant for the site."""
    last = PublicExport.objects.filter(organization=publication.organization).first()
    if last is None:
        return ["Это первая выгрузка раздела: разместите папку на сайте целиком."], []
    when = timezone.localtime(last.made_at)
    notes, warnings = [f"Изменения с прошлой выгрузки {when:%d.%m.%Y %H:%M}:"], []
    gone = set(last.named_people) - set(named)
    withdrawn = consents_withdrawn_since_last_export(publication.organization)
    if withdrawn:
        warnings.append(
            f"После прошлой выгрузки отозвано согласий на публикацию: {withdrawn}. Их данные могут оставаться на "
            "сайте: замените раздел на сайте этой папкой целиком и удалите старые файлы в течение трёх рабочих "
            "дней (ч. 14 ст. 10.1 Федерального закона № 152-ФЗ)."
        )
    for label, before, now in (
        ("сотрудники, названные в разделе", last.named_people, named),
        ("новости", last.news, news),
        ("документы", last.documents, documents),
        ("лучшие практики", last.practices, practices),
        ("фотографии наставников", last.mentor_photos, mentor_photos),
    ):
        added, removed = len(set(now) - set(before)), len(set(before) - set(now))
        if added or removed:
            notes.append(f"— {label}: добавлено {added}, снято {removed}.")
    if len(notes) == 1:
        notes.append("— содержание не изменилось.")
    if gone and not withdrawn:
        notes.append("Снятых сотрудников больше нет в разделе: замените раздел на сайте целиком.")
    return notes, warnings


def build_folder(publication: Publication) -> Folder:
    """The ZIP of the section as it stands now."""
    section = publication.section
    organization = publication.organization
    mentors = publication.mentors()
    practices = publication.practices()
    news = list(publication.news())
    shown_news = publication.shown_news(news)
    documents = publication.documents()
    for entry in shown_news:
        pk = entry["item"].pk
        entry["url"] = f"novost-{pk}.html"
        extension = "png" if entry["item"].photo.name.lower().endswith(".png") else "jpg"
        entry["photo_url"] = f"foto/{pk}.{extension}" if entry["photo"] else ""
    for document in documents:
        document.url = f"dokumenty/{document.slug}.pdf"
    # A mentor's photo is named as it is stored (a random name, new with each upload): neither the
    # person's id nor their name, and a replaced photo is a new file on the other site.
    mentor_photos = [mentor for mentor in mentors if mentor.photo is not None]
    for mentor in mentor_photos:
        mentor.photo_url = f"foto/nastavnik-{PurePosixPath(mentor.photo.photo.name).name}"
    named = sorted(pk for pk, data in publication.allowed.items() if PublishableData.NAME in data)
    notes, warnings = changes_since_last(
        publication,
        named=named,
        news=[entry["item"].pk for entry in shown_news],
        documents=[document.slug for document in documents],
        practices=[practice.pk for practice in practices],
        mentor_photos=[PurePosixPath(mentor.photo.photo.name).name for mentor in mentor_photos],
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as folder:
        for special in (False, True):
            urls = {name: _file(FILES[name], special) for name in PAGES}
            base = {
                "section": section,
                "organization": organization,
                "special": special,
                "export": True,
                "urls": urls,
            }
            page_data = {
                "index": {
                    "about": [line for line in publication.redact(section.about).splitlines() if line.strip()],
                    "curator_name": publication.curator_name,
                    "latest_news": shown_news[:3],
                },
                "mentors": {"mentors": mentors},
                "documents": {"documents": documents},
                "practices": {"practices": practices},
                "news": {"news": shown_news},
            }
            for name, (template, title, description) in PAGES.items():
                html = render_to_string(
                    template,
                    {
                        **base,
                        **page_data[name],
                        "current": name,
                        "page_title": title,
                        "description": description,
                        "switch_url": _file(FILES[name], not special),
                    },
                )
                folder.writestr(_file(FILES[name], special), html)
            for entry in shown_news:
                pk = entry["item"].pk
                html = render_to_string(
                    "public/news_detail.html",
                    {
                        **base,
                        "entry": entry,
                        "current": "news",
                        "page_title": entry["title"],
                        "description": (entry["paragraphs"] or [entry["title"]])[0][:200],
                        "switch_url": _file(f"novost-{pk}", not special),
                    },
                )
                folder.writestr(_file(f"novost-{pk}", special), html)
        for entry in shown_news:
            if entry["photo"]:
                with entry["item"].photo.open("rb") as photo:
                    folder.writestr(entry["photo_url"], photo.read())
        for mentor in mentor_photos:
            with mentor.photo.photo.open("rb") as photo:
                folder.writestr(mentor.photo_url, photo.read())
        for document in documents:
            folder.writestr(document.url, document_pdf(publication, document))
        with open(finders.find("public/public.css"), "rb") as css:
            folder.writestr("public.css", css.read())
        folder.writestr("ЧТО-ИЗМЕНИЛОСЬ.txt", "\n".join([*warnings, *notes, ""]))
    record = PublicExport(
        organization=organization,
        named_people=named,
        news=[entry["item"].pk for entry in shown_news],
        documents=[document.slug for document in documents],
        practices=[practice.pk for practice in practices],
        mentor_photos=[PurePosixPath(mentor.photo.photo.name).name for mentor in mentor_photos],
    )
    return Folder(buffer.getvalue(), record, notes, warnings)
