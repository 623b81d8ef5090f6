import pytest


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Evidence files written by the tests go to a folder of their own."""
    settings.MEDIA_ROOT = tmp_path
