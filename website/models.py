"""The section «Наставничество» of the kindergarten's website: whether it is on and whom to ask
(one row per organization), and the news of mentoring events the curator writes.

Nothing personal is copied here: who is shown, and with what, is read from the publication consents
at every request (website.selectors), so a withdrawn consent takes a person off every page at once."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from core.files import random_file_name


def news_photo_path(instance, filename: str) -> str:
    return random_file_name("public-news", filename)


def mentor_photo_path(instance, filename: str) -> str:
    return random_file_name("public-mentors", filename)


class PublicSection(models.Model):
    organization = models.OneToOneField(
        "people.Organization", verbose_name="организация", on_delete=models.CASCADE, related_name="public_section"
    )
    is_enabled = models.BooleanField(
        "Раздел на сайте включён",
        default=False,
        help_text="Пока раздел выключен, его страницы недоступны никому, кроме предпросмотра.",
    )
    about = models.TextField(
        "о системе наставничества",
        blank=True,
        help_text="Несколько абзацев для посетителей сайта: зачем наставничество и как оно устроено.",
    )
    contact_phone = models.CharField("телефон куратора", max_length=50, blank=True)
    contact_email = models.EmailField("электронная почта куратора", blank=True)
    contact_hours = models.CharField(
        "где и когда обратиться", max_length=300, blank=True, help_text="Например: кабинет 12, вторник 14:00–16:00."
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "раздел «Наставничество» на сайте"
        verbose_name_plural = "разделы «Наставничество» на сайте"

    def __str__(self) -> str:
        return f"Раздел «Наставничество»: {'включён' if self.is_enabled else 'выключен'}"


class NewsItem(models.Model):
    organization = models.ForeignKey(
        "people.Organization", verbose_name="организация", on_delete=models.CASCADE, related_name="public_news"
    )
    title = models.CharField("заголовок", max_length=300)
    date = models.DateField("дата", default=timezone.localdate)
    text = models.TextField(
        "текст", help_text="Что прошло: открытое занятие, мастер-класс, конкурс. Абзацы — с новой строки."
    )
    photo = models.FileField("фотография", upload_to=news_photo_path, blank=True, max_length=200)
    photo_alt = models.CharField(
        "что на фотографии",
        max_length=300,
        blank=True,
        help_text="Текст для тех, кто не видит изображения (и для версии для слабовидящих).",
    )
    people_shown = models.ManyToManyField(
        "people.Person",
        verbose_name="кто изображён",
        blank=True,
        related_name="+",
        help_text="Фотография публикуется, только пока у каждого из них действует согласие на публикацию фотографии.",
    )
    everyone_shown_consented = models.BooleanField(
        "все изображённые дали согласие",
        default=False,
        help_text="Без этой отметки фотография не публикуется. Детей на фотографиях быть не должно.",
    )
    is_published = models.BooleanField("опубликована", default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="написал", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    history = HistoricalRecords(excluded_fields=["photo"], m2m_fields=[people_shown])

    class Meta:
        verbose_name = "новость наставничества"
        verbose_name_plural = "новости наставничества"
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("public:news-update", args=[self.pk])

    def clean(self):
        if self.photo and not self.photo_alt.strip():
            raise ValidationError(
                {"photo_alt": "Опишите, что на фотографии: без этого её не прочтёт незрячий посетитель."}
            )


class MentorPhoto(models.Model):
    """A mentor's photo for the section, one per person, kept by the curator. Stored whatever the
    consent says: it is shown only while the person's consent in force lists the photo
    (website.selectors.Publication.mentor_photo_is_public), checked at every request."""

    person = models.OneToOneField("people.Person", verbose_name="сотрудник", on_delete=models.CASCADE, related_name="+")
    photo = models.FileField("фотография", upload_to=mentor_photo_path, max_length=200)
    photo_alt = models.CharField(
        "что на фотографии",
        max_length=300,
        help_text="Текст для тех, кто не видит изображения (и для версии для слабовидящих), "
        "например: «Портрет: наставник в группе у стола с пособиями».",
    )
    uploaded_at = models.DateTimeField("загружена", default=timezone.now)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="загрузил", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    history = HistoricalRecords(excluded_fields=["photo"])

    class Meta:
        verbose_name = "фотография наставника для сайта"
        verbose_name_plural = "фотографии наставников для сайта"

    def __str__(self) -> str:
        return f"Фотография: {self.person}"

    def clean(self):
        if not self.photo_alt.strip():
            raise ValidationError(
                {"photo_alt": "Опишите, что на фотографии: без этого её не прочтёт незрячий посетитель."}
            )


class PublicExport(models.Model):
    """One download of the section as a folder for another site: what it carried (who was named, which
    news, documents, practices and mentors' photos), so the next download can say what changed and
    warn of a consent withdrawn after it. Ids only (and the random names of the photos): the people
    themselves are read from the bank."""

    organization = models.ForeignKey(
        "people.Organization", verbose_name="организация", on_delete=models.CASCADE, related_name="public_exports"
    )
    made_at = models.DateTimeField("выгружен", default=timezone.now)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="выгрузил", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    named_people = models.JSONField("названные сотрудники", default=list, blank=True)
    news = models.JSONField("новости", default=list, blank=True)
    documents = models.JSONField("документы", default=list, blank=True)
    practices = models.JSONField("практики", default=list, blank=True)
    # The random stored names of the mentors' photos it carried (a replaced photo is a new name).
    mentor_photos = models.JSONField("фотографии наставников", default=list, blank=True)

    class Meta:
        verbose_name = "выгрузка раздела"
        verbose_name_plural = "выгрузки раздела"
        ordering = ["-made_at", "-pk"]

    def __str__(self) -> str:
        return f"Выгрузка раздела от {timezone.localtime(self.made_at):%d.%m.%Y %H:%M}"
