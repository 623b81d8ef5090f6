"""The website's section «Наставничество» and the curator's side of it.

The public pages open without a login (`login_not_required` in website.urls) while the kindergarten's
section is on; off, each is a 404. The preview shows the very same pages, rendered the same way, to
those who keep the section (website.roles.KEEPERS) whether it is on or not, marked as a preview.

Every page has the version for the visually impaired: `?version=special` (or `normal`) switches it and
a cookie keeps the choice; it needs no script."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.generic import CreateView, TemplateView, UpdateView, View

from core.files import file_response, stored_file_response
from core.views import Confirmation, ConfirmedActionMixin, ServiceFormMixin
from people.access import RoleRequiredMixin
from people.models import Organization
from people.roles import roles_of

from .documents import document_pdf
from .forms import MentorPhotoForm, NewsItemForm, PublicSectionForm
from .models import MentorPhoto, NewsItem
from .roles import KEEPERS, NEWS_WRITERS, PHOTO_KEEPERS
from .selectors import (
    Publication,
    consents_withdrawn_since_last_export,
    enabled_section,
    mentors_for_photos,
    section_of,
)
from .services import mentor_photo_remove, mentor_photo_save, news_save, public_section_save, section_export

VERSION_COOKIE = "nastavnichestvo_version"
SPECIAL, NORMAL = "special", "normal"
PAGES = ("index", "mentors", "documents", "practices", "news")


class PublicPageMixin:
    """One page of the section: public (section on, else 404) or its preview (the keepers only)."""

    preview = False
    page_key = "index"
    page_title = ""
    description = ""

    def dispatch(self, request, *args, **kwargs):
        if self.preview:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not roles_of(request.user) & KEEPERS:
                raise PermissionDenied("Эта страница недоступна для вашей роли.")
            self.section = section_of(Organization.own())
            if self.section.organization_id is None:
                raise Http404("Наша организация не заведена.")
        else:
            self.section = enabled_section()
            if self.section is None:
                raise Http404("Раздел «Наставничество» выключен.")
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def publication(self) -> Publication:
        return Publication(self.section.organization, self.section)

    def url(self, name: str, *args) -> str:
        return reverse(f"public:{'preview-' if self.preview else ''}{name}", args=args)

    @cached_property
    def version(self) -> tuple[bool, str | None]:
        """(the special version?, the choice to remember when the visitor just made it)."""
        asked = self.request.GET.get("version")
        if asked in (SPECIAL, NORMAL):
            return asked == SPECIAL, asked
        return self.request.COOKIES.get(VERSION_COOKIE) == SPECIAL, None

    def get_context_data(self, **kwargs):
        special, _ = self.version
        organization = self.section.organization
        return super().get_context_data(
            section=self.section,
            organization=organization,
            preview=self.preview,
            special=special,
            page_title=self.page_title,
            description=self.description,
            urls={name: self.url(name) for name in PAGES},
            current=self.page_key,
            switch_url=f"{self.request.path}?version={NORMAL if special else SPECIAL}",
            manage_url=reverse("public:manage"),
            **kwargs,
        )

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        _, chosen = self.version
        if chosen is not None:
            response.set_cookie(VERSION_COOKIE, chosen, max_age=365 * 24 * 3600, samesite="Lax")
        return response


class IndexView(PublicPageMixin, TemplateView):
    template_name = "public/index.html"
    page_title = "Наставничество"
    description = (
        "Система наставничества педагогических работников: как она устроена, документы, наставники, новости "
        "и к кому обратиться."
    )

    def get_context_data(self, **kwargs):
        publication = self.publication
        return super().get_context_data(
            about=[line for line in publication.redact(self.section.about).splitlines() if line.strip()],
            curator_name=publication.curator_name,
            latest_news=self.news_with_urls(publication.shown_news(publication.news()[:3])),
            **kwargs,
        )

    def news_with_urls(self, shown):
        for entry in shown:
            entry["url"] = self.url("news-detail", entry["item"].pk)
            entry["photo_url"] = self.url("news-photo", entry["item"].pk)
        return shown


class MentorsView(PublicPageMixin, TemplateView):
    page_key = "mentors"
    template_name = "public/mentors.html"
    page_title = "Наставники"
    description = "Наставники детского сада, давшие согласие на публикацию сведений о себе."

    def get_context_data(self, **kwargs):
        mentors = self.publication.mentors()
        for mentor in mentors:
            if mentor.photo is not None:
                mentor.photo_url = self.url("mentor-photo", mentor.person_id)
        return super().get_context_data(mentors=mentors, **kwargs)


class MentorPhotoView(PublicPageMixin, View):
    """A mentor's photo, only while their consent in force lists it (checked at every request)."""

    def get(self, request, person_pk):
        if not self.publication.mentor_photo_is_public(person_pk):
            raise Http404("Фотография не публикуется.")
        photo = get_object_or_404(MentorPhoto, person_id=person_pk)
        return stored_file_response(photo.photo, name="Фото наставника", inline=True)


class DocumentsView(PublicPageMixin, TemplateView):
    page_key = "documents"
    template_name = "public/documents.html"
    page_title = "Документы"
    description = "Положение о наставничестве, приказы о системе наставничества и дорожная карта в PDF."

    def get_context_data(self, **kwargs):
        documents = self.publication.documents()
        for document in documents:
            document.url = self.url("document", document.slug)
        return super().get_context_data(documents=documents, **kwargs)


class DocumentView(PublicPageMixin, View):
    def get(self, request, slug):
        document = next((d for d in self.publication.documents() if d.slug == slug), None)
        if document is None:
            raise Http404("Такого документа в разделе нет.")
        return file_response(document_pdf(self.publication, document), "application/pdf", document.title, inline=True)


class PracticesView(PublicPageMixin, TemplateView):
    page_key = "practices"
    template_name = "public/practices.html"
    page_title = "Лучшие практики"
    description = "Программы наставничества, отмеченные как лучшие практики, с согласия их авторов."

    def get_context_data(self, **kwargs):
        return super().get_context_data(practices=self.publication.practices(), **kwargs)


class NewsListView(IndexView):
    page_key = "news"
    template_name = "public/news_list.html"
    page_title = "Новости наставничества"
    description = "Открытые занятия, мастер-классы и конкурсы наставников и молодых педагогов."

    def get_context_data(self, **kwargs):
        publication = self.publication
        return super().get_context_data(news=self.news_with_urls(publication.shown_news(publication.news())), **kwargs)


class NewsDetailView(IndexView):
    page_key = "news"
    template_name = "public/news_detail.html"
    page_title = "Новость"

    def get_context_data(self, **kwargs):
        publication = self.publication
        item = get_object_or_404(publication.news(), pk=self.kwargs["pk"])
        entry = self.news_with_urls(publication.shown_news([item]))[0]
        self.page_title = entry["title"]
        self.description = (entry["paragraphs"] or [entry["title"]])[0][:200]
        return super().get_context_data(entry=entry, **kwargs)


class NewsPhotoView(PublicPageMixin, View):
    """A news photo, only while it may be published (website.selectors.Publication.photo_is_public)."""

    def get(self, request, pk):
        item = get_object_or_404(self.publication.news(), pk=pk)
        if not self.publication.photo_is_public(item):
            raise Http404("Фотография не публикуется.")
        # Saved from the page, it is named for its news, not by the random name it is stored under.
        return stored_file_response(item.photo, name=f"Фото к новости от {item.date:%d.%m.%Y}", inline=True)


# --- the curator's side -------------------------------------------------------------------------------


class OwnOrganizationMixin:
    @cached_property
    def own(self) -> Organization:
        own = Organization.own()
        if own is None:
            raise Http404("Наша организация не заведена.")
        return own


class ManageView(RoleRequiredMixin, OwnOrganizationMixin, ServiceFormMixin, UpdateView):
    """The section's settings (on/off, the text, the curator's contacts), its news and the preview."""

    allowed_roles = KEEPERS
    form_class = PublicSectionForm
    template_name = "public/manage/section.html"
    success_message = "Настройки раздела сохранены."

    def get_object(self, queryset=None):
        return section_of(self.own)

    def run_service(self, form):
        return public_section_save(section=form.instance, actor=self.request.user)

    def get_success_url(self):
        return reverse("public:manage")

    def get_context_data(self, **kwargs):
        can_write = bool(self.roles & NEWS_WRITERS)
        news = NewsItem.objects.filter(organization=self.own).order_by("-date", "-pk") if can_write else []
        return super().get_context_data(
            can_write=can_write,
            can_keep_photos=bool(self.roles & PHOTO_KEEPERS),
            news=news,
            last_export=self.own.public_exports.first(),
            withdrawn_since_export=consents_withdrawn_since_last_export(self.own),
            **kwargs,
        )


class NewsFormMixin(RoleRequiredMixin, OwnOrganizationMixin, ServiceFormMixin):
    allowed_roles = NEWS_WRITERS
    form_class = NewsItemForm
    template_name = "public/manage/news_form.html"
    success_message = "Новость сохранена."

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "organization": self.own}

    def run_service(self, form):
        return news_save(
            item=form.instance, people_shown=list(form.cleaned_data["people_shown"]), actor=self.request.user
        )

    def get_success_url(self):
        return reverse("public:manage")


class NewsCreateView(NewsFormMixin, CreateView):
    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = NewsItem(organization=self.own)
        return kwargs


class NewsUpdateView(NewsFormMixin, UpdateView):
    context_object_name = "item"

    def get_queryset(self):
        # Another organization's news is not ours to correct: a 404.
        return NewsItem.objects.filter(organization=self.own)


class ExportView(RoleRequiredMixin, OwnOrganizationMixin, View):
    """The section as a ZIP folder for the kindergarten's other site (website.export)."""

    allowed_roles = KEEPERS

    def post(self, request):
        outcome = section_export(publication=Publication(self.own), actor=request.user)
        stamp = timezone.localtime(outcome.obj.record.made_at)
        return file_response(outcome.obj.content, "application/zip", f"Раздел Наставничество {stamp:%d.%m.%Y}.zip")


# --- mentors' photos for the section ------------------------------------------------------------------


class MentorPhotosView(RoleRequiredMixin, TemplateView):
    """The bank's mentors with their photos for the section: which is stored, which the site shows."""

    allowed_roles = PHOTO_KEEPERS
    template_name = "public/manage/mentor_photos.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(rows=mentors_for_photos(), **kwargs)


class MentorPhotoMixin(RoleRequiredMixin):
    """One mentor's photo: the person must be a mentor of the bank, anyone else is a 404."""

    allowed_roles = PHOTO_KEEPERS

    @cached_property
    def mentor_person(self):
        row = next((row for row in mentors_for_photos(person_id=self.kwargs["person_pk"])), None)
        if row is None:
            raise Http404("Такого наставника в банке нет.")
        return row

    def stored_photo(self) -> MentorPhoto:
        photo = self.mentor_person.stored_photo
        if photo is None:
            raise Http404("Фотография не загружена.")
        return photo


class MentorPhotoUpdateView(MentorPhotoMixin, ServiceFormMixin, UpdateView):
    """Upload, replace or (a button on the same page) remove a mentor's photo."""

    form_class = MentorPhotoForm
    template_name = "public/manage/mentor_photo_form.html"
    success_message = "Фотография наставника сохранена."
    context_object_name = "photo"

    def get_object(self, queryset=None):
        row = self.mentor_person
        return row.stored_photo or MentorPhoto(person=row.person)

    def run_service(self, form):
        return mentor_photo_save(photo=form.instance, actor=self.request.user)

    def get_success_url(self):
        return reverse("public:mentor-photos")

    def get_context_data(self, **kwargs):
        return super().get_context_data(row=self.mentor_person, **kwargs)


class MentorPhotoDeleteView(MentorPhotoMixin, ConfirmedActionMixin, View):
    """Removing a photo deletes its file: the page first says so (core.views.ConfirmedActionMixin)."""

    def confirmation(self) -> Confirmation:
        self.stored_photo()  # no photo: a 404, not a question
        return Confirmation(
            title=f"Удалить фотографию: {self.mentor_person.person.full_name}",
            consequences=[
                "Фотография исчезнет со страницы «Наставники» раздела и из следующей выгрузки папкой, "
                "а её файл будет удалён: вернуть её можно, только загрузив снова."
            ],
            button="Удалить фотографию",
            cancel_url=reverse("public:mentor-photo-update", args=[self.kwargs["person_pk"]]),
        )

    def post(self, request, person_pk):
        mentor_photo_remove(photo=self.stored_photo(), actor=request.user)
        messages.success(request, "Фотография наставника удалена: её нет ни на одной странице раздела.")
        return redirect("public:mentor-photos")


class MentorPhotoFileView(MentorPhotoMixin, View):
    """The stored photo for those who keep it, whatever the consent: to check what was uploaded."""

    def get(self, request, person_pk):
        return stored_file_response(
            self.stored_photo().photo, name=f"Фото {self.mentor_person.person.full_name}", inline=True
        )
