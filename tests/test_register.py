"""The tool's Indonesian reads as an evaluation report (LHE): formal and impersonal, in every message
template, rule summary, rationale and documentation, every words file and the Indonesian names of the
rule pack's data; and every rule is documented wholly in both languages.

The informal words, and the English words that betray an untranslated sentence, are data:
tests/data/register.yaml."""

import re
from pathlib import Path

import pytest
import yaml

from kinerja_graph import checks, i18n
from kinerja_graph.checks.base import DOC_HEADINGS, DOC_SECTIONS
from kinerja_graph.classify import KIND_NAMES

ROOT = Path(__file__).resolve().parent.parent
REGISTER = yaml.safe_load((Path(__file__).parent / "data" / "register.yaml").read_text(encoding="utf-8"))
INFORMAL: dict[str, str] = REGISTER["informal"]
ENGLISH: set[str] = set(REGISTER["english"])
RULES = checks.all_rules()

_FENCED = re.compile(r"^(`{3,}).*?^\1[ \t]*$", re.S | re.M)
_CODE = re.compile(r"`[^`\n]*`")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_QUOTED = re.compile(r'"[^"\n]*"|“[^”\n]*”|\'[^\'\n]*\'')
_WORD = re.compile(r"[^\W\d_]+")


def prose(text: str) -> str:
    """`text` without its code: fenced blocks, `inline code` and {placeholders}."""
    return _PLACEHOLDER.sub(" ", _CODE.sub(" ", _FENCED.sub(" ", text)))


def informal_words(text: str) -> list[str]:
    """The informal words of `text` (outside code), each with what to write instead."""
    return [f"{w!r} -> {INFORMAL[w.lower()]}" for w in _WORD.findall(prose(text)) if w.lower() in INFORMAL]


def english_words(text: str) -> list[str]:
    """The English function words of `text` outside code and quotation marks."""
    return [w for w in _WORD.findall(_QUOTED.sub(" ", prose(text))) if w.lower() in ENGLISH]


def indonesian_texts() -> list[tuple[str, str]]:
    """(where, text) of every Indonesian text the tool shows."""
    found = []
    for rule_id, rule in RULES.items():
        found.append((f"{rule_id}: summary", rule.summary["id"]))
        found.append((f"{rule_id}: rationale", rule.rationale["id"]))
        found += [(f"{rule_id}: message {key}", text["id"]) for key, text in rule.messages.items()]
        found.append((f"{rule_id}: doc_id", rule.doc_id))
    for path in sorted(i18n.FOLDER.glob("*.yaml")):
        for key, entry in yaml.safe_load(path.read_text(encoding="utf-8")).items():
            found.append((f"words/{path.name}: {key}", entry["id"]))
    for path in sorted([*ROOT.glob("rules/*.yaml"), *ROOT.glob("rules/vocabulary/*.yaml")]):
        found += [
            (f"{path.relative_to(ROOT)}: {where}", text)
            for where, text in _bilingual(yaml.safe_load(path.read_text(encoding="utf-8")))
        ]
    found += [(f"classify.KIND_NAMES: {key}", names["id"]) for key, names in KIND_NAMES.items()]
    return found


def _bilingual(data, where: str = ""):
    """(path, Indonesian text) of every {id: ..., en: ...} mapping in a rule pack file."""
    if isinstance(data, dict):
        if set(data) == {"id", "en"} and all(isinstance(v, str) for v in data.values()):
            yield where, data["id"]
            return
        for key, value in data.items():
            yield from _bilingual(value, f"{where}.{key}" if where else str(key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _bilingual(value, f"{where}[{i}]")


TEXTS = indonesian_texts()


def test_the_texts_are_found():
    wheres = {where.split(":")[0] for where, _ in TEXTS}
    assert {f"{rule_id}" for rule_id in RULES} <= wheres
    assert {"words/messages.yaml", "words/html.yaml", "rules/levels.yaml", "rules/evaluation.yaml"} <= wheres
    assert {"words/evaluation.yaml", "words/lhe.yaml"} <= wheres
    assert len(TEXTS) > 500


def test_no_informal_word():
    found = [f"{where}: {', '.join(words)}" for where, text in TEXTS if (words := informal_words(text))]
    assert found == [], "informal words (tests/data/register.yaml):\n" + "\n".join(found)


def test_no_untranslated_english():
    found = [f"{where}: {', '.join(words)}" for where, text in TEXTS if (words := english_words(text))]
    assert found == [], "English words in Indonesian texts:\n" + "\n".join(found)


def test_the_checks_find_what_they_look_for():
    """The register checks themselves: informal words outside code are found, code and quotes are not."""
    assert informal_words('Kinerja "X" tidak punya penanggung jawab, padahal ...') == [
        "'punya' -> memiliki",
        "'padahal' -> sedangkan (a contrast), meskipun (a concession)",
    ]
    assert informal_words("Opsi `punya`:\n```yaml\nstatement: kalau bisa\n```\n{punya}") == []
    assert english_words('Aturan ini memeriksa "Survey of the year" dan `the`') == []
    assert english_words("Finds goals whose statement is long") == ["is"]


def sections(doc: str) -> list[str]:
    return [line[3:].strip() for line in doc.splitlines() if line.startswith("## ")]


def yaml_blocks(text: str) -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", text, re.S)


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_every_rule_is_documented_in_both_languages(rule_id):
    rule = RULES[rule_id]
    for lang, doc in (("en", rule.doc), ("id", rule.doc_id)):
        assert sections(doc) == [DOC_HEADINGS[lang][s] for s in DOC_SECTIONS], (rule_id, lang)
        for section in DOC_SECTIONS:
            assert rule.doc_section(section, lang), (rule_id, lang, section)
    assert rule.documentation("en") == rule.doc
    assert sections(rule.documentation("id")) == sections(rule.doc_id)


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_the_indonesian_example_and_fix_are_the_english_ones(rule_id):
    """Contoh and Perbaikan show the same YAML as Example and Fix (the English ones are run as tests)."""
    rule = RULES[rule_id]
    for section in ("example", "fix"):
        english, indonesian = rule.doc_section(section, "en"), rule.doc_section(section, "id")
        assert yaml_blocks(indonesian) == yaml_blocks(english) != [], (rule_id, section)
    # written once: the YAML lives in `doc` (run as tests), doc_id holds no copy of it
    assert not set(yaml_blocks(rule.doc_id)) & set(yaml_blocks(rule.doc)), rule_id


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_every_option_is_documented_in_both_languages(rule_id):
    rule = RULES[rule_id]
    for lang in ("en", "id"):
        options = rule.doc_section("options", lang)
        assert all(f"`{name}`" in options for name in rule.options_schema), (rule_id, lang)
