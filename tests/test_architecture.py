"""The import graph of the project's apps, read from the source with ``ast``: no circles between
apps or between the modules of one app, data flowing one way (content ← forms ← queue → outbox),
nothing importing the wiring in portal/, and wagtail-modeladmin confined to the queue's admin
module. Lazy imports inside functions count too: they are circles all the same."""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = (
    "portal",
    "home",
    "regelingen",
    "goodpractices",
    "news",
    "events",
    "aanmelden",
    "moderation",
    "outbox",
    "linkchecker",
    "staffauth",
)
OPTIONAL_APPS = ("plone_import", "demo")
APP_NAMES = {*APPS, *OPTIONAL_APPS}
CONTENT_APPS = {"home", "regelingen", "goodpractices", "news", "events"}
# Which of our apps each app may import (directly); anything else is an import "back up".
ALLOWED = {
    "portal": {"home"},
    "home": set(),
    "goodpractices": {"home"},
    "regelingen": {"home", "goodpractices"},
    "news": {"home"},
    "events": {"home"},
    "aanmelden": {"home", "outbox"},
    "moderation": {"home", "aanmelden", "outbox"},
    "outbox": set(),
    "linkchecker": set(),
    "staffauth": set(),
    "plone_import": {"home", "regelingen", "goodpractices", "news", "events"},
    "demo": {
        "home",
        "regelingen",
        "goodpractices",
        "news",
        "events",
        "aanmelden",
        "moderation",
        "outbox",
        "staffauth",
    },
}
MODELADMIN_MODULES = {"moderation.admin"}
LARGEST_SHARE = 0.30


DOTTED = re.compile(r"[a-z_]+(\.[A-Za-z_][A-Za-z0-9_]*)+")


def all_apps():
    return [app for app in (*APPS, *OPTIONAL_APPS) if (ROOT / app).is_dir()]


def modules():
    """{dotted module name: path} of every non-migration module of our apps."""
    found = {}
    for app in all_apps():
        for path in (ROOT / app).rglob("*.py"):
            relative = path.relative_to(ROOT).with_suffix("")
            if "migrations" in relative.parts:
                continue
            parts = relative.parts[:-1] if relative.name == "__init__" else relative.parts
            found[".".join(parts)] = path
    return found


def imported_names(name, path):
    """Every module name ``name`` imports, relative imports resolved, at any depth."""
    is_package = path.name == "__init__.py"
    package = name.split(".") if is_package else name.split(".")[:-1]
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module
            yield module
            for alias in node.names:
                yield f"{module}.{alias.name}"


def dotted_strings(path):
    """String literals that name a module of ours by its dotted path ("app.module.Class"), as
    import_string() and settings do: an import all the same."""
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and DOTTED.fullmatch(node.value)
            and node.value.split(".")[0] in APP_NAMES
        ):
            yield node.value


def module_graph():
    found = modules()
    graph = {}
    for name, path in found.items():
        targets = set()
        # portal/ is the wiring: its settings name every app's modules by path on purpose.
        for dotted in () if app_of(name) == "portal" else dotted_strings(path):
            parts = dotted.split(".")
            # A module below the app's package ("app.codename" names a permission, not a module).
            for end in range(len(parts), 1, -1):
                candidate = ".".join(parts[:end])
                if candidate in found:
                    if candidate != name:
                        targets.add(candidate)
                    break
        for imported in imported_names(name, path):
            # The longest known module the name starts with ("from x import y" may name y).
            parts = imported.split(".")
            for end in range(len(parts), 0, -1):
                candidate = ".".join(parts[:end])
                if candidate in found:
                    if candidate != name:
                        targets.add(candidate)
                    break
        graph[name] = targets
    return graph


def app_of(module):
    return module.split(".")[0]


def app_graph():
    graph = {app: set() for app in all_apps()}
    for source, targets in module_graph().items():
        for target in targets:
            if app_of(target) != app_of(source):
                graph[app_of(source)].add(app_of(target))
    return graph


def cycles(graph):
    """Strongly connected components with more than one node (Tarjan)."""
    index, low, stack, on_stack, result = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                result.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return result


def test_no_circle_between_apps():
    assert cycles(app_graph()) == []


def test_no_circle_between_the_modules_of_an_app():
    graph = module_graph()
    inside = {
        name: {t for t in targets if app_of(t) == app_of(name)} for name, targets in graph.items()
    }
    assert cycles(inside) == []


def test_imports_flow_one_way():
    wrong = {
        app: sorted(targets - ALLOWED[app])
        for app, targets in app_graph().items()
        if targets - ALLOWED[app]
    }
    assert wrong == {}
    for app in CONTENT_APPS:
        assert not app_graph()[app] & {"aanmelden", "moderation", "outbox"}


def test_nothing_imports_portal():
    importers = sorted(
        name
        for name, targets in module_graph().items()
        if app_of(name) != "portal" and any(app_of(t) == "portal" for t in targets)
    )
    assert importers == []


def test_only_the_queue_admin_module_imports_wagtail_modeladmin():
    users = {
        name
        for name, path in modules().items()
        if any(n.split(".")[0] == "wagtail_modeladmin" for n in imported_names(name, path))
    }
    assert users == MODELADMIN_MODULES
    for folder in ("tests", "bench"):
        for path in (ROOT / folder).rglob("*.py"):
            names = imported_names(path.stem, path)
            assert not any(n.split(".")[0] == "wagtail_modeladmin" for n in names), path


def test_no_app_holds_more_than_its_share_of_the_lines():
    lines = dict.fromkeys(all_apps(), 0)
    for name, path in modules().items():
        lines[app_of(name)] += len(path.read_text().splitlines())
    total = sum(lines.values())
    too_big = {app: f"{count / total:.0%}" for app, count in lines.items()}
    assert all(count / total <= LARGEST_SHARE for count in lines.values()), too_big


@pytest.mark.parametrize(
    ("graph", "expected"),
    [({"a": {"b"}, "b": {"a"}, "c": {"a"}}, [["a", "b"]]), ({"a": {"b"}, "b": set()}, [])],
)
def test_the_circle_finder_finds_circles(graph, expected):
    assert cycles(graph) == expected
