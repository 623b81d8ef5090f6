"""Start against end per competency: the numbers of a program's diagnostics, and the same picture as
server-side SVG for the page and the PDF (WeasyPrint draws inline SVG; no script, no library)."""

from dataclasses import dataclass, field
from html import escape

from core.text import two_lines

from .models import Diagnostic, Score

# (stage, author) in the order of the table's columns and of the chart's bars, with the bar colours.
COLUMNS = [
    (Diagnostic.Stage.START, Diagnostic.Author.MENTEE, "Самооценка, вход", "#9ec5fe"),
    (Diagnostic.Stage.END, Diagnostic.Author.MENTEE, "Самооценка, итог", "#0d6efd"),
    (Diagnostic.Stage.START, Diagnostic.Author.MENTOR, "Наставник, вход", "#ffcd39"),
    (Diagnostic.Stage.END, Diagnostic.Author.MENTOR, "Наставник, итог", "#b35c00"),
]


@dataclass
class GrowthRow:
    competency: str
    scores: list  # one per COLUMNS entry: int or None

    @property
    def self_growth(self) -> int | None:
        start, end = self.scores[0], self.scores[1]
        return end - start if start is not None and end is not None else None

    @property
    def mentor_growth(self) -> int | None:
        start, end = self.scores[2], self.scores[3]
        return end - start if start is not None and end is not None else None


@dataclass
class Growth:
    """One mentee's diagnostics of a program: who has sent what, the rows and the chart."""

    person: object
    diagnostics: dict = field(default_factory=dict)  # (stage, author) -> Diagnostic
    rows: list = field(default_factory=list)

    def sent(self, stage, author) -> bool:
        diagnostic = self.diagnostics.get((stage, author))
        return diagnostic is not None and diagnostic.is_submitted

    @property
    def has_end(self) -> bool:
        return any(self.sent(Diagnostic.Stage.END, author) for author in Diagnostic.Author)

    @property
    def has_start(self) -> bool:
        return any(self.sent(Diagnostic.Stage.START, author) for author in Diagnostic.Author)

    @property
    def svg(self) -> str:
        return growth_svg(self.rows, title=f"Рост компетенций: {self.person.full_name}")


def growth_of(program, mentees, diagnostics) -> list[Growth]:
    """Per mentee (in the pair's order), the submitted ratings only: a draft is nobody's result yet.
    `diagnostics` with their ratings and competencies prefetched."""
    growths = {person.pk: Growth(person) for person in mentees}
    names: dict[int, dict] = {pk: {} for pk in growths}
    for diagnostic in diagnostics:
        growth = growths.get(diagnostic.person_id)
        if growth is None:
            continue
        growth.diagnostics[(diagnostic.stage, diagnostic.author)] = diagnostic
        if not diagnostic.is_submitted:
            continue
        column = next(i for i, c in enumerate(COLUMNS) if (c[0], c[1]) == (diagnostic.stage, diagnostic.author))
        for rating in diagnostic.ratings.all():
            competency = rating.competency
            row = names[diagnostic.person_id].setdefault(
                competency.pk, (competency.sort_order, competency.name, [None] * len(COLUMNS))
            )
            row[2][column] = rating.score
    for pk, growth in growths.items():
        growth.rows = [GrowthRow(name, scores) for _order, name, scores in sorted(names[pk].values())]
    return list(growths.values())


# The chart's geometry, in px (the PDF scales the same viewBox to the page width).
LABEL_WIDTH = 260
BAR_AREA = 300
BAR_HEIGHT = 9
ROW_GAP = 12
LEGEND_HEIGHT = 28


def growth_svg(rows: list[GrowthRow], *, title: str) -> str:
    """Horizontal bars, four per competency (self and mentor, start and end), each with its number; a
    legend on top, the scale's points as grid lines. Accessible: <title>, <desc> with every number."""
    if not rows:
        return ""
    top = LEGEND_HEIGHT + 16
    group = BAR_HEIGHT * len(COLUMNS) + ROW_GAP
    width = LABEL_WIDTH + BAR_AREA + 40
    height = top + group * len(rows) + 8
    unit = BAR_AREA / max(Score.values)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="growth-chart" role="img" viewBox="0 0 {width} {height}" '
        f'width="100%" style="max-width:{width}px" font-family="DejaVu Sans, Arial, sans-serif" font-size="11">',
        f"<title>{escape(title)}</title>",
    ]
    desc = "; ".join(
        f"{row.competency}: "
        + ", ".join(
            f"{label.lower()} {score if score is not None else 'нет'}"
            for (_s, _a, label, _c), score in zip(COLUMNS, row.scores, strict=True)
        )
        for row in rows
    )
    parts.append(f"<desc>Шкала от 1 до 5. {escape(desc)}</desc>")
    x = 0
    for _stage, _author, label, colour in COLUMNS:
        parts.append(f'<rect x="{x}" y="4" width="12" height="12" fill="{colour}"/>')
        parts.append(f'<text x="{x + 16}" y="14">{escape(label)}</text>')
        x += 150
    for point in Score.values:
        gx = LABEL_WIDTH + point * unit
        parts.append(f'<line x1="{gx:.0f}" y1="{top - 6}" x2="{gx:.0f}" y2="{height - 4}" stroke="#dee2e6"/>')
        parts.append(f'<text x="{gx:.0f}" y="{top - 8}" text-anchor="middle" fill="#6c757d">{point}</text>')
    for index, row in enumerate(rows):
        y = top + index * group
        for line_number, line in enumerate(two_lines(row.competency, 38)):
            parts.append(f'<text x="0" y="{y + 14 + line_number * 13}">{escape(line)}</text>')
        for column, ((_s, _a, _label, colour), score) in enumerate(zip(COLUMNS, row.scores, strict=True)):
            by = y + column * BAR_HEIGHT
            if score is None:
                parts.append(
                    f'<text x="{LABEL_WIDTH + 4}" y="{by + BAR_HEIGHT - 1}" font-size="8" fill="#6c757d">нет</text>'
                )
                continue
            bar = score * unit
            parts.append(
                f'<rect x="{LABEL_WIDTH}" y="{by}" width="{bar:.0f}" height="{BAR_HEIGHT - 1}" fill="{colour}"/>'
            )
            parts.append(
                f'<text x="{LABEL_WIDTH + bar + 4:.0f}" y="{by + BAR_HEIGHT - 1}" font-size="9">{score}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)
