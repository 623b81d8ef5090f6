"""Петрова's portfolio in the demo has real content in every section the demo's records can fill."""

import pytest
from django.urls import reverse

from accounts.models import User
from portfolio.selectors import mentors_for, portfolio_of


@pytest.fixture
def petrova(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    from demo.kindergarten import load_demo

    load_demo()
    return User.objects.get(username="mentor").person


def test_petrovas_portfolio_is_full(petrova, client):
    curator = User.objects.get(username="curator")
    portfolio = portfolio_of(mentors_for(curator).get(person=petrova))
    assert len(portfolio.pairs) >= 2 and all(pair.registered_orders for pair in portfolio.pairs)
    assert {program.get_status_display() for program in portfolio.programs} >= {"Завершена", "Реализуется"}
    completed = next(row for row in portfolio.growth if row.self_end is not None)
    assert completed.self_end > completed.self_start and completed.grew_self > 0
    later = {(record.person.last_name, record.kind) for record in portfolio.later_results}
    assert {("Ёлкина", "certification"), ("Ёлкина", "contest"), ("Иванова", "course")} <= later
    assert [row["person"].last_name for row in portfolio.retention] == ["Ёлкина"]
    assert {group["kind"] for group in portfolio.own_records} >= {"course", "contest", "reward"}
    # Петрова has two mentees: their end-survey answers are never averaged for her.
    assert not portfolio.satisfaction.enough

    client.force_login(User.objects.get(username="mentor"))
    page = client.get(reverse("portfolio:mine"), follow=True)
    assert page.status_code == 200
    assert "Квалификационная категория: первая" in page.content.decode()
