from fmlint.positions import LineIndex, Span


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
