"""The lexicon command line and the lexicon evaluation."""

from __future__ import annotations

from argparse import Namespace
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.evaluate import lexicon as lexicon_eval
from assistant.types import Gloss

CONLLU = """# sent_id = 1
# text = लड़कों ने पुतिन का स्वागत किया।
1\tलड़कों\tलड़का\tNOUN\tNN\t_\t2\tnsubj\t_\t_
2\tने\tने\tADP\tPSP\t_\t1\tcase\t_\t_
3\tपुतिन\tपुतिन\tPROPN\tNNP\t_\t5\tnmod\t_\t_
4\tका\tका\tADP\tPSP\t_\t3\tcase\t_\t_
5\tस्वागत\tस्वागत\tNOUN\tNN\t_\t6\tobj\t_\t_
6\tकिया\tकर\tVERB\tVM\t_\t0\troot\t_\tSpaceAfter=No
7\t।\t।\tPUNCT\tSYM\t_\t6\tpunct\t_\t_

"""


def test_lookup_prints_analyses(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lexicon", "lookup", "की", "लुकाशेंको"]) == 0
    out = capsys.readouterr().out
    assert "ADP" in out and "करना" in out
    assert "Lukashenko" in out


def test_build_without_sources_is_one_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lexicon", "build", "--shared", str(tmp_path), "--out", str(tmp_path / "x.gz")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: Source dictionaries not found")
    assert "Traceback" not in err


def test_evaluation_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    conllu = tmp_path / "tiny.conllu"
    conllu.write_text(CONLLU, encoding="utf-8")
    flores = tmp_path / "flores.txt"
    flores.write_text("लड़कों ने पुतिन का स्वागत किया।\nक्लिंटन ने ट्वीट और इंकजेट लिखे।\n", encoding="utf-8")
    english = tmp_path / "english.txt"
    english.write_text("The boys welcomed Putin.\nClinton wrote tweets and a diary.\n", encoding="utf-8")
    args = Namespace(conllu=conllu, flores=flores, english_conllu=tmp_path / "absent.conllu",
                     english_flores=english, tatoeba=tmp_path / "absent.hin",
                     english_tatoeba=tmp_path / "absent.eng", misses=3)
    assert lexicon_eval.run(args) == 0
    out = capsys.readouterr().out
    assert "NOUN+VERB+ADJ" in out
    assert "100.0%" in out  # every lemma agrees, the verb compared as a stem (करना ~ कर)
    assert "FLORES dev" in out
    # Clinton and tweet are in the reference, inkjet is not; PUD has no English here
    assert "FLORES dev: 3 glosses found by sound" in out and "66.7% of them occur" in out
    assert "UD Hindi PUD: " not in out
    assert "Tatoeba" not in out  # an absent optional corpus is left out


def test_evaluation_missing_file_is_an_input_error(tmp_path: Path) -> None:
    from assistant.errors import InputError

    with pytest.raises(InputError):
        lexicon_eval.evaluate_pud(tmp_path / "absent.conllu")


@pytest.mark.parametrize(("senses", "reference", "found"), [
    (("post",), "He posted it.", True),
    (("post",), "A postman came.", False),
    (("US",), "The U.S. Senate", True),
    (("trump", "Trump (name)"), "Trump said so.", True),
    (("Clinton",), "Mrs Clinton's view", True),
    (("band", "bend"), "A band played.", True),
])
def test_reference_check_of_sound_matches(senses: tuple[str, ...], reference: str, found: bool) -> None:
    gloss = Gloss("x", "x", "x", "x", "NOUN", senses=senses, borrowed=True)
    assert lexicon_eval.in_reference(gloss, reference) is found


@pytest.mark.parametrize(("lemma", "upos", "key"), [
    ("करना", "VERB", "कर"),
    ("कर", "VERB", "कर"),
    ("हैना", "VERB", "हो"),
    ("लड़का", "NOUN", "लडका"),  # nukta folded
])
def test_lemma_key_conventions(lemma: str, upos: str, key: str) -> None:
    assert lexicon_eval.lemma_key(lemma, upos) == key
