"""Who may do what with the surveys: every set of roles this app checks, in one place.

A single answer is read by its author, the curator and the head only: never by the other member of
the pair (that is the point of asking them apart), the council sees averages with no names, and the
system administrator nothing."""

from people.roles import Role

# Who reads any single answer (besides its author).
ANSWER_READERS = frozenset({Role.HEAD, Role.CURATOR})
# Who opens the questionnaires and their questions.
QUESTIONNAIRE_READERS = frozenset({Role.HEAD, Role.CURATOR})
# Who changes next year's questions, sends the needs survey and records a refusal given on paper (3.4).
KEEPERS = frozenset({Role.CURATOR})
# Who reads the summary: averages per question and stage, no names.
SUMMARY_READERS = frozenset({Role.HEAD, Role.CURATOR, Role.COUNCIL})
# Who answers a pair's survey (only about their own program).
PAIR_RESPONDENTS = frozenset({Role.MENTOR, Role.MENTEE})
# Who may open a single answer at all (a mentor or a mentee only their own).
ANSWER_ROLES = ANSWER_READERS | PAIR_RESPONDENTS
