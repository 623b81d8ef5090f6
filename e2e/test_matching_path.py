"""Issue 5, matching: a newly hired teacher gets into the bank, and the council picks her mentor
from the suggestions, clicked through as people would."""

import re

from playwright.sync_api import expect

from e2e.conftest import E2E, login, shot

pytestmark = E2E

NEWCOMER = "Семёнова Дарья Игоревна"  # demo: hired this year, no mentor, not in the bank of mentees
DIFFICULTIES = "Не хватает опыта в организации режимных моментов: умывание, дневной сон, прогулка."


def test_council_member_proposes_a_pair_with_the_first_suggestion(page, live_server, demo):
    from mentorship.models import Pairing

    # The curator puts the newcomer into the bank of mentees with her difficulties.
    login(page, live_server, "curator")
    page.locator("nav.navbar").get_by_role("link", name="Наставляемые", exact=True).click()
    page.get_by_role("link", name="Включить наставляемого").click()
    option = page.locator("#id_person option", has_text=NEWCOMER)
    page.locator("#id_person").select_option(label=option.inner_text().strip())
    page.locator("#id_category").select_option(label="Молодой специалист")
    page.locator("#id_difficulties").fill(DIFFICULTIES)
    page.get_by_role("button", name="Сохранить").click()
    expect(page.get_by_role("alert").filter(has_text="Наставляемый включён в банк.")).to_be_visible()
    page.context.clear_cookies()

    # The council member opens her card: mentors ranked, each with the reasons in words.
    login(page, live_server, "council")
    page.locator("nav.navbar").get_by_role("link", name="Наставляемые", exact=True).click()
    page.get_by_role("link", name=NEWCOMER).click()
    expect(page.locator("main h1")).to_have_text(NEWCOMER)
    suggestions = page.locator(".suggestion")
    expect(suggestions.first).to_be_visible()
    assert suggestions.count() >= 2
    first = suggestions.first
    expect(first).to_contain_text("совпадает направление: режимные моменты")
    expect(first).to_contain_text(re.compile(r"стаж \d+ (год|года|лет)"))
    first_mentor = first.locator("strong").first.inner_text().strip()
    shot(page, "council-mentee-suggestions")

    # «Предложить пару» with the first suggestion: the form comes filled with both of them.
    first.get_by_role("link", name="Предложить пару").click()
    expect(page.locator("#id_mentor option:checked")).to_contain_text(first_mentor)
    expect(page.get_by_label(re.compile(NEWCOMER))).to_be_checked()
    page.locator("#id_direction").select_option(label="Режимные моменты")
    page.get_by_label("Педагог – педагог", exact=True).check()
    page.locator("#id_starts_on").fill("2026-12-01")
    page.locator("#id_planned_end_on").fill("2027-05-31")
    shot(page, "council-pair-form-from-suggestion")
    page.get_by_role("button", name="Сохранить").click()

    expect(page.get_by_role("alert").filter(has_text="Пара предложена.")).to_be_visible()
    expect(page.locator("main")).to_contain_text(first_mentor)
    expect(page.locator("main")).to_contain_text(NEWCOMER)
    shot(page, "council-pair-proposed")

    pairing = Pairing.objects.get(mentees__person__last_name="Семёнова")
    assert pairing.status == Pairing.Status.PROPOSED
    assert pairing.mentor.person.full_name == first_mentor
    assert pairing.proposed_by.username == "council"
