"""How far apart two words are, and which rare keys are probably misspellings of common ones.

Shared by ``fmlint schema infer`` (rare keys beside common ones), the
schema rule's near-miss keys and the link rule's mistyped schemes.
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import takewhile


def edit_distance(a: str, b: str, limit: int) -> int:
    """The optimal-string-alignment distance of ``a`` and ``b`` (a swap of neighbours costs 1), capped at ``limit`` + 1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, 1):
        current = [i]
        for j, other in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other))
            if i > 1 and j > 1 and char == b[j - 2] and a[i - 2] == other:
                cost = min(cost, previous2[j - 2] + 1)
            current.append(cost)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def likely_typos(counts: Mapping[str, int], mappings: int, rare_share: float, distance: int) -> dict[str, str]:
    """Each rare key (in at most ``rare_share`` of ``mappings``) within ``distance`` edits of a common one.

    A common key is one at least ten times as frequent; keys of four
    characters or fewer may differ by one edit only (``tag`` and ``tags``
    are both real).  The closest common key wins, then the more frequent.
    """
    typos: dict[str, str] = {}
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))  # a site may have thousands of rare keys
    for key, count in sorted(counts.items()):
        if count > rare_share * mappings:
            continue
        allowed = 1 if len(key) <= 4 else distance
        least = 10 * count
        candidates = [
            (edit_distance(key.lower(), other.lower(), allowed), -other_count, other)
            for other, other_count in takewhile(lambda item: item[1] >= least, ranked)  # noqa: B023 - used at once
        ]
        close = [candidate for candidate in candidates if candidate[0] <= allowed]
        if close:
            typos[key] = min(close)[2]
    return typos
