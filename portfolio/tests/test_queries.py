"""The portfolio reads a fixed number of queries: the same for a mentor with one pair, program and
set of records as for one with three (an N+1 would add queries with every pair)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from .factories import full_pair

# Session, user, roles (3 on every page); the mentor with her person and directions (2); pairs with
# their mentees, forms and orders (4); programs with their mentees (2) and plan progress (1);
# diagnostics with their ratings (2); the end surveys' averages (1); the mentees' later records (1);
# the evidence (1); her own records (1).
PINNED = 18


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


@pytest.mark.parametrize("role", ["curator", "mentor"])
def test_the_portfolio_costs_the_same_queries_for_one_pair_and_for_three(world, client_as, role):
    url = reverse("portfolio:detail", args=[world.mentor.person.pk])
    client = client_as(role)
    full_pair(world, pairing=world.pairing, number=1)
    client.get(url)  # warm the session
    one = queries(client, url)
    full_pair(world, number=2)
    full_pair(world, number=3)
    three = queries(client, url)
    assert one == three == PINNED


def test_the_pdf_costs_the_same_queries_for_one_pair_and_for_three(world, client_as):
    url = reverse("portfolio:pdf", args=[world.mentor.person.pk])
    client = client_as("head")
    full_pair(world, pairing=world.pairing, number=1)
    client.get(url)
    one = queries(client, url)
    full_pair(world, number=2)
    full_pair(world, number=3)
    assert queries(client, url) == one == PINNED + 1  # + our organization, for the document's header
