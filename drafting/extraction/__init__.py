"""Recognise a read speech's or report's structure and express it as a pack's data.

The reverse of the template: from paragraphs (``drafting/readers``) to the
values of a pack. The genre's shape is recognised once (``genre.py``: parts,
sections, items, sub-items, closings; ``flattened.py``: units a flattened page ran
together; ``inline_lists.py``: enumerations inside a paragraph); ``speech.py`` and
``report.py`` place it in the fields the pack's schema names by role
(``x-draft-role``), ``front_matter.py`` what stands around the body, ``slots.py``
the statistics and lists found inside paragraphs. Every paragraph lands in exactly
one slot, in its original order, so building the data gives the text back; where
recognition is a guess, a Chinese note says so. ``drafting/workflow/extract.py``
runs it and checks the rebuild.
"""
