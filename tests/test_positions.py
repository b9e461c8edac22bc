from hypothesis import given
from hypothesis import strategies as st

from fmlint.positions import Dedented, LineIndex, Position, Span


def test_points_are_one_based_and_count_characters():
    index = LineIndex("ab\n中文x\r\nlast")
    assert index.point(0) == (1, 1)
    assert index.point(3) == (2, 1)
    assert index.point(5) == (2, 3)  # 'x' after two CJK characters: column 3, not byte 7
    assert index.point(8) == (3, 1)  # CRLF is two characters at the end of line 2


def test_position_has_exclusive_end():
    index = LineIndex("title: x\n")
    position = index.position(Span(7, 8))
    assert (position.line, position.column, position.end_line, position.end_column) == (1, 8, 1, 9)


def test_offsets_beyond_the_text_clamp_to_its_end():
    assert LineIndex("ab").point(99) == (1, 3)
    assert LineIndex("").point(0) == (1, 1)


def test_line_of_and_offset_at_are_inverse():
    index = LineIndex("ab\r\n中文x\nlast")
    assert index.line_of(5) == 2
    assert index.offset_at(2, 3) == 6
    assert index.point(index.offset_at(3, 2)) == (3, 2)


@given(
    st.text(alphabet=st.sampled_from("a\n\r中😀 "), max_size=60),
    st.lists(st.integers(min_value=-3, max_value=70), max_size=3 * LineIndex.COUNTED),
)
def test_counted_points_and_the_table_agree_in_any_order(text, offsets):
    """The first points are counted from the last one asked for; later ones come from the table."""
    counted, table = LineIndex(text), LineIndex(text)
    assert table.line_count == text.count("\n") + 1  # builds the table first
    for offset in offsets:
        clamped = max(0, min(offset, len(text)))
        before = text[:clamped]
        expected = (before.count("\n") + 1, clamped - before.rfind("\n"))
        assert counted.point(offset) == table.point(offset) == expected


@given(
    st.text(alphabet=st.sampled_from("a\n\r中😀 "), max_size=40),
    st.lists(st.tuples(st.integers(-3, 45), st.integers(-3, 45)), max_size=2 * LineIndex.COUNTED),
)
def test_positions_of_spans_agree_with_their_two_points(text, spans):
    counted, table = LineIndex(text), LineIndex(text)
    assert table.line_count >= 1  # builds the table first
    for start, end in spans:
        span = Span(start, end)
        expected = Position(*table.point(start), *table.point(max(start, end)))
        assert counted.position(span) == table.position(span) == expected


def test_a_dedented_block_maps_every_offset_back_to_the_file():
    """MDX's indented children parsed as their own text: each character of it is the file's character, CRLF, a
    blank line shorter than the indentation, CJK and emoji included; a span's end maps past its last character."""
    source = "x\n    ## 中文 😀\r\n\n  \n      [a](/b)\n"
    start = source.index("    ##")
    block = Dedented(source[start:], start)
    assert block.text == "## 中文 😀\r\n\n\n  [a](/b)\n" and not block.tabbed
    mapped = [block.offset(i) for i, c in enumerate(block.text) if c not in "\r\n"]
    assert [source[i] for i in mapped] == [c for c in block.text if c not in "\r\n"]
    heading = Span(0, block.text.index("\n") + 1)
    assert source[block.span(heading).start : block.span(heading).end] == "## 中文 😀\r\n"
    assert Dedented("\t## x\n", 0).tabbed
