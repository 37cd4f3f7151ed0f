"""Findings in words: `render(finding, lang)` words a finding from its rule's template, in one language.

A rule declares its messages as templates, `messages = {key: {"id": ..., "en": ...}}`, and a finding
carries the key and the arguments (kinerja_graph/findings.py). The arguments are language-neutral; a
format spec says how an argument becomes words in the language printed:

    'Kinerja "{label}" ({level:level}) belum memiliki penanggung jawab'

An argument without a spec is printed as it is (a quoted text, a count). Besides its arguments a template
may name `nodes`: the finding's node followed by its related nodes (findings.IMPLICIT_ARGS). The specs
(SPECS):

    level       a level id                          "immediate_outcome" -> "Immediate Outcome"
    levels      level ids, with their planning name  -> "Output (Sasaran Kegiatan) dan Proses"
    tier        a tier id                           "operational" -> "Kinerja Operasional"
    tiers       tier ids                            -> "Kinerja Strategis atau Kinerja Taktikal"
    field       a field id (statement, indicator, formula, source, unit, owner, target, level, parent)
                                                    "source" -> "sumber data" / "data source"
    fields      field ids                           -> "formula, sumber data"
    kind        what a text states (outcome, output, activity, effort, unknown)
    evidence    [[role, word], ...] the words that say so (classify.Classification.evidence)
                                                    -> "'Jumlah' + satuan 'Dokumen'"
    term        {"id": ..., "en": ...}: a word of the pack's vocabularies (a unit family, a position),
                which a project may define, so the rule passes it in both languages
    terms       a list of terms                     -> "Camat atau Sekcam"
    quoted      texts (already shortened)           -> '"a", "b", "c" (+2)'
    quoted-all  texts (already shortened)           -> '"a", "b", "c", "d", "e"'
    ids         node ids                            -> "1.1, 1.2, 1.3, 1.4, 1.5 (+3)"
    years       years                               -> "2022–2026", "2022, 2024"
    by-year     [[year, text], ...]                 -> '2023: "≥ 90", 2024: "95-100"'
    steps       [[[year, text], [year, text]], ...] -> "90 (2023) → 85 (2024); …"
    circle      node ids, a circle from its first   -> '"1" → "1.1" → "1"'
    variants    [[text, [node ids]], ...]           -> '"Meningkatnya …" (1, 2); "Meningkatnya…" (3)'
    aside       an optional text                    -> ' "text"', or nothing for None

A spec written with a capital (`{fields:Fields}`) starts what it renders with a capital letter. An empty
list renders as "-". Templates are compiled once and cached; a finding is worded only in the language
printed.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from kinerja_graph import checks, i18n, policy
from kinerja_graph.classify import KIND_NAMES, Classification
from kinerja_graph.findings import IMPLICIT_ARGS, Finding

QUOTED_LIMIT = 3  # texts a `quoted` list shows
IDS_LIMIT = 5  # node ids an `ids` list shows
CIRCLE_LIMIT = 8  # goals a `circle` shows
VARIANTS_LIMIT = 4  # variants a `variants` list shows, with VARIANT_IDS_LIMIT nodes each
VARIANT_IDS_LIMIT = 3

Spec = Callable[[Any, str], str]


def _word(key: str, lang: str) -> str:
    return i18n.words("messages").t(key, lang)


def _limited(items: Sequence, limit: int, form: str = "{}") -> str:
    """'a, b, c (+2)': the first `limit` items, each written as `form` says (only those: groups may be large)."""
    return _first_of(items[:limit], len(items), limit, form)


def _first_of(first: Sequence, total: int, limit: int, form: str = "{}") -> str:
    """_limited() of `total` items given only their first `limit` ones."""
    try:  # texts and node ids (nearly always): joined as they are
        if form == "{}":
            shown = ", ".join(first)
        elif form == '"{}"':
            shown = '"' + '", "'.join(first) + '"' if first else ""
        else:
            shown = ", ".join(map(form.format, first))
    except TypeError:  # not all texts (years, counts): each one written as `form` says
        shown = ", ".join(map(form.format, first))
    return shown + f" (+{total - limit})" if total > limit else shown


def _joined(items: Sequence[str], lang: str, last: str) -> str:
    """'a, b and c' with the word `last` ("and", "or") before the last item; "-" for none."""
    if not items:
        return "-"
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + _word(last, lang) + items[-1]


def _level(value: Any, lang: str) -> str:
    level = policy.levels().by_id(value) if value is not None else None
    if level is None:
        return "?" if value is None else str(value)
    return level.name[lang]


def _levels(values: Any, lang: str) -> str:
    names = []
    for value in values:
        level = policy.levels().by_id(value)
        if level is None:
            names.append(str(value))
            continue
        planning = (level.planning or {}).get(lang)
        names.append(f"{level.name[lang]} ({planning})" if planning else level.name[lang])
    return _joined(names, lang, "and")


def _tier(value: Any, lang: str) -> str:
    names = policy.levels().tiers.get(value)
    return names[lang] if names else str(value)


def _tiers(values: Any, lang: str) -> str:
    return _joined([_tier(v, lang) for v in values], lang, "or")


def _field(value: Any, lang: str) -> str:
    return _word(f"field_{value}", lang)


def _fields(values: Any, lang: str) -> str:
    return ", ".join(_field(v, lang) for v in values) or "-"


def _kind(value: Any, lang: str) -> str:
    names = KIND_NAMES.get(value)
    return (names.get(lang) or names["en"]) if names else str(value)


def _evidence(value: Any, lang: str) -> str:
    return Classification("unknown", tuple((role, word) for role, word in value)).explain(lang)


def _term(value: Any, lang: str) -> str:
    if isinstance(value, Mapping):
        return value.get(lang) or value.get("en") or ""
    return str(value)


def _terms(values: Any, lang: str) -> str:
    return _joined([_term(v, lang) for v in values], lang, "or")


def _quoted(values: Any, lang: str) -> str:
    return _limited(values, QUOTED_LIMIT, '"{}"') or "-"


def _quoted_all(values: Any, lang: str) -> str:
    return ", ".join(f'"{v}"' for v in values) or "-"


def _ids(values: Any, lang: str) -> str:
    return _limited(values, IDS_LIMIT) or "-"


def _node_ids(finding: Finding) -> str:
    """_ids() of the implicit `nodes` of a finding (its node and related nodes) without gathering them all: a
    group of duplicates names hundreds of nodes in each of its hundreds of findings, a message shows IDS_LIMIT."""
    related = finding.related
    if finding.node is None:
        return _first_of(related[:IDS_LIMIT], len(related), IDS_LIMIT) or "-"
    return _first_of((finding.node, *related[: IDS_LIMIT - 1]), len(related) + 1, IDS_LIMIT) or "-"


def _years(values: Any, lang: str) -> str:
    years = list(values)
    if len(years) > 2 and years[-1] - years[0] == len(years) - 1:
        return f"{years[0]}–{years[-1]}"
    return ", ".join(str(y) for y in years)


def _by_year(values: Any, lang: str) -> str:
    return ", ".join(f'{year}: "{text}"' for year, text in values)


def _steps(values: Any, lang: str) -> str:
    return "; ".join(f"{t1} ({y1}) → {t2} ({y2})" for (y1, t1), (y2, t2) in values)


def _circle(values: Any, lang: str) -> str:
    circle = list(values)
    path = " → ".join(f'"{n}"' for n in circle[:CIRCLE_LIMIT])
    if len(circle) > CIRCLE_LIMIT:
        path += f" → … (+{len(circle) - CIRCLE_LIMIT})"
    return path + f' → "{circle[0]}"' if circle else "-"


def _variants(values: Any, lang: str) -> str:
    variants = values if type(values) is list else list(values)
    shown = []  # each variant's text and its first nodes, as _first_of() writes them (one loop, no call per variant:
    # a 10^6-goal report words 236,000 near-duplicate findings)
    for text, nodes in variants[:VARIANTS_LIMIT]:
        try:  # node ids (nearly always): joined as they are
            ids = ", ".join(nodes[:VARIANT_IDS_LIMIT])
        except TypeError:
            ids = ", ".join(map("{}".format, nodes[:VARIANT_IDS_LIMIT]))
        more = len(nodes) - VARIANT_IDS_LIMIT
        shown.append(f'"{text}" ({ids} (+{more}))' if more > 0 else f'"{text}" ({ids})')
    listed = "; ".join(shown)
    if len(variants) > VARIANTS_LIMIT:
        listed += f"; (+{len(variants) - VARIANTS_LIMIT})"
    return listed


def _aside(value: Any, lang: str) -> str:
    return "" if value is None else f' "{value}"'


SPECS: dict[str, Spec] = {
    "level": _level,
    "levels": _levels,
    "tier": _tier,
    "tiers": _tiers,
    "field": _field,
    "fields": _fields,
    "kind": _kind,
    "evidence": _evidence,
    "term": _term,
    "terms": _terms,
    "quoted": _quoted,
    "quoted-all": _quoted_all,
    "ids": _ids,
    "years": _years,
    "by-year": _by_year,
    "steps": _steps,
    "circle": _circle,
    "variants": _variants,
    "aside": _aside,
}


def _capitalised(spec: Spec) -> Spec:
    def render(value: Any, lang: str) -> str:
        text = spec(value, lang)
        return text[:1].upper() + text[1:]

    return render


class Template:
    """A message template, compiled: a format string of numbered fields and, for each field, the argument
    it shows and the spec that words it (None: the argument as it is)."""

    __slots__ = ("text", "format", "fields", "implicit", "_render")

    def __init__(self, text: str) -> None:
        parts: list[str] = []
        pieces: list[str | int] = []  # literal texts and field numbers, in order
        fields: list[tuple[str, Spec | None]] = []
        for literal, name, spec, conversion in _FORMATTER.parse(text):
            parts.append(literal.replace("{", "{{").replace("}", "}}"))
            if literal:
                pieces.append(literal)
            if name is None:
                continue
            if not name.isidentifier() or conversion:
                raise ValueError(f"template {text!r}: {{{name}}}: an argument is a plain name, with an optional :spec")
            spec_fn = None
            if spec:
                spec_fn = SPECS.get(spec.lower())
                if spec_fn is None or (spec != spec.lower() and spec != spec.capitalize()):
                    raise ValueError(f"template {text!r}: unknown format spec {spec!r} (known: {', '.join(SPECS)})")
                if spec[0].isupper():
                    spec_fn = _capitalised(spec_fn)
            parts.append(f"{{{len(fields)}}}")
            pieces.append(len(fields))
            fields.append((name, spec_fn))
        self.text = text
        self.format = "".join(parts)
        self.fields = tuple(fields)
        self.implicit = bool(self.names & IMPLICIT_ARGS)
        self._render = _compiled(pieces, self.fields, self.implicit)

    @property
    def names(self) -> frozenset[str]:
        """The arguments the template shows."""
        return frozenset(name for name, _ in self.fields)

    def render(self, args: Mapping[str, object], lang: str, finding: Finding | None = None) -> str:
        """The template in words: `args` as its specs word them in `lang` (`nodes`: the finding's node and
        related nodes, when a finding is given)."""
        try:
            return self._render(args, lang, finding)
        except KeyError as exc:
            raise KeyError(f"message {self.text!r} needs the argument {exc.args[0]!r}") from None


def _compiled(
    pieces: list[str | int], fields: tuple[tuple[str, Spec | None], ...], implicit: bool
) -> Callable[..., str]:
    """A template as one Python function of (args, lang, finding) that returns its text: each argument looked
    up (and worded by its spec) once, in order, and the text joined by an f-string, not by str.format parsing
    the template again for every finding (10^5 findings a report). The same text as
    `format.format(*values)`: both write each value as format(value, "").

    The function's source holds only the literal text (written as Python string literals, repr), argument
    names (identifiers, checked above) and numbered variables."""
    lines = ["def render(args, lang, finding):"]
    scope: dict[str, Any] = {}
    for number, (name, spec) in enumerate(fields):
        value = f"args[{name!r}]"
        if implicit and name in IMPLICIT_ARGS and spec is _ids:  # the finding's nodes as ids: the few shown
            scope[f"spec{number}"], scope["node_ids"] = spec, _node_ids
            lines.append(f"    v{number} = spec{number}({value}, lang) if finding is None else node_ids(finding)")
            continue
        if implicit and name in IMPLICIT_ARGS:  # the finding's node and related nodes (findings.IMPLICIT_ARGS)
            value = (
                f"({value} if finding is None else finding.related if finding.node is None"
                " else (finding.node, *finding.related))"
            )
        if spec is not None:
            scope[f"spec{number}"] = spec
            value = f"spec{number}({value}, lang)"
        lines.append(f"    v{number} = {value}")
    text = " ".join(
        f"f'{{v{piece}}}'" if isinstance(piece, int) else "f" + repr(piece.replace("{", "{{").replace("}", "}}"))
        for piece in pieces
    )
    lines.append(f"    return {text or repr('')}")
    exec("\n".join(lines), scope)  # noqa: S102 - the source is made above from checked names and repr'd text
    return scope["render"]


_FORMATTER = string.Formatter()
_COMPILED: dict[str, Template] = {}


def compile_template(text: str) -> Template:
    """The compiled template (cached); ValueError for an argument that is not a name or an unknown spec."""
    found = _COMPILED.get(text)
    if found is None:
        found = _COMPILED[text] = Template(text)
    return found


def template(finding: Finding, lang: str) -> str:
    """The template that words `finding` in `lang` (English when the rule has none in `lang`)."""
    return _template(finding.rule, finding.key, lang)


def _template(rule_id: str, key: str, lang: str) -> str:
    rule = checks.all_rules().get(rule_id)
    if rule is None:
        raise KeyError(f"no rule {rule_id!r} to word its finding")
    try:
        templates = rule.messages[key]
    except KeyError:
        raise KeyError(f"rule {rule_id} has no message {key!r}") from None
    return templates.get(lang) or templates["en"]


def render(finding: Finding, lang: str = "id") -> str:
    """The finding in words, in `lang` ("id" or "en")."""
    text = template(finding, lang)
    compiled = _COMPILED.get(text) or compile_template(text)
    return compiled.render(finding.args, lang, finding)


def renderer(lang: str = "id") -> Callable[[Finding], str]:
    """render(finding, lang) for the findings of one report: each rule's template is looked up once for all
    of them (a report words 10^5 findings with a few dozen templates)."""
    compiled: dict[str, dict[str, Callable[..., str]]] = {}  # rule -> key -> its template's function

    def words(finding: Finding) -> str:
        try:
            return compiled[finding.rule][finding.key](finding.args, lang, finding)
        except KeyError:
            template = compile_template(_template(finding.rule, finding.key, lang))
            compiled.setdefault(finding.rule, {})[finding.key] = template._render
            return template.render(finding.args, lang, finding)  # a missing argument: said as Template says it

    return words


def wording(rule_id: str, key: str, lang: str = "id") -> Callable[[Mapping[str, object], str, Finding], str] | None:
    """The function that words the findings of rule `rule_id` with message `key` in `lang`, called as
    `function(finding.args, lang, finding)` (what renderer(lang) calls for each of them, for a writer that keeps it
    beside its own texts of the rule); None when the rule or the message is unknown. A finding that lacks an
    argument raises KeyError there: render() says which."""
    try:
        text = _template(rule_id, key, lang)
    except KeyError:
        return None
    return (_COMPILED.get(text) or compile_template(text))._render


def to_dict(finding: Finding, lang: str = "id", words: Callable[[Finding], str] | None = None) -> dict:
    """The stable JSON form of a finding (docs/json-output.md), its message in `lang` (worded by `words`, a
    renderer(lang) of the report, when given)."""
    location = finding.location  # looked at once (its line and cell): a report has 10^5 findings
    out: dict = {
        "rule": finding.rule,
        "severity": finding.severity,
        "node": finding.node,
        "related": list(finding.related),
        "file": finding.file,
        "line": location.line if location else None,
        "message": render(finding, lang) if words is None else words(finding),
    }
    cell = location.cell() if location else None
    if cell:
        out["cell"] = cell
    out["area"] = finding.area
    out["lke"] = finding.lke
    args = finding.args
    out["args"] = args if type(args) is dict else dict(args)
    out["basis"] = finding.basis
    return out
