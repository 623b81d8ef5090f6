import pytest

from core import extensions
from programs import agreement, completion, selectors

# The slots programs declares on its pages and documents; only higher apps fill them.
PROGRAM_SLOTS = (
    "programs.program.main",
    "programs.program.side",
    "programs.plan.tools",
    "programs.program.pdf",
    "programs.program.complete",
)


@pytest.fixture(autouse=True)
def _programs_alone():
    """Programs' own tests see programs alone: the completion conditions and the parts of programs'
    pages that higher apps register (diagnostics, …) are tested in those apps, so that, for one, the
    program page's pinned query count is programs' own."""
    filled = [extension for slot in PROGRAM_SLOTS for extension in extensions.of(slot)]
    for extension in filled:
        extensions.unregister(extension)
    with completion.conditions_suspended(), agreement.bases_suspended(), selectors.scopes_suspended():
        yield
    for extension in filled:
        extensions.register(extension)
