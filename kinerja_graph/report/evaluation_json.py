"""`kinerja evaluate --format json`: the evaluation's documented, versioned machine form (docs/evaluation.md).

    {"version": 1, "kind": "kinerja-evaluation", "lang": "id",
     "evaluations": [{"file", "organisation", "source", "period", "lang", "score", "criteria", "strengths",
                      "weaknesses", "recommendations", "notes", "findings", "errors"}]}

Keys never disappear within a version (an unknown value is null); new keys may be added; removing or renaming
one raises the version.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from kinerja_graph.evaluation import VERSION, Evaluation

KIND = "kinerja-evaluation"


def to_data(evaluations: Iterable[Evaluation], lang: str = "id") -> dict:
    return {"version": VERSION, "kind": KIND, "lang": lang, "evaluations": [ev.to_dict() for ev in evaluations]}


def format_evaluations(evaluations: Iterable[Evaluation], lang: str = "id") -> str:
    return json.dumps(to_data(evaluations, lang), ensure_ascii=False, indent=2) + "\n"
