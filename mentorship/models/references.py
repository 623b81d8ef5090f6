"""Reference lists a kindergarten may extend; seeded with the preschool defaults."""

from django.db import models

from core.models import ReferenceItem


class Direction(ReferenceItem):
    """Direction of mentoring by which pairs are fixed (3.5 of the regulation)."""

    keywords = models.CharField(
        "слова для подбора наставника",
        max_length=500,
        blank=True,
        help_text="Через запятую начала слов, по которым затруднения наставляемого относятся к направлению: "
        "«режим, умыван, прогулк».",
    )

    class Meta(ReferenceItem.Meta):
        verbose_name = "направление наставничества"
        verbose_name_plural = "направления наставничества"


class MentoringForm(ReferenceItem):
    """A form of mentoring (2.3); forms combine within one pair."""

    is_one_off = models.BooleanField(
        "разовая встреча", default=False, help_text="Скоростное, ситуационное: встречи без программы."
    )
    needs_group = models.BooleanField(
        "только для группы", default=False, help_text="Нужно не меньше двух наставляемых."
    )

    class Meta(ReferenceItem.Meta):
        verbose_name = "форма наставничества"
        verbose_name_plural = "формы наставничества"


class MenteeCategory(ReferenceItem):
    class Meta(ReferenceItem.Meta):
        verbose_name = "категория наставляемых"
        verbose_name_plural = "категории наставляемых"
