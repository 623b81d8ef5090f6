"""The public section checked by axe-core in the browser, every page in both versions (the ordinary one
and the one for the visually impaired): no serious or critical violation. axe-core comes bundled in the
Python wrapper `axe-playwright-python` (requirements-dev.txt, for the tests only; the pages never load it)."""

import pytest

from e2e.conftest import E2E, shot

pytestmark = E2E

axe_playwright = pytest.importorskip("axe_playwright_python.sync_playwright")

PAGES = ["", "nastavniki/", "dokumenty/", "praktiki/", "novosti/"]


def _problems(page) -> list[str]:
    results = axe_playwright.Axe().run(page)
    assert results.response["testEngine"]["name"] == "axe-core"  # it did run on the page
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + "; ".join(node["target"][0] for node in violation["nodes"][:3])
        for violation in results.response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]


def test_every_public_page_in_both_versions_passes_axe(browser, live_server, demo):
    from website.models import NewsItem

    news = NewsItem.objects.get()
    # axe is injected by the test through the browser's devtools; the pages' own policy stays as it is.
    context = browser.new_context(locale="ru-RU", viewport={"width": 390, "height": 844}, bypass_csp=True)
    page = context.new_page()
    problems = {}
    for version in ("normal", "special"):
        for path in [*PAGES, f"novosti/{news.pk}/"]:
            page.goto(f"{live_server.url}/nastavnichestvo/{path}?version={version}")
            found = _problems(page)
            if found:
                problems[f"{path} ({version})"] = found
        shot(page, f"public-axe-news-{version}")
    context.close()
    assert not problems, problems
