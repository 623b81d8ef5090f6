"""The demo paperwork (demo/paperwork.py): idempotent, and it never overwrites what a user set."""

from datetime import date
from decimal import Decimal

import pytest

from mentorship.tests.factories import PartnerFactory
from mentorship.tests.test_orders import approve, ready_pair
from mentorship.tests.test_paperwork import fixed_rule, own_mentor  # noqa: F401 (fixed_rule is a fixture)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_demo_paperwork_is_idempotent_and_keeps_what_users_set(world, fixed_rule):  # noqa: F811
    from demo.paperwork import load_paperwork, set_pay_rule

    set_pay_rule(fixed_rule)  # a rule is set already: left as it is
    fixed_rule.refresh_from_db()
    assert fixed_rule.mentor_pay_amount == Decimal("3000.00")
    PartnerFactory(short_name="Педагогический колледж")
    pairing = ready_pair(world, mentor=own_mentor())
    approve(world, [pairing], date=date(2026, 11, 24))
    assert load_paperwork(actor=world.users["admin"]) == {"cooperation": 1, "requisites": 1}
    assert load_paperwork(actor=world.users["admin"]) == {"cooperation": 0, "requisites": 0}
    agreement = pairing.agreements.get()
    assert agreement.contract_date == agreement.mentor.person.hired_on
    assert agreement.contract_number == agreement.mentor.person.personnel_number


def test_demo_pay_rule_is_set_on_a_fresh_organization(db):
    from demo.paperwork import set_pay_rule
    from mentorship.tests.factories import OwnOrganizationFactory

    own = OwnOrganizationFactory()
    set_pay_rule(own)
    own.refresh_from_db()
    assert (own.mentor_pay_rule, own.mentor_pay_amount) == ("fixed", Decimal("3000.00"))
