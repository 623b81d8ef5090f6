"""The demo's diagnostics: a completed program with start and end, Иванова's running program with its
start; loaded once."""

import pytest

from demo.diagnostics import load
from diagnostics.models import Diagnostic, Rating
from programs.models import Program

pytestmark = pytest.mark.django_db

Stage, Author = Diagnostic.Stage, Diagnostic.Author


@pytest.fixture
def demo(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    from demo.kindergarten import load_demo

    return load_demo()


def test_the_demo_has_diagnostics_and_loads_them_once(demo):
    assert demo["diagnostics"] == 3
    completed = Program.objects.get(status=Program.Status.COMPLETED)
    kinds = set(completed.diagnostics.filter(submitted_at__isnull=False).values_list("stage", "author"))
    assert kinds == {(s, a) for s in Stage for a in Author}
    running = Program.objects.get(status=Program.Status.RUNNING, pairing__mentees__person__last_name="Иванова")
    start = running.diagnostics.filter(stage=Stage.START, submitted_at__isnull=False)
    assert set(start.values_list("author", flat=True)) == {Author.MENTEE, Author.MENTOR}
    assert not running.diagnostics.filter(stage=Stage.END).exists()
    counts = (Diagnostic.objects.count(), Rating.objects.count())
    assert load() == 0
    assert (Diagnostic.objects.count(), Rating.objects.count()) == counts
