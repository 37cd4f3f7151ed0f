"""A rule pack (or the project configuration) may add level labels: `vocabulary: levels`.

An organisation that writes its levels its own way ("Sasaran Unggulan") names them once in its
configuration, and every command reads its cascades with them."""

import pytest
from click.testing import CliRunner

from kinerja_graph import api, config
from kinerja_graph.cli import cli
from kinerja_graph.errors import InputError, PolicyError

CASCADE = """\
organisation: {name: Kecamatan Uji}
nodes:
  - {id: T1, level: Tujuan, statement: Meningkatnya kualitas pelayanan publik}
  - {id: S1, parent: T1, level: Sasaran Unggulan, statement: Meningkatnya kepuasan masyarakat}
"""
TABLE = "Kode;Tingkat;Kinerja\n1;Tujuan;Meningkatnya A\n1.1;Sasaran Unggulan;Meningkatnya B\n"


@pytest.fixture
def project(tmp_path):
    (tmp_path / "kinerja.toml").write_text('rules_file = "pack.yaml"\n', encoding="utf-8")
    (tmp_path / "pack.yaml").write_text(
        "name: kabupaten\nvocabulary:\n  levels: {intermediate_outcome: [Sasaran Unggulan]}\n", encoding="utf-8"
    )
    (tmp_path / "pohon.yaml").write_text(CASCADE, encoding="utf-8")
    (tmp_path / "pohon.csv").write_text(TABLE, encoding="utf-8")
    return tmp_path


def test_without_the_pack_the_label_is_unknown(tmp_path):
    path = tmp_path / "pohon.yaml"
    path.write_text(CASCADE, encoding="utf-8")
    with pytest.raises(InputError, match="unknown level 'Sasaran Unggulan'"):
        api.load(str(path))


def test_the_project_pack_adds_the_label_for_yaml_and_tables(project):
    for name in ("pohon.yaml", "pohon.csv"):
        path = str(project / name)
        cascade = api.load(path, levels=api.levels_for(path))
        assert [n.level for n in cascade.nodes] == ["ultimate_outcome", "intermediate_outcome"]
    table = api.load(str(project / "pohon.csv"), levels=api.levels_for(str(project / "pohon.csv")))
    assert table.nodes[1].parents == ["1"]  # a table infers parents from the levels the pack names


def test_every_command_reads_with_the_project_labels(project):
    runner = CliRunner()
    yaml_path = str(project / "pohon.yaml")
    shown = runner.invoke(cli, ["show", yaml_path, "--lang", "en"])
    assert shown.exit_code == 0, shown.output
    checked = runner.invoke(cli, ["check", yaml_path, "--format", "json"])
    assert checked.exit_code in (0, 1) and '"unreadable": 0' in checked.output
    converted = runner.invoke(cli, ["convert", yaml_path, str(project / "out.json")])
    assert converted.exit_code == 0, converted.output
    assert '"level": "Sasaran Unggulan"' in (project / "out.json").read_text(encoding="utf-8")
    reported = runner.invoke(cli, ["report", yaml_path, "-o", str(project / "pohon.html"), "--no-diagram"])
    assert reported.exit_code in (0, 1) and "Meningkatnya kepuasan masyarakat" in (project / "pohon.html").read_text(
        "utf-8"
    )
    drawn = runner.invoke(cli, ["render", yaml_path, "-o", str(project / "pohon.dot")])
    assert drawn.exit_code == 0 and "kepuasan" in (project / "pohon.dot").read_text("utf-8")
    no_config = runner.invoke(cli, ["show", yaml_path, "--no-config"])
    assert no_config.exit_code == 2 and "unknown level 'Sasaran Unggulan'" in no_config.output


def test_a_pack_label_may_take_another_meaning(tmp_path):
    pack = tmp_path / "pack.yaml"
    pack.write_text("vocabulary:\n  levels: {output: [Sasaran Program]}\n", encoding="utf-8")
    levels = config.settings_from_pack(str(pack)).levels
    assert levels.resolve("sasaran program").id == "output"
    assert levels.resolve("Tujuan").id == "ultimate_outcome"  # the shipped labels stay


def test_an_unknown_level_id_in_a_pack_is_a_configuration_error(tmp_path):
    pack = tmp_path / "pack.yaml"
    pack.write_text("vocabulary:\n  levels: {strategic_outcome: [Sasaran Unggulan]}\n", encoding="utf-8")
    with pytest.raises(PolicyError) as err:
        config.settings_from_pack(str(pack))
    message = str(err.value)
    assert "vocabulary.levels" in message and "unknown level id 'strategic_outcome'" in message
    assert "intermediate_outcome" in message  # the valid ids are listed
