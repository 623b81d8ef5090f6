"""PostgreSQL refuses NUL in any text, so a NUL in an admin query would end in a 500 there: a
filter's value (`?status=a%00b`) goes into the query as it is, an autocomplete's `term` too (Django's
own search form only drops a NUL `q` with a message). The admin site answers 400 before any view
builds a query (core.admin_site.AdminSite), on every changelist, ours or a library's, the search
and a parameter's name included. SQLite stores NUL, so the tests check the answer and that no
query receives it."""

import pytest
from django.contrib import admin
from django.db import connection
from django.urls import reverse

REGISTERED = list(admin.site._registry.items())
IDS = [model._meta.label for model, _ in REGISTERED]


def changelist(model) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


def listed_filter(model_admin) -> str | None:
    return next((item for item in model_admin.list_filter if isinstance(item, str)), None)


def get_without_nul_reaching_the_database(client, address, params):
    """The response, after checking the parameters of every query the request ran: SQLite's own
    text of a query stops at a NUL, so the values are read as the driver receives them."""
    reaching = []

    def watch(execute, sql, values, many, context):
        rows = values if many else [values]
        reaching.extend(value for row in rows or [] for value in row or [] if "\x00" in str(value))
        return execute(sql, values, many, context)

    with connection.execute_wrapper(watch):
        response = client.get(address, params)
    assert reaching == []
    return response


@pytest.mark.parametrize(("model", "model_admin"), REGISTERED, ids=IDS)
def test_nul_in_any_changelist_query_is_a_bad_request(world, client_as, model, model_admin):
    client = client_as("admin")
    queries = [{"q": "Кузнецов\x00"}, {"q\x00": "Кузнецов"}]
    name = listed_filter(model_admin)
    if name:
        queries.append({name: "a\x00b"})
    for params in queries:
        assert get_without_nul_reaching_the_database(client, changelist(model), params).status_code == 400, params
    # The same search without NUL is answered.
    assert client.get(changelist(model), {"q": "Кузнецов"}).status_code == 200


def test_the_issues_own_address_and_the_autocomplete_refuse_nul(world, client_as):
    client = client_as("admin")
    response = get_without_nul_reaching_the_database(client, "/admin/people/person/", {"status": "a\x00b"})
    assert response.status_code == 400
    assert "Запрос не выполнен" in response.content.decode()
    # Refused before the view asks whether the field has an autocomplete at all (403 otherwise).
    autocomplete = {"term": "Куз\x00", "app_label": "accounts", "model_name": "user", "field_name": "groups"}
    assert get_without_nul_reaching_the_database(client, reverse("admin:autocomplete"), autocomplete).status_code == 400


def test_nul_does_not_open_the_admin_to_a_stranger(world, client_as):
    response = client_as("curator").get("/admin/people/person/", {"q": "\x00"})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
