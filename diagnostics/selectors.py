"""What the diagnostics pages read. The programs a user may open come from programs.selectors, so a
diagnostic has exactly the readers of its program's difficulties."""

from django.db.models import Prefetch, Q, QuerySet

from programs.selectors import programs_for

from .models import Competency, Diagnostic, Rating, TypicalActivity


def diagnostics_of(program) -> QuerySet:
    """A program's diagnostics with their ratings and competencies, in one query each."""
    return (
        Diagnostic.objects.filter(program=program)
        .select_related("submitted_by__person")
        .prefetch_related(Prefetch("ratings", queryset=Rating.objects.select_related("competency")))
    )


def programs_readable(user) -> QuerySet:
    return programs_for(user)


def competencies_for(program, *, rated=()) -> list[Competency]:
    """The competencies a program's diagnostics rate: the active ones of the pair's direction and of
    the directions in its plan, and any already rated (a competency later retired keeps its score)."""
    directions = {program.pairing.direction_id, *program.items.values_list("direction_id", flat=True)}
    return list(
        Competency.objects.filter(Q(direction__in=directions, is_active=True) | Q(pk__in=list(rated)))
        .select_related("direction")
        .order_by("direction__sort_order", "direction__name", "sort_order", "name")
    )


def typical_activities(competency_ids) -> QuerySet:
    return TypicalActivity.objects.filter(competency__in=competency_ids, is_active=True).select_related(
        "competency__direction", "form"
    )
