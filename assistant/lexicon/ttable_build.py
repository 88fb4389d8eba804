"""Build the lexical translation table from open Hindi–English parallel text.

Sources (``../shared/data/parallel`` and ``../shared/data/eval`` next to the repository):
Debian's Hindi user-interface catalogs, Tatoeba, and the TRAINING (odd-numbered) halves of
FLORES dev and UD PUD are aligned together; the user-interface counts go into
``ttable-ui.tsv.gz`` and the prose counts into ``ttable.tsv.gz``, because the reader weighs
them differently (``ttable.py``). The crowdsourced Wikipedia translations (CC BY-SA 3.0, not
GPL-compatible) are aligned on their own and go into ``ttable-wikipedia.tsv.gz``, so nothing
derived from them mixes with the GPL data.

Each pair is tokenized (Devanagari words by the Devanagari block; English words lower-cased
and lemmatized), aligned in both directions by ``wordalign`` and the links intersected.
Counts are kept for the Hindi form and for its lemma (the analyser's best reading), then
pruned (a minimum count, the most frequent English words per Hindi key). Output lines:

  ``H kind hindi aligned sentences`` — links of a Hindi key (kind ``f`` form, ``l`` lemma,
  ``cl``/``cr`` a form with its left/right neighbour, "से पहले", kept only where the
  neighbour changes the translation), weighted, and the number of distinct Hindi sentences
  they come from (the evidence)
  ``E english aligned`` — links of an English lemma
  ``P kind hindi english count`` — links between the two
  ``K hindi before occurrences`` — in how many sentences the form stands right before a
  form of करना, and in how many it occurs at all (the noun of a conjunct verb)
  ``U hindi english count occurrences`` — two adjacent Hindi forms (space-separated) that
  both align to one English word (हवाई अड्डे – airport) in ``count`` distinct Hindi
  sentences, out of the ``occurrences`` distinct sentences that hold the two forms

The news-like sources (FLORES, PUD, Tatoeba) count more than the user-interface strings,
whose senses are skewed to software (स्थापित "install" rather than "establish"); the
user-interface counts are also kept apart, so that prose evidence, where there is any,
outweighs them.
"""

from __future__ import annotations

import gzip
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import LexiconError
from assistant.evaluate.heldout import flores_pairs, pud_pairs
from assistant.lexicon.english import english_lemma
from assistant.lexicon.keys import norm
from assistant.lexicon.tables import write_table
from assistant.lexicon.wordalign import align_both

FORMAT_HEADER = "#assistant-translation-table\t2"
DATA_DIR = Path(__file__).resolve().parent / "data"
TABLE_FILE = DATA_DIR / "ttable.tsv.gz"
WIKIPEDIA_TABLE_FILE = DATA_DIR / "ttable-wikipedia.tsv.gz"
UI_TABLE_FILE = DATA_DIR / "ttable-ui.tsv.gz"
DEFAULT_PARALLEL = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "parallel"
DEFAULT_EVAL = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "eval"
MIN_COUNT = 2
TOP_K = 8
# a form next to a neighbour (kinds "cl": "left form", "cr": "form right") is kept only
# when seen in this many sentences and its translation differs from the form's usual one
CONTEXT_KINDS = ("cl", "cr")
# forms of the light verbs: a word before one of them may be the noun of a conjunct verb
LIGHT_FORMS = {light: frozenset(norm(f) for f in forms) for light, forms in {
    "करना": ("करना", "करने", "करनी", "कर", "करता", "करते", "करती", "करतीं", "किया", "किए", "किये",
             "की", "कीं", "करें", "करेगा", "करेगी", "करेंगे", "करेंगी", "करूँगा", "करूंगा", "करो",
             "करके"),
    "होना": ("होना", "होने", "होनी", "हो", "होता", "होते", "होती", "हुआ", "हुए", "हुई", "हुईं",
             "होगा", "होगी", "होंगे", "होंगी", "हों"),
    "देना": ("देना", "देने", "देनी", "देता", "देते", "देती", "दिया", "दिए", "दिये", "दी", "दीं",
             "देगा", "देगी", "देंगे", "दें"),
    "लेना": ("लेना", "लेने", "लेनी", "लेता", "लेते", "लेती", "लिया", "लिए", "लिये", "ली", "लीं",
             "लेगा", "लेगी", "लेंगे", "लें"),
}.items()}
KARNA_FORMS = LIGHT_FORMS["करना"]
_LIGHT_ANY = frozenset().union(*LIGHT_FORMS.values())
CONTEXT_MIN_SENTENCES = 4
CONTEXT_TOP_K = 3
# a unit: its two words align to one English word this often, in this share of its occurrences
UNIT_MIN_COUNT = 3
UNIT_MIN_SHARE = 0.4
DEBIAN_WEIGHT, TATOEBA_WEIGHT, NEWS_WEIGHT = 1, 3, 6
WIKIPEDIA_WEIGHT = 2  # per English version: four versions of each sentence
_HINDI_WORD = re.compile("[\u0900-\u0963\u0971-\u097f]+")
_ENGLISH_WORD = re.compile(r"[a-z]+")
_NEGATION = re.compile(r"n't\b")
# markup, entities and format placeholders inside user-interface strings
_MARKUP = re.compile(r"<[^>]*>|&[#\w]+;|%\(\w+\)[a-z]|%\d*\$?[a-z]|\{\w*\}|\$\w+|\\[nt]")

Pairs = list[tuple[str, str]]
Counts = tuple[Counter, Counter, Counter, Counter, Counter]
_NOTHING: Counts = (Counter(), Counter(), Counter(), Counter(), Counter())


def hindi_tokens(text: str) -> list[str]:
    """The Devanagari words of a text in canonical spelling (danda and digits aside)."""
    return _HINDI_WORD.findall(norm(_MARKUP.sub(" ", text)))


def english_tokens(text: str) -> list[str]:
    """The English words of a text as lower-case lemmas (numbers and markup aside; "don't"
    is "do not", never a word "don")."""
    text = _MARKUP.sub(" ", text).lower().replace("’", "'")
    text = _NEGATION.sub(" not", text.replace("won't", "will not").replace("can't", "can not"))
    return [english_lemma(w) for w in _ENGLISH_WORD.findall(text)]


def _lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise LexiconError(f"Cannot read {path}: {err}.",
                           "Pass --parallel and --eval pointing at the shared data folders.") from None


def debian_pairs(parallel: Path) -> Pairs:
    path = parallel / "debian-ui-hi" / "pairs.tsv.gz"
    try:
        text = gzip.decompress(path.read_bytes()).decode("utf-8")
    except OSError as err:
        raise LexiconError(f"Cannot read {path}: {err}.", "Pass --parallel PATH.") from None
    out = []
    for line in text.splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) >= 4:
            out.append((cols[3], cols[2]))
    return out


def wikipedia_pairs(parallel: Path) -> Pairs:
    """Each Hindi sentence once per English version (four per sentence)."""
    folder = parallel / "wikipedia-mturk-hi-en"
    out = []
    for split in ("dev", "devtest", "test"):
        hindi = _lines(folder / f"{split}.hi-en.hi")
        for version in range(4):
            english = _lines(folder / f"{split}.hi-en.en.{version}")
            out.extend(zip(hindi, english, strict=False))
    return out


def tatoeba_pairs(eval_dir: Path) -> Pairs:
    folder = eval_dir / "tatoeba"
    hindi = _lines(folder / "tatoeba-test-v2021-08-07.hin")
    english = _lines(folder / "tatoeba-test-v2021-08-07.eng")
    return list(zip(hindi, english, strict=False))


def training_pairs(eval_dir: Path) -> Pairs:
    """The odd-numbered (training) sentences of FLORES dev and UD PUD."""
    flores = flores_pairs(False, eval_dir / "flores200-dev" / "hin_Deva.dev",
                          eval_dir / "flores200-dev" / "eng_Latn.dev")
    pud = pud_pairs(False, eval_dir / "ud-pud" / "hi_pud-ud-test.conllu",
                    eval_dir / "ud-pud" / "en_pud-ud-test.conllu")
    return [(p.hindi, p.english) for p in (*flores, *pud)]


@dataclass(frozen=True)
class Aligned:
    """Tokenized sentence pairs with their links in both directions: aligned once, counted
    once per lexicon that lemmatizes them."""

    hindi: list[list[str]]
    english: list[list[str]]
    weights: list[int]
    domains: list[str]
    links: list
    reverse: list


def align_pairs(pairs: Iterable[tuple[str, str, int] | tuple[str, str, int, str]]) -> Aligned:
    """Tokenize (hindi, english, weight[, domain]) pairs and align them all together (a
    domain's counts profit from the others' text; the default domain is "")."""
    hindi, english, weights, domains = [], [], [], []
    for hi, en, weight, *domain in pairs:
        h, e = hindi_tokens(hi), english_tokens(en)
        if h and e and len(h) <= 80 and len(e) <= 80:
            hindi.append(h)
            english.append(e)
            weights.append(weight)
            domains.append(domain[0] if domain else "")
    links, reverse = align_both(hindi, english)
    return Aligned(hindi, english, weights, domains, links, reverse)


def count_aligned(aligned: Aligned, lemma_of: dict[str, str] | None = None,
                  lemmatize: Callable[[str], str] | None = None) -> dict[str, Counts]:
    """Per domain: aligned (kind, hindi, english) counts, per-English-lemma link counts,
    (bigram, english) unit counts, bigram occurrences and per-(kind, hindi) distinct
    sentences."""
    cache: dict[str, str] = lemma_of if lemma_of is not None else {}
    out: dict[str, Counts] = {}
    for name in sorted(set(aligned.domains)):
        chosen = [k for k, d in enumerate(aligned.domains) if d == name]
        out[name] = _counts([aligned.hindi[k] for k in chosen], [aligned.english[k] for k in chosen],
                            [aligned.weights[k] for k in chosen], [aligned.links[k] for k in chosen],
                            [aligned.reverse[k] for k in chosen], cache, lemmatize)
    return out


def _counts(hindi: list[list[str]], english: list[list[str]], weights: list[int],
            links: list, reverse: list, cache: dict[str, str],
            lemmatize: Callable[[str], str] | None) -> Counts:
    pair_counts: Counter = Counter()
    english_counts: Counter = Counter()
    # units are counted in distinct Hindi sentences: the Wikipedia part repeats each
    # sentence with four translations, and one odd sentence must not make a unit
    unit_seen: dict[tuple[str, str], set[str]] = {}
    bigram_seen: dict[str, set[str]] = {}
    key_seen: dict[tuple[str, str], set[int]] = {}
    sentence_ids: dict[str, int] = {}
    for h, e, weight, sentence_links, backward in zip(hindi, english, weights, links, reverse, strict=True):
        number = sentence_ids.setdefault(" ".join(h), len(sentence_ids))
        for i, j in sentence_links:
            form = h[i]
            if form not in cache:
                cache[form] = lemmatize(form) if lemmatize else form
            keys = [("f", form), ("l", cache[form])]
            if i:
                keys.append(("cl", f"{h[i - 1]} {form}"))
            if i + 1 < len(h):
                keys.append(("cr", f"{form} {h[i + 1]}"))
            for key in keys:
                pair_counts[(*key, e[j])] += weight
                key_seen.setdefault(key, set()).add(number)
            english_counts[e[j]] += weight
        target_of = dict(backward)
        sentence = " ".join(h)
        for i in range(len(h) - 1):
            if i in target_of and target_of[i] == target_of.get(i + 1):
                bigram = f"{h[i]} {h[i + 1]}"
                unit_seen.setdefault((bigram, e[target_of[i]]), set()).add(sentence)
                bigram_seen[bigram] = set()
    light: dict[str, set[str]] = {}
    for h in hindi:
        sentence = " ".join(h)
        for i in range(len(h) - 1):
            bigram = f"{h[i]} {h[i + 1]}"
            if bigram in bigram_seen:
                bigram_seen[bigram].add(sentence)
            if h[i + 1] in KARNA_FORMS:
                light.setdefault(h[i], set()).add(sentence)
    occurring: dict[str, set[str]] = {}
    for h in hindi:
        sentence = " ".join(h)
        for word in set(h) & light.keys():
            occurring.setdefault(word, set()).add(sentence)
    unit_counts = Counter({key: len(found) for key, found in unit_seen.items()})
    bigrams = Counter({key: len(found) for key, found in bigram_seen.items()})
    evidence = Counter({key: len(found) for key, found in key_seen.items()})
    # a form's sentences before करना and all its sentences, both as distinct Hindi sentences
    evidence.update({("k", word): len(found) for word, found in light.items()})
    evidence.update({("o", word): len(found) for word, found in occurring.items()})
    return pair_counts, english_counts, unit_counts, bigrams, evidence


def table_lines(pair_counts: Counter, english_counts: Counter, unit_counts: Counter,
                bigrams: Counter, evidence: Counter) -> list[str]:
    """Pruned, sorted lines of one table file."""
    totals: Counter = Counter()
    by_key: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for (kind, hi, en), count in pair_counts.items():
        totals[(kind, hi)] += count
        by_key.setdefault((kind, hi), []).append((count, en))
    lines, used_english = [], set()
    for (kind, hi), candidates in sorted(by_key.items()):
        kept = sorted((c for c in candidates if c[0] >= MIN_COUNT), key=lambda c: (-c[0], c[1]))[:TOP_K]
        if kind == "cr" and hi.split(" ")[1] in _LIGHT_ANY:
            # a noun before a light verb: the conjunct verb's own translations (जारी किया
            # "released" though जारी alone is "continuing"), kept from fewer sentences
            if evidence[(kind, hi)] < MIN_COUNT:
                continue
        elif kind in CONTEXT_KINDS:
            form = hi.split(" ")[1 if kind == "cl" else 0]
            overall = by_key.get(("f", form), [])
            if (not kept or evidence[(kind, hi)] < CONTEXT_MIN_SENTENCES
                    or kept[0][1] == min(overall, key=lambda c: (-c[0], c[1]), default=(0, ""))[1]):
                continue  # rare, or saying what the form alone says: nothing to learn
            kept = kept[:CONTEXT_TOP_K]
        if not kept:
            continue
        lines.append(f"H\t{kind}\t{hi}\t{totals[(kind, hi)]}\t{evidence[(kind, hi)]}")
        for count, en in kept:
            lines.append(f"P\t{kind}\t{hi}\t{en}\t{count}")
            used_english.add(en)
    lines.extend(f"E\t{en}\t{english_counts[en]}" for en in sorted(used_english))
    for (bigram, en), count in sorted(unit_counts.items()):
        if count >= UNIT_MIN_COUNT and count >= UNIT_MIN_SHARE * bigrams[bigram]:
            lines.append(f"U\t{bigram}\t{en}\t{count}\t{bigrams[bigram]}")
    for (kind, word), count in sorted(evidence.items()):
        if kind == "k" and count >= MIN_COUNT:
            lines.append(f"K\t{word}\t{count}\t{evidence[('o', word)]}")
    return lines


def _lemmatizer(lexicon_path: Path | None):
    from assistant.lexicon.build import DATA_FILE as LEXICON_FILE
    from assistant.lexicon.store import read_lexicon

    # read afresh, never the per-process copy: a full build rewrites the file between tables
    lexicon = read_lexicon(Path(lexicon_path) if lexicon_path else LEXICON_FILE)

    def lemma(form: str) -> str:
        analyses = lexicon.analyse(form)
        return analyses[0].lemma if analyses else form

    return lemma


@dataclass(frozen=True)
class AlignedSources:
    """Every source aligned: the GPL-compatible text (domains "ui" and "prose") and the
    Wikipedia translations, aligned on their own."""

    main: Aligned
    wikipedia: Aligned


def align_sources(parallel: Path | None = None, eval_dir: Path | None = None,
                  limit: int | None = None) -> AlignedSources:
    """Read and align every source; ``limit`` caps the pairs per source (quick test builds)."""
    parallel = Path(parallel) if parallel else DEFAULT_PARALLEL
    eval_dir = Path(eval_dir) if eval_dir else DEFAULT_EVAL
    sources = [(debian_pairs(parallel), DEBIAN_WEIGHT, "ui"),
               (tatoeba_pairs(eval_dir), TATOEBA_WEIGHT, "prose"),
               (training_pairs(eval_dir), NEWS_WEIGHT, "prose")]
    main = [(hi, en, weight, domain) for source, weight, domain in sources for hi, en in source[:limit]]
    wiki = [(hi, en, WIKIPEDIA_WEIGHT) for hi, en in wikipedia_pairs(parallel)[:limit]]
    return AlignedSources(align_pairs(main), align_pairs(wiki))


def write_tables(aligned: AlignedSources, out_dir: Path | None = None,
                 lexicon_path: Path | None = None) -> tuple[Path, Path, Path]:
    """Count ``aligned`` with Hindi lemmatized by the lexicon at ``lexicon_path`` (default:
    the committed one) and write the three table files (prose, Wikipedia, user interface)."""
    out_dir = Path(out_dir) if out_dir else DATA_DIR
    lemmatize = _lemmatizer(lexicon_path)
    cache: dict[str, str] = {}
    prose_out, wiki_out = out_dir / TABLE_FILE.name, out_dir / WIKIPEDIA_TABLE_FILE.name
    ui_out = out_dir / UI_TABLE_FILE.name
    counted = count_aligned(aligned.main, cache, lemmatize)
    counted |= {"wikipedia": count_aligned(aligned.wikipedia, cache, lemmatize).get("", _NOTHING)}
    for domain, path in (("prose", prose_out), ("wikipedia", wiki_out), ("ui", ui_out)):
        write_table([FORMAT_HEADER, *table_lines(*counted.get(domain, _NOTHING))], path)
    return prose_out, wiki_out, ui_out


def build_translation_table(parallel: Path | None = None, eval_dir: Path | None = None,
                            out_dir: Path | None = None, limit: int | None = None,
                            lexicon_path: Path | None = None) -> tuple[Path, Path, Path]:
    """Build the three table files, lemmatizing Hindi with the lexicon at ``lexicon_path``
    (default: the committed one); ``limit`` caps the pairs per source."""
    return write_tables(align_sources(parallel, eval_dir, limit), out_dir, lexicon_path)
