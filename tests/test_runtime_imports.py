"""Runtime code never imports the tests, nor a package only the dev extras install: production
installs the project without `[dev]` (`make check-runtime` loads the demo council that way).

The source is read, not imported, so an import inside a function, or in a module no other test
imports, is caught too. The packages checked are the ones pyproject.toml installs.
"""

import ast
import importlib.metadata
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())


def _distribution(requirement):
    """The normalised distribution name a requirement such as "factory-boy>=3.3,<4" names."""
    name = re.match(r"[A-Za-z0-9._-]+", requirement).group()
    return re.sub(r"[-_.]+", "-", name).lower()


def _runtime_modules():
    """Every .py file of the packages pyproject.toml installs (site/ is installed as townhall)."""
    setuptools = PYPROJECT["tool"]["setuptools"]
    package_dir = setuptools.get("package-dir", {})
    for package in setuptools["packages"]:
        yield from sorted((ROOT / package_dir.get(package, package)).rglob("*.py"))


def _imports(source):
    """(line, top-level module name) for each absolute import in the source, at any depth."""
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module.split(".")[0]


def _dev_only_modules():
    """Top-level modules that come from a distribution listed only in the dev extras."""
    project = PYPROJECT["project"]
    runtime = {_distribution(r) for r in project["dependencies"]}
    dev = {_distribution(r) for r in project["optional-dependencies"]["dev"]}
    dev_only = dev - runtime
    return {
        module
        for module, distributions in importlib.metadata.packages_distributions().items()
        if any(_distribution(d) in dev_only for d in distributions)
    }


def test_the_runtime_packages_are_found():
    paths = list(_runtime_modules())
    assert any(path.parts[-2:] == ("home", "demo.py") for path in paths)
    assert any(path.parts[-2:] == ("settings", "base.py") for path in paths)


def test_imports_inside_functions_count_and_relative_ones_do_not():
    source = "import os.path\nfrom . import tests\ndef f():\n    from tests.factories import X\n"
    assert list(_imports(source)) == [(1, "os"), (4, "tests")]


def test_runtime_code_never_imports_the_tests():
    offenders = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in _runtime_modules()
        for line, module in _imports(path.read_text())
        if module == "tests"
    ]
    assert offenders == []


def test_runtime_code_never_imports_a_dev_only_package():
    dev_only = _dev_only_modules()
    assert {"factory", "wagtail_factories", "pytest"} <= dev_only
    offenders = [
        f"{path.relative_to(ROOT)}:{line} imports {module}"
        for path in _runtime_modules()
        for line, module in _imports(path.read_text())
        if module in dev_only
    ]
    assert offenders == []
