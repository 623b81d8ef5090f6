"""The head's path: the queue, a refusal for a missing consent, two pairs approved by one project of
an order, which the head registers: the pairs are fixed then."""

from playwright.sync_api import expect

from e2e.conftest import E2E, login, shot

pytestmark = E2E


def test_head_approves_two_ready_pairs_with_one_order(page, live_server, demo):
    from mentorship.models import Pairing
    from mentorship.queue import pending_count
    from records.models import Order

    # The demo's queue: three pairs, a program, a release from duty and a proposal to reward mentors.
    assert Pairing.objects.filter(status=Pairing.Status.AWAITING_APPROVAL).count() == 3
    assert pending_count() == 6
    login(page, live_server, "head")
    nav = page.locator("nav.navbar")
    expect(nav.get_by_role("link", name="На утверждение")).to_contain_text("6")
    nav.get_by_role("link", name="На утверждение").click()
    expect(page.locator("main h1")).to_have_text("Ждут вашего решения")
    cards = page.locator("#queue-pairings .card")
    withdrawn = cards.filter(has_text="Виноградова Мария Евгеньевна")
    expect(withdrawn).to_contain_text("Нет согласия на участие в паре: Виноградова Мария Евгеньевна")
    shot(page, "head-queue")

    # A pair whose mentee withdrew her consent: refused, and the page says whose consent is missing.
    withdrawn.get_by_role("checkbox").check()
    page.get_by_role("button", name="Утвердить отмеченные одним приказом").click()
    # An order is legally meaningful: the page first says what will be registered.
    expect(page.locator("main h1")).to_have_text("Утвердить пары приказом")
    expect(page.locator("main .alert")).to_contain_text("Будет подготовлен проект одного приказа")
    shot(page, "head-queue-confirm")
    page.get_by_role("button", name="Подготовить приказ").click()
    expect(page.locator(".alert-danger")).to_contain_text(
        "нет согласия на участие в паре — Виноградова Мария Евгеньевна"
    )
    shot(page, "head-queue-refused")
    assert not Order.objects.filter(pairings__mentees__person__last_name="Виноградова").exists()

    # The two ready pairs together: one order fixes both.
    for name in ("Орлова Ксения Павловна", "Григорьева Елизавета Максимовна"):
        cards.filter(has_text=name).get_by_role("checkbox").check()
    page.get_by_role("button", name="Утвердить отмеченные одним приказом").click()
    page.get_by_role("button", name="Подготовить приказ").click()
    expect(page.locator(".alert-success")).to_contain_text("Проект приказа о закреплении пар подготовлен")
    assert Pairing.objects.filter(status=Pairing.Status.AWAITING_APPROVAL).count() == 3  # not fixed yet
    shot(page, "head-order-project")
    warnings = page.locator("#journal-warnings")
    if warnings.count():
        # A pair whose start has passed while it waited: the page says so and asks why.
        page.get_by_role("button", name="Зарегистрировать").click()
        expect(page.locator("#journal-warnings")).to_contain_text("укажите причину")
        page.get_by_label("Причина отступления от журнала").fill("Пара начала работу до издания приказа")
    page.get_by_role("button", name="Зарегистрировать").click()
    expect(page.locator(".alert-success")).to_contain_text("Приказ зарегистрирован")
    expect(page.locator("main h1")).to_contain_text("Приказ № ")
    expect(page.locator("main")).to_contain_text("Орлова Ксения Павловна")
    expect(page.locator("main")).to_contain_text("Григорьева Елизавета Максимовна")
    shot(page, "head-order")
    order = Order.objects.latest("registered_at")
    assert sorted(p.mentees.get().person.last_name for p in order.pairings.all()) == ["Григорьева", "Орлова"]
    assert set(order.pairings.values_list("status", flat=True)) <= {Pairing.Status.FIXED, Pairing.Status.ACTIVE}

    pdf = page.request.get(f"{live_server.url}/bank/orders/{order.pk}/pdf/")
    assert pdf.status == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")

    # What is left of the pairs in the queue: only the pair without its consent.
    nav.get_by_role("link", name="На утверждение").click()
    expect(page.locator("#queue-pairings .card")).to_have_count(1)
