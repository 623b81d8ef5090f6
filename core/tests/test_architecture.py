"""The layers of the apps, held where import-linter does not look: private names taken from another
app, templates that name a higher app (URLs, includes, reverse relations), models that point up.

The order of the layers is read from the layers contract in pyproject.toml ([tool.importlinter]),
the one place it is written. An app may refer to itself and to the layers below it; apps on one line
joined by `|` are independent siblings (joined by `:` they may use each other). Apps listed in the
contract that do not exist (yet) are skipped, so the contract can name the apps of a refactor in
progress.
"""

import ast
import importlib
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.db.models.fields.related_descriptors import (
    ManyToManyDescriptor,
    ReverseManyToOneDescriptor,
    ReverseOneToOneDescriptor,
)

ROOT = Path(settings.BASE_DIR)
TEMPLATES = ROOT / "templates"


@dataclass(frozen=True)
class Layers:
    """The contract's layers: `rank[app]` is the line (0 = top), `independent[line]` says whether
    the apps on that line may use each other."""

    rank: dict[str, int]
    independent: dict[int, bool]

    @classmethod
    def from_pyproject(cls, path: Path) -> "Layers":
        config = tomllib.loads(path.read_text(encoding="utf-8"))["tool"]["importlinter"]
        contract = next(c for c in config["contracts"] if c.get("id") == "layers")
        rank, independent = {}, {}
        for line, layer in enumerate(contract["layers"]):
            # import-linter's syntax: `a | b` independent siblings, `a : b` siblings that may
            # import each other, `(a)` an optional layer.
            separator = ":" if ":" in layer else "|"
            independent[line] = separator == "|"
            for name in layer.split(separator):
                rank[name.strip().strip("()")] = line
        return cls(rank, independent)

    def may_use(self, user: str | None, used: str) -> bool:
        """Whether code of app `user` (None: the project's top level) may refer to app `used`."""
        if user is None or user == used or used not in self.rank:
            return True
        if user not in self.rank:
            return False
        if self.rank[user] == self.rank[used]:
            return not self.independent[self.rank[user]]
        return self.rank[used] > self.rank[user]

    def describe(self, app: str) -> str:
        return f"{app} (layer {self.rank[app] + 1})"


LAYERS = Layers.from_pyproject(ROOT / "pyproject.toml")


def _app_of_module(module: str) -> str | None:
    top = module.split(".")[0]
    return top if top in LAYERS.rank else None


def _is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _is_module(dotted: str) -> bool:
    path = ROOT.joinpath(*dotted.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _installed_apps() -> list[str]:
    """The contract's apps that Django has installed (config, and apps not created yet, are not)."""
    return [app for app in LAYERS.rank if apps.is_installed(app)]


def _url_namespaces() -> dict[str, str]:
    """URL namespace (each app's urls.py `app_name`) → the app that owns it."""
    namespaces = {}
    for app in _installed_apps():
        if _is_module(f"{app}.urls"):
            urls = importlib.import_module(f"{app}.urls")
            namespaces[getattr(urls, "app_name", app)] = app
    return namespaces


def _where(path: Path, line: int) -> str:
    return f"{path.relative_to(ROOT)}:{line}"


def _report(offences: list[str], why: str) -> None:
    """Fail listing every offence, one a line (no traceback: the list is the message)."""
    if offences:
        pytest.fail(f"{why}\n" + "\n".join(offences), pytrace=False)


# --- a. private names ----------------------------------------------------------------------------


def _python_files() -> Iterator[tuple[str | None, Path]]:
    """Every .py file of the contract's apps (tests included, migrations not), with its app; the
    root conftest.py belongs to no app."""
    for app in LAYERS.rank:
        folder = ROOT / app
        if not (folder / "__init__.py").is_file():
            continue
        for path in sorted(folder.rglob("*.py")):
            if "migrations" not in path.relative_to(ROOT).parts:
                yield app, path
    if (ROOT / "conftest.py").is_file():
        yield None, ROOT / "conftest.py"


def _private_uses(own_app: str | None, path: Path) -> Iterator[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    modules = {}  # local name → dotted module of another app it is bound to

    def foreign(dotted: str) -> bool:
        app = _app_of_module(dotted)
        return app is not None and app != own_app

    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if not foreign(alias.name):
                    continue
                if any(_is_private(part) for part in alias.name.split(".")):
                    yield f"{_where(path, node.lineno)}: import {alias.name}"
                if alias.asname:
                    modules[alias.asname] = alias.name
                else:
                    top = alias.name.split(".")[0]
                    modules[top] = top
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module and foreign(node.module):
            private_module = any(_is_private(part) for part in node.module.split("."))
            for alias in node.names:
                if private_module or _is_private(alias.name):
                    yield f"{_where(path, node.lineno)}: from {node.module} import {alias.name}"
                if _is_module(f"{node.module}.{alias.name}"):
                    modules[alias.asname or alias.name] = f"{node.module}.{alias.name}"

    # `import mentorship.services.bank` then `mentorship.services.bank._save(...)`. Only an
    # attribute of a module counts: `Pairing._meta` is Django's API, not another app's secret.
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Attribute) and _is_private(node.attr)):
            continue
        chain, value = [], node.value
        while isinstance(value, ast.Attribute):
            chain.append(value.attr)
            value = value.value
        if isinstance(value, ast.Name) and value.id in modules:
            dotted = ".".join([modules[value.id], *reversed(chain)])
            if _is_module(dotted) and foreign(dotted):
                yield f"{_where(path, node.lineno)}: {dotted}.{node.attr}"


def test_no_app_takes_a_private_name_of_another_app():
    offences = [offence for app, path in _python_files() for offence in _private_uses(app, path)]
    _report(
        offences,
        "A leading underscore means «this module only»; another app needs a public, documented "
        "function instead (STYLE.md, 16):",
    )


# --- b. templates --------------------------------------------------------------------------------

_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
# `{# #}` stays on one line (Django reads a multi-line one as text); `{% comment %}` blocks do not.
_COMMENTS = re.compile(r"\{#.*?#\}|(?s:\{%\s*comment\b.*?%\}.*?\{%\s*endcomment\s*%\})")
_URL = re.compile(r"""\{%\s*url\s+['"](([\w-]+):[\w:-]+)['"]""")
_INCLUDE = re.compile(r"""\{%\s*(include|extends)\s+['"](([\w-]+)/[^'"]*)['"]""")


def _reverse_accessors() -> list[tuple[str, str, str]]:
    """(app that declares the relation, the lower model's label, name) for every relation field
    pointing from one app's model to another app's: the reverse accessor (`related_name`, or the
    default `<model>_set`) and an explicit `related_query_name`. Hidden ones (`+`) have none."""
    found = []
    for model in apps.get_models():
        owner = _app_of_module(model._meta.app_config.name)
        for field in model._meta.get_fields():
            if not field.is_relation or field.auto_created or not isinstance(field.related_model, type):
                continue
            target = _app_of_module(field.related_model._meta.app_config.name)
            if owner is None or target is None or target == owner:
                continue
            names = {field.remote_field.related_query_name}
            if not field.remote_field.hidden:
                names.add(field.remote_field.get_accessor_name())
            found += [(owner, field.related_model._meta.label, name) for name in names - {None}]
    return found


@cache
def _model_attributes(app: str) -> set[str]:
    """Names that models of the apps `app` may use declare themselves (fields, properties,
    methods): a template reading `.name` may mean one of these, so it is not an offence."""
    names = set()
    for model in apps.get_models():
        if not LAYERS.may_use(app, _app_of_module(model._meta.app_config.name) or app):
            continue
        names.update(field.name for field in model._meta.get_fields() if not field.auto_created)
        for cls in model.__mro__:
            if LAYERS.may_use(app, _app_of_module(cls.__module__) or app):
                names.update(
                    name
                    for name, value in vars(cls).items()
                    if not isinstance(value, ReverseManyToOneDescriptor | ReverseOneToOneDescriptor)
                    and not (isinstance(value, ManyToManyDescriptor) and value.reverse)
                )
    return names


def _template_app(path: Path) -> str | None:
    """The app whose folder holds the template; None for the site frame (base.html, error
    pages, documents/pdf/base.html) outside any app's folder."""
    parts = path.relative_to(TEMPLATES).parts
    return parts[0] if len(parts) > 1 and parts[0] in LAYERS.rank else None


def _template_offences(path: Path, app: str, namespaces: dict, accessors: list, own_names: set) -> Iterator[str]:
    text = path.read_text(encoding="utf-8")
    # Blank comments ({# #}, {% comment %}) but keep their newlines, so line numbers stay right.
    text = _COMMENTS.sub(lambda m: "\n" * m.group().count("\n"), text)
    forbidden = {}  # name → (app that defines it, labels of the models it is defined on)
    for owner, model, name in accessors:
        if not LAYERS.may_use(app, owner) and name not in own_names:
            forbidden.setdefault(name, (owner, set()))[1].add(model)
    pattern = re.compile(r"\.(" + "|".join(map(re.escape, forbidden)) + r")\b") if forbidden else None

    for tag in _TAG.finditer(text):
        where = _where(path, text.count("\n", 0, tag.start()) + 1)
        source = tag.group()
        if url := _URL.match(source):
            used = namespaces.get(url.group(2))
            if used and not LAYERS.may_use(app, used):
                yield f"{where}: {{% url '{url.group(1)}' %}} names {LAYERS.describe(used)}"
        if include := _INCLUDE.match(source):
            used = include.group(3)
            if used in LAYERS.rank and not LAYERS.may_use(app, used):
                yield f'{where}: {{% {include.group(1)} "{include.group(2)}" %}} takes a template of {LAYERS.describe(used)}'
        if pattern:
            for attribute in pattern.finditer(source):
                owner, models = forbidden[attribute.group(1)]
                yield (
                    f"{where}: .{attribute.group(1)} in «{source.strip()[:80]}» reads the reverse "
                    f"relation that {LAYERS.describe(owner)} defines on {' / '.join(sorted(models))}"
                )


def test_templates_refer_only_to_their_own_and_lower_apps():
    namespaces = _url_namespaces()
    accessors = _reverse_accessors()
    offences = []
    for path in sorted(TEMPLATES.rglob("*")):
        if path.suffix not in {".html", ".txt"}:
            continue
        app = _template_app(path)
        if app is None:
            continue
        offences += _template_offences(path, app, namespaces, accessors, _model_attributes(app))
    _report(
        offences,
        "A template of an app names a higher (or sibling) app; let the view pass the data or the link "
        "in, or let the higher app register it with the lower one (as the head's queue does):",
    )


# --- c. models -----------------------------------------------------------------------------------


def test_models_point_only_to_their_own_and_lower_apps():
    offences = []
    for model in apps.get_models():
        owner = _app_of_module(model._meta.app_config.name)
        if owner is None:
            continue
        for field in model._meta.get_fields():
            if not field.is_relation or field.auto_created or not isinstance(field.related_model, type):
                continue
            target = _app_of_module(field.related_model._meta.app_config.name)
            if target is not None and not LAYERS.may_use(owner, target):
                offences.append(
                    f"{model._meta.label}.{field.name} → {field.related_model._meta.label}: "
                    f"{LAYERS.describe(owner)} points to {LAYERS.describe(target)}"
                )
    _report(offences, "A model refers to a higher (or sibling) app:")


def _models_sources(app: str) -> list[Path]:
    package = ROOT / app / "models"
    return sorted(package.rglob("*.py")) if package.is_dir() else [ROOT / app / "models.py"]


def test_models_reverse_only_their_own_and_lower_apps_urls():
    namespaces = _url_namespaces()
    offences = []
    for app in _installed_apps():
        for path in _models_sources(app):
            if not path.is_file():
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
                if not (isinstance(node, ast.Call) and node.args):
                    continue
                function = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
                name = node.args[0]
                if function not in {"reverse", "reverse_lazy"}:
                    continue
                if not (isinstance(name, ast.Constant) and isinstance(name.value, str) and ":" in name.value):
                    continue
                used = namespaces.get(name.value.split(":")[0])
                if used and not LAYERS.may_use(app, used):
                    offences.append(
                        f'{_where(path, node.lineno)}: {function}("{name.value}") names {LAYERS.describe(used)}'
                    )
    _report(offences, "A model links to a page of a higher (or sibling) app:")


def test_every_project_app_has_a_layer():
    # An app left out of the contract would escape every check above and import-linter's.
    project_apps = {config.name.split(".")[0] for config in apps.get_app_configs() if Path(config.path).parent == ROOT}
    missing = sorted(project_apps - set(LAYERS.rank))
    assert not missing, f"Apps missing from the layers contract in pyproject.toml: {', '.join(missing)}"
