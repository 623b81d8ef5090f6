"""Charts drawn on the server as SVG: the same markup in the page and in the PDF (WeasyPrint draws
inline SVG), no script, nothing from the internet. One kind is enough for monitoring: horizontal bars,
one group per row and one bar per series, each with its number; accessible through <title> and <desc>
with every figure."""

from dataclasses import dataclass
from html import escape

from core.text import two_lines

LABEL_WIDTH = 250
BAR_AREA = 320
BAR_HEIGHT = 11
ROW_GAP = 10
LEGEND_HEIGHT = 24
COLOURS = ("#0d6efd", "#9ec5fe", "#198754", "#ffc107")


@dataclass(frozen=True)
class Series:
    label: str
    colour: str


def _number(value: float, suffix: str) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(",.") if value != int(value) else str(int(value))
    return text.replace(".", ",") + suffix


def bars_svg(rows, series, *, title: str, maximum: float | None = None, suffix: str = "") -> str:
    """`rows`: [(label, [value or None per series])]; `series`: [Series]. A value of None is written
    «нет данных». `maximum`: the scale's end (100 for shares), else the largest value."""
    rows = list(rows)
    if not rows:
        return ""
    values = [value for _label, row in rows for value in row if value is not None]
    top_value = maximum or max(values, default=0) or 1
    group = BAR_HEIGHT * len(series) + ROW_GAP
    top = LEGEND_HEIGHT + 6
    width = LABEL_WIDTH + BAR_AREA + 60
    height = top + group * len(rows) + 4
    unit = BAR_AREA / top_value
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="report-chart" role="img" viewBox="0 0 {width} {height}" '
        f'width="100%" style="max-width:{width}px" font-family="DejaVu Sans, Arial, sans-serif" font-size="11">',
        f"<title>{escape(title)}</title>",
    ]
    described = "; ".join(
        f"{label}: "
        + ", ".join(
            f"{s.label.lower()} {_number(value, suffix) if value is not None else 'нет данных'}"
            for s, value in zip(series, row, strict=True)
        )
        for label, row in rows
    )
    parts.append(f"<desc>{escape(described)}</desc>")
    x = 0
    for s in series:
        parts.append(f'<rect x="{x}" y="4" width="12" height="12" fill="{s.colour}"/>')
        parts.append(f'<text x="{x + 16}" y="14">{escape(s.label)}</text>')
        x += 16 + 8 * len(s.label) + 20
    for index, (label, row) in enumerate(rows):
        y = top + index * group
        for line_number, line in enumerate(two_lines(label, 36)):
            parts.append(f'<text x="0" y="{y + 11 + line_number * 13}">{escape(line)}</text>')
        for column, (s, value) in enumerate(zip(series, row, strict=True)):
            by = y + column * BAR_HEIGHT
            if value is None:
                parts.append(
                    f'<text x="{LABEL_WIDTH + 4}" y="{by + BAR_HEIGHT - 2}" font-size="9" fill="#6c757d">'
                    "нет данных</text>"
                )
                continue
            bar = max(value * unit, 1 if value else 0)
            parts.append(
                f'<rect x="{LABEL_WIDTH}" y="{by}" width="{bar:.0f}" height="{BAR_HEIGHT - 1}" fill="{s.colour}"/>'
            )
            parts.append(
                f'<text x="{LABEL_WIDTH + bar + 4:.0f}" y="{by + BAR_HEIGHT - 2}" font-size="9">'
                f"{escape(_number(value, suffix))}</text>"
            )
    parts.append("</svg>")
    return "".join(parts)


def indicators_chart(rows, label: str, previous_label: str) -> str:
    """The shares among `rows` (dicts with title, kind, value, previous_value), this period against the
    one a year before, on a 0–100 % scale: the same picture on the monitoring page and in the report."""
    return bars_svg(
        [(row["title"], [row["value"], row["previous_value"]]) for row in rows if row["kind"] == "share"],
        [Series(label, COLOURS[0]), Series(previous_label, COLOURS[1])],
        title=f"Показатели мониторинга: {label} в сравнении с {previous_label}",
        maximum=100,
        suffix=" %",
    )
