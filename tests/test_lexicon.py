"""The lexicon file: loading, damage handling, closed-class entries and reproducible builds."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from assistant.errors import LexiconError
from assistant.lexicon import DATA_FILE, build_lexicon, load_lexicon, loose, norm, read_lexicon
from assistant.lexicon.build import DEFAULT_SHARED, build_all
from assistant.lexicon.loanwords import LOANWORD_FILE, WORD_LIST
from assistant.lexicon.ttable import TranslationTable
from assistant.lexicon.ttable_build import DEFAULT_EVAL, DEFAULT_PARALLEL

needs_word_list = pytest.mark.skipif(not WORD_LIST.is_file(),
                                     reason="needs Debian's wamerican (scripts/install-system-deps.sh)")

TINY_DIX = """<?xml version="1.0" encoding="UTF-8"?>
<dictionary>
<pardefs>
  <pardef n="ध/ा__n_m">
    <e><p><l>ा</l><r>ा<s n="n"/><s n="m"/><s n="sg"/><s n="nom"/></r></p></e>
    <e><p><l>े</l><r>ा<s n="n"/><s n="m"/><s n="sg"/><s n="obl"/></r></p></e>
    <e><p><l>ों</l><r>ा<s n="n"/><s n="m"/><s n="pl"/><s n="obl"/></r></p></e>
  </pardef>
  <pardef n="बोल__vblex_tv">
    <e><p><l>ना</l><r><s n="vblex"/><s n="tv"/><s n="inf"/><s n="nom"/></r></p></e>
    <e><p><l>ा</l><r><s n="vblex"/><s n="tv"/><s n="perf"/><s n="m"/><s n="sg"/></r></p></e>
    <e r="RL"><p><l>ो</l><r><s n="vblex"/><s n="tv"/><s n="imp"/></r></p></e>
  </pardef>
</pardefs>
<section id="main" type="standard">
  <e lm="लड़का"><i>लड़क</i><par n="ध/ा__n_m"/></e>
  <e lm="बोल"><i>बोल</i><par n="बोल__vblex_tv"/></e>
</section>
</dictionary>
"""
TINY_FREEDICT = (
    "headword\tpos\tsense\thindi\texample\n"
    "boy\tN\t1\tलड़का | बालक\tThe boy ran.\n"
    "speak\tV\t1\tबोलना\tSpeak up.\n"
    "welcome\tV\t1\tस्वागत करना\tThey welcomed us.\n"
)
TINY_WIKTIONARY = (
    "# comment line\n"
    "boy {n} (young male) :: लड़का {m} /laṛkā/, छोकरा {m}\n"
    "Putin {prop} (surname) :: पुतिन /putin/\n"
)


def _tiny_shared(root: Path) -> Path:
    for rel, text in (("freedict-eng-hin/eng-hin.utf8.tsv", TINY_FREEDICT),
                      ("wiktionary-en-hi/en-hi-enwiktionary.txt", TINY_WIKTIONARY),
                      ("apertium-hin/apertium-hin.hin.dix", TINY_DIX)):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_committed_file_is_small_and_loads() -> None:
    # its load time is measured by scripts/bench_lexicon.py
    assert DATA_FILE.is_file()
    assert DATA_FILE.stat().st_size < 20_000_000
    lexicon = read_lexicon(DATA_FILE)
    assert lexicon.analyse("लड़कों")
    assert load_lexicon() is load_lexicon()


@pytest.mark.parametrize("content", [b"", b"not gzip at all", gzip.compress(b"wrong header\n"),
                                     gzip.compress(b"#assistant-hindi-lexicon\t1\nL\tonly-two\n")])
def test_damaged_file_raises_lexicon_error_with_rebuild_hint(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "lexicon.tsv.gz"
    path.write_bytes(content)
    with pytest.raises(LexiconError) as info:
        read_lexicon(path)
    assert "lexicon build" in str(info.value)


def test_missing_file_raises_lexicon_error(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="missing"):
        load_lexicon(tmp_path / "absent.tsv.gz")


def test_missing_sources_raise_lexicon_error(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="--shared"):
        build_lexicon(tmp_path, tmp_path / "out.tsv.gz")


@needs_word_list
def test_tiny_build_is_reproducible_and_usable(tmp_path: Path) -> None:
    shared = _tiny_shared(tmp_path / "shared")
    first = build_lexicon(shared, tmp_path / "a.tsv.gz").read_bytes()
    second = build_lexicon(shared, tmp_path / "b.tsv.gz").read_bytes()
    assert first == second
    lexicon = read_lexicon(tmp_path / "a.tsv.gz")
    boy = lexicon.analyse("लड़कों")[0]
    assert (boy.lemma, boy.pos, boy.gender, boy.number, boy.case) == ("लड़का", "NOUN", "m", "pl", "obl")
    assert lexicon.info("लड़का").senses[0] == "boy"
    assert lexicon.info("लड़का").roman == "laṛkā"
    assert lexicon.analyse("बोला")[0].lemma == "बोलना"
    # r="RL" entries only generate: बोलो is left to the suffix rules
    assert all(a.source == "rule" for a in lexicon.analyse("बोलो"))
    assert lexicon.info("स्वागत करना").senses == ("to welcome",)


def test_every_sense_build_keeps_what_the_sources_offer(tmp_path: Path) -> None:
    shared = _tiny_shared(tmp_path / "shared")
    senses = ("boy", "lad", "youngster", "kid", "son")
    (shared / "freedict-eng-hin/eng-hin.utf8.tsv").write_text(
        TINY_FREEDICT + "".join(f"{english}\tN\t1\tलड़का\t\n" for english in senses), encoding="utf-8")
    shipped = read_lexicon(build_lexicon(shared, tmp_path / "shipped.tsv.gz")).info("लड़का", "NOUN")
    every_path = build_lexicon(shared, tmp_path / "every.tsv.gz", every_sense=True)
    every = read_lexicon(every_path).info("लड़का", "NOUN")
    assert shipped is not None and every is not None
    assert len(shipped.senses) == 3
    assert set(senses) <= set(every.senses)
    assert every.senses[:3] == shipped.senses  # the same ranking, only longer


def test_a_verb_form_straying_into_another_paradigm_is_dropped(tmp_path: Path) -> None:
    from assistant.lexicon.apertium import read_apertium

    dix = tmp_path / "hin.dix"
    dix.write_text("""<?xml version="1.0" encoding="UTF-8"?>
<dictionary><pardefs/><section id="main" type="standard">
  <e><p><l>बोले</l><r>होना<s n="vblex"/><s n="prs"/><s n="p2"/><s n="sg"/></r></p></e>
  <e><p><l>बोले</l><r>बोल<s n="vblex"/><s n="perf"/><s n="m"/><s n="pl"/></r></p></e>
  <e><p><l>था</l><r>होना<s n="vblex"/><s n="past"/><s n="m"/><s n="sg"/></r></p></e>
</section></dictionary>
""", encoding="utf-8")
    # बोले is बोलना's own form; था is suppletive, the past of होना, and stays
    assert {(f.form, f.lemma) for f in read_apertium(dix)} == {("बोले", "बोलना"), ("था", "होना")}


def test_polite_imperatives_listed_without_a_tense_are_read_as_requests(tmp_path: Path) -> None:
    from assistant.lexicon.apertium import read_apertium

    dix = tmp_path / "hin.dix"
    dix.write_text("""<?xml version="1.0" encoding="UTF-8"?>
<dictionary><pardefs/><section id="main" type="standard">
  <e><p><l>दीजिए</l><r>दे<s n="vblex"/><s n="sg"/><s n="nt"/></r></p></e>
  <e><p><l>लीजिए</l><r>ले<s n="vbser"/><s n="pl"/><s n="nt"/></r></p></e>
  <e><p><l>दिए</l><r>दे<s n="vblex"/><s n="perf"/><s n="m"/><s n="pl"/></r></p></e>
</section></dictionary>
""", encoding="utf-8")
    found = {(f.form, f.lemma, f.pos, f.number, f.person, f.tense) for f in read_apertium(dix)}
    assert found == {("दीजिए", "देना", "VERB", "pl", "2", "imp"), ("लीजिए", "लेना", "VERB", "pl", "2", "imp"),
                     ("दिए", "देना", "VERB", "pl", None, "perf")}


@pytest.mark.slow
@needs_word_list
def test_full_build_is_reproducible_and_matches_committed_file(tmp_path: Path) -> None:
    if not DEFAULT_SHARED.is_dir():
        pytest.skip("shared lexicon sources not available")
    # The committed file was built in another process: equal bytes show the build is
    # reproducible and the committed data is current.
    fresh = build_lexicon(DEFAULT_SHARED, tmp_path / "a.tsv.gz").read_bytes()
    assert fresh == DATA_FILE.read_bytes(), "stale lexicon: run python -m assistant lexicon build"
    loans = (tmp_path / LOANWORD_FILE.name).read_bytes()
    assert loans == LOANWORD_FILE.read_bytes(), "stale loanword table: run python -m assistant lexicon build"


@pytest.mark.parametrize(("word", "lemma", "pos", "sense", "note_part"), [
    ("ने", "ने", "ADP", "(subject marker)", "transitive verb in the perfective"),
    ("को", "को", "ADP", "to", "object or the recipient"),
    ("की", "का", "ADP", "of", "agrees with the possessed noun"),
    ("उन्होंने", "वह", "PRON", "they", "ergative"),
    ("के बारे में", "के बारे में", "ADP", "about", "compound postposition"),
    ("थीं", "होना", "AUX", "were", "past"),
    ("दोनों", "दो", "NUM", "both", ""),
])
def test_closed_class_entries(word: str, lemma: str, pos: str, sense: str, note_part: str) -> None:
    entries = load_lexicon().closed_entries(word)
    assert entries, word
    entry = entries[0]
    assert (entry.analysis.lemma, entry.analysis.pos) == (lemma, pos)
    assert entry.info.senses[0] == sense
    assert note_part in entry.info.note


@pytest.mark.parametrize(("a", "b"), [
    ("\u095b", "ज\u093c"),  # precomposed za = decomposed
    ("हिंदी", "हिन्दी"),
    ("वहाँ", "वहां"),
    ("गये", "गए"),
    ("नयी", "नई"),
    ("सम्राट्", "सम्राट"),
])
def test_loose_keys_merge_spelling_variants(a: str, b: str) -> None:
    assert loose(a) == loose(b)


def test_norm_decomposes_nukta_and_drops_joiners() -> None:
    assert norm("\u095b\u200d") == "ज\u093c"


@pytest.mark.parametrize("text", [
    "\u095b\u092e\u0940\u0928", "ज\u093cमीन", "\u0929", "न\u093c", "हिंदी", "क़ानून", "\u0921\u093c\u0930",
])
def test_keys_match_the_segmenter_normalization(text: str) -> None:
    from assistant.text import normalize

    assert norm(text) == normalize(text).text


def test_supplement_fills_gaps_and_never_replaces_dictionary_senses() -> None:
    from assistant.lexicon.entries import LemmaInfo
    from assistant.lexicon.handwritten import read_supplement
    from assistant.lexicon.store import _fill_gaps

    lemmas = {
        "क": [LemmaInfo("क", "NOUN", "m", senses=("from a dictionary",))],
        "ख": [LemmaInfo("ख", "ADJ", None, roman="kh")],
    }
    _fill_gaps(lemmas, [
        LemmaInfo("क", "NOUN", None, senses=("hand-written",)),
        LemmaInfo("ख", "ADJ", None, senses=("filled",)),
        LemmaInfo("ग", "NOUN", "f", senses=("new",)),
    ])
    assert lemmas["क"][0].senses == ("from a dictionary",)
    assert lemmas["ख"][0].senses == ("filled",) and lemmas["ख"][0].roman == "kh"
    assert lemmas["ग"][0].senses == ("new",)
    supplement = read_supplement()
    assert len(supplement) > 100
    assert all(record.senses and record.pos for record in supplement)


@needs_word_list
@pytest.mark.skipif(not DEFAULT_PARALLEL.is_dir() or not DEFAULT_EVAL.is_dir(),
                    reason="shared parallel text not present")
def test_full_build_depends_on_its_sources_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The table is keyed by the lexicon's lemmas and the lexicon learns from the table: a
    # build seeded from the committed files drifted by one step each time it ran.
    import assistant.lexicon.build as build_module

    read_table = build_module.read_translation_table

    def only_given_files(*paths: tuple[Path, ...]) -> TranslationTable:
        assert paths, "the full build read the committed translation table"
        return read_table(*paths)

    monkeypatch.setattr(build_module, "read_translation_table", only_given_files)
    shared = _tiny_shared(tmp_path / "shared")
    outputs = []
    for name in ("a", "b"):
        out, tables = build_all(shared, tmp_path / name / "lexicon.tsv.gz", limit=400)
        outputs.append([p.read_bytes() for p in (out, *tables)])
    assert outputs[0] == outputs[1]
    assert read_lexicon(tmp_path / "a" / "lexicon.tsv.gz").info("लड़का").senses[0] == "boy"
