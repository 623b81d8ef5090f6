"""The text helpers (core.text) for templates: a number's noun and a word that agrees with a person.

Исправьте {{ n }} {{ n|plural_form:"строку,строки,строк" }}
{{ person|gendered:"уволен,уволена" }}
{{ row.mentee_experience|nbsp }}  (стаж 9 лет 2 мес. that never breaks in a table's column)
"""

from django import template

from core.text import by_gender
from core.text import nbsp as _nbsp
from core.text import plural_form as _plural_form

register = template.Library()


@register.filter
def plural_form(number, forms: str) -> str:
    """`forms` are the three forms, comma-separated: for 1, for 2–4, for 5 and more."""
    one, few, many = (form.strip() for form in forms.split(","))
    return _plural_form(int(number), one, few, many)


@register.filter
def gendered(person, forms: str) -> str:
    """`forms`: the man's and the woman's, comma-separated; anyone without a known gender gets both."""
    male, female = (form.strip() for form in forms.split(","))
    if person is None or not hasattr(person, "gendered"):
        return by_gender(None, male, female)
    return person.gendered(male, female)


@register.filter
def nbsp(value) -> str:
    """Non-breaking spaces where a printed line must not break (core.text.nbsp)."""
    return _nbsp(value)
