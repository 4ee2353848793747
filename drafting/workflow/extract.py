"""``draft extract``: an old speech's or report's data for a pack, written as YAML and
checked by building that YAML back into the old text.

The recognition itself is ``drafting/extraction`` (genre, speech, report, front matter,
slots); this module runs it, gives up recognitions one by one (``_TRIES``) until the
rebuild is word for word, and says where it is not.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

from drafting.errors import DataError, DraftError, Location
from drafting.extraction import flattened, genre
from drafting.extraction.front_matter import salutation_index, signature_index
from drafting.extraction.report import fill_report
from drafting.extraction.result import Extraction
from drafting.extraction.slots import in_schema_order, nest_inline_lists, recognise_indicators
from drafting.extraction.speech import fill_speech
from drafting.extraction.units import paragraphs_of
from drafting.model.document import Document
from drafting.packs.finder import DEFAULT_PACK, find_pack
from drafting.packs.roles import Roles


def detect_pack(document: Document) -> str:
    """The built-in pack a text reads like, by the genre's signals (``genre.pack_of``)."""
    return pack_and_reason(document)[0]


def pack_and_reason(document: Document) -> tuple[str, str]:
    """(pack, why in Chinese) for ``draft extract`` without ``--pack``."""
    paras = paragraphs_of(document)
    if not paras:
        return DEFAULT_PACK, ""
    return genre.pack_of(paras, salutation_index(paras[:8]), signature_index(paras) is not None)


def extract(
    document: Document, file: str, pack: Any = DEFAULT_PACK, indicators: bool = True, joins: bool = True,
    lists: bool = True,
) -> Extraction:
    """The data of ``pack`` (a name or a loaded pack) for the document; never gives
    up on a document with words: what is not recognised stays in place as text.

    With ``indicators``, statistics that the pack prints back exactly become indicator data;
    with ``joins``, units a flattened page ran into another's paragraph are cut out
    (``flattened.py``) and marked ``joined``; with ``lists``, enumerations inside a
    paragraph become list paragraphs (``inline_lists.py``).
    """
    pack = find_pack(pack) if isinstance(pack, str) else pack
    paras = paragraphs_of(document)
    if not paras:
        raise DataError("文件中没有文字，无法整理", Location(file))
    roles = Roles.of(pack.schema)
    pieces = flattened.split(paras) if joins else paras
    while True:  # a cut piece that heads no joined unit goes back where it was, and the text is read again
        result = Extraction({"pack": pack.name}, written=document.meta.date)
        if roles.genre == "report":
            fill_report(pieces, roles, result)
        else:
            fill_speech(pieces, roles, result, pack.name)
        used = flattened.used(pieces, result.data)
        merged = flattened.merge_unused(pieces, used)
        if len(merged) == len(pieces):  # every piece left heads its unit
            break
        pieces = merged
    if lists:
        nest_inline_lists(result, pack.schema)
    if indicators:
        recognise_indicators(result, pack.schema)
    result.data = in_schema_order(result.data, pack.schema, pack.schema)
    return result


def source_text(document: Document) -> str:
    """The speech as read, one paragraph a line: what building the YAML must give back."""
    from drafting.writers.text import write_text

    return write_text(document)


def speech_yaml(extraction: Extraction, header: list[str]) -> str:
    from drafting.source.yaml_writer import write_yaml

    return write_yaml(extraction.data, extraction.notes, header)


def rebuilt_text(yaml_text: str, yaml_file: str, template_dirs: list | None = None, *, builder=None) -> str:
    """Build the written YAML (as if saved at ``yaml_file``) back into plain text."""
    from drafting.workflow.build import Builder, render_text
    from drafting.source.yaml_loader import parse_speech

    speech = parse_speech(yaml_text.encode("utf-8"), yaml_file)
    text = render_text((builder or Builder(template_dirs)).draft_from(speech))
    # blank lines are layout (the space above a report's 落款), as when reading a .txt
    return "".join(line for line in text.splitlines(keepends=True) if line.strip())


@dataclass(slots=True)
class Checked:
    """An extraction written as YAML, and how that YAML builds back against the old speech."""

    extraction: Extraction
    text: str
    difference: tuple[int, str, str] | None = None  # the first paragraph that differs
    figures_as_text: bool = False  # indicators broke the exact text, so every figure stays as written
    unverified: DraftError | None = None  # the pack could not build it back at all
# What a try may give up, in order, when the YAML does not build back the old speech word
# for word: figures as text first, then units cut out of flattened paragraphs, then
# lists inside paragraphs (each with and without figures; product's order). The first exact try wins.
_TRIES = [
    {"lists": lists, "joins": joins, "indicators": indicators}
    for lists, joins, indicators in itertools.product((True, False), repeat=3)
]


def extract_checked(
    document: Document, file: str, pack: Any, header: list[str], built_at: str,
    template_dirs: list | None = None, indicators: bool = True,
) -> Checked:
    """``extract`` written as YAML and built back from that text; when a recognition keeps
    it from giving the old speech word for word (or the pack from building it at all),
    the next try without it (``_TRIES``); when none is exact, the first try is said."""
    from drafting.workflow.build import Builder

    builder = Builder(template_dirs)  # every try loads the pack once
    expected = source_text(document)
    first = None
    for options in _TRIES if indicators else [t for t in _TRIES if not t["indicators"]]:
        extraction = extract(document, file, pack, **options)
        checked = Checked(extraction, speech_yaml(extraction, header), figures_as_text=indicators and not options["indicators"])
        try:
            checked.difference = first_difference(expected, rebuilt_text(checked.text, built_at, builder=builder))
        except DraftError as e:  # a pack not shaped like a speech or report this reader knows,
            checked.unverified = e  # or one that cannot hold what a try recognised
        if checked.difference is None and checked.unverified is None:
            return checked
        first = first or checked
    return first


def first_difference(expected: str, actual: str) -> tuple[int, str, str] | None:
    """(paragraph number, expected, actual) of the first paragraph that differs."""
    want, got = expected.split("\n"), actual.split("\n")
    for n in range(max(len(want), len(got))):
        a = want[n] if n < len(want) else "（无）"
        b = got[n] if n < len(got) else "（无）"
        if a != b:
            return n + 1, a, b
    return None
