"""What Hugo's ``param`` shortcode writes into a link: ``[x](</docs/{{% param latest %}}/sampling/>)``.

The shortcode writes ``.Page.Param NAME``: the page's own parameter (a
front-matter key, or one under ``params``; a dotted name reaches into maps;
any letter case), else one its sections' ``cascade`` (the closest first, a
section's own included) or the configuration's gives it, else the site's
(its language's ``params``, then ``params``).  Only a value found for certain
is written in: a targeted cascade giving the name on the way, a ``param``
shortcode of the site's own, or a value found nowhere (a theme's parameters
are not read) leaves the link unjudged, as any other templated link is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import msgspec

from fmlint.regex import lazy_pattern

PARAM_CALL = lazy_pattern(r"""\{\{([<%])-?\s*param\s+(?:"([^"\\]*)"|`([^`]*)`|([^\s"`>%}]+))\s*-?[>%]\}\}""")


def param_names(target: str) -> list[str]:
    """The names (lowercased) of the ``param`` shortcodes written in ``target``."""
    return [called_name(found) for found in PARAM_CALL.finditer(target)]


def called_name(call: re.Match[str]) -> str:
    """The name (lowercased) a ``param`` shortcode (a match of :data:`PARAM_CALL`) asks for."""
    return (call.group(2) or call.group(3) or call.group(4) or "").lower()


def own_params(data: dict[str, Any], names: Iterable[str]) -> dict[str, str]:
    """The values a page's front matter (``data``) gives the parameters ``names``, as Hugo writes them."""
    found = {}
    lowered = _lowered(data)
    under = _lowered(lowered.get("params"))
    for name in names:
        value = _reached(lowered, name)
        if value is None:
            value = _reached(under, name)
        if value is not None:
            found[name] = value
    return found


def cascade_params(cascade: Any) -> tuple[dict[str, str], list[str]]:
    """The parameters a ``cascade`` gives every page below (dotted names, lowercased), and those whose values are
    not known for certain: given by a targeted cascade (to some pages alone), or not printable as text here."""
    found: dict[str, str] = {}
    unknown: set[str] = set()
    for targeted, entries in _cascade_entries(cascade):
        given: dict[str, str] = {}
        for key, value in entries:
            _flattened({key: value}, given, unknown)
        if targeted:
            unknown.update(given)
        else:
            found.update(given)
    return found, sorted(unknown.difference(found))


def _cascade_entries(cascade: Any) -> Iterator[tuple[bool, list[tuple[str, Any]]]]:
    """Each table of a ``cascade`` (one, or a list): whether it is targeted, and the values it gives pages
    (lowercased keys, those of its ``params`` among them), in their order."""
    for table in cascade if isinstance(cascade, list) else [cascade]:
        options = _lowered(table)
        entries: list[tuple[str, Any]] = []
        for key, value in options.items():
            if key == "params":
                entries += _lowered(value).items()
            elif key not in ("build", "_build", "target", "_target"):
                entries.append((key, value))
        yield "target" in options or "_target" in options, entries


LANGUAGE_PARAMS = "\0language params"  # (an option: a language's ``params.<language>.toml`` of a configuration folder)
Given = dict[str, bool | None]  # each dotted name a table gives (maps too): whether its value is true (None: nil)


class SiteParams(msgspec.Struct, frozen=True):
    """What a Hugo site's configuration gives the ``param`` shortcode: its ``cascade``'s parameters (and the names
    whose values are not known for certain: a targeted cascade's), each language's ``params`` and the site's, by
    dotted name; and every name each of them gives, with whether its value is true (:data:`Given`), the site's
    with its themes' and modules' ``params`` (those found)."""

    cascade: dict[str, str]
    cascade_maybe: tuple[str, ...]  # given by a targeted cascade
    by_language: dict[str, dict[str, str]]
    site: dict[str, str]
    cascade_given: Given = {}
    given_by_language: dict[str, Given] = {}
    given: Given = {}
    complete: bool = True  # the configuration is all here: a name none of it gives is given nowhere

    def found(self, language: str, name: str) -> bool | None:
        """Whether the configuration gives ``name`` a true value (:func:`looked_up`), taken as true where a targeted
        cascade may give it; ``None`` where it gives none."""
        for given in (self.cascade_given, self.given_by_language.get(language, {}), self.given):
            if (found := looked_up(given, name)) is not None:
                return found
        return True if name in self.cascade_maybe else None

    def value(self, language: str, name: str) -> str | None:
        """The value of a parameter no page nor section gives (``None``: not known for certain)."""
        if name in self.cascade:
            return self.cascade[name]
        if name in self.cascade_maybe:
            return None
        return self.by_language.get(language, {}).get(name, self.site.get(name))


def site_params(
    options: dict[str, Any], languages: dict[str, Any], components: Iterable[Any] = (), complete: bool = True
) -> SiteParams:
    """The ``param`` shortcode's values of a Hugo site's configuration (``options``, its ``languages`` table), and
    what its ``components``' configurations' ``params`` give (Hugo merges them under the site's); ``complete``:
    whether the configuration is all here (not when a build step writes a part)."""
    cascade, maybe = cascade_params(options.get("cascade"))
    files = _lowered(options.get(LANGUAGE_PARAMS))
    own = _lowered(languages)
    tables = {language: (files.get(language), _lowered(own.get(language)).get("params")) for language in {*own, *files}}
    given: Given = {}
    for table in [*reversed(list(components)), options.get("params")]:
        given.update(given_names(table))
    return SiteParams(
        cascade,
        tuple(maybe),
        {language: _flat(file) | _flat(table) for language, (file, table) in tables.items()},
        _flat(options.get("params")),
        cascade_given(options.get("cascade")),
        {language: given_names(file) | given_names(table) for language, (file, table) in tables.items()},
        given,
        complete,
    )


def given_names(table: Any) -> Given:
    """Every dotted name (lowercased) ``table`` gives, maps and what they hold, with whether its value is true as
    Go's templates take it (``with``): not ``false``, ``0``, ``""``, an empty list or map; ``None`` for nil (YAML's
    ``x:``)."""
    return {name: None if value is None else bool(value) for name, value in _dotted(table)}


def _dotted(table: Any, prefix: str = "") -> Iterator[tuple[str, Any]]:
    """Each dotted name (lowercased) of ``table`` with its value, a map's before the names it holds."""
    for key, value in _lowered(table).items():
        yield prefix + key, value
        if isinstance(value, dict):
            yield from _dotted(value, f"{prefix}{key}.")


def looked_up(given: Given, name: str) -> bool | None:
    """Whether ``given`` gives ``name`` (lowercased) a true value, as Hugo's ``Param`` looks it up: a key of the
    table itself found nil is false; a dotted name reached nil is not found (``None``)."""
    if name not in given:
        return None
    found = given[name]
    return (False if "." not in name else None) if found is None else found


def own_given(data: dict[str, Any], names: Iterable[str]) -> dict[str, bool]:
    """Whether a page's front matter (``data``: its keys and ``params``) gives each of ``names`` a true value, for
    those it gives (:func:`looked_up`)."""
    given = given_names(data)
    given.update(given_names(_lowered(data).get("params")))
    return {name: found for name in names if (found := looked_up(given, name)) is not None}


def cascade_given(cascade: Any) -> Given:
    """The names (:func:`given_names`) a ``cascade`` gives every page below: not a targeted one's."""
    found: Given = {}
    for targeted, entries in _cascade_entries(cascade):
        if not targeted:
            for key, value in entries:
                found.update(given_names({key: value}))
    return found


def _flat(table: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    _flattened(table, found, set())
    return found


def with_params(target: str, value_of: Callable[[str], str | None]) -> str | None:
    """``target`` with each ``param`` shortcode's value written in; ``None`` when one's value is not known or
    another template is written there."""
    known: list[str | None] = []

    def written(found: re.Match[str]) -> str:
        value = value_of(called_name(found))
        known.append(value)
        return value or ""

    result = PARAM_CALL.sub(written, target)
    return result if known and None not in known and "{{" not in result else None


def _written(value: Any) -> str | None:
    """A scalar as Go's templates print it (``1.76``, ``3``, ``v3.4``); ``None`` for others."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    if isinstance(value, float):
        shown = repr(value)
        return None if "e" in shown or "n" in shown else shown.removesuffix(".0")
    return str(value)


def _flattened(table: Any, found: dict[str, str], unknown: set[str]) -> None:
    """``table``'s values but maps by dotted name into ``found``, or their names into ``unknown`` (not text)."""
    for name, value in _dotted(table):
        if isinstance(value, dict):
            continue
        if (shown := _written(value)) is not None:
            found[name] = shown
        else:
            unknown.add(name)


def _reached(table: dict[str, Any], name: str) -> str | None:
    value: Any = table
    for step in name.split("."):
        value = _lowered(value).get(step) if isinstance(value, dict) else None
    return _written(value)


def _lowered(table: Any) -> dict[str, Any]:
    return {str(key).lower(): value for key, value in table.items()} if isinstance(table, dict) else {}
