"""How long near-duplicate detection takes on large generated cascades (not a test: tests never time).

    .venv/bin/python benchmarks/bench_similarity.py            # 10^4 and 10^5 goals
    .venv/bin/python benchmarks/bench_similarity.py 20000      # any sizes
    .venv/bin/python benchmarks/bench_similarity.py --pemda benchmarks/out/pemda-100000-s1.csv [rounds]

Each goal has a statement built from templates over a realistic vocabulary (openers, objects, things,
places: the way a Pemda-wide tree repeats standard wording with different objects), one indicator,
and about 1 % of the goals copy another goal's statement with a typing slip. Reported: the time of
the index alone (add + clusters) on the statements, then the time of the near-duplicate rule and of
every rule of this module's author on the whole graph (statements and indicators), and the number
of clusters found against the number of slips injected. The first line times a plain Python loop of
10^7 additions, to compare machines (about 0.35 s on a quiet modern desktop).

With --pemda FILE, the near-duplicate rule on a cascade file as a full check runs it: every rule before it
in the registry's order first (they fill the shared Index tables and the text memos), the cyclic collector
paused as the engine pauses it; then the rule alone, `rounds` times (default 3) from the same text memo,
in CPU seconds, with the CPU time of its parts (the slip search, the clustering, containment, findings).
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kinerja_graph import checks, config  # noqa: E402
from kinerja_graph.checks.base import Context  # noqa: E402
from kinerja_graph.graph import build_graph  # noqa: E402
from kinerja_graph.model import Cascade, Indicator, Node, Organisation  # noqa: E402
from kinerja_graph.similarity import NearDuplicateIndex, text_vocabulary  # noqa: E402
from kinerja_graph.targets import parse_target  # noqa: E402

OPENERS = [
    "Terselenggaranya",
    "Terfasilitasinya",
    "Meningkatnya",
    "Terlaksananya",
    "Tersusunnya",
    "Tersedianya",
    "Terkoordinasinya",
    "Terwujudnya",
    "Optimalnya",
    "Terpenuhinya",
    "Terkendalinya",
    "Membaiknya",
]
OBJECTS = [
    "pengelolaan",
    "penyusunan",
    "pembinaan",
    "pengawasan",
    "koordinasi",
    "pelayanan",
    "pemberdayaan",
    "perencanaan",
    "evaluasi",
    "administrasi",
    "penyediaan",
    "pemeliharaan",
    "pengadaan",
    "fasilitasi",
    "sinkronisasi",
    "verifikasi",
    "pendataan",
    "penataan",
    "pengendalian",
    "penegakan",
]
THINGS = [
    "keuangan desa",
    "peraturan desa",
    "aparatur desa",
    "lembaga kemasyarakatan",
    "pembangunan partisipatif",
    "ketenteraman umum",
    "administrasi kependudukan",
    "perizinan usaha",
    "kesejahteraan sosial",
    "sarana prasarana kantor",
    "barang milik daerah",
    "dokumen perencanaan",
    "laporan kinerja",
    "pajak bumi bangunan",
    "aset desa",
    "kawasan perdesaan",
    "usaha ekonomi masyarakat",
    "pelayanan terpadu",
    "data statistik sektoral",
    "kearsipan dinamis",
    "kepegawaian",
    "gaji tunjangan",
    "jasa komunikasi",
    "kendaraan dinas",
    "gedung kantor",
    "perjalanan dinas",
    "rapat koordinasi",
    "musyawarah desa",
    "penanggulangan bencana",
    "ketertiban lingkungan",
]
UNITS = ["bidang pemerintahan", "bidang ekonomi", "bidang sosial", "sekretariat", "bidang umum", "bidang pelayanan"]


def slip(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(3)
    if kind == 0:
        return word[:i] + word[i] + word[i:]  # doubled letter
    if kind == 1:
        return word[:i] + word[i + 1 :]  # dropped letter
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :] if i + 2 <= len(word) else word + "a"  # swapped


def statements(n: int, rng: random.Random) -> tuple[list[str], int]:
    """n statements: distinct template texts, ~1 % of them slipped copies of another."""
    seen, out = set(), []
    organisations = max(1, n // 400)
    while len(out) < n * 0.99:
        text = (
            f"{rng.choice(OPENERS)} {rng.choice(OBJECTS)} {rng.choice(THINGS)} {rng.choice(UNITS)} "
            f"kecamatan nomor {rng.randrange(organisations)}"
        )
        if text not in seen:
            seen.add(text)
            out.append(text)
    injected = 0
    while len(out) < n:
        words = rng.choice(out[: int(n * 0.99)]).split()
        k = rng.randrange(3)  # opener, object or first word of the thing: long words
        if len(words[k]) >= 6:
            words[k] = slip(words[k], rng)
            out.append(" ".join(words))
            injected += 1
    rng.shuffle(out)
    return out, injected


def cascade(texts: list[str], rng: random.Random) -> Cascade:
    nodes = []
    for i, text in enumerate(texts):
        parent = [] if i == 0 else [str(rng.randrange(max(1, i // 5), i) if i > 5 else 0)]
        nodes.append(
            Node(
                id=str(i),
                statement=text,
                level="output",
                parents=parent,
                owner="Kasi",
                indicators=[
                    Indicator(
                        name=f"Jumlah dokumen {text.split(' ', 1)[1]}",
                        formula=f"Jumlah dokumen {text.split(' ', 1)[1]} yang disusun tepat waktu",
                        unit="Dokumen",
                        source="Data kecamatan",
                        targets={y: parse_target(f"{1 + (y - 2025) // 2} Dokumen") for y in range(2025, 2030)},
                    )
                ],
            )
        )
    return Cascade(Organisation("Pemerintah Kabupaten Contoh", "kabupaten", "contoh"), nodes, list(range(2025, 2030)))


MINE = [
    "duplicate-statement",
    "duplicate-indicator",
    "near-duplicate",
    "target-trend",
    "target-invalid",
    "unit-mismatch",
    "formula-mismatch",
    "crosscutting-unresolved",
    "crosscutting-absent",
    "restated-child",
    "foreign-organisation",
    "stray-source",
]


def run(n: int) -> None:
    rng = random.Random(n)
    pack = config.load_default_pack()
    tv = text_vocabulary(pack.vocabulary)
    texts, injected = statements(n, rng)

    started = time.perf_counter()
    index = NearDuplicateIndex(tv, 0.85)
    for i, text in enumerate(texts):
        index.add(i, text)
    clusters = index.clusters()
    index_time = time.perf_counter() - started
    print(f"{n:>7} statements: index {index_time:6.2f} s, {len(clusters)} clusters for {injected} slips injected")

    G = build_graph(cascade(texts, rng))
    nx.freeze(G)
    total = 0.0
    for rule_id in MINE:
        setting = pack.rules[rule_id]
        ctx = Context.create(
            G, checks.get(rule_id), options=setting.options, severity=setting.severity, vocabulary=pack.vocabulary
        )
        started = time.perf_counter()
        found = list(ctx.rule.check(ctx))
        spent = time.perf_counter() - started
        total += spent
        print(f"         {rule_id:<24} {spent:6.2f} s  {len(found):>6} findings")
    print(f"         {'all twelve rules':<24} {total:6.2f} s")


def pemda(path: str, rounds: int) -> None:
    from kinerja_graph import engine, pipeline, similarity
    from kinerja_graph.checks import near_duplicate
    from kinerja_graph.checks.base import Rule
    from kinerja_graph.gcpause import gc_paused

    settings = pipeline.settings_for(path)
    cascade, error = pipeline._read(path, settings, None, None)
    if cascade is None:
        raise SystemExit(str(error))
    G, _ = pipeline.check_cascade(cascade, settings, check=False)
    registry = checks.all_rules()

    def context(rule_id: str) -> Context:
        return engine.rule_context(G, registry[rule_id], settings)

    spent: dict[str, float] = {}

    def timed(owner, name: str, label: str, generator: bool = False) -> None:
        """owner.name, its CPU time added to spent[label] (a generator's: while it makes each item)."""
        inner = getattr(owner, name)

        def call(*args, **kwargs):
            started = time.process_time()
            try:
                return inner(*args, **kwargs)
            finally:
                spent[label] = spent.get(label, 0.0) + time.process_time() - started

        def each(*args, **kwargs):
            items = inner(*args, **kwargs)
            while True:
                started = time.process_time()
                try:
                    item = next(items)
                except StopIteration:
                    return
                finally:
                    spent[label] = spent.get(label, 0.0) + time.process_time() - started
                yield item

        setattr(owner, name, each if generator else call)

    with gc_paused():
        for rule_id in settings.active_rules():
            if rule_id == "near-duplicate":
                break
            rule = registry[rule_id]
            if hasattr(rule, "check_silences"):
                continue
            if type(rule).prepare is not Rule.prepare:
                rule.prepare(context(rule_id))
            list(rule.check(context(rule_id)))
        tv = similarity.text_vocabulary(settings.pack.vocabulary, G)
        memo = dict(tv.cache)
        timed(similarity._SlipIndex, "add", "slip search: words compared")
        timed(similarity, "slip_representatives", "slip search: in all")
        timed(similarity, "_variant_groups", "clusters: blocks and verification (with slips)")
        timed(near_duplicate, "near_duplicate_clusters", "clusters: texts read, clusters made")
        timed(similarity, "normalised_texts", "clusters: texts normalised")
        timed(similarity, "_canonical_words", "clusters: canonical words")
        timed(similarity, "_judged", "clusters: pairs judged at once")
        timed(near_duplicate, "_cluster_members", "clusters: spread over the members")
        timed(near_duplicate, "quote_many", "quotes")
        timed(similarity.TextClusters, "spelled_out", "containment: words spelled out")
        timed(similarity.Containment, "of_arrays", "containment: built from arrays")
        timed(near_duplicate.NearDuplicate, "_cluster_findings", "clusters: findings (members too)")
        timed(similarity.Containment, "__init__", "containment: built")
        timed(similarity.Containment, "within_arrays", "containment: within")
        timed(near_duplicate, "_families", "containment: indicator families")
        timed(near_duplicate.NearDuplicate, "_contained", "containment: in all, findings too", generator=True)
        rule = registry["near-duplicate"]
        times = []
        for _ in range(rounds):
            tv.cache.clear()
            tv.cache.update(memo)
            spent.clear()
            started = time.process_time()
            found = list(rule.check(context("near-duplicate")))
            times.append(time.process_time() - started)
    print(f"near-duplicate on {path}: {len(found)} findings; CPU " + ", ".join(f"{t:.2f} s" for t in times))
    for label, seconds in sorted(spent.items()):
        print(f"    {label:<50} {seconds:6.2f} s  (last round)")


def calibrate() -> float:
    started = time.perf_counter()
    total = 0
    for i in range(10**7):
        total += i
    return time.perf_counter() - started


if __name__ == "__main__":
    if sys.argv[1:2] == ["--pemda"]:
        pemda(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 3)
        sys.exit()
    sizes = [int(a) for a in sys.argv[1:]] or [10_000, 100_000]
    print(f"machine: a loop of 10^7 additions takes {calibrate():.2f} s")
    for size in sizes:
        run(size)
