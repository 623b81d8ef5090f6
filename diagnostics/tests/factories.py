"""Diagnostics for tests: a sent diagnostic with given scores, on the competencies of the program."""

from django.utils import timezone

from ..models import Diagnostic, Rating
from ..selectors import competencies_for


def sent(program, stage, author, person, scores, *, by=None) -> Diagnostic:
    """A sent diagnostic of `program` rating its competencies in turn with `scores` (cycled)."""
    diagnostic = Diagnostic.objects.create(
        program=program, stage=stage, author=author, person=person, submitted_at=timezone.now(), submitted_by=by
    )
    for index, competency in enumerate(competencies_for(program)):
        Rating.objects.create(diagnostic=diagnostic, competency=competency, score=scores[index % len(scores)])
    return diagnostic
