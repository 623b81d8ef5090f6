"""Reads of the public section. What a visitor sees is decided here, at every request, from the
publication consents in force (mentorship.selectors.publishable_data_by_person): a person without one
is on no page, a person is shown with exactly the data their consent lists, and every free text is
passed through the redactor (website.redaction) that hides the names of those who did not consent."""

from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from mentorship.models import Mentor, PublicationConsent, PublishableData, Regulation
from mentorship.selectors import publishable_data_by_person
from mentorship.services.orders import CURATOR, INTRODUCTION, current_curator
from people.models import Organization, Person
from programs.models import Program
from records.models import Order
from roadmap.models import Activity, Roadmap, Stage
from roadmap.services import ROADMAP_ORDER

from .models import MentorPhoto, NewsItem, PublicExport, PublicSection
from .redaction import Redactor

D = PublishableData


def section_of(organization: Organization | None) -> PublicSection:
    """The organization's section settings; a kindergarten that never opened them has the defaults
    (off, no contacts), unsaved."""
    if organization is None:
        return PublicSection(is_enabled=False)
    return PublicSection.objects.filter(organization=organization).first() or PublicSection(organization=organization)


def enabled_section() -> PublicSection | None:
    """Our kindergarten's section if it is on, else None (every public page is then a 404)."""
    return (
        PublicSection.objects.filter(organization__kind=Organization.Kind.OWN, is_enabled=True)
        .select_related("organization")
        .first()
    )


@dataclass
class PublicMentor:
    name: str
    person_id: int = 0
    position: str = ""
    category: str = ""
    experience: str = ""
    directions: list[str] = field(default_factory=list)
    competencies: str = ""
    # Set only while the consent in force lists the photo: the stored photo, and its description.
    photo: MentorPhoto | None = None
    photo_alt: str = ""
    photo_url: str = ""  # filled by whoever renders it: the site's address or the folder's file


@dataclass
class PublicPractice:
    pk: int
    title: str
    author: str
    period: str
    goal: str
    tasks: str
    expected_results: str


@dataclass
class PublicDocument:
    slug: str
    title: str
    note: str
    source: object


class Publication:
    """Everything the section may show today, for one request: the consents are read once."""

    def __init__(self, organization: Organization, section: PublicSection | None = None):
        self.organization = organization
        self.section = section or section_of(organization)
        self.today = timezone.localdate()
        self.allowed = publishable_data_by_person(self.today)

    def allows(self, person_id: int, data: str) -> bool:
        return data in self.allowed.get(person_id, ())

    @cached_property
    def redact(self) -> Redactor:
        """Hides every person whose name may not be published: all the staff and the partners' people
        but those with a consent in force that lists their name."""
        named = [pk for pk, data in self.allowed.items() if D.NAME in data]
        return Redactor(
            Person.objects.exclude(pk__in=named).only(
                "last_name", "first_name", "middle_name", "name_genitive", "name_dative", "name_accusative"
            )
        )

    # --- the curator --------------------------------------------------------------------------------

    @cached_property
    def curator_name(self) -> str:
        """The curator's name and post, only as far as her consent allows."""
        appointment = current_curator(self.organization)
        if appointment is None or not self.allows(appointment.person_id, D.NAME):
            return ""
        person = appointment.person
        if self.allows(person.pk, D.POSITION):
            return f"{person.full_name}, {str(person.position).lower()}"
        return person.full_name

    # --- mentors ------------------------------------------------------------------------------------

    def shown_mentors(self) -> QuerySet:
        """The mentors of the bank who let their name be published: the only ones the section names."""
        named = [pk for pk, data in self.allowed.items() if D.NAME in data]
        return Mentor.objects.filter(is_active=True, person_id__in=named, person__status=Person.Status.WORKING)

    def mentor_photo_is_public(self, person_id: int) -> bool:
        """A mentor's photo goes out only while they are on the mentors page and their consent in force
        lists the photo."""
        return self.allows(person_id, D.PHOTO) and self.shown_mentors().filter(person_id=person_id).exists()

    def mentors(self) -> list[PublicMentor]:
        """The mentors of the bank who let their name be published, each with what their consent lists
        (the photo too: one query for all, and only of those whose consent lists it)."""
        mentors = list(
            self.shown_mentors()
            .select_related("person__position")
            .prefetch_related("directions")
            .order_by("person__last_name", "person__first_name", "pk")
        )
        with_photo = [mentor.person_id for mentor in mentors if self.allows(mentor.person_id, D.PHOTO)]
        photos = {photo.person_id: photo for photo in MentorPhoto.objects.filter(person_id__in=with_photo)}
        result = []
        for mentor in mentors:
            person = mentor.person
            shown = PublicMentor(name=person.full_name, person_id=person.pk)
            if self.allows(person.pk, D.POSITION):
                shown.position = str(person.position)
            if self.allows(person.pk, D.EXPERIENCE):
                shown.category = person.get_qualification_category_display() if person.qualification_category else ""
                shown.experience = person.teaching_experience
            if self.allows(person.pk, D.ACHIEVEMENTS):
                shown.directions = [direction.name for direction in mentor.directions.all()]
                shown.competencies = self.redact(mentor.competencies)
            photo = photos.get(person.pk)
            if photo is not None:
                shown.photo = photo
                shown.photo_alt = self.redact(photo.photo_alt)
            result.append(shown)
        return result

    # --- best practices -----------------------------------------------------------------------------

    def practices(self) -> list[PublicPractice]:
        """Programs marked as best practice whose mentor let the results of their mentoring be published.
        The goal, the tasks and the expected results only: never the mentee's difficulties or strengths,
        never the mentee's name."""
        authors = [pk for pk, data in self.allowed.items() if D.ACHIEVEMENTS in data]
        programs = (
            Program.objects.filter(is_best_practice=True, pairing__mentor__person_id__in=authors)
            .select_related("pairing__mentor__person", "pairing__direction")
            .order_by("-starts_on", "-pk")
        )
        result = []
        for program in programs:
            mentor = program.pairing.mentor.person
            direction = program.pairing.direction
            result.append(
                PublicPractice(
                    pk=program.pk,
                    title=f"Программа наставничества: {str(direction).lower()}"
                    if direction
                    else "Программа наставничества",
                    author=mentor.full_name if self.allows(mentor.pk, D.NAME) else "",
                    period=f"{program.starts_on:%m.%Y}–{program.ends_on:%m.%Y}",
                    goal=self.redact(program.goal),
                    tasks=self.redact(program.tasks),
                    expected_results=self.redact(program.expected_results),
                )
            )
        return result

    # --- news ---------------------------------------------------------------------------------------

    def news(self) -> QuerySet:
        return (
            NewsItem.objects.filter(organization=self.organization, is_published=True, date__lte=self.today)
            .prefetch_related(Prefetch("people_shown", queryset=Person.objects.only("pk")))
            .order_by("-date", "-pk")
        )

    def photo_is_public(self, item: NewsItem) -> bool:
        """A photo goes out only with the curator's mark and while everyone shown has a consent in
        force to publish their photo."""
        if not item.photo or not item.everyone_shown_consented:
            return False
        return all(self.allows(person.pk, D.PHOTO) for person in item.people_shown.all())

    def shown_news(self, items) -> list[dict]:
        return [
            {
                "item": item,
                "title": self.redact(item.title),
                "paragraphs": [line for line in self.redact(item.text).splitlines() if line.strip()],
                "photo": self.photo_is_public(item),
                "photo_alt": self.redact(item.photo_alt),
            }
            for item in items
        ]

    # --- documents ----------------------------------------------------------------------------------

    def documents(self) -> list[PublicDocument]:
        """The regulation in force, the registered orders of the system and the approved roadmap, latest of each."""
        orders = {
            order.kind: order
            for order in Order.objects.filter(
                organization=self.organization, kind__in=(INTRODUCTION, CURATOR, ROADMAP_ORDER)
            )
            .exclude(status=Order.Status.DRAFT)
            .order_by("date", "number", "pk")
        }
        result = []
        regulation = (
            Regulation.objects.filter(organization=self.organization, order__isnull=False)
            .exclude(order__status__in=(Order.Status.DRAFT, Order.Status.VOIDED))
            .select_related("order")
            .order_by("-order__date", "-pk")
            .first()
        )
        if regulation is not None:
            result.append(
                PublicDocument(
                    "regulation",
                    f"{regulation.title} (утверждено приказом {regulation.adopting_order})",
                    "Цели, участники, права и обязанности, порядок наставничества.",
                    regulation,
                )
            )
        for kind, slug, note in (
            (INTRODUCTION, "introduction", "Им утверждено Положение о наставничестве педагогических работников."),
            (CURATOR, "curator", "Кто организует наставничество и чем занимается куратор."),
            (ROADMAP_ORDER, "roadmap-order", "Приказ об утверждении плана мероприятий."),
        ):
            order = orders.get(kind)
            if order is not None:
                result.append(
                    PublicDocument(
                        slug, f"Приказ от {order.date:%d.%m.%Y} № {order.number_text} «{order.heading}»", note, order
                    )
                )
        roadmap = (
            Roadmap.objects.filter(organization=self.organization, status=Roadmap.Status.APPROVED)
            .select_related("order")
            .order_by("-pk")
            .first()
        )
        if roadmap is not None:
            result.append(
                PublicDocument(
                    "roadmap",
                    f"Дорожная карта (план мероприятий) на {roadmap.year_label} учебный год",
                    "Этапы внедрения наставничества, сроки и ожидаемые результаты.",
                    roadmap,
                )
            )
        return result

    def stages_of(self, roadmap: Roadmap) -> list[Stage]:
        return list(
            roadmap.stages.order_by("number", "pk").prefetch_related(
                Prefetch("activities", queryset=Activity.objects.order_by("number", "pk"))
            )
        )


@dataclass
class MentorPhotoRow:
    person: Person
    stored_photo: MentorPhoto | None
    on_site: bool  # a mentor of the bank today, named by their consent
    consent_lists_photo: bool

    @property
    def shown(self) -> bool:
        return self.stored_photo is not None and self.on_site and self.consent_lists_photo


def mentors_for_photos(*, person_id: int | None = None) -> list[MentorPhotoRow]:
    """Every mentor of the bank (the ones who left it too, so that their photo can be removed), with
    the photo stored for the section and whether the site shows it today. Three queries whatever the
    number of mentors; `person_id`: just that person, if a mentor."""
    mentors = Mentor.objects.select_related("person").order_by(
        "-is_active", "person__last_name", "person__first_name", "pk"
    )
    if person_id is not None:
        mentors = mentors.filter(person_id=person_id)
    mentors = list(mentors)
    photos = {p.person_id: p for p in MentorPhoto.objects.filter(person_id__in=[m.person_id for m in mentors])}
    allowed = publishable_data_by_person()
    return [
        MentorPhotoRow(
            person=mentor.person,
            stored_photo=photos.get(mentor.person_id),
            on_site=mentor.is_active
            and mentor.person.status == Person.Status.WORKING
            and D.NAME in allowed.get(mentor.person_id, ()),
            consent_lists_photo=D.PHOTO in allowed.get(mentor.person_id, ()),
        )
        for mentor in mentors
    ]


def consents_withdrawn_since_last_export(organization: Organization) -> int:
    """How many people named in the last downloaded folder have withdrawn their consent since: their
    data may still be on the other site."""
    last = PublicExport.objects.filter(organization=organization).first()
    if last is None:
        return 0
    since = timezone.localtime(last.made_at).date()
    return (
        PublicationConsent.objects.filter(person_id__in=last.named_people, withdrawn_on__gte=since)
        .values("person_id")
        .distinct()
        .count()
    )
