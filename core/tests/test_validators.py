import pytest
from django.core.exceptions import ValidationError

from core.validators import validate_inn, validate_ogrn


@pytest.mark.parametrize("value", ["7707083893", "500100732259", "6625012346"])
def test_valid_inn_passes(value):
    validate_inn(value)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("7707083894", "контрольная цифра"),
        ("12345", "10 цифр"),
        ("77070838ab", "10 цифр"),
        ("500100732258", "контрольная"),
    ],
)
def test_bad_inn_is_explained(value, message):
    with pytest.raises(ValidationError, match=message):
        validate_inn(value)


@pytest.mark.parametrize("value", ["1027700132195", "1026601512343", "304500116000157"])
def test_valid_ogrn_passes(value):
    validate_ogrn(value)


@pytest.mark.parametrize("value", ["1027700132196", "102770013219", "30450011600015x"])
def test_bad_ogrn_is_refused(value):
    with pytest.raises(ValidationError):
        validate_ogrn(value)
