"""Hexo's heading IDs, as its default Markdown renderer (hexo-renderer-marked 7) writes them.

A heading's text (its inline Markdown rendered, tags stripped, entities
unescaped; with ``smartypants``, on by default, quotes curled, ``--``/``---``
made dashes (the typographer's, marked by ``fmlint.markdown``) and ``...`` an
ellipsis) is slugged by hexo-util's ``slugize``:
letters with diacritics replaced by their base letters (its ``escapeDiacritic``
table, below, from hexo-util 4, MIT licence, Copyright (c) 2014 Tommy Chen),
control characters dropped, each run of whitespace and ASCII punctuation made
one ``-``, ``-`` trimmed from both ends; case kept unless ``modifyAnchors``
asks for lower (1) or upper (2) case.  A repeated ID gets ``-1``, ``-2``….
Checked against Hexo 8.1.2's output (tests/test_site_hexo.py).
"""

from __future__ import annotations

from fmlint.regex import lazy_pattern

# hexo-util's escapeDiacritic table: each base and the letters it replaces (ASCII letters, which it maps to
# themselves, left out)
_BASES = {
    "A": "ⒶＡÀÁÂẦẤẪẨÃĀĂẰẮẴẲȦǠÄǞẢÅǺǍȀȂẠẬẶḀĄȺⱯ",
    "AA": "Ꜳ",
    "AE": "ÆǼǢ",
    "AO": "Ꜵ",
    "AU": "Ꜷ",
    "AV": "ꜸꜺ",
    "AY": "Ꜽ",
    "B": "ⒷＢḂḄḆɃƂƁ",
    "C": "ⒸＣĆĈĊČÇḈƇȻꜾ",
    "D": "ⒹＤḊĎḌḐḒḎĐƋƊƉꝹ",
    "DZ": "ǱǄ",
    "Dz": "ǲǅ",
    "E": "ⒺＥÈÉÊỀẾỄỂẼĒḔḖĔĖËẺĚȄȆẸỆȨḜĘḘḚƐƎ",
    "F": "ⒻＦḞƑꝻ",
    "G": "ⒼＧǴĜḠĞĠǦĢǤƓꞠꝽꝾ",
    "H": "ⒽＨĤḢḦȞḤḨḪĦⱧⱵꞍ",
    "I": "ⒾＩÌÍÎĨĪĬİÏḮỈǏȈȊỊĮḬƗ",
    "J": "ⒿＪĴɈ",
    "K": "ⓀＫḰǨḲĶḴƘⱩꝀꝂꝄꞢ",
    "L": "ⓁＬĿĹĽḶḸĻḼḺŁȽⱢⱠꝈꝆꞀ",
    "LJ": "Ǉ",
    "Lj": "ǈ",
    "M": "ⓂＭḾṀṂⱮƜ",
    "N": "ⓃＮǸŃÑṄŇṆŅṊṈȠƝꞐꞤ",
    "NJ": "Ǌ",
    "Nj": "ǋ",
    "O": "ⓄＯÒÓÔỒỐỖỔÕṌȬṎŌṐṒŎȮȰÖȪỎŐǑȌȎƠỜỚỠỞỢỌỘǪǬØǾƆƟꝊꝌ",
    "OI": "Ƣ",
    "OO": "Ꝏ",
    "OU": "Ȣ",
    "OE": "Œ",
    "oe": "œ",
    "P": "ⓅＰṔṖƤⱣꝐꝒꝔ",
    "Q": "ⓆＱꝖꝘɊ",
    "R": "ⓇＲŔṘŘȐȒṚṜŖṞɌⱤꝚꞦꞂ",
    "S": "ⓈＳẞŚṤŜṠŠṦṢṨȘŞⱾꞨꞄ",
    "T": "ⓉＴṪŤṬȚŢṰṮŦƬƮȾꞆ",
    "TZ": "Ꜩ",
    "U": "ⓊＵÙÚÛŨṸŪṺŬÜǛǗǕǙỦŮŰǓȔȖƯỪỨỮỬỰỤṲŲṶṴɄ",
    "V": "ⓋＶṼṾƲꝞɅ",
    "VY": "Ꝡ",
    "W": "ⓌＷẀẂŴẆẄẈⱲ",
    "X": "ⓍＸẊẌ",
    "Y": "ⓎＹỲÝŶỸȲẎŸỶỴƳɎỾ",
    "Z": "ⓏＺŹẐŻŽẒẔƵȤⱿⱫꝢ",
    "a": "ⓐａẚàáâầấẫẩãāăằắẵẳȧǡäǟảåǻǎȁȃạậặḁąⱥɐ",
    "aa": "ꜳ",
    "ae": "æǽǣ",
    "ao": "ꜵ",
    "au": "ꜷ",
    "av": "ꜹꜻ",
    "ay": "ꜽ",
    "b": "ⓑｂḃḅḇƀƃɓ",
    "c": "ⓒｃćĉċčçḉƈȼꜿↄ",
    "d": "ⓓｄḋďḍḑḓḏđƌɖɗꝺ",
    "dz": "ǳǆ",
    "e": "ⓔｅèéêềếễểẽēḕḗĕėëẻěȅȇẹệȩḝęḙḛɇɛǝ",
    "f": "ⓕｆḟƒꝼ",
    "g": "ⓖｇǵĝḡğġǧģǥɠꞡᵹꝿ",
    "h": "ⓗｈĥḣḧȟḥḩḫẖħⱨⱶɥ",
    "hv": "ƕ",
    "i": "ⓘｉìíîĩīĭïḯỉǐȉȋịįḭɨı",
    "j": "ⓙｊĵǰɉ",
    "k": "ⓚｋḱǩḳķḵƙⱪꝁꝃꝅꞣ",
    "l": "ⓛｌŀĺľḷḹļḽḻſłƚɫⱡꝉꞁꝇ",
    "lj": "ǉ",
    "m": "ⓜｍḿṁṃɱɯ",
    "n": "ⓝｎǹńñṅňṇņṋṉƞɲŉꞑꞥ",
    "nj": "ǌ",
    "o": "ⓞｏòóôồốỗổõṍȭṏōṑṓŏȯȱöȫỏőǒȍȏơờớỡởợọộǫǭøǿɔꝋꝍɵ",
    "oi": "ƣ",
    "ou": "ȣ",
    "oo": "ꝏ",
    "p": "ⓟｐṕṗƥᵽꝑꝓꝕ",
    "q": "ⓠｑɋꝗꝙ",
    "r": "ⓡｒŕṙřȑȓṛṝŗṟɍɽꝛꞧꞃ",
    "s": "ⓢｓßśṥŝṡšṧṣṩșşȿꞩꞅẛ",
    "t": "ⓣｔṫẗťṭțţṱṯŧƭʈⱦꞇ",
    "tz": "ꜩ",
    "u": "ⓤｕùúûũṹūṻŭüǜǘǖǚủůűǔȕȗưừứữửựụṳųṷṵʉ",
    "v": "ⓥｖṽṿʋꝟʌ",
    "vy": "ꝡ",
    "w": "ⓦｗẁẃŵẇẅẘẉⱳ",
    "x": "ⓧｘẋẍ",
    "y": "ⓨｙỳýŷỹȳẏÿỷẙỵƴɏỿ",
    "z": "ⓩｚźẑżžẓẕƶȥɀⱬꝣ",
}
_DIACRITICS = str.maketrans({letter: base for base, letters in _BASES.items() for letter in letters})
_TAGS = lazy_pattern(r"<[^>]*>")  # (hexo-util's ``stripHTML``, simplified)
_CONTROL = lazy_pattern(r"[\u0000-\u001f]")
_SPECIAL = lazy_pattern(r"""[\s~`!@#$%^&*()\-_+=\[\]{}|\\;:"'<>,.?/]+""")
_OPENING_SINGLE = lazy_pattern(r"""(^|[-\u2014/(\[{"\s])'""")
_OPENING_DOUBLE = lazy_pattern(r'(^|[-\u2014/(\[{\u2018\s])"')


def heading_id(text: str, transform: int = 0, smart: bool = True) -> str:
    """The ID of a heading whose text is ``text`` (its dashes as the site's typographer made them: ``anchors``),
    before a duplicate's suffix."""
    text = _TAGS.sub("", text)
    if smart:
        text = _OPENING_SINGLE.sub("\\1\u2018", text).replace("'", "\u2019")
        text = _OPENING_DOUBLE.sub("\\1\u201c", text).replace('"', "\u201d").replace("...", "\u2026")
    return slugize(text, transform)


def slugize(text: str, transform: int = 0) -> str:
    """hexo-util's ``slugize`` with ``-`` as the separator and ``transform`` (1: lower case, 2: upper case)."""
    slug = _SPECIAL.sub("-", _CONTROL.sub("", text.translate(_DIACRITICS))).strip("-")
    return slug.lower() if transform == 1 else slug.upper() if transform == 2 else slug
