"""How long the staff import takes to refuse each crafted file, and how much memory it needs, next to
real lists at the limit.

    .venv/bin/python benchmarks/import_files.py [--runs N]

The crafted files are the tests' (people/tests/crafted.py): ZIP bombs, a million blank rows, a row of
half a million cells, a CSV of empty lines or of one 1 MB field. For each it prints the best and
median time of people.imports.read_rows, the peak of Python's memory (tracemalloc) and the growth of
a fresh process's resident memory while it reads the file, which also counts what lxml and zlib hold
outside Python (Linux only: the peak is reset through /proc/self/clear_refs). Prints figures only;
nothing here is asserted.
"""

import argparse
import gc
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from people.imports import ImportFileError, read_rows  # noqa: E402
from people.tests import crafted  # noqa: E402


def heaviest_passing_xlsx() -> tuple[str, bytes]:
    """5,000 people with 14 more text cells each and no <dimension>: about 290,000 elements, just under
    every limit of the XLSX measure, so openpyxl parses all of it twice (opening, then reading)."""

    def row(number: int) -> bytes:
        values = [str(number), "Иванова", "Мария", "Петровна", "Воспитатель"]
        values += [str(number * 14 + extra) for extra in range(14)]
        cells = "".join(f'<c t="inlineStr"><is><t>{value}</t></is></c>' for value in values)
        return f'<row r="{number}">{cells}</row>'.encode()

    return "heavy.xlsx", crafted.xlsx_with_sheet([crafted.header_row(), *(row(n) for n in range(2, 5002))])


CASES = {
    **crafted.CRAFTED,
    # For scale: lists the import accepts, at its limit of 5,000 people.
    "a real XLSX of 5,000 people (accepted)": lambda: crafted.xlsx_rows(5000),
    "the same without its <dimension> (accepted)": lambda: (
        "rows.xlsx",
        crafted.xlsx_with_sheet([crafted.header_row(), *(crafted.person_row(n) for n in range(2, 5002))]),
    ),
    "the heaviest XLSX the measure lets through": heaviest_passing_xlsx,
    "a CSV of 5,000 people (accepted)": lambda: (
        "rows.csv",
        "\r\n".join(
            ["Табельный номер;Фамилия;Имя;Отчество;Должность"]
            + [f"{n};Иванова;Мария;Петровна;Воспитатель" for n in range(2, 5002)]
        ).encode("cp1251"),
    ),
}


def outcome(name: str, content: bytes) -> str:
    try:
        rows = read_rows(name, content)
    except ImportFileError as error:
        return f"refused: {error}"
    return f"accepted: {len(rows)} rows"


def resident_growth(name: str, content: bytes) -> str:
    """The growth of resident memory while a fresh process reads the file (Linux only): earlier runs in
    this process would have left memory for it to reuse."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(content)
        child = subprocess.run(
            [sys.executable, __file__, "--resident", str(path)], capture_output=True, text=True, check=False
        )
    return child.stdout.strip() or "—"


def measure_resident(path: Path) -> None:
    def status(key: str) -> int:
        with open("/proc/self/status") as lines:
            return next(int(line.split()[1]) for line in lines if line.startswith(key))

    outcome(*crafted.xlsx_rows(10))  # openpyxl and lxml loaded before the count starts
    content = path.read_bytes()
    gc.collect()
    try:
        with open("/proc/self/clear_refs", "w") as clear:
            clear.write("5")  # the peak resident size starts again from the current one
    except OSError:
        return
    before = status("VmRSS:")
    outcome(path.name, content)
    print(f"{(status('VmHWM:') - before) / 1024:.1f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--resident", type=Path, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.resident:
        measure_resident(arguments.resident)
        return
    runs = arguments.runs
    outcome(*crafted.xlsx_rows(10))  # imports openpyxl and lxml before anything is timed

    print(f"{'file':<52} {'size':>8} {'best':>8} {'median':>8} {'Python peak':>12} {'resident +':>10}")
    for label, build in CASES.items():
        name, content = build()
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            result = outcome(name, content)
            times.append(time.perf_counter() - started)
        tracemalloc.start()
        outcome(name, content)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(
            f"{label:<52} {len(content) / 1024:6.0f} KB {min(times):6.3f} s {statistics.median(times):6.3f} s "
            f"{peak / 1024 / 1024:9.1f} MB {resident_growth(name, content):>10}"
        )
        print(f"    {result[:150]}")


if __name__ == "__main__":
    main()
