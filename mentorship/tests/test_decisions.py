"""A pair's decisions are told (notices.decisions): its people when fixed by order, the curator when
the head returns it with a comment."""

from core.lifecycle import move
from mentorship.models import Pairing
from mentorship.services.pairs import pairing_move
from notices.models import Notice


def test_the_curator_is_told_when_the_head_returns_a_pair(world):
    Pairing.objects.filter(pk=world.pairing.pk).update(status=Pairing.Status.AWAITING_APPROVAL)
    pairing_move(pairing=world.pairing, target=Pairing.Status.RETURNED, actor=world.users["head"], comment="Сроки")
    [notice] = Notice.objects.all()
    assert notice.user == world.users["curator"]
    assert notice.text == f"Руководитель вернул пару {world.pairing.sides} с комментарием: «Сроки»"
    assert notice.url == world.pairing.get_absolute_url()


def test_the_pairs_people_are_told_when_it_is_fixed_by_order(world):
    pairing = Pairing.objects.get(pk=world.pairing.pk)
    pairing.status = Pairing.Status.AWAITING_APPROVAL
    move(pairing, Pairing.Status.FIXED, actor=world.users["head"], roles=None, checked=True)
    told = {notice.user.username: notice.text for notice in Notice.objects.all()}
    assert told == {
        "mentor": f"Пара {pairing.sides} утверждена приказом руководителя",
        "mentee": f"Пара {pairing.sides} утверждена приказом руководителя",
    }
