"""The demo kindergarten's section «Наставничество» on the website: on, with the curator's contacts;
Новикова (a mentor) and Морозова (the curator) consent to publish, Белова consented and withdrew —
she is on no page; a news item of Новикова's open lesson with a photo (a drawing, no one's face)
whose only person shown consented to her photo; the best practice is Петрова's completed program
(her consent, in the bank, lets the results of her mentoring be published).

Mentors' photos (drawn portraits, made here): Новикова's is shown, her consent lists the photo;
Петрова's (her consent lists no photo) and Белова's (withdrawn) are stored and never shown — the check
at every request is what keeps them off.

Idempotent: each part is added only if missing."""

import io
from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from PIL import Image, ImageDraw

from core.dates import academic_year_start
from mentorship.models import PublicationConsent, PublishableData
from mentorship.services.bank import publication_consent_save, publication_consent_withdraw
from people.models import Organization, Person
from website.models import MentorPhoto, NewsItem
from website.selectors import section_of
from website.services import mentor_photo_save, news_save, public_section_save

D = PublishableData
ABOUT = (
    "Наставничество помогает молодым педагогам и новым сотрудникам детского сада войти в профессию: "
    "у каждого наставляемого есть наставник и персонализированная программа на срок от трёх месяцев до года.\n"
    "Систему наставничества организует куратор; методическое объединение наставников подбирает материалы и "
    "рассматривает программы; руководитель утверждает пары и программы приказом."
)
NEWS_TEXT = (
    "Наставник Новикова Ольга Владимировна провела открытое занятие по развивающей предметно-пространственной "
    "среде для молодых воспитателей. Участники собрали центр экспериментирования из того, что есть в каждой "
    "группе, и обсудили, как менять среду вслед за темой недели.\n"
    "Вопросы задавали молодые специалисты; Иванова Анна Дмитриевна показала свой план центра."
)


def _picture() -> ContentFile:
    """A drawing of a play corner (no one is in it), made here so the demo needs no files."""
    image = Image.new("RGB", (640, 400), (236, 244, 250))
    draw = ImageDraw.Draw(image)
    draw.rectangle((60, 220, 300, 360), fill=(250, 200, 90))
    draw.rectangle((340, 140, 580, 360), fill=(120, 180, 120))
    draw.ellipse((420, 40, 520, 130), fill=(240, 120, 100))
    output = io.BytesIO()
    image.save(output, "PNG")
    return ContentFile(output.getvalue(), name="corner.png")


def _portrait(colour: tuple[int, int, int]) -> ContentFile:
    """A drawn portrait (a figure's outline, no face), small as the site keeps it."""
    image = Image.new("RGB", (320, 400), (236, 244, 250))
    draw = ImageDraw.Draw(image)
    draw.ellipse((110, 60, 210, 170), fill=(230, 190, 160))
    draw.rounded_rectangle((70, 190, 250, 400), radius=50, fill=colour)
    output = io.BytesIO()
    image.save(output, "JPEG", quality=85)
    return ContentFile(output.getvalue(), name="portrait.jpg")


PORTRAITS = {
    "008": ("Портрет: наставник в синем жакете на голубом фоне", (70, 110, 180)),
    "004": ("Портрет: наставник в зелёном жакете", (80, 150, 90)),
    "016": ("Портрет: наставник в бордовом жакете", (150, 50, 70)),
}


@transaction.atomic
def load(*, curator, today) -> int:
    """Add whatever of the public section is missing; return how many news items were added."""
    own = Organization.own()
    people = {
        p.personnel_number: p
        for p in Person.objects.filter(organization=own, personnel_number__in=["002", "008", "016"])
    }
    start = academic_year_start(today)
    section = section_of(own)
    if section.pk is None:
        section.is_enabled = True
        section.about = ABOUT
        section.contact_phone = "+7 (3439) 62-15-40"
        section.contact_email = "nastavnik@ds-rodnichok.example"
        section.contact_hours = "Методический кабинет, вторник и четверг 14:00–16:00"
        public_section_save(section=section, actor=curator)
    for number, data in (("002", [D.NAME, D.POSITION]), ("008", [D.NAME, D.POSITION, D.EXPERIENCE, D.PHOTO])):
        person = people[number]
        if not PublicationConsent.objects.filter(person=person).exists():
            publication_consent_save(
                consent=PublicationConsent(person=person, data=data, given_on=start), actor=curator
            )
    withdrawn = people["016"]
    if not PublicationConsent.objects.filter(person=withdrawn).exists():
        consent = publication_consent_save(
            consent=PublicationConsent(person=withdrawn, data=[D.NAME, D.POSITION], given_on=start), actor=curator
        ).obj
        publication_consent_withdraw(consent=consent, withdrawn_on=max(start, today - timedelta(days=3)), actor=curator)
    for number, (alt, colour) in PORTRAITS.items():
        person = Person.objects.filter(personnel_number=number, mentor__isnull=False).first()
        if person is not None and not MentorPhoto.objects.filter(person=person).exists():
            mentor_photo_save(photo=MentorPhoto(person=person, photo=_portrait(colour), photo_alt=alt), actor=curator)
    if NewsItem.objects.filter(organization=own).exists():
        return 0
    item = NewsItem(
        organization=own,
        title="Открытое занятие наставника для молодых воспитателей",
        date=max(start, today - timedelta(days=5)),
        text=NEWS_TEXT,
        photo=_picture(),
        photo_alt="Центр экспериментирования в группе: столы с материалами для опытов",
        everyone_shown_consented=True,
    )
    news_save(item=item, people_shown=[people["008"]], actor=curator)
    return 1
