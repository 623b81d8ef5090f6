"""Projects of orders as the head and the curator meet them in the browser: the head withdraws a
project of the pairs' order with a reason, and the pair is back in the queue; the curator starts a new
edition of the adopted regulation, edits it, and it waits for a new introduction order."""

from playwright.sync_api import expect

from e2e.conftest import E2E, login, shot

pytestmark = E2E


def test_the_head_withdraws_a_project_and_its_pair_returns_to_the_queue(page, live_server, demo):
    from mentorship.models import Pairing
    from records.models import Order

    login(page, live_server, "head")
    nav = page.locator("nav.navbar")
    nav.get_by_role("link", name="На утверждение").click()
    cards = page.locator("#queue-pairings .card")
    expect(cards.first).to_be_visible()  # `count()` does not wait for the page
    waiting = cards.count()
    cards.filter(has_text="Орлова Ксения Павловна").get_by_role("checkbox").check()
    page.get_by_role("button", name="Утвердить отмеченные одним приказом").click()
    page.get_by_role("button", name="Подготовить приказ").click()
    expect(page.locator(".alert-success")).to_contain_text("Проект приказа о закреплении пар подготовлен")
    project = Order.objects.get(status=Order.Status.DRAFT, pairings__mentees__person__last_name="Орлова")

    # Without a reason the browser does not send the form (the field is required) and nothing is withdrawn.
    page.locator("#order-void summary").click()
    expect(page.locator("#order-void")).to_contain_text("вернётся к вам на утверждение")
    reason = page.get_by_label("Причина отзыва")
    expect(reason).to_have_attribute("required", "")
    page.locator("#order-void").get_by_role("button", name="Отозвать проект").click()
    expect(page.get_by_role("button", name="Зарегистрировать")).to_be_visible()
    project.refresh_from_db()
    assert project.is_draft

    reason.fill("Пара начнёт работу со следующего месяца")
    page.locator("#order-void").get_by_role("button", name="Отозвать проект").click()
    expect(page.locator(".alert-success")).to_contain_text("отозван; он не будет зарегистрирован")
    expect(page.locator("main")).to_contain_text("Пара начнёт работу со следующего месяца")
    expect(page.get_by_role("button", name="Зарегистрировать")).to_have_count(0)
    shot(page, "order-project-withdrawn")
    project.refresh_from_db()
    assert project.is_voided and project.number is None
    pairing = project.pairings.get()
    assert pairing.status == Pairing.Status.AWAITING_APPROVAL

    # The pair waits in the queue again, its card free to be approved into a new project.
    nav.get_by_role("link", name="На утверждение").click()
    expect(cards).to_have_count(waiting)
    expect(cards.filter(has_text="Орлова Ксения Павловна").get_by_role("checkbox")).to_be_enabled()


def test_the_curator_starts_a_new_edition_of_the_adopted_regulation(page, live_server, demo):
    from mentorship.models import Regulation

    adopted = Regulation.objects.get()
    assert adopted.is_adopted
    login(page, live_server, "curator")
    page.locator("nav.navbar").get_by_role("button", name="Ещё").click()
    page.locator("nav.navbar").get_by_role("link", name="Положение о наставничестве").click()
    expect(page.locator("main h1")).to_have_text("Положение о наставничестве")
    page.locator("main").get_by_role("link", name=adopted.title).first.click()
    expect(page.get_by_role("link", name="Править текст")).to_have_count(0)  # adopted: frozen with its order
    page.get_by_role("button", name="Начать новую редакцию").click()
    expect(page.locator(".alert-success")).to_contain_text("Начата новая редакция Положения")
    page.get_by_role("link", name="Править текст").click()
    text = page.locator("#id_text")
    text.fill(text.input_value() + "\n\n9. Заключительные положения\n\n9.1. Новая редакция вступает в силу с приказом.")
    page.get_by_role("button", name="Сохранить").click()
    expect(page.locator("main")).to_contain_text("9.1. Новая редакция вступает в силу с приказом.")
    shot(page, "regulation-new-edition")

    edition = Regulation.objects.exclude(pk=adopted.pk).get()
    assert edition.replaces == adopted and not edition.is_adopted
    assert "9.1. Новая редакция" in edition.text
    adopted.refresh_from_db()
    assert "9.1. Новая редакция" not in adopted.text  # the adopted text stays as its order adopted it
