"""A slot (core.extensions) is rendered in the page's own context: what higher apps put in it sees the
page's variables and its own, and a list page with a slot on every row does not run the context
processors again for each row."""

from django.conf import settings
from django.template import engines
from django.test import RequestFactory, override_settings

from core import extensions

CALLS = []


def counting_processor(request):
    CALLS.append(request.path)
    return {"from_processor": "меню"}


def templates_with_counting_processor():
    engine = dict(settings.TEMPLATES[0])
    options = dict(engine["OPTIONS"])
    options["context_processors"] = [*options["context_processors"], f"{__name__}.counting_processor"]
    engine["OPTIONS"] = options
    engine["DIRS"] = [*engine["DIRS"], settings.BASE_DIR / "core" / "tests" / "templates"]
    return [engine]


def test_a_slot_on_every_row_runs_the_context_processors_once(db):
    slot = extensions.Extension(
        slot="core_tests.row", template="core_tests/row_badge.html", context=lambda request, obj: {"n": obj * 2}
    )
    extensions.register(slot)
    CALLS.clear()
    try:
        with override_settings(TEMPLATES=templates_with_counting_processor()):
            page = engines["django"].from_string(
                "{% load extensions %}{% for row in rows %}[{% extensions 'core_tests.row' row %}]{% endfor %}"
            )
            html = page.render({"rows": range(25), "title": "Сотрудники"}, RequestFactory().get("/bank/people/"))
    finally:
        extensions.unregister(slot)
    assert CALLS == ["/bank/people/"]
    # The extension's template sees the page (title, the processor's variables), the row and its own.
    assert "[Сотрудники меню 0 0]" in html and "[Сотрудники меню 24 48]" in html
