import pytest

from marsad.config import Config, load_config
from marsad.errors import ConfigError


def test_layers_defaults_file_then_arguments(tmp_path):
    path = tmp_path / "marsad.toml"
    path.write_text("[marsad]\nsummary_sentences = 3\nworkers = 2\n", encoding="utf-8")
    config = load_config(path, workers=4)
    assert config.summary_sentences == 3
    assert config.workers == 4
    assert config.min_article_chars == Config().min_article_chars


def test_unknown_keys_and_bad_files_are_config_errors(tmp_path):
    with pytest.raises(ConfigError, match="nonsense"):
        load_config(nonsense=1)
    bad = tmp_path / "bad.toml"
    bad.write_text("[marsad\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        load_config(bad)
