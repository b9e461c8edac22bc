"""Configuration files read as data (TOML, JSON, YAML with tags a safe loader does not know), their keys
lowercased where the generator matches them so."""

from __future__ import annotations

import json
import os
from functools import cache
from typing import Any, NamedTuple

from fmlint.site.hugo_paths import go_lower


def read_options(path: str) -> tuple[dict[str, Any], bytes]:
    """The configuration file's options, their keys lowercased at every level, and its bytes."""
    loaded, data = read_options_as_written(path)
    return lowercased(loaded), data


def read_options_as_written(path: str) -> tuple[dict[str, Any], bytes]:
    """The configuration file's options as written (``{}`` unless a table), and its bytes."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
        loaded = data_value(path, data)
    except (OSError, ValueError):  # mkdocs.yml's `!!python/name:` tags are errors too
        return {}, b""
    return (loaded if isinstance(loaded, dict) else {}), data


def data_value(path: str, data: bytes) -> Any:
    """The value of a TOML, JSON or YAML file (by the extension of ``path``) of bytes ``data``; ``ValueError``
    when it is none."""
    import tomllib  # here: a run outside any site never needs them (a warm run does not import them otherwise)

    lowered = path.lower()
    if lowered.endswith(".toml"):
        return tomllib.loads(data.decode("utf-8"))
    if lowered.endswith(".json"):
        return json.loads(data)
    return _yaml(data)


def _yaml(data: bytes) -> Any:
    import yaml  # (not for a TOML configuration: its import is most of reading one)

    try:
        return _untagged(yaml.load(data, Loader=_tolerant_loader()))
    except yaml.YAMLError as error:
        raise ValueError(error) from None


class Tagged(NamedTuple):
    """A YAML value under a tag a safe loader does not know: mkdocs.yml's ``!!python/name:module.function``
    (an emoji index, a ``slugify``), ``!!python/object/apply:…`` and ``!relative``."""

    tag: str  # without its ``!`` or ``tag:yaml.org,2002:`` prefix: ``python/name:pymdownx.slugs.uslugify``
    value: Any


@cache
def _tolerant_loader() -> Any:
    """libyaml's safe loader (when built with it) that reads unknown tags as :class:`Tagged` values instead of
    failing: one ``!!python/name:`` emoji setting had left a whole mkdocs.yml unread (its ``docs_dir`` too)."""
    import yaml

    class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
        pass

    def tagged(loader: Any, suffix: str, node: Any) -> Tagged:
        if isinstance(node, yaml.MappingNode):
            return Tagged(suffix, loader.construct_mapping(node, deep=True))
        if isinstance(node, yaml.SequenceNode):
            return Tagged(suffix, loader.construct_sequence(node, deep=True))
        return Tagged(suffix, loader.construct_scalar(node))

    Loader.add_multi_constructor(
        "tag:yaml.org,2002:python/", lambda loader, suffix, node: tagged(loader, "python/" + suffix, node)
    )
    Loader.add_multi_constructor("!", tagged)
    return Loader


def _untagged(value: Any) -> Any:
    """MkDocs's ``!ENV NAME`` and ``!ENV [NAME, …, default]`` as it reads them: the first variable set, else
    the default (``None``)."""
    if isinstance(value, Tagged):
        if value.tag == "ENV":
            names = value.value if isinstance(value.value, list) else [value.value]
            if len(names) < 2:  # `!ENV NAME`: the variable or nothing (`!ENV []`: nothing)
                return os.environ.get(str(names[0])) if names else None
            found = next((os.environ[str(n)] for n in names[:-1] if str(n) in os.environ), None)
            return found if found is not None else names[-1]
        return value
    if isinstance(value, dict):
        return {key: _untagged(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_untagged(item) for item in value]
    return value


def lowercased(value: Any) -> Any:
    """Keys lowercased at every level, as Go lowercases them (Hugo's configuration keys are case-insensitive)."""
    if isinstance(value, dict):
        return {go_lower(str(k)): lowercased(v) for k, v in value.items()}
    if isinstance(value, list):
        return [lowercased(item) for item in value]
    return value


def merged_options(kept: dict[str, Any], more: dict[str, Any]) -> dict[str, Any]:
    """``kept`` with the keys of ``more`` it lacks, tables merged key by key (what is read first wins)."""
    merged = dict(kept)
    for key, value in more.items():
        if key not in merged:
            merged[key] = value
        elif isinstance(merged[key], dict) and isinstance(value, dict):
            merged[key] = merged_options(merged[key], value)
    return merged


def strings(value: Any) -> list[str]:
    """A setting that is a string or a list of them, as a list."""
    if isinstance(value, str):
        return [value]
    return [str(item) for item in value] if isinstance(value, list) else []
