"""`make test` and CI run the whole suite: every folder of the project that holds tests is in
pytest.ini's `testpaths` (diagnostics, surveys, growth, results, portfolio and reports were once
left out of it, and CI ran without their tests)."""

import configparser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_folder_with_tests_is_run_by_the_suite():
    ini = configparser.ConfigParser()
    ini.read(ROOT / "pytest.ini")
    run = set(ini["pytest"]["testpaths"].split())
    with_tests = {
        folder.name
        for folder in ROOT.iterdir()
        if folder.is_dir()
        and not folder.name.startswith(".")
        and ((folder / "tests").is_dir() or any(folder.glob("test_*.py")))
    }
    assert with_tests - run == set()
