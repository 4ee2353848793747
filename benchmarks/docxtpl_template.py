"""The docxtpl contender: a Word template equivalent to the half-year-speech pack.

The template is made from draft's own output for the seed, so both contenders
carry the same styles, page set-up and footers: each kind of paragraph in it
copies the properties of the paragraph draft wrote for that role, and the
loops and conditions are those of ``templates/half-year-speech/template.xml.j2``
written as docxtpl tags (``{%p … %}`` paragraphs). The Jinja filters are draft's
own numerals and indicator phrasing, so the two do the same work.
"""

from __future__ import annotations

import copy
import io
from pathlib import Path

import jinja2
import yaml
from docx.oxml.ns import qn

from drafting.model.indicators import Indicator, phrase_indicator
from drafting.model.document import BlockRole
from drafting.model.numerals import chinese_numeral, enumeration_marker

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader

# (template text, prototype role) per paragraph; None means a tag-only paragraph.
_BODY = [
    ("{{ title }}", "title"),
    ("{{ salutation }}", "salutation"),
    ("{%p for p in opening %}", None),
    ("{{ p | paragraph }}{% if loop.last %}{{ phrase }}{% endif %}", "body"),
    ("{%p endfor %}", None),
    ("{%p for part in parts %}", None),
    ("{{ part_numbering | marker(loop.index) }}{{ part.heading }}", "heading1"),
    ("{%p for p in part.intro %}", None),
    ("{{ p | paragraph }}", "body"),
    ("{%p endfor %}", None),
    ("{%p for point in part.points %}", None),
    ("{%p if part.layout == 'standalone' %}", None),
    ("{{ part.enumeration | marker(loop.index) }}{{ point.lead }}", "heading2"),
    ("{%p for p in point.body %}", None),
    ("{{ p | paragraph }}", "body"),
    ("{%p endfor %}", None),
    ("{%p else %}", None),
    (("{{ part.enumeration | marker(loop.index) }}{{ point.lead }}",
      "{% if point.body %}{{ point.body[0] | paragraph }}{% endif %}"), "lead"),
    ("{%p for p in point.body[1:] %}", None),
    ("{{ p | paragraph }}", "body"),
    ("{%p endfor %}", None),
    ("{%p endif %}", None),
    ("{%p endfor %}", None),
    ("{%p for p in part.closing %}", None),
    ("{{ p | paragraph }}", "body"),
    ("{%p endfor %}", None),
    ("{%p endfor %}", None),
    ("{%p for p in closing %}", None),
    ("{{ p | paragraph }}", "closing"),
    ("{%p endfor %}", None),
]

_DEFAULTS = {
    "salutation": "同志们：",
    "part_numbering": "一、",
    "opening": [],
    "closing": [],
}


def _prototypes(seed_yaml: Path) -> dict[str, object]:
    """The paragraph draft wrote for each role of the seed, by role key."""
    from drafting.workflow.build import Builder, render_docx  # not needed to build with docxtpl

    import docx

    draft = Builder().draft(seed_yaml)
    word = docx.Document(io.BytesIO(render_docx(draft)))
    found: dict[str, object] = {}
    for block, paragraph in zip(draft.document.blocks, word.element.body.iterchildren(qn("w:p"))):
        if block.role is BlockRole.HEADING:
            key = f"heading{block.level}"
        elif block.lead:
            key = "lead"
        elif block.role is BlockRole.PARAGRAPH:
            key = "body"
        else:
            key = block.role.value
        found.setdefault(key, paragraph)
    return word, found


def make_template(seed_yaml: Path, target: Path) -> Path:
    """Write the docxtpl template equivalent to the pack, styled as draft styles it."""
    word, prototypes = _prototypes(seed_yaml)
    body = word.element.body
    section = body.find(qn("w:sectPr"))
    for child in list(body):
        if child is not section:
            body.remove(child)
    for text, role in _BODY:
        section.addprevious(_paragraph(text, prototypes.get(role)))
    word.save(str(target))
    return target


def _paragraph(text, prototype):
    if prototype is None:
        p = copy.deepcopy(_plain_paragraph())
        p.append(_run(None, text))
        return p
    p = copy.deepcopy(prototype)
    runs = p.findall(qn("w:r"))
    for run in runs:
        p.remove(run)
    texts = text if isinstance(text, tuple) else (text,)
    for i, piece in enumerate(texts):
        model = runs[min(i, len(runs) - 1)]
        p.append(_run(model.find(qn("w:rPr")), piece))
    return p


def _plain_paragraph():
    from docx.oxml import OxmlElement

    return OxmlElement("w:p")


def _run(rpr, text: str):
    from docx.oxml import OxmlElement

    run = OxmlElement("w:r")
    if rpr is not None:
        run.append(copy.deepcopy(rpr))
    t = OxmlElement("w:t")
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    run.append(t)
    return run


def _paragraph_text(item) -> str:
    if isinstance(item, str):
        return item
    phrases = "；".join(phrase_indicator(Indicator.from_data(i), lambda field: None) for i in item.get("indicators", []))
    return f"{item.get('before', '')}{phrases}{item.get('after', '')}"


def _count_phrase(parts: list) -> str:
    n = len(parts)
    return f"下面，就做好下半年经济工作，我讲{'两' if n == 2 else chinese_numeral(n)}点意见。"


def jinja_env() -> jinja2.Environment:
    env = jinja2.Environment(autoescape=True)
    env.filters.update(paragraph=_paragraph_text, marker=lambda form, n: enumeration_marker(form, n))
    return env


def build_with_docxtpl(template: Path, data_yaml: Path, output) -> None:
    """What a docxtpl user does: load the YAML, render the Word template, save."""
    from docxtpl import DocxTemplate

    data = yaml.load(data_yaml.read_text(encoding="utf-8"), Loader=_Loader)
    context = {**_DEFAULTS, **data}
    meeting = data["meeting"]
    context.setdefault("title", f"在{meeting['year']}年{meeting['name']}上的讲话")
    context["phrase"] = _count_phrase(data["parts"])
    document = DocxTemplate(str(template))
    document.render(context, jinja_env())
    document.save(output)
