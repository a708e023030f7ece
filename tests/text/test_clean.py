"""Text hygiene: decoding bytes, deleting controls and escapes, normalising quotes."""

import codecs
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from summarize.text.clean import _controls_in, clean, decode


def test_clean_removes_escape_sequences_and_controls() -> None:
    dirty = ("Red \x1b[31mtext\x1b[0m, a \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\, "
             "clip \x1b]52;c;ZXZpbA==\x07end\x00\x07 \u202eok \u201cquoted\u201d")
    assert clean(dirty) == 'Red text, a link, clip end ok "quoted"'


_PLANE_CONTROLS = {
    cp: None for cp in range(0x10000)
    if unicodedata.category(chr(cp)) in ("Cc", "Cf", "Cs", "Co", "Cn") and cp not in (9, 10)
}


@given(st.text(st.characters(max_codepoint=0x2FFFF)))
def test_controls_are_those_of_the_whole_plane(text: str) -> None:
    # clean() once built this table of all 65,536 code points on every run; it now looks up
    # only the text's own characters, and must delete the same ones.
    assert text.translate(_controls_in(text)) == text.translate(_PLANE_CONTROLS)


@pytest.mark.parametrize(("data", "expected"), [
    ("The café in Montréal was closed on Monday, officials said.".encode("latin-1"),
     "The café in Montréal was closed on Monday, officials said."),
    ("\u201cIt will cost €5 million,\u201d the minister said on Tuesday.".encode("cp1252"),
     "\u201cIt will cost €5 million,\u201d the minister said on Tuesday."),
    ("Президент заявил, что переговоры продолжатся в понедельник утром.".encode("cp1251"),
     "Президент заявил, что переговоры продолжатся в понедельник утром."),
    (codecs.BOM_UTF16_LE + "Grüße".encode("utf-16-le"), "Grüße"),
    (codecs.BOM_UTF8 + b"plain", "plain"),
])
def test_decode_encodings(data: bytes, expected: str) -> None:
    assert decode(data) == expected


def test_newswire_ptb_quotes_become_ascii_quotes() -> None:
    assert clean("``The ferry won't run,'' said Ana.") == (
        '"The ferry won\'t run," said Ana.')


def _clean_in_full(text: str) -> str:
    """clean() as it was before its shortcuts: every regular expression applied to all text."""
    from summarize.text import clean as module

    text = module._ESCAPES.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = unicodedata.normalize("NFC", text)
    if text.isascii():
        text = module._ASCII_CONTROLS.sub("", text)
    else:
        text = module._ASTRAL_CONTROLS.sub("", text.translate(_controls_in(text)))
    text = module._PTB_QUOTES.sub('"', text.translate(module._QUOTES))
    return module._SPACES.sub(" ", text)


@given(st.text(st.sampled_from(list("ab .\n\t\x0b\x0c\r `'\x1b[]\x9b\x9d\x07\xa0\u2003\u201c"))))
def test_shortcuts_change_nothing(text: str) -> None:
    # clean() skips the escape, quote and space expressions when the text has nothing they
    # would change; the result must be what applying them all gives
    assert clean(text) == _clean_in_full(text)
