"""Write ``fmlint/site/known_themes.json``: the page parameters the layouts of popular Hugo themes read.

Usage: ``python scripts/known_themes.py [--mirrors DIR]``

A site whose theme is a git submodule not checked out (CI checks out none by
default), an npm package not installed or a Hugo module not downloaded has no
theme templates to read; fmlint then takes the parameters listed here as read
(``fmlint.site.known_themes``).  Each theme's are those its layout templates
and asset templates read at each listed revision (their union: a site may pin
any of them), and which of them they read as maps, found by the same patterns
as a site's own (``fmlint.site.layout_params``); the kinds of render hook (link,
image) any of those revisions has; and the keys the Netlify or Decap CMS configuration a theme ships
as data filters pages by; and the shortcodes its layouts have had at any commit of its history (or in the listed
copies of a vendored theme), each with whether its HTML templates evaluate ``.Inner`` (``null`` when they have
not agreed over the years, or none is HTML), the date of the newest commit read and its releases (tags); and the
names its configuration's ``params`` have given.
``DIR`` holds bare clones of the themes' repositories, as ``OWNER+NAME/repo`` (and of the sites vendoring a
theme whose own repository is too large to fetch here: ``VENDORED``).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import tomllib
from pathlib import Path

import yaml

from fmlint.site.layout_params import asset_template, maps_in, params_in
from fmlint.site.params import given_names
from fmlint.site.templates import inner_in

OUT = Path(__file__).resolve().parent.parent / "fmlint" / "site" / "known_themes.json"
# module path, the names a site gives it (a folder under themesDir, an npm package), repository, where its
# layouts are, revisions
THEMES = [
    (
        "github.com/google/docsy",
        ["docsy"],
        "google/docsy",
        ["layouts/", "theme/layouts/"],
        ["v0.10.0", "v0.11.0", "v0.12.0", "v0.13.0", "v0.14.3", "v0.15.0", "v0.16.0", "theme/v0.16.0"],
    ),
    (
        "github.com/adityatelange/hugo-PaperMod",
        ["papermod", "hugo-papermod"],
        "adityatelange/hugo-PaperMod",
        ["layouts/"],
        ["v6.0", "v7.0", "v8.0"],
    ),
    (
        "github.com/theNewDynamic/gohugo-theme-ananke",
        ["ananke", "gohugo-theme-ananke"],
        "theNewDynamic/gohugo-theme-ananke",
        ["layouts/"],
        ["v2.13.3", "v2.15.0", "v2.16.0", "v2.17.0"],
    ),
    (
        "github.com/alex-shpak/hugo-book",
        ["hugo-book"],
        "alex-shpak/hugo-book",
        ["layouts/"],
        ["v10", "v11.0.0", "v12.0.0", "v13", "v0.14.0"],
    ),
    (
        "github.com/imfing/hextra",
        ["hextra"],
        "imfing/hextra",
        ["layouts/"],
        ["v0.9.7", "v0.10.3", "v0.11.3", "v0.12.3"],
    ),
    (
        "github.com/CaiJimmy/hugo-theme-stack",
        ["hugo-theme-stack"],
        "CaiJimmy/hugo-theme-stack",
        ["layouts/"],
        ["v3.30.0", "v3.34.2", "v4.0.3"],
    ),
    ("github.com/jpanther/congo", ["congo"], "jpanther/congo", ["layouts/"], ["v2.7.6", "v2.8.2", "v2.9.0"]),
    ("github.com/dillonzq/LoveIt", ["loveit"], "dillonzq/LoveIt", ["layouts/"], ["v0.2.11", "v0.3.1"]),
    ("github.com/hugo-fixit/FixIt", ["fixit"], "hugo-fixit/FixIt", ["layouts/"], ["v0.3.20", "v0.4.5"]),
    ("github.com/HEIGE-PCloud/DoIt", ["doit"], "HEIGE-PCloud/DoIt", ["layouts/"], ["v0.2.13", "v0.4.2", "v1.0.2"]),
    (
        "github.com/thegeeklab/hugo-geekdoc",
        ["hugo-geekdoc"],
        "thegeeklab/hugo-geekdoc",
        ["layouts/"],
        ["v1.6.2", "v2.0.1", "v4.1.2"],
    ),
    ("github.com/luizdepra/hugo-coder", ["hugo-coder"], "luizdepra/hugo-coder", ["layouts/"], ["v1.1", "v1.2"]),
    (
        "github.com/panr/hugo-theme-terminal",
        ["hugo-theme-terminal"],
        "panr/hugo-theme-terminal",
        ["layouts/"],
        ["v4.1.0", "v4.2.3"],
    ),
    # (Doks and the Thulite packages it mounts on the site's layouts from npm: known by the mount's source, as
    # ``node_modules/@thulite/core/layouts``, or the Hyas scope they were published under until 2024 (``ALSO``);
    # Doks's by its name too)
    (
        "node_modules/@thulite/doks-core",
        ["doks-core"],
        "thuliteio/doks-core",
        ["layouts/"],
        ["v1.0.7", "v1.5.0", "v1.9.3"],
    ),
    ("node_modules/@thulite/core", [], "thuliteio/core", ["layouts/"], ["v1.0.1", "v1.4.0"]),
    ("node_modules/@thulite/seo", [], "thuliteio/seo", ["layouts/"], ["v1.0.4", "v2.4.0"]),
    ("node_modules/@thulite/images", [], "thuliteio/images", ["layouts/"], ["v1.0.0", "v3.3.0"]),
    ("github.com/hugo-toha/toha", ["toha"], "hugo-toha/toha", ["layouts/"], ["v3.0.0", "v4.0.0", "v4.10.0"]),
    # (Clarity's, Mainroad's and Beautiful Hugo's repositories tag no releases: their last commits before 2020 or
    # 2021, two later years, and their newest)
    (
        "github.com/chipzoller/hugo-clarity",
        ["hugo-clarity"],
        "chipzoller/hugo-clarity",
        ["layouts/"],
        [
            "e70635c8b1f0484e68e2e0b606b40d89a2284a90",
            "1d7940986aafdaa08e71e251fc1714dd88fda650",
            "0047222b25fab1825c84bc8014bd316a401b8780",
            "05ae0254fa96316fcc1907e753939b0c6bb903b2",
        ],
    ),
    (
        "github.com/Vimux/Mainroad",
        ["mainroad"],
        "Vimux/Mainroad",
        ["layouts/"],
        [
            "91fe119b0a4f7deae4fce2f772fddb6b54bc7bef",
            "50b32bd106767aa9f4f70139091e03fac843aee5",
            "f6792dab55382976fdacee75d4189f67900302ee",
            "13e04b3694ea2d20a68cfbfaea42a8c565079809",
        ],
    ),
    (
        "github.com/halogenica/beautifulhugo",
        ["beautifulhugo"],
        "halogenica/beautifulhugo",
        ["layouts/"],
        [
            "264894242734375a9ff746cfa4e7e3d4d0e00e58",
            "e68e4c4349bc0b4d5fd597f48e4dfa1c6e642545",
            "08cfb448c8fdc63425dea4c8eeee69c21c45b614",
            "f571556b3a82f3e9b23033bf4f96013ec6c51968",
        ],
    ),
    (  # (Academic, then Wowchemy, then Hugo Blox: one repository of modules, their paths renamed over the years;
        # known by its owners' names and the folder names sites gave it; at its releases of 2020 to 2026 and the last
        # commit of May 2024)
        "github.com/HugoBlox/hugo-blox-builder",
        ["hugoblox", "hugo-blox-builder", "wowchemy", "academic", "hugo-academic"],
        "HugoBlox/hugo-blox-builder",
        [
            "layouts/",
            "wowchemy/layouts/",
            *(
                f"modules/{module}/layouts/"
                for module in (
                    "wowchemy",
                    "wowchemy-core",
                    "wowchemy-tailwind",
                    "wowchemy-seo",
                    "wowchemy-plugin-reveal",
                    "blox-bootstrap",
                    "blox-core",
                    "blox-tailwind",
                    "blox-seo",
                    "blox-plugin-reveal",
                    "blox",
                    "slides",
                )
            ),
        ],
        [
            "v4.8.0",
            "v5.5.0",
            "modules/wowchemy/v5.9.0",
            "8d25fbed",
            "modules/blox-tailwind/v0.10.0",
            "modules/blox/v0.11.0",
        ],
    ),
    (  # (Relearn's ancestor, still the theme of many documentation sites)
        "github.com/matcornic/hugo-theme-learn",
        ["hugo-theme-learn"],
        "matcornic/hugo-theme-learn",
        ["layouts/"],
        ["2.0.0", "2.5.0", "3202533a746f91c67de1a8fa373c0328ec1b403d"],
    ),
    # (theme components: shortcodes a site imports beside its theme; hugo-notice tags no releases: its newest commit)
    (
        "github.com/martignoni/hugo-notice",
        ["hugo-notice"],
        "martignoni/hugo-notice",
        ["layouts/"],
        ["7d311565755215e2d3bab57938bdbcf1194f11e4"],
    ),
    (
        "github.com/mfg92/hugo-shortcode-gallery",
        ["hugo-shortcode-gallery"],
        "mfg92/hugo-shortcode-gallery",
        ["layouts/"],
        ["v1.0.0", "v1.3.0"],
    ),
    (
        "github.com/olOwOlo/hugo-theme-even",
        ["hugo-theme-even", "even"],
        "olOwOlo/hugo-theme-even",
        ["layouts/"],
        ["v3.0.0", "v4.0.0", "v4.1.0"],
    ),
]


# themes whose own repositories are larger than a fetch brings here, read where sites (or a fork) vendor a
# release: (module path, names, repository, (the copy's repository, the folder of the copy, its revision holding
# the release, the release))
VENDORED = [
    (
        "github.com/nunocoracao/blowfish/v2",
        ["blowfish"],
        "nunocoracao/blowfish",
        [
            ("yteraoka/blog-1q77-com", "themes/blowfish/", "fcc08d17c80c6153df4a64d51cb607483f170945", "v2.4.0"),
            (
                "nacisimsek/nacisimsek.blowfish",
                "themes/blowfish/",
                "6cd2e66c560ec8a7d250d0e8ef62b8e0564059c7",
                "v2.57.0",
            ),
            (
                "ZhenShuo2021/ZhenShuo2021.github.io",
                "themes/blowfish/",
                "894051b76b492bdbd729054f447fe9ba467d8c6f",
                "v2.85.1",
            ),
        ],
    ),
    (  # (the release each copy's ``layouts/partials/version.txt`` names)
        "github.com/McShelby/hugo-theme-relearn",
        ["hugo-theme-relearn", "relearn"],
        "McShelby/hugo-theme-relearn",
        [
            ("lunamidori5/Midori-AI-Website", "themes/relearn/", "c54c2d325c66e978b0bee05e76ff6ddced6e48a2", "5.25.0"),
            ("LaunchCode-Hugo-Submodules/hugo-theme-relearn", "", "778e94499c73c272db5da88bb0edb74e3a205b72", "6.1.1"),
            (
                "markusmoenig/Eldiron-Web",
                "themes/hugo-theme-relearn/",
                "decdeed16461b43cb1926fe2841a4d547a0502e8",
                "7.3.2",
            ),
            (
                "digdilem/digdilem.org.2025",
                "themes/hugo-theme-relearn/",
                "b2461d21b9a725c3f73bd202d41e67e02948b3ca",
                "7.6.1",
            ),
            (
                "aggarwalakshun/k3s-at-home.com",
                "themes/hugo-theme-relearn/",
                "d8ba14c23d9bc0c6861f82a0b5a35e33988f44a2",
                "9.0.3",
            ),
        ],
    ),
]


def layouts_read(
    git_dir: Path, revision: str, prefixes: list[str], theme: str = ""
) -> tuple[set[str], set[str], set[str]]:
    """The page parameters the templates under ``prefixes`` and the asset templates under ``assets/`` (of the
    ``theme`` folder, a vendored copy's) read at ``revision`` of the repository ``git_dir``, those of them
    read as maps, and the kinds of render hook (``link``, ``image``) the templates hold."""
    git = ["git", "--git-dir", str(git_dir)]
    listing = subprocess.run([*git, "ls-tree", "-r", "-l", revision], capture_output=True, check=True, text=True)
    blobs = []
    hooks: set[str] = set()
    for line in listing.stdout.splitlines():
        fields, path = line.split("\t", 1)
        _, kind, blob, size = fields.split()
        if kind != "blob" or not size.isdigit():  # (a blob the mirror lacks has no size: a large file)
            continue
        asset = path.startswith(theme + "assets/")
        if path.startswith(tuple(prefixes)) and (hook := _RENDER_HOOK.search(path)):
            hooks.add(hook.group(1))
        if path.startswith(tuple(prefixes)) or (asset and asset_template(path, int(size))) or _CMS_DATA.search(path):
            blobs.append((blob, asset))
    batch = subprocess.run(
        [*git, "cat-file", "--batch"],
        input=("\n".join(blob for blob, _ in blobs) + "\n").encode(),
        capture_output=True,
        check=True,
    )
    params: set[str] = set()
    maps: set[str] = set()
    data, at = batch.stdout, 0
    for _, asset in blobs:
        end = data.index(b"\n", at)
        size = int(data[at:end].split()[2])
        text = data[end + 1 : end + 1 + size].decode("utf-8", "replace")
        at = end + 1 + size + 1
        if not asset or "{{" in text:
            params |= params_in(text)
            maps |= maps_in(text)
        params |= {field.lower() for field in _CMS_FIELD.findall(text)}
    return params, maps, hooks


def shortcodes_read(git_dir: Path, revisions: list[str], prefixes: list[str]) -> tuple[dict[str, set[bool]], str]:
    """The shortcodes of the templates under ``prefixes`` at ``revisions`` of the repository ``git_dir`` and at
    every commit of its branches and tags that changed one, each with whether each of its HTML templates evaluates
    ``.Inner``; and the date of the newest commit of its branches, tags and ``revisions``."""
    git = ["git", "--git-dir", str(git_dir)]
    log = subprocess.run(
        [*git, "log", "--branches", "--tags", "--format=%x00%H", "--name-only", "--", *prefixes],
        capture_output=True,
        check=True,
    ).stdout.decode()
    commits = [
        commit
        for commit, *paths in (entry.split("\n") for entry in log.split("\0") if entry)
        if any(_shortcode_name(path, prefixes) for path in paths)
    ]
    found: dict[str, set[str]] = {}  # name → the blobs of its HTML templates
    for revision in [*revisions, *commits]:
        listing = subprocess.run(
            [*git, "ls-tree", "-r", revision, "--", *prefixes], capture_output=True, check=True, text=True
        ).stdout
        for line in listing.splitlines():
            fields, path = line.split("\t", 1)
            if (name := _shortcode_name(path, prefixes)) is not None:
                found.setdefault(name, set()).update([fields.split()[2]] if path.endswith("html") else [])
    blobs = sorted(set().union(*found.values()))
    batch = subprocess.run(
        [*git, "cat-file", "--batch"], input=("\n".join(blobs) + "\n").encode(), capture_output=True, check=True
    ).stdout
    inner: dict[str, bool] = {}
    at = 0
    for blob in blobs:
        end = batch.index(b"\n", at)
        size = int(batch[at:end].split()[2])
        inner[blob] = inner_in(batch[end + 1 : end + 1 + size].decode("utf-8", "replace"))
        at = end + 1 + size + 1
    newest = subprocess.run(
        [*git, "log", "-1", "--format=%cs", "--branches", "--tags", *revisions],
        capture_output=True,
        check=True,
        text=True,
    ).stdout.strip()
    return {name: {inner[blob] for blob in templates} for name, templates in found.items()}, newest


def config_params_read(git_dir: Path, revisions: list[str], prefixes: list[str]) -> set[str]:
    """The dotted names (lowercased; maps and what they hold) the ``params`` of the configuration beside the layouts
    folders ``prefixes`` give (``hugo.*``, ``config.*``, ``config/_default/``), at ``revisions`` of the repository
    ``git_dir`` and at every commit of its branches and tags that changed it: Hugo merges them under a site's."""
    git = ["git", "--git-dir", str(git_dir)]
    folders = [prefix.removesuffix("layouts/") for prefix in prefixes]
    specs = [f":(glob){folder}{name}" for folder in folders for name in ("hugo.*", "config.*", "config/_default/*")]
    log = subprocess.run(
        [*git, "log", "--branches", "--tags", "--format=%H", "--", *specs], capture_output=True, check=True, text=True
    )
    found: set[str] = set()
    for revision in dict.fromkeys([*revisions, *log.stdout.split()]):
        listing = subprocess.run([*git, "ls-tree", "-r", revision], capture_output=True, check=True, text=True).stdout
        for line in listing.splitlines():
            fields, path = line.split("\t", 1)
            folder, _, file = path.rpartition("/")
            name, _, extension = file.partition(".")
            here = folder + "/" if folder else ""
            if extension not in ("toml", "yaml", "yml", "json") or not any(
                here == f"{top}config/_default/" or (here == top and name in ("hugo", "config")) for top in folders
            ):
                continue
            blob = subprocess.run([*git, "cat-file", "blob", fields.split()[2]], capture_output=True, check=True)
            try:
                text = blob.stdout.decode()
                data = tomllib.loads(text) if extension == "toml" else yaml.safe_load(text)
            except (UnicodeDecodeError, tomllib.TOMLDecodeError, yaml.YAMLError):
                continue
            table = data if name == "params" else data.get("params") if isinstance(data, dict) else None
            found.update(given_names(table))
    return found


def _shortcode_name(path: str, prefixes: list[str]) -> str | None:
    """The shortcode a template file at ``path`` is of (lowercased, ``blocks/cover``), if it is one: in
    ``shortcodes/`` or ``_shortcodes/`` of a layouts folder of ``prefixes``, or in ``_shortcodes/`` of any folder
    of one (Hugo 0.146's templates of a type)."""
    for prefix in prefixes:
        if not path.startswith(prefix):
            continue
        inside = "/" + path[len(prefix) :]
        for marker in ("/_shortcodes/", "/shortcodes/"):
            folder, found, name = inside.partition(marker)
            subfolder, _, file = name.rpartition("/")
            if found and "." in file and (not folder or marker == "/_shortcodes/"):
                return "/".join(filter(None, (subfolder, file.split(".", 1)[0]))).lower()
    return None


def _releases(git_dir: Path) -> list[str]:
    """The tags of the repository ``git_dir`` (``v0.12.0``, ``theme/v0.16.0``): the releases a ``go.mod`` may pin."""
    tags = subprocess.run(["git", "--git-dir", str(git_dir), "tag"], capture_output=True, check=True, text=True)
    return sorted(tags.stdout.split())


# a link or image render hook, of any page type, language or output format (``_markup/render-link.en.html``)
_RENDER_HOOK = re.compile(r"(?:^|/)_markup/render-(link|image)(?:\.[^/]*)?\.html$")


# a Netlify or Decap CMS configuration a theme ships as data (Hugo Blox's ``decap_cms_config.yaml``), whose collections
# filter pages by a front-matter key (``filter: {field: "cms_exclude"}``): a key the theme reads too
_CMS_DATA = re.compile(r"(?:^|/)data/[^/]*cms[^/]*\.ya?ml$")
_CMS_FIELD = re.compile(r"""filter:\s*\{\s*field:\s*["']?(\w+)""")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"))
    args = parser.parse_args()
    themes = []
    for module, names, repository, prefixes, revisions in THEMES:
        git_dir = args.mirrors / repository.replace("/", "+") / "repo"
        read = [layouts_read(git_dir, revision, prefixes) for revision in revisions]
        shortcodes = shortcodes_read(git_dir, revisions, prefixes)
        configured = config_params_read(git_dir, revisions, prefixes)
        themes.append(_entry(module, names, repository, revisions, read, [shortcodes], _releases(git_dir), configured))
    for module, names, repository, copies in VENDORED:
        read, each, configured = [], [], set()
        for site, folder, revision, _ in copies:
            git_dir = args.mirrors / site.replace("/", "+") / "repo"
            read.append(layouts_read(git_dir, revision, [folder + "layouts/"], folder))
            each.append(shortcodes_read(git_dir, [revision], [folder + "layouts/"]))
            configured |= config_params_read(git_dir, [revision], [folder + "layouts/"])
        revisions = [f"{release} (vendored in {site}@{revision[:7]})" for site, _, revision, release in copies]
        releases = ["v" + release.lstrip("v") for _, _, _, release in copies]
        themes.append(_entry(module, names, repository, revisions, read, each, releases, configured))
    text = json.dumps({"generated by": "scripts/known_themes.py", "themes": themes}, indent=1, ensure_ascii=False)
    OUT.write_text(text + "\n", encoding="utf-8")


# other module paths of a theme: the npm scope Thulite's packages were published under until 2024 (Doks 1.0's sites
# mount ``node_modules/@hyas/core/layouts``)
ALSO = {
    f"node_modules/@thulite/{package}": [f"node_modules/@hyas/{package}"]
    for package in ("doks-core", "core", "seo", "images")
} | {
    # Docsy's theme folder is on npm too since 0.16 (a site names it ``@docsy/theme``, with ``themesDir`` its
    # ``node_modules``, as SAP's cap-operator does)
    "github.com/google/docsy": ["@docsy/theme", "node_modules/@docsy/theme"],
}


def _entry(
    module: str,
    names: list[str],
    repository: str,
    revisions: list[str],
    read: list[tuple[set[str], set[str], set[str]]],
    shortcodes: list[tuple[dict[str, set[bool]], str]],
    releases: list[str],
    configured: set[str],
) -> dict[str, object]:
    """A theme's entry of ``known_themes.json``: the union of what its ``revisions`` ``read``, and of the
    ``shortcodes`` its history had (with the newest date read), its ``releases`` and the names its configuration's
    ``params`` have ``configured``."""
    params, maps = set().union(*(p for p, _, _ in read)), set().union(*(m for _, m, _ in read))
    hooks = set().union(*(h for _, _, h in read))
    inner: dict[str, set[bool]] = {}
    for found, _ in shortcodes:
        for name, answers in found.items():
            inner.setdefault(name, set()).update(answers)
    print(f"{module}: {len(params)} parameters, {len(maps)} maps, {len(inner)} shortcodes")
    return {
        "module": module,
        **({"also": ALSO[module]} if module in ALSO else {}),
        "names": names,
        "source": repository,
        "revisions": revisions,
        "params": sorted(params),
        "maps": sorted(maps),
        "hooks": sorted(hooks),
        # each shortcode: whether its HTML templates evaluate ``.Inner`` (null: not alike over the years, or none)
        "shortcodes": {name: answers.pop() if len(answers) == 1 else None for name, answers in sorted(inner.items())},
        "through": max(date for _, date in shortcodes),
        "releases": releases,
        "config_params": sorted(configured),
    }


if __name__ == "__main__":
    main()
