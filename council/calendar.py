"""The council's meetings in the calendar of those who read them (feeds.sources): members, the curator
and the head — exactly meetings_for, the list page's selector. Only the date, the place and the number
of questions: the agenda names programs and pairs, and a calendar is kept on devices and services
outside the kindergarten, so it stays on the meeting's page. One query."""

from core.text import plural
from feeds.sources import Event

from .selectors import meetings_for


def meeting_events(user) -> list[Event]:
    events = []
    for meeting in meetings_for(user):
        questions = plural(meeting.item_count, "вопрос", "вопроса", "вопросов")
        state = "протокол подписан" if meeting.is_signed else "запланировано"
        events.append(
            Event(
                uid=f"council-meeting-{meeting.pk}",
                summary=f"Заседание МО{f' (протокол № {meeting.number})' if meeting.number else ''}",
                start=meeting.date,
                location=meeting.place,
                description=f"В повестке {questions}; {state}.",
                url=meeting.get_absolute_url(),
                # A signed protocol is frozen, so its signing is its last change; a scheduled meeting's
                # date may have moved since it was created, and no field says when.
                last_modified=meeting.signed_at,
            )
        )
    return events
