"""The example articles of rule documentation: complete, fenced, one shape.

``fmlint rule CODE`` shows them and the rule-doc tests run them, so every
example is a whole article (front matter and body) in a ``markdown`` fence.
"""

from __future__ import annotations


def article(*front_matter: str, body: str = "Body.") -> str:
    """A fenced YAML-front-matter article titled "Price cuts" with more ``front_matter`` lines."""
    lines = "\n".join(('title: "Price cuts"', *front_matter))
    return f"```markdown\n---\n{lines}\n---\n\n{body}\n```"


def example(failing: str, passing: str, passing_note: str = "") -> str:
    """The ``## Example`` section: a failing article, then "Use instead" and a passing one."""
    return f"## Example\n{failing}\nUse instead{passing_note}:\n{passing}\n"


CDN_IMAGE = "https://cdn.example.com/images/price-chart.png"
WITH_CDN_IMAGES = article(f'thumbnail: "{CDN_IMAGE}"', body=f"![Price chart]({CDN_IMAGE})")
"""An article whose images are all fine: the passing example of the image rules."""
