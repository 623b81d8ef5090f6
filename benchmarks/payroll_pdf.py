"""Where a municipality's month of the pay list PDF spends its time, step by step.

    .venv/bin/python benchmarks/payroll_pdf.py [--runs N] [--postgres | --database-url URL]

Builds the municipal data set (benchmarks/municipal.py), then, for this month's list, N times:
the rows (mentorship.payroll.payroll_for_month), the template, and WeasyPrint's own steps — the
HTML parse, the CSS cascade, the boxes, the layout into pages, the drawing and writing of the PDF.
Each run forgets the kept PDF (core.pdf.render_pdf_cached), so each renders; the last line is the
download of the same month again, which the kept PDF answers. Prints wall-clock and CPU seconds of
the best run (by CPU: on a shared machine the wall clock also counts the others' work), the rows
and the pages. Prints figures only; nothing is asserted.
"""

import argparse
import io
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import municipal


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--postgres", action="store_true", help="a temporary PostgreSQL 15 cluster")
    parser.add_argument("--database-url", help="an empty database to fill (it is migrated and filled)")
    return parser.parse_args()


class Steps:
    """Wall and CPU seconds per step, measured by wrapping the functions that do each step."""

    def __init__(self):
        self.seconds: dict[str, tuple[float, float]] = {}

    def add(self, step: str, wall: float, cpu: float) -> None:
        before = self.seconds.get(step, (0.0, 0.0))
        self.seconds[step] = (before[0] + wall, before[1] + cpu)

    def wrap(self, module, name: str, step: str) -> None:
        original = getattr(module, name)

        def timed(*args, **kwargs):
            wall, cpu = time.perf_counter(), time.process_time()
            result = original(*args, **kwargs)
            if step == "раскладка по страницам":
                result = list(result)  # layout_document is a generator
            self.add(step, time.perf_counter() - wall, time.process_time() - cpu)
            return result

        setattr(module, name, timed)

    def timed(self, step: str, function, *args):
        wall, cpu = time.perf_counter(), time.process_time()
        result = function(*args)
        self.add(step, time.perf_counter() - wall, time.process_time() - cpu)
        return result


def main() -> None:
    args = arguments()
    database = municipal.use_database(postgres=args.postgres, url=args.database_url)
    data = municipal.build()
    print(f"База: {database}. Набор собран за {data.seconds:.1f} с.")

    import pypdf
    import weasyprint
    import weasyprint.document
    from django.conf import settings

    from accounts.models import User
    from core import pdf
    from mentorship import payroll as payroll_module
    from people.models import Organization

    steps = Steps()
    steps.wrap(weasyprint.tinyhtml5, "parse", "разбор HTML")
    steps.wrap(weasyprint.document, "get_all_computed_styles", "каскад CSS")
    steps.wrap(weasyprint.document, "build_formatting_structure", "дерево блоков")
    steps.wrap(weasyprint.document, "layout_document", "раскладка по страницам")
    steps.wrap(weasyprint.document, "generate_pdf", "рисование и запись PDF")
    steps.wrap(pdf, "render_to_string", "шаблон")

    # The PDF is kept while its rows stay the same (core.pdf.render_pdf_cached): each run forgets it,
    # so that every run renders; the kept one is measured last.
    settings.PDF_CACHE_DIR = Path(tempfile.mkdtemp(prefix="nastavnik-pdf-cache-"))
    own = Organization.own()
    year, month = data.pay_year, data.pay_month
    compiled = payroll_module.Compiled.by(User.objects.get(username="head"), date.today())
    payroll_module.payroll_pdf(payroll_module.payroll_for_month(year, month), own, compiled)  # warm: fonts, templates
    runs = []
    for _ in range(args.runs):
        shutil.rmtree(settings.PDF_CACHE_DIR, ignore_errors=True)
        steps.seconds.clear()
        wall, cpu = time.perf_counter(), time.process_time()
        payroll = steps.timed("строки (запросы)", payroll_module.payroll_for_month, year, month)
        document = payroll_module.payroll_pdf(payroll, own, compiled)
        total = (time.perf_counter() - wall, time.process_time() - cpu)
        runs.append((total, dict(steps.seconds)))
    (wall, cpu), seconds = min(runs, key=lambda run: run[0][1])
    pages = len(pypdf.PdfReader(io.BytesIO(document)).pages)
    print(
        f"\nСписок на доплату за {payroll_module.month_title(year, month)}: {len(payroll.rows)} строк, "
        f"{pages} стр., {len(document) // 1024} КиБ. Лучший из {args.runs} прогонов (по процессору):\n"
    )
    print(f"{'шаг':<26} {'часы, с':>8} {'процессор, с':>13}")
    for step, (step_wall, step_cpu) in seconds.items():
        print(f"{step:<26} {step_wall:>8.2f} {step_cpu:>13.2f}")
    print(f"{'всего':<26} {wall:>8.2f} {cpu:>13.2f}")
    kept_wall, kept_cpu = time.perf_counter(), time.process_time()
    payroll_module.payroll_pdf(payroll_module.payroll_for_month(year, month), own, compiled)
    kept_wall, kept_cpu = time.perf_counter() - kept_wall, time.process_time() - kept_cpu
    print(f"{'снова, без изменений':<26} {kept_wall:>8.2f} {kept_cpu:>13.2f}  (строки и HTML; PDF уже готов)")


if __name__ == "__main__":
    main()
