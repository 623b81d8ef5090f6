"""Growth records of the shared `world`, written through the services: the mentee's own record
waiting for the curator, the mentor's confirmed course, a stranger's record kept by the curator,
a proposal to reward the mentor, waiting for the head, and one the head returned to the curator."""

from dataclasses import dataclass
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from core.tests.files import tiny_pdf
from growth.models import GrowthRecord, Kind, Level, RewardKind, RewardProposal
from growth.services import record_save, reward_proposal_create, reward_proposal_move, reward_rule_save


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def pdf_upload(name="scan.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, tiny_pdf(), content_type="application/pdf")


@dataclass
class Growth:
    mentee_record: GrowthRecord
    mentor_record: GrowthRecord
    other_record: GrowthRecord
    proposal: RewardProposal
    returned: RewardProposal


def save(user, **fields) -> GrowthRecord:
    return record_save(record=GrowthRecord(**fields), actor=user).obj


@pytest.fixture
def growth(world) -> Growth:
    users = world.users
    mentee_record = save(
        users["mentee"],
        person=world.mentee.person,
        kind=Kind.OPEN_EVENT,
        title="Открытый показ: утренний круг",
        level=Level.KINDERGARTEN,
        date=date(2025, 10, 15),
        scan=pdf_upload(),
    )
    mentor_record = save(
        users["curator"],
        person=world.mentor.person,
        kind=Kind.COURSE,
        title="Наставничество в ДОО",
        organizer="ИРО",
        hours=36,
        started_on=date(2025, 3, 1),
        date=date(2025, 3, 12),
    )
    other_record = save(
        users["curator"],
        person=world.other_person,
        kind=Kind.CONTEST,
        title="Воспитатель года",
        level=Level.MUNICIPAL,
        result="Призёр",
        date=date(2025, 4, 1),
        scan=pdf_upload(),
    )
    reward_rule_save(
        text="Благодарность — за завершённую программу.",
        effective_from=date(2025, 9, 1),
        scan=pdf_upload(),
        actor=users["curator"],
    )
    proposal = reward_proposal_create(
        proposal=RewardProposal(reward_kind=RewardKind.GRATITUDE, reason="За успешную реализацию программы"),
        mentors=[world.mentor],
        programs=[],
        actor=users["curator"],
    ).obj
    returned = reward_proposal_create(
        proposal=RewardProposal(reward_kind=RewardKind.CERTIFICATE, reason="За наставническую деятельность"),
        mentors=[world.mentor],
        programs=[],
        actor=users["curator"],
    ).obj
    returned = reward_proposal_move(
        proposal=returned,
        target=RewardProposal.Status.RETURNED,
        comment="Основание слишком общее: укажите программу.",
        actor=users["head"],
    )
    return Growth(mentee_record, mentor_record, other_record, proposal, returned)
