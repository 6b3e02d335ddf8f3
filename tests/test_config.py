"""The app's upload cap matches the library's, and XSRF protection stays on."""

from __future__ import annotations

import tomllib

from screener.ingest import DEFAULT_LIMITS
from tests.conftest import ROOT


def test_streamlit_config_matches_library_caps():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["maxUploadSize"] * 1024 * 1024 == DEFAULT_LIMITS.max_bytes
    assert config["server"]["enableXsrfProtection"] is True
