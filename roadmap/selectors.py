"""Reads of the roadmap, each in a fixed number of queries whatever the number of activities."""

from datetime import date, timedelta

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from people.models import Organization
from people.roles import roles_of

from .models import Activity, Roadmap, RoadmapTransition, academic_start_year
from .roles import DRAFTERS, HOME_READERS, READERS

DUE_SOON_DAYS = 14
HOME_SHOWN = 10


def _own_roadmaps() -> QuerySet:
    return Roadmap.objects.filter(organization__kind=Organization.Kind.OWN)


def roadmaps_for(user, *, today: date | None = None) -> QuerySet:
    """The kindergarten's roadmaps, newest year first, with the counts the list shows."""
    if not roles_of(user) & READERS:
        return Roadmap.objects.none()
    today = today or timezone.localdate()
    return (
        _own_roadmaps()
        .select_related("order")
        .annotate(
            activities_total=Count("stages__activities"),
            activities_done=Count("stages__activities", filter=Q(stages__activities__done_on__isnull=False)),
            activities_overdue=Count(
                "stages__activities",
                filter=Q(
                    status=Roadmap.Status.APPROVED,
                    stages__activities__done_on__isnull=True,
                    stages__activities__ends_on__lt=today,
                ),
            ),
        )
        .order_by("-start_year")
    )


def roadmap_detail_queryset(user) -> QuerySet:
    """One roadmap with everything its page shows: stages, activities, the log with names."""
    if not roles_of(user) & READERS:
        return Roadmap.objects.none()
    return (
        _own_roadmaps()
        .select_related("order", "organization", "copied_from")
        .prefetch_related(
            "stages",
            Prefetch("stages__activities", queryset=Activity.objects.order_by("number", "pk")),
            Prefetch("transitions", queryset=RoadmapTransition.objects.select_related("actor__person")),
        )
    )


def activities_for(user) -> QuerySet:
    """Activities of the roadmaps the user may read (edit views narrow them further)."""
    if not roles_of(user) & READERS:
        return Activity.objects.none()
    return Activity.objects.filter(stage__roadmap__organization__kind=Organization.Kind.OWN).select_related(
        "stage__roadmap"
    )


def overdue_activities(today: date | None = None) -> QuerySet:
    """Activities of approved roadmaps past their end date without an execution mark,
    the longest overdue first."""
    today = today or timezone.localdate()
    return (
        Activity.objects.filter(
            stage__roadmap__organization__kind=Organization.Kind.OWN,
            stage__roadmap__status=Roadmap.Status.APPROVED,
            done_on__isnull=True,
            ends_on__lt=today,
        )
        .select_related("stage__roadmap")
        .order_by("ends_on", "stage__number", "number")
    )


def due_soon_activities(today: date | None = None, days: int = DUE_SOON_DAYS) -> QuerySet:
    """Activities of approved roadmaps whose end date comes within `days`, not yet marked."""
    today = today or timezone.localdate()
    return (
        Activity.objects.filter(
            stage__roadmap__organization__kind=Organization.Kind.OWN,
            stage__roadmap__status=Roadmap.Status.APPROVED,
            done_on__isnull=True,
            ends_on__gte=today,
            ends_on__lte=today + timedelta(days=days),
        )
        .select_related("stage__roadmap")
        .order_by("ends_on", "stage__number", "number")
    )


def awaiting_approval() -> QuerySet:
    return _own_roadmaps().filter(status=Roadmap.Status.AWAITING_APPROVAL).select_related("order")


def queue_items() -> list[dict]:
    """The head's queue: roadmaps on approval, with their size and when they were sent."""
    roadmaps = list(
        awaiting_approval()
        .annotate(stages_total=Count("stages", distinct=True), activities_total=Count("stages__activities"))
        .prefetch_related(
            Prefetch(
                "transitions",
                queryset=RoadmapTransition.objects.filter(target=Roadmap.Status.AWAITING_APPROVAL)
                .select_related("actor__person")
                .order_by("-at", "-pk"),
                to_attr="sendings",
            )
        )
        .order_by("start_year")
    )
    return [{"roadmap": roadmap, "sent": roadmap.sendings[0] if roadmap.sendings else None} for roadmap in roadmaps]


def home_context(user, *, today: date | None = None) -> dict:
    """What the head's and the curator's home pages show about the roadmap, in a fixed number of
    queries (at most five): this year's roadmap (or that there is none), overdue and soon-due
    activities, and for the curator a roadmap the head returned, with the comment."""
    roles = roles_of(user)
    if not roles & HOME_READERS:
        return {}
    is_drafter = bool(roles & DRAFTERS)
    today = today or timezone.localdate()
    year = academic_start_year(today)
    current = _own_roadmaps().filter(start_year=year).first()
    overdue = list(overdue_activities(today)[: HOME_SHOWN + 1])
    context = {
        "roadmap_year": year,
        "roadmap_current": current,
        "roadmap_overdue": overdue[:HOME_SHOWN],
        "roadmap_overdue_more": len(overdue) > HOME_SHOWN,
        "roadmap_due_soon": list(due_soon_activities(today)[:HOME_SHOWN]) if is_drafter else [],
        "roadmap_returned": None,
        "roadmap_is_curator": is_drafter,
    }
    if is_drafter:
        context["roadmap_returned"] = (
            _own_roadmaps()
            .filter(status=Roadmap.Status.RETURNED)
            .prefetch_related(
                Prefetch(
                    "transitions",
                    queryset=RoadmapTransition.objects.filter(target=Roadmap.Status.RETURNED).order_by("-at", "-pk"),
                    to_attr="returns",
                )
            )
            .first()
        )
    return context


def order_annex(request, order) -> dict | None:
    """The roadmap an order approved, for the order's page (the slot «records.order.side»)."""
    if order.kind != "roadmap" or not roles_of(request.user) & READERS:
        return None
    return {"annexed_roadmaps": Roadmap.objects.filter(order=order)}
