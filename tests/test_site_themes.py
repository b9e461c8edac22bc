"""A Hugo site's themes and modules, found where Hugo finds them (``fmlint.site.hugo_modules``), and the page
parameters of a known theme that is not there (``fmlint.site.known_themes``).

The keys a site's layouts read are known to the bundled schema (SC002 does not
call them unknown); a theme's layouts count where Hugo would take them from.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from test_site_rules import HUGO, _quiet_env, at, hugo_permalinks, needs_hugo, page, placed, site_findings, write

from fmlint.cli import main
from fmlint.site.config import forget_sites, read_site
from fmlint.site.known_themes import known_maps, known_params

MODULE = 'baseURL = "https://example.org/"\n[module]\n[[module.imports]]\npath = "github.com/x/theme"\n'
SINGLE = "layouts/_default/single.html"


def unknown_keys(root: Path, capsys: pytest.CaptureFixture[str], front_matter: str) -> list[str]:
    """The keys SC002 calls unknown in a page of the site at ``root`` whose front matter is ``front_matter``."""
    write(root, {"content/a.md": f"---\ntitle: A\n{front_matter}---\nBody.\n"})
    forget_sites()
    main(["--format", "json", "--no-cache", "--select", "SC002", str(root / "content/a.md")])
    return [f"{d['line']}:{d['column']} {d['message'].split('`')[1]}" for d in json.loads(capsys.readouterr().out)]


def folders(root: Path) -> list[str]:
    forget_sites()
    return [str(Path(folder).relative_to(root)) for folder in read_site(str(root)).layout_dirs]


def test_a_vendored_module_comes_before_the_themes_folder(tmp_path, capsys):
    """`_vendor/` is read when `_vendor/modules.txt` lists the module (`hugo mod vendor`), else `themes/<path>`."""
    write(
        tmp_path,
        {
            "hugo.toml": MODULE,
            f"_vendor/github.com/x/theme/{SINGLE}": "V {{ .Params.vendored }}",
            "_vendor/modules.txt": "# github.com/x/theme v1.0.0\n",
            f"themes/github.com/x/theme/{SINGLE}": "T {{ .Params.themed }}",
        },
    )
    keys = "vendored: 1\nthemed: 2\n"
    assert folders(tmp_path) == ["layouts", "_vendor/github.com/x/theme/layouts"]
    assert unknown_keys(tmp_path, capsys, keys) == ["4:1 themed"]
    (tmp_path / "_vendor/modules.txt").unlink()
    assert folders(tmp_path) == ["layouts", "themes/github.com/x/theme/layouts"]
    assert unknown_keys(tmp_path, capsys, keys) == ["3:1 vendored"]


@needs_hugo
@pytest.mark.parametrize("vendored", [True, False])
def test_the_template_hugo_takes_is_the_one_read(tmp_path, vendored):
    """Hugo's own choice: the vendored module's template with `modules.txt`, the themes folder's without."""
    write(
        tmp_path,
        {
            "hugo.toml": MODULE + 'disableKinds = ["taxonomy", "term", "rss", "sitemap"]\n',
            f"_vendor/github.com/x/theme/{SINGLE}": "vendored",
            f"themes/github.com/x/theme/{SINGLE}": "themed",
            "content/a.md": "---\ntitle: A\n---\n",
        },
    )
    write(tmp_path, {"_vendor/modules.txt": "# github.com/x/theme v1.0.0\n"} if vendored else {})
    for folder in ("_vendor/github.com/x/theme", "themes/github.com/x/theme"):
        write(tmp_path / folder, {"layouts/_default/list.html": ""})
    out = tmp_path / "out"
    subprocess.run([HUGO, "--quiet", "-s", str(tmp_path), "-d", str(out)], env=_quiet_env(), check=True)
    forget_sites()
    first = read_site(str(tmp_path)).layout_dirs[1]
    assert (out / "a/index.html").read_text() == Path(first, "_default/single.html").read_text()


def test_themes_under_themes_dir_and_a_theme_named_nowhere(tmp_path):
    """`themesDir = "node_modules"` (etcd.io's Docsy from npm); a theme folder the configuration does not name
    still counts (`hugo --theme other`); `theme` as a list, with a path below the folder (`docsy/theme`)."""
    write(
        tmp_path,
        {
            "hugo.toml": 'themesDir = "node_modules"\ntheme = ["docsy/theme", "own"]\n',
            f"node_modules/docsy/theme/{SINGLE}": "",
            f"node_modules/own/{SINGLE}": "",
            f"node_modules/other/{SINGLE}": "",
            f"themes/ignored/{SINGLE}": "",
        },
    )
    assert folders(tmp_path) == [
        "layouts",
        "node_modules/docsy/theme/layouts",
        "node_modules/own/layouts",
        "node_modules/other/layouts",
    ]


def test_a_module_in_hugos_cache_at_the_version_go_mod_requires(tmp_path, monkeypatch):
    """Hugo downloads modules into `<cacheDir>/modules/filecache/modules/pkg/mod/`, each at its version, upper case
    escaped as Go does (`!hugo!blox`); a module's own configuration imports more (here from `themes/`); a path
    below a module (`…/blox/v5`) is a folder of it; a version `go.mod` does not require is not taken."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("HUGO_CACHEDIR", str(cache))
    mod = cache / "modules/filecache/modules/pkg/mod"
    write(
        tmp_path / "site",
        {
            "hugo.toml": (
                "[[module.imports]]\npath = 'github.com/HugoBlox/kit/blox/v5'\n"
                "[[module.imports]]\npath = 'github.com/x/unrequired'\n"
            ),
            "go.mod": "module example.org/s\n\ngo 1.21\n\nrequire (\n\tgithub.com/HugoBlox/kit v0.12.0 // indirect\n)\n",
            f"themes/dep/{SINGLE}": "",
        },
    )
    write(mod / "github.com/!hugo!blox/kit@v0.12.0/blox/v5", {SINGLE: "", "hugo.toml": "theme = 'dep'\n"})
    write(mod / "github.com/!hugo!blox/kit@v0.11.0/blox/v5", {SINGLE: ""})
    write(mod / "github.com/x/unrequired@v1.0.0", {SINGLE: ""})
    forget_sites()
    site = read_site(str(tmp_path / "site"))
    assert site.layout_dirs == (
        str(tmp_path / "site/layouts"),
        str(mod / "github.com/!hugo!blox/kit@v0.12.0/blox/v5/layouts"),
        str(tmp_path / "site/themes/dep/layouts"),
    )
    assert site.missing_themes == ("github.com/x/unrequired",)


def test_replacements_and_disabled_imports(tmp_path):
    """`module.replacements` (relative to `themesDir`) and a `replace` of `go.mod` to a local folder; an import with
    `disable = true` is not read."""
    write(
        tmp_path,
        {
            "site/hugo.toml": (
                "[module]\nreplacements = 'github.com/x/a -> ../../a'\n"
                "[[module.imports]]\npath = 'github.com/x/a'\n[[module.imports]]\npath = 'github.com/x/b'\n"
                "[[module.imports]]\npath = 'github.com/x/off'\ndisable = true\n"
            ),
            "site/go.mod": "module s\n\nreplace github.com/x/b => ../b\n",
            f"a/{SINGLE}": "",
            f"b/{SINGLE}": "",
            f"site/themes/github.com/x/off/{SINGLE}": "",
        },
    )
    forget_sites()
    site = read_site(str(tmp_path / "site"))
    assert site.layout_dirs == tuple(str(tmp_path / name / "layouts") for name in ("site", "a", "b"))
    assert site.missing_themes == ()


@pytest.mark.parametrize("theme", ["docsy", "docsy/theme", "@docsy/theme", "github.com/google/docsy"])
def test_the_keys_of_a_known_theme_not_checked_out_are_known(tmp_path, capsys, theme):
    """A Docsy site whose theme is a submodule not checked out (an empty `themes/docsy`), an npm package not
    installed (`docsy/theme`, or `@docsy/theme` since 0.16: SAP's cap-operator) or a module not downloaded: Docsy's
    keys (`toc_hide`, `no_list`) are not unknown; a key no layout of Docsy reads (`hasparent`) is."""
    config = f"theme = '{theme}'\n" if theme in ("docsy", "@docsy/theme") else f"[[module.imports]]\npath = '{theme}'\n"
    config = ("themesDir = 'node_modules'\n" if theme.startswith("@") else "") + config
    write(tmp_path, {"hugo.toml": config})
    (tmp_path / "themes/docsy").mkdir(parents=True)
    keys = "toc_hide: true\nno_list: true\nhasparent: true\n"
    assert unknown_keys(tmp_path, capsys, keys) == ["5:1 hasparent"]
    assert read_site(str(tmp_path)).missing_themes == (theme,)


def test_a_theme_that_is_there_decides_alone(tmp_path, capsys):
    """Once the theme is there its own layouts say which keys it reads, not the list."""
    write(tmp_path, {"hugo.toml": "theme = 'docsy'\n", f"themes/docsy/{SINGLE}": "{{ .Params.no_list }}"})
    assert unknown_keys(tmp_path, capsys, "toc_hide: true\nno_list: true\n") == ["3:1 toc_hide"]


def schema_problems(root: Path, capsys: pytest.CaptureFixture[str], front_matter: str) -> list[str]:
    """SC001's and SC002's findings (line:column code) in a page of the site at ``root`` with ``front_matter``."""
    write(root, {"content/a.md": f"---\ntitle: A\n{front_matter}---\nBody.\n"})
    forget_sites()
    main(["--format", "json", "--no-cache", "--select", "SC001,SC002", str(root / "content/a.md")])
    return [f"{d['line']}:{d['column']} {d['code']}" for d in json.loads(capsys.readouterr().out)]


def test_a_known_theme_not_downloaded_gives_its_keys_and_the_shapes_of_its_maps(tmp_path, capsys):
    """golangci-lint's docs import Hextra as a Hugo module, not downloaded in a checkout: its `excludeSearch`
    (read by its search index, an asset template) is known, and `sidebar: {exclude: true}` is Hextra's map, not
    the bundled schema's placement string; a typo of the key and a number for the map are still reported."""
    write(tmp_path, {"hugo.yaml": "module:\n  imports:\n    - path: github.com/imfing/hextra\n"})
    assert schema_problems(tmp_path, capsys, "excludeSearch: true\nsidebar:\n  exclude: true\n") == []
    assert schema_problems(tmp_path, capsys, "excludSearch: true\nsidebar: 3\n") == ["3:1 SC002", "4:10 SC001"]
    assert read_site(str(tmp_path)).missing_themes == ("github.com/imfing/hextra",)


def test_the_page_parameters_of_asset_templates_and_where_keys_are_read(tmp_path, capsys):
    """An asset a template executes (a search index) reads page parameters too, `where`'s key may be written
    without its dot, and pages are grouped and sorted by parameters; an asset without an action (a script
    library) is no template."""
    index = '{{ range where site.RegularPages "Params.hideFromSearch" "!=" true }}{{ .Title }}{{ end }}'
    grouped = '{{ range .Pages.GroupByParam "track" }}{{ .Key }}{{ end }}{{ range .Pages.ByParam "rank" }}{{ end }}'
    write(
        tmp_path,
        {
            "hugo.toml": "",
            "assets/json/search.json": index,
            "assets/js/library.js": "const shown = options.Params.shownInLibrary;\n",
            SINGLE: grouped,
        },
    )
    keys = "hideFromSearch: true\nshownInLibrary: true\ntrack: a\nrank: 1\n"
    assert unknown_keys(tmp_path, capsys, keys) == ["4:1 shownInLibrary"]


HELD_PARAMETERS = {
    # LoveIt's and FixIt's (`$params := .Params | merge .Site.Params.page`, kept in `.Scratch`): `$params.toc.enable`
    # makes `toc` a map (the bundled schema's boolean is not the theme's)
    "loveit": (
        '{{ $params := .Params | merge .Site.Params.page }}{{ .Scratch.Set "params" $params }}'
        "{{ if $params.toc.enable }}{{ $params.featuredImage }}{{ end }}"
        '{{ $site := .Site.Params | merge (dict "a" 1) }}{{ $site.banner }}',
        "featuredImage: a.png\ntoc:\n  enable: false\nbanner: b\n",
    ),
    # Wowchemy's about widget, an author page's (194 false SC002 on a research group's site before Hugo Blox was a
    # known theme, 13 after)
    "wowchemy": (
        '{{ $person_page := site.GetPage "authors/admin" }}{{ $person := $person_page.Params }}'
        "{{ with $person.education }}{{ range .courses }}{{ .course }}{{ end }}{{ end }}{{ $person.name_pronunciation }}"
        "{{ $site := site.Params }}{{ $site.banner }}",
        "education:\n  courses: []\nname_pronunciation: x\nbanner: b\n",
    ),
}


@pytest.mark.parametrize("theme", list(HELD_PARAMETERS))
def test_the_parameters_a_layout_holds_in_a_variable_are_read(tmp_path, capsys, theme):
    """A layout may read a page's parameters through a variable holding them, merged over the site's (LoveIt's
    `$params.featuredImage`) or another page's alone (Wowchemy's `$person.education`): keys; a variable of the
    site's parameters alone (`$site.banner`) reads no page key."""
    layout, front_matter = HELD_PARAMETERS[theme]
    write(tmp_path, {"hugo.toml": f"theme = '{theme}'\n", f"themes/{theme}/{SINGLE}": layout})
    assert schema_problems(tmp_path, capsys, front_matter) == ["6:1 SC002"]


def test_a_parameter_a_layout_holds_in_a_variable_and_reads_a_field_of_is_a_map(tmp_path, capsys):
    """DoIt writes `{{ $toc := $params.toc }}` then `{{ if $toc.enable }}` (a page's `toc: {enable: true, auto:
    false}`; 5 false SC001 on a DoIt blog), and a layout may hold `.Params.box` alike: maps of the site's shape. A
    range's item variable (`range $i, $e := .Params.tags`) holds an item, not the value (the same name given a
    map later reads none of `tags`); a variable given more than the value (`| default`) is not the value."""
    layout = (
        '{{ $params := .Scratch.Get "params" }}{{ $toc := $params.toc }}{{ if $toc.enable }}{{ end }}'
        "{{ $box := .Params.box }}{{ $box.color }}"
        "{{ range $i, $e := .Params.tags }}{{ $e }}{{ end }}{{ $e := site.Params.social }}{{ $e.github }}"
        '{{ $d := .Params.description | default "" }}{{ $d.x }}'
    )
    write(tmp_path, {"hugo.toml": "theme = 'doit'\n", f"themes/doit/{SINGLE}": layout})
    front_matter = "toc:\n  enable: true\nbox:\n  color: red\ntags:\n  - name: a\ndescription:\n  x: 1\n"
    assert schema_problems(tmp_path, capsys, front_matter) == ["8:5 SC001", "10:3 SC001"]


def test_a_list_whose_items_the_layouts_read_fields_of_has_the_site_s_shape(tmp_path, capsys):
    """flink's posts list `authors: [{name: …, twitter: …}]`, which its layout ranges over reading `.name`, and
    Hextra's ranges over them inside `with .Params.authors`: lists of maps, not the bundled schema's names; the
    `tags` a layout ranges over as text are still a list of strings."""
    layout = (
        '{{ range .Param "authors" }}{{ .name }}{{ with .twitter }}@{{ . }}{{ end }}{{ end }}'
        "{{ with .Params.editors }}{{ range $i, $editor := . }}{{ $editor.link }}{{ end }}{{ end }}"
        "{{ range .Params.tags }}{{ . | urlize }}{{ end }}"
    )
    write(tmp_path, {"hugo.toml": "", SINGLE: layout})
    front_matter = "authors:\n  - name: A\n    twitter: a\neditors:\n  - link: b\ntags:\n  - name: c\n"
    assert schema_problems(tmp_path, capsys, front_matter) == ["9:5 SC001"]


def test_known_themes_by_module_path_or_name():
    assert {"toc_hide", "no_list"} <= known_params(["docsy"])
    assert "showtoc" in known_params(["github.com/adityatelange/hugo-PaperMod"]) == known_params(["PaperMod"])
    assert "bookhidden" in known_params(["hugo-book"])
    assert "excludesearch" in known_params(["github.com/imfing/hextra"]) == known_params(["themes/hextra"])
    assert known_maps(["hextra"]) >= {"sidebar"} and known_maps(["docsy"]) == frozenset()
    assert known_params(["github.com/x/theme", "book"]) == frozenset()
    # Blowfish, read from three sites' vendored releases (its repository is too large to fetch here)
    blowfish = known_params(["blowfish"])
    assert {"series_order", "showwordcount", "showtableofcontents"} <= blowfish
    assert blowfish == known_params(["github.com/nunocoracao/blowfish/v2"]) == known_params(["themes/blowfish"])
    assert {"toc", "math"} <= known_maps(["DoIt"]) & known_maps(["LoveIt"])
    # Mainroad (the news article fmlint was designed around is one of its posts), Beautiful Hugo, Learn, Even
    assert {"authorbox", "pager", "widgets", "thumbnail", "lead", "sidebar"} <= known_params(["mainroad"])
    assert {"bigimg", "subtitle"} <= known_params(["github.com/halogenica/beautifulhugo"])
    assert {"menutitle", "alwaysopen", "chapter"} <= known_params(["hugo-theme-learn"])
    assert {"reward", "hiddenfromhomepage"} <= known_params(["even"]) == known_params(["hugo-theme-even"])
    assert {"featureimage", "showshare"} <= known_params(["hugo-clarity"])
    # Thulite's packages by the mount's source, under the Hyas scope they were published under until 2024 too
    seo = known_params(["node_modules/@thulite/seo/layouts"])
    assert "seo" in seo and seo == known_params(["node_modules/@hyas/seo/layouts"])
    assert "lead" in known_params(["node_modules/@hyas/doks-core/layouts"]) and known_params(["@hyas/core"]) == set()
    assert {"hero", "enabletoc"} <= known_params(["github.com/hugo-toha/toha/v4"]) == known_params(["toha"])
    # Hugo Blox, by each module path its sites import (Academic's, Wowchemy's, Hugo Blox's) and its folder names; its
    # CMS configuration's filter key too (`cms_exclude`, in every starter's section pages)
    blox = known_params(["github.com/HugoBlox/hugo-blox-builder/modules/blox-tailwind"])
    assert {"publication_types", "url_pdf", "projects", "education", "superuser", "cms_exclude"} <= blox
    assert blox == known_params(["github.com/wowchemy/wowchemy-hugo-modules/wowchemy/v5"]) == known_params(["academic"])
    assert {"image", "links"} <= known_maps(["github.com/wowchemy/wowchemy-hugo-themes/modules/wowchemy/v5"])


DOKS_MOUNTS = """[[mounts]]
  source = "layouts"
  target = "layouts"
[[mounts]]
  source = "node_modules/@thulite/doks-core/layouts"
  target = "layouts"
[[mounts]]
  source = "./node_modules/@thulite/seo/layouts/"
  target = "layouts"
[[mounts]]
  source = "content"
  target = "content"
"""


def test_layouts_an_npm_package_mounts_are_read_and_doks_is_known_when_not_installed(tmp_path, capsys):
    """Doks mounts its npm packages' layouts on the site's (`config/_default/module.toml`): installed, they are
    read as a theme's, before the imports'; not installed (CI without `npm install`), they are missing, and Doks'
    and Thulite's keys (and maps: `sidebar: {collapsed: true}`) are known all the same (getdoks.org: 114 SC002 and 4 SC001 -> 16 SC002, `pinned` and
    `homepage`, which no layout reads)."""
    write(tmp_path, {"config/_default/hugo.toml": "baseURL = 'https://example.org/'\n"})
    write(tmp_path, {"config/_default/module.toml": DOKS_MOUNTS})
    forget_sites()
    site = read_site(str(tmp_path))
    assert site.missing_themes == ("node_modules/@thulite/doks-core/layouts", "node_modules/@thulite/seo/layouts")
    keys = "lead: L\nsidebar:\n  collapsed: true\nseo:\n  title: T\ntoc: true\npinned: true\n"
    assert schema_problems(tmp_path, capsys, keys) == ["9:1 SC002"]
    write(tmp_path, {f"node_modules/@thulite/doks-core/layouts/{SINGLE.partition('/')[2]}": "{{ .Params.pinned }}"})
    forget_sites()
    site = read_site(str(tmp_path))
    assert site.missing_themes == ("node_modules/@thulite/seo/layouts",)
    assert site.layout_dirs[1] == str(tmp_path / "node_modules/@thulite/doks-core/layouts")
    # (the copy installed reads `pinned` alone: `sidebar` is the bundled schema's placement string again)
    assert schema_problems(tmp_path, capsys, keys) == ["5:3 SC001"]


def test_relearn_not_checked_out(tmp_path, capsys):
    """Relearn (read from its releases 5.25 to 9.0, vendored by sites and a fork: its repository is too large to
    fetch here), named `relearn` by its folder under `themes/`: `menuTitle`, `alwaysopen`, `collapsibleMenu`,
    `pre`, `hidden` are its keys, `children` (9.0's `children: {type: card}`) one of its maps; a typo is still
    reported (Midori AI's site: 34 SC002, all Relearn's keys)."""
    write(tmp_path, {"hugo.toml": "theme = 'relearn'\n"})
    keys = (
        "menuTitle: M\nalwaysopen: false\ncollapsibleMenu: true\npre: <b>1</b>\nhidden: true\nchildren:\n  type: card\n"
    )
    assert schema_problems(tmp_path, capsys, keys + "alwaysopne: true\n") == ["10:1 SC002"]
    assert known_params(["github.com/McShelby/hugo-theme-relearn"]) == known_params(["hugo-theme-relearn"])
    assert "children" in known_maps(["relearn"])


MODULE_CONFIG = """baseURL = "https://example.org/"
[[module.imports]]
path = "example.org/docs/server"
[[module.imports.mounts]]
source = "content/server"
target = "content/server"
[[module.imports]]
path = "example.org/docs/missing"
[[module.imports.mounts]]
source = "content"
target = "content/elsewhere"
[[module.imports]]
path = "example.org/theme"
[[module.imports.mounts]]
source = "content"
target = "content"
"""
MODULE_LINKS = "[a](/server/orgs/#orgs-setup) [b](/server/orgs/#nope) [c](/elsewhere/any/) [d](/serverx/)\n"


def test_the_content_an_import_mounts_is_the_sites(tmp_path):
    """chef's docs mount `content/server` of a vendored module (`github.com/chef/chef-server/docs-chef-io`):
    its pages are the site's (~80 false SITE003 such as `/server/install_server/`). The content of an import
    that is not there (not vendored, nor in Hugo's cache) is unseen: links into it are not judged; but not where
    it is mounted at the content's root (fluxcd.io mounts docsy's `content` there), which would hide every link."""
    write(
        tmp_path,
        {
            "hugo.toml": MODULE_CONFIG,
            "_vendor/modules.txt": "# example.org/docs/server v0.0.0\n",
            "_vendor/example.org/docs/server/content/server/orgs.md": page("title: Orgs", body="## Orgs setup\n"),
            "content/_index.md": page("title: Home", body=MODULE_LINKS),
        },
    )
    assert placed(site_findings(tmp_path)) == [
        f"content/_index.md:{at(5, MODULE_LINKS, target)} {code}"
        for target, code in (("/server/orgs/#nope", "SITE004"), ("/serverx/", "SITE003"))
    ]
    if HUGO is None:
        return
    (tmp_path / "hugo.toml").write_text(MODULE_CONFIG.split('[[module.imports]]\npath = "example.org/docs/missing')[0])
    orgs = str(tmp_path / "_vendor/example.org/docs/server/content/server/orgs.md")
    assert hugo_permalinks(tmp_path)[orgs] == "/server/orgs/"
