"""«Мой календарь»: the address of the person's private feed and how to subscribe to it, a new address
behind a confirmation, and the feed itself, which calendar applications read without a login."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView, View

from core.files import file_response
from core.views import Confirmation, ConfirmedActionMixin
from people.access import RoleRequiredMixin
from people.roles import person_of

from . import ics, sources
from .selectors import feed_by_token, feed_of
from .services import feed_renew

# How many of the coming entries «Мой календарь» lists, so the person sees what the calendar holds.
UPCOMING_SHOWN = 10

NO_PERSON = "У вашей учётной записи нет карточки сотрудника: календарь собирается по карточке."


class OwnCalendarMixin(RoleRequiredMixin):
    """The calendar is about the user's own work: any employee with a staff card, whatever their roles."""

    allow_without_role = True

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and self.person is None:
            raise PermissionDenied(NO_PERSON)
        return super().dispatch(request, *args, **kwargs)


def feed_urls(request, feed) -> tuple[str, str]:
    """The feed's address as the browser reaches the site, and the same as webcal:// (which phones and
    Outlook open as «subscribe»)."""
    address = request.build_absolute_uri(reverse("feeds:feed", args=[feed.token]))
    return address, "webcal://" + address.split("://", 1)[1]


class CalendarView(OwnCalendarMixin, TemplateView):
    template_name = "feeds/calendar.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        feed = feed_of(self.request.user)
        context["feed"] = feed
        if feed is not None:
            context["address"], context["webcal"] = feed_urls(self.request, feed)
        today = timezone.localdate()
        context["upcoming"] = [event for event in sources.events_for(self.request.user) if event.day >= today][
            :UPCOMING_SHOWN
        ]
        return context


class FeedRenewView(OwnCalendarMixin, ConfirmedActionMixin, View):
    """«Выпустить новый адрес»: the first address at once; a new one after a page saying that the old
    stops working in every calendar subscribed to it."""

    def confirmation(self) -> Confirmation | None:
        if feed_of(self.request.user) is None:
            return None
        return Confirmation(
            title="Выпустить новый адрес календаря",
            consequences=[
                "Старый адрес перестанет работать сразу: календари, подписанные на него, больше не обновятся.",
                "Новый адрес нужно будет заново добавить в Google Календарь, Яндекс Календарь, Outlook или телефон.",
            ],
            button="Выпустить новый адрес",
            cancel_url=reverse("feeds:calendar"),
        )

    def post(self, request):
        first = feed_of(request.user) is None
        feed_renew(user=request.user, actor=request.user)
        messages.success(
            request, "Адрес календаря готов." if first else "Выпущен новый адрес; старый больше не работает."
        )
        return redirect("feeds:calendar")


@login_not_required
@require_safe
def feed(request, token: str):
    """The ICS feed: public, but only by its secret; an unknown or renewed secret is a 404."""
    calendar_feed = feed_by_token(token)
    if calendar_feed is None:
        raise Http404("Нет такого календаря.")
    user = calendar_feed.user
    person = person_of(user)
    if person is None:
        raise Http404("Нет такого календаря.")
    body = ics.render(
        sources.events_for(user),
        name=f"Наставник: {person.short_name}",
        base_url=f"{request.scheme}://{request.get_host()}",
    )
    # Opened in a browser, it saves as «Календарь Петрова С.И.ics»; a calendar ignores the name. Never
    # kept by a proxy (file_response): calendars read it on their own schedule, and it is someone's plan.
    return file_response(body, "text/calendar; charset=utf-8", f"Календарь {person.short_name}.ics", inline=True)
