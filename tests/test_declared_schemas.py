"""The schemas sites and applications declare for their front matter: Astro's content collections (their Zod
schemas read as JSON Schema, ``fmlint.schema.zod``; their files, ``fmlint.site.astro_collections``), Next.js's
Contentlayer document types (``fmlint.site.contentlayer``) and Velite collections (``fmlint.site.velite``), each file
checked against its own."""

from __future__ import annotations

import json
import os

import pytest
from support import write_file

from fmlint.cli import main
from fmlint.schema.zod import Module, json_schema
from fmlint.site.astro_collections import collections
from fmlint.site.declared import forget_declared, glob_pattern


@pytest.fixture(autouse=True)
def _configurations_read_again():
    """Each test's project is read afresh (the readers keep each root's collections)."""
    yield
    forget_declared()


def project(folder, monkeypatch, files: dict[str, str]) -> None:
    """The files of a project at ``folder``, the working folder."""
    for name, text in files.items():
        write_file(folder, name, text)
    monkeypatch.chdir(folder)


def schema_findings(capsys, *paths: str, status: int = 1) -> list[tuple[str, int, int, str, str]]:
    """(path, line, column, code, message) of the SC rules' findings in ``paths`` (the working folder's files)."""
    assert main(["--format", "json", "--no-cache", "--select", "SC", *(paths or ["."])]) == status
    return [(d["path"], d["line"], d["column"], d["code"], d["message"]) for d in json.loads(capsys.readouterr().out)]


def schema_of(expression: str, before: str = "") -> dict | None:
    return json_schema(Module(f"{before}\nconst schema = {expression}\n").constant("schema"))


def test_a_zod_object_is_its_json_schema():
    found = schema_of(
        "z.object({ title: z.string().min(1), pubDate: z.coerce.date(), tags: z.array(z.string()).default([]),"
        " draft: z.boolean().optional(), rating: z.number().int().max(5).nullable(), kind: z.enum(['a', 'b']) })"
    )
    assert found == {
        "type": "object",
        "properties": {
            "title": {"type": "string", "minLength": 1},
            "pubDate": {"anyOf": [{"type": "string", "format": "js-date"}, {"type": ["number", "null"]}]},
            "tags": {"type": "array", "items": {"type": "string"}},
            "draft": {"type": "boolean"},
            "rating": {"anyOf": [{"type": "integer", "maximum": 5}, {"type": "null"}]},
            "kind": {"enum": ["a", "b"]},
        },
        "required": ["title", "pubDate", "rating", "kind"],  # (not `.default()` nor `.optional()`)
    }


def test_constants_helpers_and_object_methods_are_followed():
    """A shared schema `.extend`ed in a function of Astro's helpers, an enum of an `as const` array, a union, a
    `.strict()` object (Zod refuses its unknown keys: the only one closed), `.refine` and `.transform` kept."""
    before = (
        "const tags = ['news', 'release'] as const;\n"
        "const base = z.object({ title: z.string() });\n"
        "// a comment: z.object({ nothing: z.number() })\n"
    )
    found = schema_of(
        "({ image }) => base.extend({ cover: image().refine((img) => img.width >= 1200, {message: 'x'}).or(z.string()),"
        " tags: z.array(z.enum(tags)).nonempty(), author: reference('authors'),"
        " kind: z.union([z.literal('post'), z.literal(2)]).optional(),"
        " meta: z.object({ lang: z.string().transform((s) => s.toLowerCase()) }).strict().optional() })",
        before,
    )
    assert found is not None
    assert found["required"] == ["title", "cover", "tags", "author"]
    properties = found["properties"]
    assert properties["cover"] == {"anyOf": [{"type": "string"}, {"type": "string"}]}
    assert properties["tags"] == {"type": "array", "items": {"enum": ["news", "release"]}, "minItems": 1}
    assert properties["author"] == {"type": ["string", "object"], "x-fmlint-reference": "authors"}  # (an entry ID)
    assert properties["kind"] == {"anyOf": [{"const": "post"}, {"const": 2}]}
    assert properties["meta"]["additionalProperties"] is False
    assert "additionalProperties" not in found  # (z.object drops unknown keys: no build fails on one)


@pytest.mark.parametrize(
    "expression",
    [
        "importedSchema",  # (from another module: not read)
        "z.preprocess((v) => v, z.object({ a: z.string() }))",
        "z.string()",  # (no object)
        "makeSchema({ a: 1 })",
    ],
)
def test_what_the_reader_does_not_follow_is_no_schema(expression):
    assert schema_of(expression) is None


def test_a_field_the_reader_does_not_follow_is_anything():
    found = schema_of(
        "z.object({ a: z.custom((v) => true), b: SITE.flag ? z.string() : z.number(), c: z.lazy(() => x) })"
    )
    assert found == {"type": "object", "properties": {"a": {}, "b": {}, "c": {}}, "required": ["a", "b", "c"]}


@pytest.mark.parametrize(
    ("patterns", "matched", "unmatched"),
    [
        (["**/*.md"], ["a.md", "x/y/b.md"], ["a.mdx", "a.md/c"]),
        (["**/[^_]*.{md,mdx}"], ["a.md", "x/b.mdx"], ["_draft.md", "x/_b.md"]),
        (["*.md"], ["a.md"], ["x/a.md"]),
        (["**/*.md", "!drafts/**"], ["a.md", "x/a.md"], ["drafts/a.md"]),
    ],
)
def test_glob_loader_patterns_are_micromatchs(patterns, matched, unmatched):
    pattern = glob_pattern(patterns)
    assert pattern is not None
    assert [path for path in matched if pattern.fullmatch(path)] == matched
    assert [path for path in unmatched if pattern.fullmatch(path)] == []


def test_an_extglob_is_not_guessed():
    assert glob_pattern(["**/+(a|b).md"]) is None


CONFIG = """import { defineCollection, reference, z } from "astro:content";
import { docsLoader } from "@astrojs/starlight/loaders";
import { docsSchema } from "@astrojs/starlight/schema";
import { glob } from "astro/loaders";
import { SITE } from "@/config";

export const BLOG_PATH = "src/data/blog";

const blog = defineCollection({
  loader: glob({ pattern: "**/[^_]*.{md,mdx}", base: `./${BLOG_PATH}` }),
  schema: ({ image }) =>
    z.object({
      author: z.string().default(SITE.author),
      pubDatetime: z.date(),
      modDatetime: z.coerce.date().optional().nullable(),
      title: z.string(),
      tags: z.array(z.string()).default(["others"]),
      ogImage: image().or(z.string()).optional(),
      draft: z.boolean().optional(),
    }),
});

export const collections = {
  blog,
  notes: defineCollection({ type: "content", schema: z.object({ title: z.string() }).strict() }),
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
};
"""


@pytest.fixture
def astro_site(tmp_path, monkeypatch):
    files = {
        "astro.config.mjs": "export default {};\n",
        "src/content.config.ts": CONFIG,
        # AstroPaper's post: a YAML date, a quoted date JavaScript reads, a relative image
        "src/data/blog/good.md": "---\ntitle: Good\npubDatetime: 2024-01-05 10:00:00\nmodDatetime: '2024/02/03'\n"
        "ogImage: ./cover.png\n---\nBody.\n",
        "src/data/blog/bad.md": "\ufeff---\r\ntitle: 2024\r\npubDatetime: 2024/01/05\r\nmodDatetime: soon\r\n"
        "tags: 新闻\r\ndraft: 'no'\r\ntag: [x]\r\n---\r\n",
        "src/data/blog/missing.md": "---\ntitle: 标题 🎉\n---\n",
        "src/data/blog/_draft.md": "---\nnothing: here\n---\n",  # (not the pattern's: not an entry)
        "src/content/notes/n.md": "---\ntitle: Note\nlayout: x\n---\n",  # (a legacy collection, strict)
        "src/content/notes/_hidden/h.md": "---\nlayout: x\n---\n",
        "src/content/docs/page.md": "---\ntitle: Docs\n---\n",  # (Starlight's schema, not extended: the preset's)
    }
    project(tmp_path, monkeypatch, files)
    return tmp_path


def test_collections_are_those_the_configuration_exports(astro_site):
    found = {c.name: (c.base, c.pattern is not None) for c in collections(str(astro_site))}
    assert found == {
        "blog": (str(astro_site / "src/data/blog") + "/", True),
        "notes": (str(astro_site / "src/content/notes") + "/", False),
    }


def test_entries_are_checked_against_their_collections_schema(astro_site, capsys):
    """Exact positions after a BOM and CRLF, and after CJK and an emoji; `z.date()` refuses what js-yaml reads
    as a string (`2024/01/05`), `z.coerce.date()` what JavaScript's Date cannot read; a key the schema does not
    name is dropped by Zod (no finding) unless it misspells one (SC006) or the object is `.strict()` (SC002); a
    required key is missing from an entry whether or not a page is made of it."""
    found = schema_findings(capsys)
    assert [f[:4] for f in found] == [
        ("src/content/notes/n.md", 3, 1, "SC002"),
        ("src/data/blog/bad.md", 2, 8, "SC001"),
        ("src/data/blog/bad.md", 3, 14, "SC001"),
        ("src/data/blog/bad.md", 4, 14, "SC001"),
        ("src/data/blog/bad.md", 5, 7, "SC001"),
        ("src/data/blog/bad.md", 6, 8, "SC001"),
        ("src/data/blog/missing.md", 1, 1, "SC003"),
    ]
    messages = [f[4] for f in found]
    assert messages[2].startswith('pubDatetime: "2024/01/05" is not a valid yaml-date: not a YAML date')
    assert messages[3].startswith('modDatetime: "soon" is not a valid js-date')
    assert messages[6] == "missing required key `pubDatetime`"


def test_a_schema_the_configuration_names_wins(astro_site, capsys):
    (astro_site / ".fmlint.toml").write_text('schema = "astro"\n')
    found = [(line, message) for *_, line, _, _, message in schema_findings(capsys, "src/content/notes/n.md")]
    assert found == [(1, "missing required key `description`"), (1, "missing required key `pubDate`")]


def test_schemas_imported_from_the_projects_modules_are_followed(tmp_path, monkeypatch):
    """Through a `tsconfig.json` alias (forkit.community's `@/schemas/events`), a relative import, a re-export
    (`export * from`, `export { a as b } from`), a namespace and a default import; a package's import is not read."""
    files = {
        "astro.config.mjs": "export default {};\n",
        "tsconfig.json": '{"compilerOptions": {"baseUrl": ".", "paths": {"@/*": ["./src/*"]},},}',  # (trailing commas)
        "src/content.config.ts": (
            'import { defineCollection } from "astro:content";\n'
            'import { zPost, zRenamed } from "@/schemas";\n'
            'import * as more from "./schemas/more";\n'
            'import zDefault from "./schemas/default";\n'
            'import { rssSchema } from "@astrojs/rss";\n'
            "export const collections = {\n"
            "  posts: defineCollection({ schema: zPost }),\n"
            "  renamed: defineCollection({ schema: zRenamed }),\n"
            "  more: defineCollection({ schema: more.zMore }),\n"
            "  defaults: defineCollection({ schema: zDefault }),\n"
            "  rss: defineCollection({ schema: rssSchema.extend({ a: z.string() }) }),\n"
            "};\n"
        ),
        "src/schemas/index.ts": 'export * from "./post";\nexport { zPost as zRenamed } from "./post";\n',
        "src/schemas/post.ts": 'import { z } from "astro/zod";\nexport const zPost = z.object({ title: z.string() });\n',
        "src/schemas/more.ts": "export const zMore = z.object({ more: z.number() });\n",
        "src/schemas/default.ts": "export default z.object({ fallback: z.boolean() });\n",
    }
    project(tmp_path, monkeypatch, files)
    found = {c.name: c.schema.contents["required"] for c in collections(str(tmp_path))}
    assert found == {"posts": ["title"], "renamed": ["title"], "more": ["more"], "defaults": ["fallback"]}


CONTENTLAYER = """import { defineDocumentType, defineNestedType, makeSource } from 'contentlayer2/source-files'

const computedFields = { path: { type: 'string', resolve: (doc) => doc._raw.flattenedPath } }

const Author = defineNestedType(() => ({ name: 'Author', fields: { name: { type: 'string', required: true } } }))

export const Blog = defineDocumentType(() => ({
  name: 'Blog',
  filePathPattern: 'blog/**/*.mdx',
  contentType: 'mdx',
  fields: {
    title: { type: 'string', required: true },
    date: { type: 'date', required: true },
    tags: { type: 'list', of: { type: 'string' }, default: [] },
    draft: { type: 'boolean' },
    rating: { type: 'number' },
    summary: { type: 'string' },
    images: { type: 'json' },
    cover: { type: 'image' },
    author: { type: 'nested', of: Author },
    kind: { type: 'enum', options: ['post', 'note'], required: true, default: 'post' },
  },
  // (a regular expression ending with an escaped slash, `\\//`, is no comment)
  computedFields: { ...computedFields, slug: { type: 'string', resolve: (doc) => doc.path.replace(/^blog\\//, '') } },
}))

export default makeSource({
  contentDirPath: 'data',
  documentTypes: [Blog],
  mdx: { remarkPlugins: [[remarkToc, { heading: 'toc' }]] },
  onSuccess: async (importData) => { const { allBlogs } = await importData() },
})
"""


def test_contentlayer_documents_are_checked_against_their_types_fields(tmp_path, monkeypatch, capsys):
    """tailwind-nextjs-starter-blog's configuration, read without running it: a required field without a default
    missing, values of the wrong type, a date JavaScript cannot read; a field written without a value is none (a
    required one's too: Contentlayer asserts in the console and keeps the document), a list's text items are not
    parsed, a field the type does not name is kept (SC006 when it misspells one); CJK before a value."""
    files = {
        "next.config.js": "module.exports = {}\n",
        "contentlayer.config.ts": CONTENTLAYER,
        "data/blog/good.mdx": "---\ntitle:\ndate: '2021-08-07T15:32:14Z'\ndraft:\ntags: [a, 3]\nimages: ['/x.png']\n"
        "cover: {src: /c.png}\nauthor: {name: Tim}\nextra: kept\n---\n\nText.\n",
        "data/blog/bad.mdx": "---\ntitle: 标题\ndate: someday\ntags: news\ndraft: 'no'\nrating: '5'\ncover: {alt: x}\n"
        "author: {}\nsumary: x\nextra: kept\n---\n",
        "data/blog/missing.mdx": "---\ntitle: No date\n---\n",
        "data/authors/me.mdx": "---\nname: 3\n---\n",  # (no document type's pattern: not judged)
    }
    project(tmp_path, monkeypatch, files)
    found = schema_findings(capsys)
    assert [f[:4] for f in found] == [
        ("data/blog/bad.mdx", 3, 7, "SC001"),
        ("data/blog/bad.mdx", 4, 7, "SC001"),
        ("data/blog/bad.mdx", 5, 8, "SC001"),
        ("data/blog/bad.mdx", 6, 9, "SC001"),
        ("data/blog/bad.mdx", 7, 1, "SC003"),  # (`cover.src`: an image's mapping holds its path)
        ("data/blog/bad.mdx", 8, 1, "SC003"),  # (`author.name`: the nested type's required field)
        ("data/blog/bad.mdx", 9, 1, "SC006"),
        ("data/blog/missing.mdx", 1, 1, "SC003"),
    ]
    assert found[0][4] == 'date: "someday" is not a valid js-date: not a date JavaScript\'s `new Date` reads'
    assert found[-1][4] == "missing required key `date`"


VELITE = """import { defineCollection, defineConfig, s } from 'velite'

const posts = defineCollection({
  name: 'Post', // collection type name
  pattern: 'posts/**/*.md', // content files glob pattern
  schema: s
    .object({
      title: s.string().max(99),
      slug: s.slug('posts'),
      date: s.isodate(),
      cover: s.image().optional(),
      metadata: s.metadata(), // (made of the document)
      excerpt: s.excerpt(),
      content: s.markdown(),
    })
    .transform(data => ({ ...data, permalink: `/blog/${data.slug}` })),
})

export default defineConfig({ root: 'content', collections: { posts } })
"""


def test_velite_collections_are_checked_against_their_schemas(tmp_path, monkeypatch, capsys):
    """Velite's documented configuration: `s` is Zod's namespace with Velite's own schemas (a slug's letters and
    dashes, an ISO date, what Velite makes of the document when the front matter leaves it out); `1992-02-25 13:22`
    (its example's date) is one JavaScript reads."""
    files = {
        "next.config.mjs": "export default {}\n",
        "velite.config.ts": VELITE,
        "content/posts/good.md": "---\ntitle: Hello\nslug: hello-world\ndate: 1992-02-25 13:22\ncover: cover.jpg\n---\n",
        "content/posts/bad.md": "---\ntitle: 😀 Bad\nslug: Hello World\ndate: never\n---\n",
        "content/posts/missing.md": "---\ntitle: No slug\n---\n",
        "content/pages/about.md": "---\nslug: x\n---\n",  # (no collection's pattern)
    }
    project(tmp_path, monkeypatch, files)
    found = schema_findings(capsys)
    assert [f[:4] for f in found] == [
        ("content/posts/bad.md", 3, 7, "SC001"),
        ("content/posts/bad.md", 4, 7, "SC001"),
        ("content/posts/missing.md", 1, 1, "SC003"),
        ("content/posts/missing.md", 1, 1, "SC003"),
    ]
    assert [f[4] for f in found[2:]] == ["missing required key `date`", "missing required key `slug`"]
    # `never` under a declared date: the schema's finding, not the date rule's too; `2024-13-01`, which the schema's
    # check (a digit) lets through, the date rule's
    write_file(tmp_path, "content/posts/month.md", "---\ntitle: Month\nslug: month\ndate: 2024-13-01\n---\n")
    assert main(["--format", "json", "--no-cache", "--select", "SC001,DT001", "content/posts"]) == 1
    found = [(d["path"], d["line"], d["column"], d["code"]) for d in json.loads(capsys.readouterr().out)]
    assert found == [
        ("content/posts/bad.md", 3, 7, "SC001"),
        ("content/posts/bad.md", 4, 7, "SC001"),
        ("content/posts/month.md", 4, 7, "DT001"),
    ]


def test_starlights_docs_schema_with_what_it_extends_it_with(tmp_path, monkeypatch, capsys):
    """`docsSchema({extend})`: Starlight's keys (its `sidebar.order` a number) and the site's own (a `category` enum,
    a required `owner`); without `extend`, or with one read from a package, the preset's schema stays. A `_` file of
    the docs folder is no page (a partial MDX pages import): it needs no front matter."""
    config = (
        'import { defineCollection, z } from "astro:content";\n'
        'import { docsLoader } from "@astrojs/starlight/loaders";\n'
        'import { docsSchema } from "@astrojs/starlight/schema";\n'
        "export const collections = {\n"
        "  docs: defineCollection({ loader: docsLoader(), schema: docsSchema({ extend: (context) => z.object({\n"
        "    category: z.enum(['guide', 'reference']).optional(), owner: z.string() }) }) }),\n"
        "};\n"
    )
    files = {
        "astro.config.mjs": "import starlight from '@astrojs/starlight';\nexport default {integrations: [starlight()]};\n",
        "src/content.config.ts": config,
        "src/content/docs/good.md": "---\ntitle: Good\nowner: docs-team\ncategory: guide\n---\n",
        "src/content/docs/bad.md": "---\ntitle: Bad\ncategory: Guide\nsidebar:\n  order: first\n---\n",
        "src/content/docs/_shared.md": "Text MDX pages import.\n",  # (a `_` file: no page, no front matter needed)
        # (one ID, one URL: SITE001 reports the collision, SC007 not again)
        "src/content/docs/guide.md": "---\ntitle: Guide\nowner: a\n---\n",
        "src/content/docs/guide/index.md": "---\ntitle: Guide\nowner: a\n---\n",
    }
    project(tmp_path, monkeypatch, files)
    assert [f[:4] for f in schema_findings(capsys)] == [
        ("src/content/docs/bad.md", 1, 1, "SC003"),  # (`owner`)
        ("src/content/docs/bad.md", 3, 11, "SC001"),
        ("src/content/docs/bad.md", 5, 10, "SC001"),
    ]
    (tmp_path / "src/content.config.ts").write_text(config.replace("extend: (context) => z.object", "extend: blog"))
    collections.cache_clear()
    assert schema_findings(capsys, "src/content/docs/good.md", status=0) == []


REFERENCES = """import { defineCollection, reference, z } from "astro:content";
import { file, glob } from "astro/loaders";

export const collections = {
  authors: defineCollection({ type: "data", schema: z.object({ name: z.string() }) }),
  tags: defineCollection({ loader: file("src/data/tags.yaml"), schema: z.object({ label: z.string() }) }),
  cities: defineCollection({ loader: file("./src/data/cities.json"), schema: z.object({}) }),
  rows: defineCollection({ loader: file("src/data/rows.csv", { parser: (text) => [] }), schema: z.object({}) }),
  people: defineCollection({
    loader: glob({ pattern: "**/index.md", base: "./src/content/people" }),
    schema: z.object({ name: z.string() }),
  }),
  blog: defineCollection({
    loader: glob({ pattern: "**/*.md", base: "./src/data/blog" }),
    schema: z.object({
      title: z.string(),
      author: reference("authors"),
      related: z.array(reference("blog")).optional(),
      hosts: z.array(z.object({ id: reference("people"), role: z.string().optional() })).optional(),
      either: z.union([reference("blog"), reference("authors")]).optional(),
      free: z.union([reference("blog"), z.string()]).optional(),
      elsewhere: reference("events").optional(),
      tags: z.array(reference("tags")).optional(),
      city: reference("cities").optional(),
      row: reference("rows").optional(),
    }),
  }),
};
"""


@pytest.fixture
def referencing_site(tmp_path, monkeypatch):
    """Entries whose IDs Astro makes of their paths (slugged, `/index` dropped; a data collection's as they are)
    or takes from their `slug`."""
    files = {
        "astro.config.mjs": "export default {};\n",
        "src/content.config.ts": REFERENCES,
        "src/content/authors/jane-doe.json": '{"name": "Jane"}\n',
        # (a `file()` loader's items: an object's keys but `$schema`, a list's `id`s, else `slug`s)
        "src/data/tags.yaml": "$schema: ./tags.schema.json\nastro:\n  label: Astro\n2024:\n  label: The year\n",
        "src/data/cities.json": '[{"id": "paris"}, {"slug": "rome"}, {"id": 7}]\n',
        "src/data/rows.csv": "id\nx\n",
        "src/content/authors/team/Bob Smith.yaml": "name: Bob\n",
        "src/content/people/Ada Lovelace/index.md": "---\nname: Ada\n---\n",
        "src/content/people/grace/index.md": "---\nname: Grace\nslug: admiral\n---\n",
        "src/data/blog/My First Post.md": "---\ntitle: First\nauthor: jane-doe\n---\n",
        "src/data/blog/nested/Deep.md": "---\ntitle: Deep\nauthor: team/Bob Smith\nslug: ''\n---\n",
        "src/data/blog/renamed.md": "---\ntitle: Renamed\nauthor: jane-doe\nslug: custom-one\n---\n",
        "src/data/blog/good.md": "---\ntitle: Good\nauthor: jane-doe\nrelated: [my-first-post, nested/deep, custom-one]\n"
        "hosts:\n  - id: ada-lovelace\n  - id: admiral\neither: team/Bob Smith\nfree: anything\nelsewhere: x\n"
        "tags: [astro, '2024']\ncity: '7'\nrow: anything\n---\n",
        "src/data/blog/bad.md": "\ufeff---\r\ntitle: 坏 🎉\r\nauthor: john\r\nrelated:\r\n  - My First Post\r\n"
        "  - renamed\r\nhosts:\r\n  - role: host\r\n    id: grace\r\neither: nobody\r\ncity: london\r\n"
        "tags: [astro, $schema]\r\n---\r\n",
    }
    project(tmp_path, monkeypatch, files)
    return tmp_path


def test_references_name_entries_of_their_collections(referencing_site, capsys):
    """An ID no entry has, at its exact place (a BOM, CRLF, CJK and an emoji before it): a path not slugged as
    Astro slugs it, a file whose `slug` replaces its path's ID, an ID of neither collection of a union; a data
    collection's ID is its path as written, an empty `slug` gives none, text a union takes too and a collection
    the reader does not know (another loader's, one parsed by the project) are not judged; a `file()` loader's
    items are its object's keys, or its list's `id`s (else `slug`s)."""
    found = schema_findings(capsys)
    assert [f[:4] for f in found] == [
        ("src/data/blog/bad.md", 3, 9, "SC001"),
        ("src/data/blog/bad.md", 5, 5, "SC001"),
        ("src/data/blog/bad.md", 6, 5, "SC001"),
        ("src/data/blog/bad.md", 9, 9, "SC001"),
        ("src/data/blog/bad.md", 10, 9, "SC001"),
        ("src/data/blog/bad.md", 11, 7, "SC001"),
        ("src/data/blog/bad.md", 12, 15, "SC001"),
    ]
    assert found[0][4] == (
        '`john` names no entry of the `authors` collection: Astro 2.5–4 fail the build ("Reference to authors '
        'invalid"), later versions give pages `undefined` for it'
    )
    assert "`My First Post` names no entry of the `blog` collection (did you mean `my-first-post`?)" in found[1][4]
    assert "`nobody` names no entry of the `blog` or `authors` collection" in found[4][4]


def test_an_entry_added_answers_the_reference_kept_in_the_cache(referencing_site, capsys):
    arguments = ["--format", "json", "--cache-dir", str(referencing_site / ".cache"), "--select", "SC"]
    assert main([*arguments, "src/data/blog/bad.md"]) == 1
    assert sum("`john`" in d["message"] for d in json.loads(capsys.readouterr().out)) == 1
    write_file(referencing_site, "src/content/authors/john.yaml", "name: John\n")
    forget_declared()  # (the next run: a new process)
    assert main([*arguments, "src/data/blog/bad.md"]) == 1
    assert not any("`john`" in d["message"] for d in json.loads(capsys.readouterr().out))


def test_two_entries_of_one_id_are_one_to_astro(referencing_site, capsys):
    """`post.md` beside `Post/index.md` (the path slugged, `/index` dropped), a `slug` copied from another entry
    (reported at it), a data collection's path as written (`team/Bob Smith` and `team/bob-smith` are two);
    two collections' entries of one ID are not one."""
    write_file(referencing_site, "src/data/blog/Post/index.md", "---\ntitle: P\nauthor: jane-doe\n---\n")
    write_file(referencing_site, "src/data/blog/post.md", "---\ntitle: p\nauthor: jane-doe\n---\n")
    write_file(
        referencing_site,
        "src/data/blog/copy.md",
        "---\r\ntitle: 副本 🎉\r\nauthor: jane-doe\r\nslug: custom-one\r\n---\r\n",
    )
    write_file(referencing_site, "src/content/authors/team/bob-smith.json", '{"name": "B"}\n')
    write_file(referencing_site, "src/content/people/jane-doe/index.md", "---\nname: Jane\n---\n")
    found = [f for f in schema_findings(capsys) if f[3] == "SC007"]
    assert [f[:4] for f in found] == [
        ("src/data/blog/Post/index.md", 1, 1, "SC007"),
        ("src/data/blog/copy.md", 4, 7, "SC007"),
        ("src/data/blog/post.md", 1, 1, "SC007"),
        ("src/data/blog/renamed.md", 4, 7, "SC007"),
    ]
    assert found[1][4] == (
        "this entry's ID `custom-one` in the `blog` collection is also `src/data/blog/renamed.md`'s: Astro keeps one"
        ' of them ("Duplicate id") and drops the other'
    )
    assert "`src/data/blog/post.md`'s" in found[0][4]


@pytest.mark.parametrize(
    ("front_matter", "slug"),
    [
        ("slug: post-1\n", "post-1"),
        ("slug: 'it''s'\n", "it's"),  # (an escape: parsed)
        ('slug: "a b"\r\n', "a b"),
        ("slug: 2024\n", "2024"),
        ("slug: null\n", None),
        ("slug: ''\n", None),
        ("slug: a # a comment\n", "a"),
        ("slug: long\n  continued\n", "long continued"),
        ("slug:\n  - a\n", None),
        ("title: x\n", None),
    ],
)
def test_an_entrys_own_slug_is_read_as_yaml_reads_it(tmp_path, front_matter, slug):
    """The `slug` line read from the text where YAML needs no reading, else parsed: the same value."""
    from fmlint.site.astro_entries import _own_slug

    entry = tmp_path / "entry.md"
    entry.write_text(f"---\n{front_matter}---\n\nslug: in the body\n", encoding="utf-8")
    assert _own_slug(str(entry)) == slug


def test_a_pipe_among_the_entries_is_never_opened(referencing_site):
    """A named pipe named like an entry: its ID is its path's (its data is not read: opening it would block)."""
    from fmlint.site.astro_entries import entry_ids

    os.mkfifo(referencing_site / "src/data/blog/pipe.md")
    found = entry_ids(str(referencing_site / "src/data/blog/good.md"), "blog")
    assert found is not None and {"pipe", "good", "custom-one"} <= found
