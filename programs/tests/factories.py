import factory

from mentorship.models import Direction
from mentorship.tests.factories import PairingFactory

from ..models import ActivityForm, PlanItem, Program


class ProgramFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Program

    pairing = factory.SubFactory(PairingFactory)
    starts_on = factory.LazyAttribute(lambda program: program.pairing.starts_on)
    ends_on = factory.LazyAttribute(lambda program: program.pairing.planned_end_on)
    difficulties = "Затрудняется в организации режимных моментов"
    strengths = "Доброжелательна, легко находит контакт с детьми"
    goal = "Освоить организацию режимных моментов в группе раннего возраста"
    tasks = "1. Изучить режим дня группы.\n2. Освоить приёмы организации умывания и прогулки."
    expected_results = "Самостоятельно организует режимные моменты"


class PlanItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanItem

    program = factory.SubFactory(ProgramFactory)
    position = factory.Sequence(lambda n: n + 1)
    direction = factory.LazyFunction(lambda: Direction.objects.order_by("pk").first())
    activity = factory.Sequence(lambda n: f"Консультация по теме № {n + 1}")
    form = factory.LazyFunction(lambda: ActivityForm.objects.order_by("pk").first())
    deadline = factory.LazyAttribute(lambda item: item.program.starts_on.replace(day=28))
    responsible = "Наставник"
    expected_result = "Конспект консультации"
