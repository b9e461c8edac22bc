"""The client's settings as the server reads them (fmlint.server.configuration)."""

from __future__ import annotations

from typing import Any

import pytest

from fmlint.server.configuration import WATCHED_GLOBS, ClientSettings, configuration_changed


@pytest.mark.parametrize(
    ("sent", "expected"),
    [
        (None, ClientSettings()),
        ({"run": "onSave", "debounceMs": 0}, ClientSettings("onSave", 0)),
        ({"run": "sometimes", "debounceMs": -5}, ClientSettings()),
        ({"debounceMs": True}, ClientSettings()),  # a boolean is no number of milliseconds
        ({"debounceMs": "300"}, ClientSettings()),
        ({"run": "onType", "debounceMs": 50, "unknown": 1}, ClientSettings("onType", 50)),
        ({"fixAll": False}, ClientSettings(fix_all=False)),
        ({"fixAll": "no"}, ClientSettings()),
    ],
)
def test_settings_of_the_wrong_type_keep_their_defaults(sent: Any, expected: ClientSettings) -> None:
    assert ClientSettings.from_client(sent) == expected


@pytest.mark.parametrize(
    ("path", "changed"),
    [
        ("/site/hugo.toml", True),
        ("/site/src/content/config.ts", True),
        ("/site/schemas/post.schema.json", True),
        ("/site/src/posts/posts.11tydata.js", False),  # (the site pass asks Eleventy's data files itself)
        ("/site/src/posts/one.md", False),
        ("/site/src/config.ts", False),  # (any project's name)
    ],
)
def test_which_changed_files_are_the_configurations(path: str, changed: bool) -> None:
    assert configuration_changed([path]) is changed
    assert "**/hugo.toml" in WATCHED_GLOBS
