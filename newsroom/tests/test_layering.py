"""Dependencies point one way, and the parsers stay plain Python.

The apps are layered, lowest first: `newsroom` (settings, the page cache, read helpers any
view may use), `entities`, `articles`, `search`. A module may import its own app and the apps
below it, never one above: so no import cycle between apps can form. Imports inside
functions count too. Tests are left out: they build whole scenes across apps on purpose.

Run on its own: `.venv/bin/python -m pytest -q -p no:cacheprovider newsroom/tests/test_layering.py`
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LAYERS = ["newsroom", "entities", "articles", "search"]
PURE_PACKAGES = ["articles.pagetext", "articles.pdfpage"]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def app_modules() -> dict[str, Path]:
    """Every module of the layered apps except tests, by dotted name."""
    modules = {}
    for app in LAYERS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "tests" in path.relative_to(ROOT).parts:
                continue
            modules[module_name(path)] = path
    return modules


def imported_names(name: str, path: Path) -> set[str]:
    """Dotted names this module imports (for `from a import b`: `a` and `a.b`)."""
    is_package = path.name == "__init__.py"
    package = name if is_package else name.rpartition(".")[0]
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module
            names.add(source)
            names.update(f"{source}.{alias.name}" for alias in node.names)
    return names


MODULES = app_modules()
IMPORTS = {name: imported_names(name, path) for name, path in MODULES.items()}


def app_of(dotted: str) -> str:
    return dotted.split(".")[0]


def test_the_layers_cover_every_app_with_python_code():
    apps_with_code = {p.parent.name for p in ROOT.glob("*/apps.py")}
    assert apps_with_code == set(LAYERS)


def test_no_app_imports_an_app_that_builds_on_it():
    upward = set()
    for module, names in IMPORTS.items():
        rank = LAYERS.index(app_of(module))
        for target in {app_of(n) for n in names if app_of(n) in LAYERS}:
            if LAYERS.index(target) > rank:
                upward.add((module, target))
    assert not upward, "imports from a higher layer: " + ", ".join(
        f"{module} -> {target}" for module, target in sorted(upward)
    )


def test_the_import_graph_between_apps_has_no_cycle():
    graph = {app: set() for app in LAYERS}
    for module, names in IMPORTS.items():
        graph[app_of(module)] |= {app_of(n) for n in names if app_of(n) in LAYERS}
    for app in LAYERS:
        graph[app].discard(app)
    assert not _cycle(graph), f"apps import each other in a cycle: {_cycle(graph)}"


def _cycle(graph) -> list[str]:
    visiting, done = [], set()

    def visit(node):
        if node in visiting:
            return visiting[visiting.index(node) :] + [node]
        if node in done:
            return []
        visiting.append(node)
        for target in sorted(graph[node]):
            if found := visit(target):
                return found
        visiting.pop()
        done.add(node)
        return []

    return next((found for node in sorted(graph) if (found := visit(node))), [])


def test_a_cycle_is_seen_when_there_is_one():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) == []


def _reachable_from(package: str) -> set[str]:
    """The package's modules and every project module they import, directly or not."""
    seen, todo = set(), [m for m in MODULES if m == package or m.startswith(package + ".")]
    outside = set()
    while todo:
        module = todo.pop()
        if module in seen:
            continue
        seen.add(module)
        for name in IMPORTS[module]:
            if name in MODULES:
                todo.append(name)
            elif app_of(name) not in LAYERS:
                outside.add(name)
    return outside | seen


@pytest.mark.parametrize("package", PURE_PACKAGES)
def test_the_parsers_import_no_django(package):
    if package not in MODULES:
        pytest.skip(f"{package} is not in this checkout")
    reached = _reachable_from(package)
    django = sorted(n for n in reached if app_of(n) in {"django", "taggit", "simple_history"})
    assert not django, f"{package} reaches Django through: {django}"
    models = sorted(n for n in reached if n.endswith((".models", ".apps", ".views", ".admin")))
    assert not models, f"{package} reaches a Django module of an app: {models}"
