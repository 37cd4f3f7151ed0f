"""The output of `kinerja diff`: text (default), JSON and Markdown. Formats only; kinerja_graph/diff.py
computes, kinerja_graph/commands/output.py registers and prints.

    kinerja diff: HEAD:cascades/praya.yaml → cascades/praya.yaml  (Kecamatan Praya)

    Kinerja: 1 ditambahkan, 1 dihapus, 1 dipindahkan, 1 dinomori ulang, 2 diubah
      + 1.5      "Meningkatnya kapasitas aparatur"  (induk: 1)
      - 1.4.5    "Reward dan punishment"
      ~ 1.2.1    "Meningkatnya tata kelola pemerintahan desa"
          induk: 1.2 → 1.3
          indikator "Persentase desa …": target 2024: "80%" → "85%"

    Temuan: 1 baru, 1 selesai, 115 tetap
      baru     praya.yaml:12   error    orphan-node  1.1  Kinerja "…" menunjuk induk "9" yang tidak terdapat …
      selesai  praya.yaml:40   warning  missing-owner 1.4.5 …
"""

from __future__ import annotations

import json

from kinerja_graph.diff import DiffResult, FieldChange, GoalChange, to_data
from kinerja_graph.findings import Finding
from kinerja_graph.i18n import words
from kinerja_graph.messages import render
from kinerja_graph.report import markdown
from kinerja_graph.report.text import clean, place

QUOTE = 70

t = words("diff").t  # kinerja_graph/words/diff.yaml


def _q(text: object, limit: int = QUOTE) -> str:
    s = " ".join(clean(str(text)).split()) if text is not None else ""
    return s if len(s) <= limit else s[: limit - 1].rstrip() + "…"


def _value(value, lang: str) -> str:
    if value is None or value == "" or value == []:
        return t("empty", lang)
    if isinstance(value, list):
        return ", ".join(_q(v, 40) for v in value) or t("empty", lang)
    return f'"{_q(value)}"'


def describe(change: FieldChange, lang: str) -> str:
    """One change of a goal, on one line: 'indikator "X": target 2024: "80" → "85"'."""
    name = t(change.field, lang)
    if change.field == "indicator-added":
        return f'{name}: "{_q(change.new)}"'
    if change.field == "indicator-removed":
        return f'{name}: "{_q(change.old)}"'
    if change.field == "indicator-renamed":
        return f'{name}: "{_q(change.old)}" → "{_q(change.new)}"'
    if change.field in ("parents", "crosscutting", "id", "ignore"):
        old = ", ".join(change.old) if isinstance(change.old, list) else change.old
        new = ", ".join(change.new) if isinstance(change.new, list) else change.new
        return f"{name}: {clean(str(old or '-'))} → {clean(str(new or '-'))}"
    what = name if change.year is None else f"{name} {change.year}"
    prefix = f'{t("indicator", lang)} "{_q(change.indicator, 40)}": ' if change.indicator is not None else ""
    return f"{prefix}{what}: {_value(change.old, lang)} → {_value(change.new, lang)}"


def _counts(result: DiffResult, lang: str) -> tuple[str, str]:
    s = result.summary()
    goals = ", ".join(f"{s[k]} {t(k, lang)}" for k in ("added", "removed", "moved", "renumbered", "changed"))
    findings = ", ".join(
        f"{s[k + '_findings']} {t(k, lang)}"
        for k in ("new", "resolved", "silenced", "unchanged")
        if k != "silenced" or s["silenced_findings"]
    )
    return goals, findings


def _org(result: DiffResult) -> str:
    return result.new_report.organisation or result.old_report.organisation or ""


def _what(node) -> str:
    """What a goal says, or the names of the indicators of an indicator without a goal."""
    return node.statement or ", ".join(i.name for i in node.indicators)


def _change_head(change: GoalChange, lang: str) -> str:
    ident = clean(change.new_id)
    if change.renumbered:
        ident += f" ({t('was', lang)} {clean(change.old_id)})"
    return ident


def _finding_row(status: str, f: Finding, lang: str) -> tuple:
    node = clean(f.node) if f.node is not None else "-"
    return (status, clean(place(f)), f.severity, f.rule, node, clean(render(f, lang)))


def format_text(result: DiffResult, lang: str = "id") -> str:
    org = _org(result)
    head = f"{t('title', lang)}: {clean(result.old_file)} → {clean(result.new_file)}"
    lines = [head + (f"  ({clean(org)})" if org else ""), ""]
    for e in result.errors:
        label = t("unreadable" if e.kind == "input" else "internal_error", lang)
        for i, problem in enumerate(e.message.splitlines() or [""]):
            lines.append((f"  {label}: " if i == 0 else "    ") + clean(problem))
    goals, findings = _counts(result, lang)
    lines.append(f"{t('goals', lang)}: {goals}")
    entries: list[tuple[str, str, str, list[str]]] = []
    for n in result.added:
        parent = f"  ({t('parent', lang)}: {clean(', '.join(n.parents))})" if n.parents else ""
        entries.append(("+", clean(n.id), f'"{_q(_what(n))}"{parent}', []))
    for n in result.removed:
        entries.append(("-", clean(n.id), f'"{_q(_what(n))}"', []))
    for c in result.changed:
        details = [describe(x, lang) for x in c.changes if x.field != "id"]
        entries.append(("~", _change_head(c, lang), f'"{_q(c.statement)}"' if c.statement else "", details))
    width = max((len(e[1]) for e in entries), default=0)
    for mark, ident, text, details in entries:
        lines.append(f"  {mark} {ident.ljust(width)}  {text}".rstrip())
        for d in details:
            lines.append(f"      {d}")
    lines.append("")
    lines.append(f"{t('findings', lang)}: {findings}")
    rows = [_finding_row(t("new", lang), f, lang) for f in result.new_findings]
    rows += [_finding_row(t("resolved", lang), f, lang) for f in result.resolved_findings]
    rows += [_finding_row(t("silenced", lang), f, lang) for f in result.silenced_findings]
    if rows:
        widths = [max(len(r[i]) for r in rows) for i in range(5)]
        for r in rows:
            lines.append("  " + "  ".join(c.ljust(w) for c, w in zip(r[:5], widths)) + "  " + r[5])
    if result.introduces_failure():
        lines.append("")
        lines.append(t("fails", lang).format(fail_on=result.fail_on))
    return "\n".join(lines) + "\n"


def format_json(result: DiffResult, lang: str = "id") -> str:
    return json.dumps(to_data(result, lang), ensure_ascii=False, indent=2) + "\n"


def format_markdown(result: DiffResult, lang: str = "id", limit: int | None = markdown.LIMIT) -> str:
    esc, code = markdown.escape, markdown.code
    org = _org(result)
    head = f"### {t('title', lang)}: {code(result.old_file)} → {code(result.new_file)}"
    lines = [head + (f" ({esc(org)})" if org else ""), ""]
    for e in result.errors:
        label = t("unreadable" if e.kind == "input" else "internal_error", lang)
        lines.append(f"- **{label}**: {code(e.file)} — {esc('; '.join(e.message.splitlines()))}")
    if result.errors:
        lines.append("")
    goals, findings = _counts(result, lang)
    lines.append(f"**{t('goals', lang)}**: {esc(goals)}")
    lines.append("")
    rows = []
    for n in result.added:
        rows.append(("+", code(n.id), esc(_q(_what(n))), t("added", lang)))
    for n in result.removed:
        rows.append(("−", code(n.id), esc(_q(_what(n))), t("removed", lang)))
    for c in result.changed:
        details = "<br>".join(esc(describe(x, lang)) for x in c.changes if x.field != "id")
        if c.renumbered:
            details = esc(f"{t('renumbered', lang)}: {c.old_id} → {c.new_id}") + ("<br>" + details if details else "")
        rows.append(("~", code(c.new_id), esc(_q(c.statement)) if c.statement else "", details))
    if rows:
        lines.append(f"| | {t('goal', lang)} | {t('statement', lang)} | {t('change', lang)} |")
        lines.append("| --- | --- | --- | --- |")
        shown = rows if limit is None else rows[:limit]
        lines.extend(f"| {a} | {b} | {c} | {d} |" for a, b, c, d in shown)
        if len(rows) > len(shown):
            lines.append("")
            lines.append(f"… (+{len(rows) - len(shown)})")
        lines.append("")
    lines.append(f"**{t('findings', lang)}**: {esc(findings)}")
    lines.append("")
    found: list[tuple[str, Finding]] = [(t("new", lang), f) for f in markdown.by_severity(result.new_findings)]
    found += [(t("resolved", lang), f) for f in markdown.by_severity(result.resolved_findings)]
    found += [(t("silenced", lang), f) for f in markdown.by_severity(result.silenced_findings)]
    if found:
        heads = ("status", "severity", "rule", "place", "goal", "message")
        lines.append("| " + " | ".join(t(k, lang) for k in heads) + " |")
        lines.append("| --- | --- | --- | --- | --- | --- |")
        listed = found if limit is None else found[:limit]
        for status, f in listed:
            lines.append(
                f"| {status} | {f.severity} | {code(f.rule)} | {code(place(f))} | "
                f"{esc(f.node) if f.node is not None else '-'} | {esc(render(f, lang))} |"
            )
        if len(found) > len(listed):
            lines.append("")
            lines.append(f"… (+{len(found) - len(listed)})")
    if result.introduces_failure():
        lines.append("")
        lines.append(f"**{esc(t('fails', lang).format(fail_on=result.fail_on))}**")
    return "\n".join(lines) + "\n"
