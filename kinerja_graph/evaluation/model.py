"""The evaluation of one cascade, as an evaluator (Inspektorat) writes it in an LHE: format-neutral data.

Every output of `kinerja evaluate` (text, JSON, Markdown here; HTML, DOCX, XLSX built on the same objects)
renders an `Evaluation`; none of them computes anything. An Evaluation is built in one language (its
`lang`): the sentences it holds (`title`, `Evidence.text`, `Note.message`, `Note.recommendation`,
`strengths`, `weaknesses`, `Recommendation.text`, `Score.label`) are already worded, in the formal register
of an LHE for Indonesian. Everything else is language-neutral (ids, answers, counts, shares, node ids).

    Evaluation                      one cascade file
      file, organisation, source, period, lang
      score: Score                  the tool's estimate from the criterion answers (not a nilai SAKIP)
        value, parts[ScorePart]     one part per criterion: weight x value of its answer
      criteria: [CriterionAnswer]   one per LKE criterion the document can evidence, in LKE order
        id ("1.b.8"), title, answer (ANSWERS), value (the LKE step, 0..1; None when not assessed)
        evidence: Evidence          what decided the answer: counts, the share, facts, examples
        notes: [note ids]           the notes (below) that bear on this criterion
        see_also: [note ids]        notes listed under another criterion that fail items of this one too
      strengths: [str]              kekuatan: what is fully met, said so
      weaknesses: [str]             kelemahan: one sentence per criterion not fully met
      recommendations: [Recommendation]   rekomendasi, one per cause, with the notes it answers
      notes: [Note]                 catatan: the findings grouped by cause (rule x criterion); every
                                    finding of `kinerja check` is in exactly one note
      errors: [RunError]            why a file could not be read (then criteria and notes are empty)

Places in the auditee's document. An `Example` cites the node's `ref` (Node.ref: "bagan, kolom 3",
"hal. 4") when it has one, and otherwise the node's id (the outline number of the auditee's own table)
and, for a table file, its row or cell: never the transcription's file and line alone.

Provenance. A finding that rests on data the transcriber inferred (basis "inferred") or on level labels
the cascade's own structure contradicts ("doubtful") is counted in its note's `basis`, weighs half a
finding in the criterion it bears on (rules/evaluation.yaml `basis_weight`), and the note says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kinerja_graph.engine import RunError
    from kinerja_graph.findings import Finding

VERSION = 1  # of the evaluation's JSON document (docs/evaluation.md)

YES, PARTLY, NO, UNASSESSED = "Y", "Sebagian", "T", "tidak dapat dinilai"
ANSWERS = (YES, PARTLY, NO, UNASSESSED)  # the LKE's answer scale, plus "the document holds no evidence"


@dataclass(frozen=True)
class Example:
    """A node of the cascade quoted as evidence.

    node  the node's id (as the auditee numbers it, or as the transcription numbered it)
    text  what is quoted: the statement, or the indicator, formula, source the note is about (one line,
          shortened to 70 characters)
    ref   where the node stands in the auditee's own document (Node.ref), when the document says
    row   its row ("baris 12") or cell ("Pohon!C37") in a table file, when it was read from one
    """

    node: str
    text: str
    ref: str | None = None
    row: str | None = None

    @property
    def cite(self) -> str:
        """How a report names the place: the ref when there is one, else the node id (and row)."""
        if self.ref:
            return f"{self.node}, {self.ref}"
        return f"{self.node}, {self.row}" if self.row else self.node

    def to_dict(self) -> dict[str, Any]:
        return {"node": self.node, "text": self.text, "ref": self.ref, "row": self.row, "cite": self.cite}


@dataclass
class Evidence:
    """What decided a criterion's answer.

    population  what the criterion looks at: "goals", "indicators", "nodes" (goals and indicators
                without a goal) or "cascade" (a yes/no question about the whole document)
    levels      the level ids the population is drawn from (empty: every level)
    items       how many there are (None for "cascade")
    met         how many meet the criterion; a failure resting on inferred or doubtful data counts as
                half (so `met` may end in .5)
    share       met / items (None when there are no items)
    failing     node ids that do not meet it, in document order
    facts       what the cascade holds that bears on the answer: levels covered, roots, depth reached,
                crosscutting partners, how many items carry the field the criterion needs, the cap
                applied ... (language-neutral; docs/evaluation.md lists the keys)
    examples    two or three nodes quoted from the cascade: failing ones, or for a criterion met, ones
                that meet it
    text        the sentences that say why, in the evaluation's language
    """

    population: str
    levels: tuple[str, ...] = ()
    items: int | None = None
    met: float | None = None
    share: float | None = None
    failing: list[str] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)
    examples: list[Example] = field(default_factory=list)
    text: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "population": self.population,
            "levels": list(self.levels),
            "items": self.items,
            "met": self.met,
            "share": None if self.share is None else round(self.share, 4),
            "failing": list(self.failing),
            "facts": dict(self.facts),
            "examples": [e.to_dict() for e in self.examples],
            "text": list(self.text),
        }


@dataclass
class CriterionAnswer:
    """The suggested answer to one LKE criterion.

    id        the criterion's number in the LKE of PermenPANRB 88/2021 ("1.b.8")
    title     its short name, in the evaluation's language
    answer    one of ANSWERS
    value     the LKE step the answer stands for, 0..1 (rules/evaluation.yaml `bands`); None when the
              document holds no evidence either way (answer "tidak dapat dinilai")
    weight    the criterion's weight in the score (rules/evaluation.yaml)
    evidence  what decided it
    notes     the ids of the notes that bear on it (listed under it)
    see_also  the ids of notes listed under another criterion whose findings also fail items of this one
              (one owner text naming goals of several tiers: its note stands under one tier's criterion)
    """

    id: str
    title: str
    answer: str
    value: float | None
    weight: float
    evidence: Evidence
    notes: list[str] = field(default_factory=list)
    see_also: list[str] = field(default_factory=list)

    @property
    def assessed(self) -> bool:
        return self.answer != UNASSESSED

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "answer": self.answer,
            "value": self.value,
            "weight": round(self.weight, 4),
            "evidence": self.evidence.to_dict(),
            "notes": list(self.notes),
            "see_also": list(self.see_also),
        }


@dataclass
class Note:
    """Findings of one cause: one rule, on the population of one criterion.

    id              "N1", "N2", ... in the order the evaluation lists them (by criterion, then severity)
    criterion       the criterion the note bears on (None: a rule no criterion takes)
    rule, severity  the rule; the worst severity among its findings
    count, total    how many items are affected, of how many in the population ("42 dari 44 kinerja")
    unit            what count and total count: "goals" or "indicators"
    nodes           the node ids concerned, in document order
    levels          level id -> how many of `nodes` stand at that level (document order of levels)
    findings        the findings themselves (`kinerja check`'s lines): each in exactly one note
    basis           "inferred"/"doubtful" -> how many of the findings rest on such data
    message         the note, in the evaluation's language
    recommendation  what the evaluator recommends for it, in the formal register of an LHE
    examples        two or three of the nodes, quoted, citing the auditee's document
    """

    id: str
    criterion: str | None
    rule: str
    severity: str
    count: int
    total: int
    unit: str
    nodes: list[str]
    levels: dict[str, int]
    findings: list[Finding]
    basis: dict[str, int]
    message: str
    recommendation: str
    examples: list[Example] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "criterion": self.criterion,
            "rule": self.rule,
            "severity": self.severity,
            "count": self.count,
            "total": self.total,
            "unit": self.unit,
            "nodes": list(self.nodes),
            "levels": dict(self.levels),
            "findings": len(self.findings),
            "basis": dict(self.basis),
            "message": self.message,
            "recommendation": self.recommendation,
            "examples": [e.to_dict() for e in self.examples],
        }


@dataclass
class Recommendation:
    """A rekomendasi: one text, the criterion it serves and the notes (temuan) it answers."""

    text: str
    criterion: str | None
    notes: list[str]

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "criterion": self.criterion, "notes": list(self.notes)}


@dataclass(frozen=True)
class ScorePart:
    """One criterion's share of the score.

    weight  the criterion's weight (rules/evaluation.yaml)
    value   the value of its answer, 0..1; None when the document holds no evidence for it
    scored  what it counts for in the score: its value, or for a criterion not assessed the rubric's
            `unassessed_value` (0: as in the LKE, a criterion without evidence earns nothing)
    """

    criterion: str
    weight: float
    value: float | None
    scored: float

    @property
    def assessed(self) -> bool:
        return self.value is not None

    @property
    def points(self) -> float:
        return self.weight * self.scored

    def to_dict(self) -> dict[str, Any]:
        return {
            "criterion": self.criterion,
            "weight": round(self.weight, 4),
            "value": self.value,
            "scored": self.scored,
            "points": round(self.points, 4),
        }


@dataclass
class Score:
    """The tool's estimate, out of 100, from the criterion answers (docs/evaluation.md): not a nilai SAKIP.

    value           100 x (sum of the parts' points) / (sum of their weights); None when no criterion
                    could be assessed
    parts           one per criterion, in the order of the criteria
    assessed_weight the weight of the criteria assessed, of `total_weight`: how much of the score the
                    document could evidence (the rest counts as ScorePart.scored says)
    label           what the number is, in the evaluation's language (shown next to it everywhere)
    """

    value: float | None
    parts: list[ScorePart]
    assessed_weight: float
    total_weight: float
    label: str = ""

    @property
    def rounded(self) -> int | None:
        return None if self.value is None else int(round(self.value))

    @property
    def coverage(self) -> float:
        """The share of the score's weight the document could evidence (0..1)."""
        return self.assessed_weight / self.total_weight if self.total_weight else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": self.rounded,
            "exact": None if self.value is None else round(self.value, 2),
            "coverage": round(self.coverage, 4),
            "label": self.label,
            "parts": [p.to_dict() for p in self.parts],
        }


@dataclass
class Evaluation:
    """The evaluation of one cascade file (see the module's docstring)."""

    file: str
    organisation: str | None
    lang: str
    source: str | None = None
    period: list[int] = field(default_factory=list)
    score: Score | None = None
    criteria: list[CriterionAnswer] = field(default_factory=list)
    strengths: list[str] = field(default_factory=list)
    weaknesses: list[str] = field(default_factory=list)
    recommendations: list[Recommendation] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    errors: list[RunError] = field(default_factory=list)

    @property
    def readable(self) -> bool:
        return not any(e.kind == "input" for e in self.errors)

    def criterion(self, criterion_id: str) -> CriterionAnswer | None:
        return next((c for c in self.criteria if c.id == criterion_id), None)

    def note(self, note_id: str) -> Note | None:
        return next((n for n in self.notes if n.id == note_id), None)

    def notes_of(self, criterion_id: str | None) -> list[Note]:
        return [n for n in self.notes if n.criterion == criterion_id]

    @property
    def findings(self) -> int:
        """How many findings the notes hold (every finding of the file's check)."""
        return sum(len(n.findings) for n in self.notes)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of one cascade's evaluation (docs/evaluation.md, version VERSION)."""
        return {
            "file": self.file,
            "organisation": self.organisation,
            "source": self.source,
            "period": list(self.period),
            "lang": self.lang,
            "score": None if self.score is None else self.score.to_dict(),
            "criteria": [c.to_dict() for c in self.criteria],
            "strengths": list(self.strengths),
            "weaknesses": list(self.weaknesses),
            "recommendations": [r.to_dict() for r in self.recommendations],
            "notes": [n.to_dict() for n in self.notes],
            "findings": self.findings,
            "errors": [e.to_dict() for e in self.errors],
        }
