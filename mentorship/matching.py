"""Mentors ranked for a mentee, each with its reasons in words. Nothing is paired automatically:
the council or the curator reads the list and proposes a pair.

Score (shown to the user in one sentence): a direction that matches the mentee's difficulties
or request weighs most, then free places, the same post, experience above the minimum,
the qualification category, and our own staff over a partner's.
"""

import re
from dataclasses import dataclass, field

from core.text import normalize_for_search, plural
from mentorship.services.bank import current_mentees_by_mentor
from people.models import Organization, Person, QualificationCategory

from .models import Mentee, Mentor

EXPLANATION = (
    "Выше — наставники, чьи направления совпадают с затруднениями и запросом наставляемого; затем учитываются "
    "свободные места, та же должность, стаж не ниже принятого, категория и то, что наставник — наш сотрудник."
)

WEIGHTS = {
    "direction": 30,
    "competency": 8,
    "places": 10,
    "no_places": -40,
    "same_post": 15,
    "experience": 10,
    "low_experience": -15,
    "category": {QualificationCategory.HIGHEST: 6, QualificationCategory.FIRST: 3, QualificationCategory.MENTOR: 8},
    "own_staff": 5,
}


@dataclass
class Suggestion:
    mentor: Mentor
    score: int = 0
    reasons: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    places_left: int = 0


# Words too common in a kindergarten's texts to say anything about a match.
COMMON_STEMS = ("детск", "детей", "дети", "работ", "групп", "педаг", "воспит", "образо", "органи")


def _words(text: str) -> list[str]:
    return [word.strip(".,;:!?«»()\"'—-") for word in normalize_for_search(text).split()]


def _phrases_with(text: str, words: list[str]) -> list[str]:
    """The mentor's own phrases («организация режимных моментов в младших группах») that hold a word
    the mentee needs: the reason reads as the mentor wrote it, not as a list of word stems."""
    stems = {word[:6] for word in words}
    phrases = [phrase.strip().rstrip(".") for phrase in re.split(r"[;\n]+", text) if phrase.strip()]
    return [phrase[0].lower() + phrase[1:] for phrase in phrases if any(w[:6] in stems for w in _words(phrase))]


def _mentions(stems: list[str], words: list[str]) -> bool:
    return any(word.startswith(stem) for stem in stems for word in words if stem)


def suggest_mentors(mentee: Mentee, *, limit: int = 10) -> list[Suggestion]:
    """Active mentors of working staff, best first, with the reasons for each place."""
    own = Organization.own()
    mentors = list(
        Mentor.objects.filter(is_active=True, person__status=Person.Status.WORKING)
        .exclude(person=mentee.person)
        .exclude(pairings__mentees=mentee, pairings__status__in=("fixed", "active"))
        .select_related("person__position", "person__organization")
        .prefetch_related("directions")
    )
    loads = current_mentees_by_mentor([mentor.pk for mentor in mentors])
    need = _words(f"{mentee.difficulties} {mentee.request}")
    suggestions = [_score(mentor, mentee, need, own, loads[mentor.pk]) for mentor in mentors]
    suggestions.sort(key=lambda s: (-s.score, s.mentor.person.last_name, s.mentor.person.first_name))
    return suggestions[:limit]


def _score(mentor: Mentor, mentee: Mentee, need: list[str], own, load: set[int]) -> Suggestion:
    s = Suggestion(mentor)
    person = mentor.person
    for direction in mentor.directions.all():
        stems = [stem.strip().lower().replace("ё", "е") for stem in direction.keywords.split(",")]
        if _mentions(stems, need):
            s.score += WEIGHTS["direction"]
            s.reasons.append(f"совпадает направление: {str(direction).lower()}")
    competencies = {word[:6] for word in _words(mentor.competencies) if len(word) >= 6}
    shared = sorted(
        {word for word in need if len(word) >= 6 and word[:6] in competencies and not word.startswith(COMMON_STEMS)}
    )
    if shared:
        s.score += WEIGHTS["competency"] * min(len(shared), 2)
        s.reasons.append("в компетенциях: " + "; ".join(_phrases_with(mentor.competencies, shared)[:2]))
    capacity = mentor.capacity or (own.mentor_capacity if own else 2)
    s.places_left = capacity - len(load)
    if s.places_left > 0:
        s.score += WEIGHTS["places"]
        s.reasons.append(f"свободно мест: {s.places_left}")
    else:
        s.score += WEIGHTS["no_places"]
        s.warnings.append(f"мест нет: наставляемых {len(load)} из {capacity}")
    if person.position_id == mentee.person.position_id:
        s.score += WEIGHTS["same_post"]
        s.reasons.append(f"та же должность: {str(person.position).lower()}")
    years = person.teaching_years
    minimum = own.mentor_min_experience_years if own else 0
    if years is not None and years >= minimum:
        s.score += WEIGHTS["experience"]
        s.reasons.append(f"стаж {plural(years, 'год', 'года', 'лет')}")
    else:
        s.score += WEIGHTS["low_experience"]
        s.warnings.append("стаж не указан" if years is None else f"стаж {years} — меньше принятого ({minimum})")
    bonus = WEIGHTS["category"].get(person.qualification_category, 0)
    if bonus:
        s.score += bonus
        s.reasons.append(f"категория: {person.get_qualification_category_display().lower()}")
    if person.organization.is_own:
        s.score += WEIGHTS["own_staff"]
    else:
        s.reasons.append(f"из организации-партнёра: {person.organization}")
    return s
