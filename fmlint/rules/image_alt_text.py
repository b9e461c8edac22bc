"""An image without alt text, or with alt text that describes nothing.

## What it does
Reports an image in the body — Markdown `![alt](src)`, reference `![alt][ref]`
or HTML `<img>` — whose alt text is missing (an error), or generic (a
warning): `image`, `img`, `picture`, `photo`, `图片`, `图像`, or a file name such
as `IMG_0042.jpg`. An HTML `<img alt="">` with an explicitly empty `alt` marks
a decorative image and is accepted; Markdown has no way to say that, so
`![](src)` is reported. Images inside Hugo shortcodes are left alone.

Compared with markdownlint's MD045 (`no-alt-text`): also reports generic alt
text, and accepts the explicit decorative `alt=""` on HTML images.

## Why is this bad?
Alt text is what screen readers read and what is shown when the image fails to
load; search engines index it. A missing alt makes the image invisible to those
readers, and `图片` or a camera file name tells them nothing.

## Example
```markdown
+++
title = "大模型价格战：一周回顾"
+++

![](https://cdn.example.com/images/2025/02/price-chart.png)

![图片](https://cdn.example.com/images/2025/02/IMG_0042.jpg)
```

Use instead:
```markdown
+++
title = "大模型价格战：一周回顾"
date = 2025-02-07
+++

![主要厂商输入价格对比图](https://cdn.example.com/images/2025/02/price-chart.png)

![发布会现场](https://cdn.example.com/images/2025/02/IMG_0042.jpg)
```

## Options
- `generic` (default `["image", "img", "picture", "pic", "photo", "screenshot",
  "图片", "图像", "照片", "截图"]`): alt texts reported as generic (compared
  ignoring case and surrounding spaces); file names are always generic.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from fmlint.diagnostics import Problem, Severity
from fmlint.rules.base import Context, Rule

NEEDS = ("markdown",)
OPTIONS = {"generic": ["image", "img", "picture", "pic", "photo", "screenshot", "图片", "图像", "照片", "截图"]}
RULES = (Rule("MD045", "no-alt-text", "An image without alt text (error) or with generic alt text (warning)."),)

_FILE_NAME = re.compile(r"[\w\-. ]+\.(?:png|jpe?g|gif|webp|avif|svg|bmp|tiff?|heic)", re.IGNORECASE)


def check(ctx: Context, options: Mapping[str, Any]) -> Iterator[Problem]:
    generic = {word.casefold() for word in options["generic"]}
    view = ctx.markdown
    for image in view.outside_shortcodes(view.images):
        alt = (image.alt or "").strip()
        if image.alt is None or (not alt and image.source != "html"):
            yield Problem("MD045", "image has no alt text; describe what it shows", image.span)
        elif alt.casefold() in generic or _FILE_NAME.fullmatch(alt):
            message = f"alt text `{alt}` does not describe the image; say what it shows"
            yield Problem("MD045", message, image.span, Severity.WARNING)
