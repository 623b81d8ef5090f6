import pytest

from programs import selectors


@pytest.fixture(autouse=True)
def _every_reader_reads_every_program():
    """The council's narrower reading of programs (its reviews and meetings, a scope registered on
    programs.selectors by the council app) is tested in council; here «council» stands for a reader
    of the program, as the head and the curator do."""
    with selectors.scopes_suspended():
        yield
