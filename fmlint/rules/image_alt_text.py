"""An image without alt text.

## What it does
Reports an image in the body — Markdown `![alt](src)`, reference `![alt][ref]`
or HTML `<img>` — that has no alt text. An HTML `<img alt="">` with an
explicitly empty `alt`, or one hidden from assistive technology with
`aria-hidden="true"` (any case, on a tag over several lines too), is
decorative and accepted; Markdown has no way to say that, so `![](src)` is
reported. Images inside Hugo shortcodes are left alone (the template decides), but
for those in a `{{% %}}` shortcode's content, which Hugo renders as Markdown even
inside a `{{< >}}` one (`{{< tabs >}}` around `{{% codetab %}}`). Alt text that says
nothing (`image`, `IMG_0042.jpg`) is `MKD003`.

Compared with markdownlint's MD045 (`no-alt-text`): the same rule, and the
same findings on every file of markdownlint's `test/` folder (`no-alt-text.md`
has the `aria-hidden` cases). One intended difference, which none of those
files exercises: alt text of only spaces (`![ ](src)`) is reported, where
markdownlint sees text.

## Why is this bad?
Alt text is what screen readers read and what is shown when the image fails to
load; search engines index it. A missing alt makes the image invisible to those
readers.

## Example
```markdown
+++
title = "大模型价格战：一周回顾"
+++

![](https://cdn.example.com/images/2025/02/price-chart.png)
```

Use instead:
```markdown
+++
title = "大模型价格战：一周回顾"
date = 2025-02-07
+++

![主要厂商输入价格对比图](https://cdn.example.com/images/2025/02/price-chart.png)
```

## Options
- `generic` (default `["image", "img", "picture", "pic", "photo", "screenshot",
  "图片", "图像", "照片", "截图"]`): alt texts that `MKD003` reports as generic
  (compared ignoring case and surrounding spaces); file names are always generic.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from fmlint.diagnostics import Problem, Severity
from fmlint.doc_examples import article, example
from fmlint.regex import lazy_pattern
from fmlint.rules.base import Context, Rule

NEEDS = ("markdown",)
OPTIONS = {"generic": ["image", "img", "picture", "pic", "photo", "screenshot", "图片", "图像", "照片", "截图"]}
RULES = (
    Rule("MD045", "no-alt-text", "An image without alt text."),
    Rule(
        "MKD003",
        "generic-alt-text",
        "An image whose alt text describes nothing (`image`, `IMG_0042.jpg`).",
        severity=Severity.WARNING,
        doc=f"""## What it does
Reports an image (Markdown, reference or HTML `<img>`) whose alt text is
generic: `image`, `img`, `picture`, `photo`, `图片`, `图像`, or a file name such as
`IMG_0042.jpg` or `Screenshot.png`. Images inside Hugo shortcodes are left
alone, as in `MD045`; missing alt text is `MD045`. markdownlint has no such rule.

## Why is this bad?
Alt text is what screen readers read and what search engines index: `图片` or a
camera file name tells them nothing about the picture.

{
            example(
                article(body="![图片](https://cdn.example.com/images/2025/02/IMG_0042.jpg)"),
                article(body="![发布会现场](https://cdn.example.com/images/2025/02/IMG_0042.jpg)"),
            )
        }

## Options
- `generic` (`[tool.fmlint.rules.image-alt-text]`, default `["image", "img",
  "picture", "pic", "photo", "screenshot", "图片", "图像", "照片", "截图"]`): alt
  texts reported (compared ignoring case and surrounding spaces); file names are
  always generic.
""",
    ),
)

_FILE_NAME = lazy_pattern(r"[\w\-. ]+\.(?:png|jpe?g|gif|webp|avif|svg|bmp|tiff?|heic)", re.IGNORECASE)


def check(ctx: Context, options: Mapping[str, Any]) -> Iterator[Problem]:
    generic = {word.casefold() for word in options["generic"]}
    view = ctx.markdown
    for image in view.outside_shortcodes(view.images):
        alt = (image.alt or "").strip()
        if image.hidden:
            continue
        if image.alt is None or (not alt and image.source != "html"):
            yield Problem("MD045", "image has no alt text; describe what it shows", image.span)
        elif alt.casefold() in generic or _FILE_NAME.fullmatch(alt):
            yield Problem("MKD003", f"alt text `{alt}` does not describe the image; say what it shows", image.span)
