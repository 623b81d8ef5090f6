"""How long core.pdf.render_pdf takes for a one-page order and a 20-page one.

    .venv/bin/python benchmarks/pdf_render.py [--runs N]

Uses the made-up order the tests render (core/tests/templates/core_tests/order_sample.html).
Prints figures only; nothing here is asserted.
"""

import argparse
import io
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

import pypdf  # noqa: E402
from django.conf import settings  # noqa: E402
from django.test import override_settings  # noqa: E402
from weasyprint.text.ffi import harfbuzz_subset  # noqa: E402

from core.pdf import render_pdf  # noqa: E402

TEMPLATE = "core_tests/order_sample.html"


def context(rows: int) -> dict:
    return {
        "number": "15-о",
        "date": date(2026, 3, 9),
        "rows": [
            {
                "mentor": f"Петрова Светлана Николаевна ({i})",
                "mentee": "Семёнова Дарья Игоревна",
                "term": "01.09.2025–31.08.2026",
            }
            for i in range(1, rows + 1)
        ],
        "acquainted": ["Петрова С.Н.", "Семёнова Д.И."] if rows else [],
    }


def measure(label: str, ctx: dict, runs: int) -> None:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        data = render_pdf(TEMPLATE, ctx)
        times.append(time.perf_counter() - started)
    pages = len(pypdf.PdfReader(io.BytesIO(data)).pages)
    print(
        f"{label:<10} {pages:>3} pages  median {statistics.median(times):.3f} s  "
        f"best {min(times):.3f} s  worst {max(times):.3f} s  ({runs} runs, {len(data) // 1024} KiB)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs

    engine = dict(settings.TEMPLATES[0])
    engine["DIRS"] = [*engine["DIRS"], ROOT / "core" / "tests" / "templates"]
    with override_settings(TEMPLATES=[engine]):
        subsetter = "yes" if harfbuzz_subset is not None else "no (apt-get install libharfbuzz-subset0)"
        print(f"HarfBuzz subsetter: {subsetter}")
        started = time.perf_counter()
        render_pdf(TEMPLATE, context(0))
        print(f"first render in the process (fonts load): {time.perf_counter() - started:.3f} s")
        measure("1 page", context(0), runs)
        # The order, 18 pages of a table with three-line rows, the acquaintance sheet.
        measure("20 pages", context(385), runs)


if __name__ == "__main__":
    main()
