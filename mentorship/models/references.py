"""Reference lists a kindergarten may extend; seeded with the preschool defaults."""

from django.db import models


class ReferenceItem(models.Model):
    name = models.CharField("название", max_length=200, unique=True)
    is_active = models.BooleanField(
        "используется", default=True, help_text="Снятые с использования не предлагаются в новых записях."
    )
    sort_order = models.PositiveSmallIntegerField("порядок в списке", default=100)

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


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


class Position(ReferenceItem):
    """A post. Only pedagogical posts count in the indicators (not the cook, not the assistant)."""

    is_pedagogical = models.BooleanField("педагогическая должность", default=True)
    is_deputy_head = models.BooleanField(
        "заместитель руководителя", default=False, help_text="Куратор назначается из заместителей руководителя (3.4)."
    )

    class Meta(ReferenceItem.Meta):
        verbose_name = "должность"
        verbose_name_plural = "должности"


REFERENCE_MODELS = {
    "directions": Direction,
    "forms": MentoringForm,
    "mentee-categories": MenteeCategory,
    "positions": Position,
}
