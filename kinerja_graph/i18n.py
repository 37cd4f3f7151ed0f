"""Words the tool says, in Indonesian (default) and English. Code and identifiers stay English."""

from __future__ import annotations

LANGUAGES = ("id", "en")

_TEXT = {
    "organisation": {"id": "Organisasi", "en": "Organisation"},
    "type": {"id": "Tipe", "en": "Type"},
    "period": {"id": "Periode", "en": "Period"},
    "file": {"id": "Berkas", "en": "File"},
    "goals": {"id": "Kinerja (sasaran)", "en": "Goals"},
    "indicators": {"id": "Indikator", "en": "Indicators"},
    "per_level": {"id": "Kinerja per level", "en": "Goals per level"},
    "roots": {"id": "Kinerja puncak", "en": "Top goals"},
    "leaves": {"id": "Kinerja ujung (daun)", "en": "Leaf goals"},
    "owners": {"id": "Penanggung jawab", "en": "Owners"},
    "without_owner": {"id": "tanpa penanggung jawab", "en": "without an owner"},
    "loose_indicators": {"id": "Indikator tanpa sasaran", "en": "Indicators without a goal"},
    "crosscutting": {"id": "Lintas sektor (crosscutting)", "en": "Crosscutting"},
    "dangling": {"id": "Induk yang tidak ada", "en": "Parents that do not exist"},
    "none": {"id": "tidak ada", "en": "none"},
    "goals_unit": {"id": "kinerja", "en": "goals"},
}


def t(key: str, lang: str = "id") -> str:
    entry = _TEXT[key]
    return entry.get(lang) or entry["en"]
