"""The demo app (content, factories, reportlab) stays out of production: production settings do not
install it, no runtime module imports it, and the runtime dependencies do not carry its libraries.
"""

import ast
import json
import tomllib
from pathlib import Path

from django.conf import settings

from tests.home.test_settings import manage

# Libraries only the demo app uses; a runtime import of one would break a production install.
DEMO_ONLY = ("demo", "reportlab", "factory", "wagtail_factories")
NOT_RUNTIME = {"demo", "tests", "bench"}


def runtime_packages():
    """Every top-level package of the project except the demo app, the tests and the benchmarks."""
    base = Path(settings.BASE_DIR)
    return sorted(
        path.parent
        for path in base.glob("*/__init__.py")
        if path.parent.name not in NOT_RUNTIME and not path.parent.name.startswith(".")
    )


def imported_modules(source):
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            yield node.module


def is_demo_only(module):
    return any(module == name or module.startswith(name + ".") for name in DEMO_ONLY)


def test_no_runtime_module_imports_the_demo_app_or_its_libraries():
    packages = runtime_packages()
    assert {"home", "regelingen", "goodpractices", "aanmelden", "portal"} <= {
        package.name for package in packages
    }
    offenders = [
        f"{path.relative_to(settings.BASE_DIR)}: {module}"
        for package in packages
        for path in package.rglob("*.py")
        for module in imported_modules(path.read_text())
        if is_demo_only(module)
    ]
    assert offenders == []


def test_the_walk_finds_a_demo_import():
    assert list(imported_modules("from demo.factories.home import site_home")) == [
        "demo.factories.home"
    ]
    assert all(is_demo_only(m) for m in ("demo", "demo.pdf", "reportlab.lib", "factory.django"))
    assert not is_demo_only("demographics")


def test_production_installs_and_loads_nothing_of_the_demo_app(tmp_path):
    code = """
import json, sys, django
django.setup()
from django.conf import settings as s
from django.core.management import get_commands
import portal.urls, portal.wsgi
print(json.dumps({
    "installed": "demo" in s.INSTALLED_APPS,
    "commands": sorted({"load_demo_content", "ensure_local_admin"} & set(get_commands())),
    "loaded": sorted(m for m in sys.modules if m.split(".")[0] in DEMO_ONLY),
}))
""".replace("DEMO_ONLY", repr(DEMO_ONLY))
    result = manage(tmp_path, code=code)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values == {"installed": False, "commands": [], "loaded": []}


def test_dev_and_test_settings_install_the_demo_app(tmp_path):
    assert "demo" in settings.INSTALLED_APPS
    code = "from django.conf import settings as s; print('demo' in s.INSTALLED_APPS)"
    dev = {"DJANGO_SETTINGS_MODULE": "portal.settings.dev"}
    result = manage(tmp_path, code=code, extra_env=dev)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "True"


def test_the_runtime_dependencies_leave_the_demo_libraries_out():
    pyproject = tomllib.loads((Path(settings.BASE_DIR) / "pyproject.toml").read_text())
    groups = pyproject["dependency-groups"]
    runtime = " ".join(item for item in groups["runtime"] if isinstance(item, str))
    for name in ("reportlab", "factory-boy", "wagtail-factories"):
        assert name not in runtime
        assert any(name in item for item in groups["demo"])
    assert {"include-group": "demo"} in groups["dev"]
