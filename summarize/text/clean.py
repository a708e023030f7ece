"""Text hygiene shared by the reader and the renderers: decoding, control codes, quotes.

Article text is data, never markup or terminal instructions: every escape sequence (colours,
cursor moves, OSC 8 hyperlinks, OSC 52 clipboard writes) and every other control or format
character is removed before the text goes anywhere.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

# ESC-introduced sequences: CSI (ESC [ ... final), OSC/DCS/APC/PM/SOS strings (ended by BEL or
# ST), and two-character escapes. C1 equivalents (0x9B CSI, 0x9D OSC) are covered as well.
_ESCAPES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[\]PX^_]|[\x90\x9d\x98\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -~]?"
)
_ESCAPE_START = re.compile("[\x1b\x90-\x9f]")
# Typographic quotes become ASCII ones; guillemets stay as they are (made '"', a French
# "« non »" read '" non "', its inner spaces kept).
_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
})
# Newswire (Penn Treebank) quotes: ``opening'' and closing as two apostrophes.
_PTB_QUOTES = re.compile(r"``|''")
_SPACES = re.compile(r"[^\S\n]+")
# In ASCII text, once its controls are gone (vertical tab and form feed among them), what
# _SPACES would change
_ASCII_SPACES = ("  ", "\t")
_HIGH_BYTES = bytes(range(0x80, 0x100))
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes) -> str | None:
    """Decode bytes as text: a BOM's encoding, else UTF-8, else charset-normalizer's guess.

    Returns None for data that is not text (NUL bytes without a UTF-16/32 BOM, or no encoding
    that charset-normalizer trusts).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    if b"\x00" in data:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _mostly_ascii(data):
        # English text with a few smart quotes, dashes or accents: Windows-1252, the usual
        # legacy encoding of English-language news (and a superset of Latin-1's letters).
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None
    text = str(best)
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t")
    return None if controls > len(text) // 100 else text


def _mostly_ascii(data: bytes) -> bool:
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    return high <= len(data) // 20


_DELETED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})


def _controls_in(text: str) -> dict[int, None]:
    """The code points below U+10000 in ``text`` to delete: control, format, surrogate,
    private, unassigned. Only the distinct characters of the text are looked up, not the
    whole plane: a table of all 65,536 took longer than reading a 2,000-sentence corpus."""
    return {
        ord(ch): None for ch in set(text)
        if ord(ch) < 0x10000 and ch not in "\t\n"
        and unicodedata.category(ch) in _DELETED_CATEGORIES
    }


# Above U+FFFF: tag characters, private-use planes and noncharacters.
_ASTRAL_CONTROLS = re.compile("[\U000e0000-\U000e0fff\U000f0000-\U0010ffff]")
_ASCII_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


def strip_escapes(text: str) -> str:
    """``text`` without terminal escape sequences (markup such as HTML is left as it is)."""
    found = "\x1b" in text if text.isascii() else _ESCAPE_START.search(text)  # ASCII: no C1
    return _ESCAPES.sub("", text) if found else text


def clean(text: str) -> str:
    """Strip escape sequences and control/format characters; normalise quotes and spaces.

    Line breaks survive (``\\r\\n`` and lone ``\\r`` become ``\\n``); runs of other whitespace
    become one space; typographic quotes and newswire's ``these'' become ASCII ones (guillemets
    stay).
    """
    text = strip_escapes(text.replace("\r\n", "\n").replace("\r", "\n"))
    text = unicodedata.normalize("NFC", text)
    if text.isascii():
        text = _ASCII_CONTROLS.sub("", text)
    else:
        text = _ASTRAL_CONTROLS.sub("", text.translate(_controls_in(text)))
    text = text.translate(_QUOTES)
    if "``" in text or "''" in text:
        text = _PTB_QUOTES.sub('"', text)
    if text.isascii() and not any(space in text for space in _ASCII_SPACES):
        return text  # a single space is all it has between words: nothing to collapse
    return _SPACES.sub(" ", text)
