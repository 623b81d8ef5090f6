import pytest

from programs.completion import conditions_suspended


@pytest.fixture(autouse=True)
def _only_programs_own_completion_rules():
    """Programs' tests check programs' own rules of completion; what the higher apps (surveys,
    diagnostics…) add to them is tested in those apps."""
    with conditions_suspended():
        yield
