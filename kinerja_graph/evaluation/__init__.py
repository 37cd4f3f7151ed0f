"""The evaluation of a cascade as an evaluator writes it (`kinerja evaluate`): one answer per LKE criterion
with its evidence, the findings grouped into notes by cause, strengths, weaknesses, recommendations and the
tool's estimate of a score. kinerja_graph/evaluation/model.py holds the data every format renders.

A layer above the pipeline and the engine (it reads what they produce) and below the formatters of
kinerja_graph/report/ and the commands.
"""

from kinerja_graph.evaluation.build import evaluate, evaluate_run, group_report
from kinerja_graph.evaluation.model import (
    ANSWERS,
    NO,
    PARTLY,
    UNASSESSED,
    VERSION,
    YES,
    CriterionAnswer,
    Evaluation,
    Evidence,
    Example,
    Note,
    Recommendation,
    Score,
    ScorePart,
)

__all__ = [
    "ANSWERS",
    "NO",
    "PARTLY",
    "UNASSESSED",
    "VERSION",
    "YES",
    "CriterionAnswer",
    "Evaluation",
    "Evidence",
    "Example",
    "Note",
    "Recommendation",
    "Score",
    "ScorePart",
    "evaluate",
    "evaluate_run",
    "group_report",
]
