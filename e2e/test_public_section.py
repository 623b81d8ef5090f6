"""The website's section «Наставничество»: Морозова, the curator, turns it on, writes a news item
about an open lesson, checks the mentors' photos and looks at the preview; an anonymous visitor reads
the news, the mentors (with Новикова's portrait) and the version for the visually impaired; Новикова withdraws her consent (the curator records it) and
is gone from the visitor's pages at once."""

import re

from playwright.sync_api import expect

from e2e.conftest import E2E, login, shot
from mentorship.models import PublicationConsent
from website.models import PublicSection

pytestmark = E2E

TITLE = "Мастер-класс «Игровые технологии в режимных моментах»"


def test_the_curator_publishes_and_a_visitor_reads_until_the_consent_is_withdrawn(page, browser, live_server, demo):
    PublicSection.objects.update(is_enabled=False)
    section_url = f"{live_server.url}/nastavnichestvo/"

    login(page, live_server, "curator")
    page.get_by_role("button", name="Ещё").click()
    page.get_by_role("link", name="Раздел на сайте").click()
    expect(page.locator("main h1")).to_have_text("Раздел «Наставничество» на сайте")
    expect(page.locator("main")).to_contain_text("выключен")
    page.get_by_label("Раздел на сайте включён").check()
    page.get_by_role("button", name="Сохранить").click()
    expect(page.locator(".alert-success")).to_contain_text("Настройки раздела сохранены")
    expect(page.locator("main")).to_contain_text("включён")
    shot(page, "public-curator-section-on")

    # The mentors' photos: Новикова's portrait is shown, Петрова's is kept but her consent lists no photo.
    page.get_by_role("link", name="Фотографии наставников").click()
    novikova_row = page.get_by_role("row").filter(has_text="Новикова")
    expect(novikova_row).to_contain_text("показывается")
    expect(page.get_by_role("row").filter(has_text="Петрова")).to_contain_text("в согласии нет фотографии")
    shot(page, "public-curator-mentor-photos")
    page.get_by_role("link", name="← Настройки раздела").click()

    page.get_by_role("link", name="Написать новость").click()
    page.get_by_label("Заголовок").fill(TITLE)
    page.get_by_label("Текст").fill(
        "Наставники показали молодым воспитателям, как превратить умывание и одевание в игру.\n"
        "Вопросы задавала Иванова Анна Дмитриевна."
    )
    page.get_by_role("button", name="Сохранить").click()
    expect(page.locator(".alert-success")).to_contain_text("Новость сохранена")
    page.get_by_role("link", name=TITLE).click()
    page.get_by_role("link", name="Предпросмотр").click()
    expect(page.locator(".preview-banner")).to_contain_text("Предпросмотр")
    expect(page.locator("main h1")).to_have_text(TITLE)
    # The mentee never consented: her name is hidden even in the curator's own text.
    expect(page.locator("main")).not_to_contain_text("Иванова")
    expect(page.locator("main")).to_contain_text("ФИО не публикуется")
    shot(page, "public-curator-preview")

    visitor = browser.new_context(locale="ru-RU", viewport={"width": 390, "height": 844})  # a phone
    anonymous = visitor.new_page()
    anonymous.goto(section_url)
    expect(anonymous).to_have_title(re.compile("^Наставничество"))
    expect(anonymous.locator("main")).to_contain_text("Морозова Ирина Александровна")  # the curator consented
    anonymous.get_by_role("navigation").get_by_role("link", name="Новости").click()
    anonymous.get_by_role("link", name=TITLE).click()
    expect(anonymous.locator("main h1")).to_have_text(TITLE)
    shot(anonymous, "public-visitor-news")
    anonymous.get_by_role("navigation").get_by_role("link", name="Наставники").click()
    expect(anonymous.locator("main")).to_contain_text("Новикова Ольга Владимировна")
    expect(anonymous.locator("main")).not_to_contain_text("Белова")  # she withdrew in the demo
    # Новикова's portrait, small on a phone; Петрова's is kept back (no photo in her consent).
    portrait = anonymous.get_by_role("img", name="Портрет: наставник в синем жакете на голубом фоне")
    portrait.scroll_into_view_if_needed()
    anonymous.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=portrait.element_handle())
    expect(anonymous.locator("main img")).to_have_count(1)
    assert portrait.bounding_box()["width"] <= 200
    shot(anonymous, "public-visitor-mentors")
    anonymous.get_by_role("link", name="Версия для слабовидящих").click()
    expect(anonymous.locator("html")).to_have_class("special")
    anonymous.get_by_role("navigation").get_by_role("link", name="Новости").click()
    expect(anonymous.locator("main img")).to_have_count(0)  # images off: their descriptions instead
    expect(anonymous.locator("main")).to_contain_text("Фотография: Центр экспериментирования")
    shot(anonymous, "public-visitor-special-version")

    # Новикова writes to withdraw her consent; the curator records it.
    consent = PublicationConsent.objects.get(person__last_name="Новикова", withdrawn_on__isnull=True)
    page.goto(f"{live_server.url}/bank/publication-consents/{consent.pk}/withdraw/")
    page.get_by_role("button", name="Сохранить").click()
    expect(page.locator(".alert-success")).to_be_visible()

    anonymous.goto(f"{section_url}nastavniki/")
    expect(anonymous.locator("main")).not_to_contain_text("Новикова")
    expect(anonymous.locator("main img")).to_have_count(0)  # her portrait went with her
    anonymous.goto(f"{section_url}novosti/")
    expect(anonymous.locator("main")).not_to_contain_text("Фотография: Центр экспериментирования")  # she was on it
    shot(anonymous, "public-visitor-after-withdrawal")
    visitor.close()
