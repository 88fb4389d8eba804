"""A deterministic statistical word aligner for building the translation table.

IBM Model 1 with a diagonal prior (the model of fast_align: a word tends to align to
the word at the same relative position, with a fixed tension, and may align to NULL),
trained by EM in both directions and intersected. It is used instead of eflomal for
the committed table because eflomal's Gibbs sampler takes no seed: two runs on the same
input give different links, and the table must be byte-reproducible. Everything here is
vectorized with numpy over all (source word, target word) pairs of every sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

NULL_PRIOR = 0.08
TENSION = 4.0
ITERATIONS = 5
# plain IBM Model 1 first: a position prior from the start would lock in the diagonal
# before the word translation probabilities say anything (Hindi is verb-final)
WARM_UP = 4


@dataclass(frozen=True)
class _Pairs:
    """Every (source position, target position) pair of every sentence, flattened."""

    source_token: np.ndarray  # global index of the source token
    target_token: np.ndarray  # global index of the target token
    key: np.ndarray  # index of the (source word, target word) type pair
    key_source: np.ndarray  # per type pair: its source word id
    key_target: np.ndarray  # per type pair: its target word id
    diagonal: np.ndarray  # exp(-tension * |i/m - j/n|)


def _ids(sentences: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray, int]:
    """Word ids of all tokens (in first-seen order) and each sentence's start offset."""
    vocabulary: dict[str, int] = {}
    flat = [vocabulary.setdefault(w, len(vocabulary)) for s in sentences for w in s]
    offsets = np.zeros(len(sentences) + 1, dtype=np.int64)
    np.cumsum([len(s) for s in sentences], out=offsets[1:])
    return np.asarray(flat, dtype=np.int64), offsets, len(vocabulary)


def _pairs(source: Sequence[Sequence[str]], target: Sequence[Sequence[str]]) -> tuple[_Pairs, np.ndarray,
                                                                                        np.ndarray, int]:
    src_ids, src_off, _ = _ids(source)
    tgt_ids, tgt_off, tgt_vocab = _ids(target)
    src_tok, tgt_tok, diag = [], [], []
    for s in range(len(source)):
        m, n = int(src_off[s + 1] - src_off[s]), int(tgt_off[s + 1] - tgt_off[s])
        if not m or not n:
            continue
        i = np.repeat(np.arange(m), n)
        j = np.tile(np.arange(n), m)
        src_tok.append(src_off[s] + i)
        tgt_tok.append(tgt_off[s] + j)
        diag.append(np.exp(-TENSION * np.abs((i + 0.5) / m - (j + 0.5) / n)))
    source_token = np.concatenate(src_tok) if src_tok else np.zeros(0, dtype=np.int64)
    target_token = np.concatenate(tgt_tok) if tgt_tok else np.zeros(0, dtype=np.int64)
    diagonal = np.concatenate(diag) if diag else np.zeros(0)
    raw_key = src_ids[source_token] * tgt_vocab + tgt_ids[target_token]
    unique, key = np.unique(raw_key, return_inverse=True)
    pairs = _Pairs(source_token, target_token, key, unique // tgt_vocab, unique % tgt_vocab, diagonal)
    return pairs, src_ids, tgt_ids, tgt_vocab


def _direction(pairs: _Pairs, group: np.ndarray, groups: int, given: np.ndarray, null_words: np.ndarray,
               iterations: int) -> np.ndarray:
    """Train p(generated word | conditioning word) where each token of ``group`` (a target
    token in the forward direction) chooses one pair of its group or NULL; returns the
    posterior weight of each pair for the Viterbi step, and the NULL weight per group."""
    diagonal = pairs.diagonal / np.bincount(group, weights=pairs.diagonal, minlength=groups)[group]
    uniform = 1.0 / np.bincount(group, minlength=groups)[group]
    table = np.ones(len(pairs.key_source))
    vocabulary = int(null_words.max()) + 1 if len(null_words) else 1
    null_table = np.full(vocabulary, 1.0 / vocabulary)
    for iteration in range(WARM_UP + iterations + 1):
        prior = (1.0 - NULL_PRIOR) * (uniform if iteration < WARM_UP else diagonal)
        weight = table[pairs.key] * prior
        null_weight = NULL_PRIOR * null_table[null_words]
        if iteration == WARM_UP + iterations:
            return np.concatenate([weight, null_weight])
        total = np.bincount(group, weights=weight, minlength=groups) + null_weight
        posterior = weight / total[group]
        counts = np.bincount(pairs.key, weights=posterior, minlength=len(table))
        per_given = np.bincount(given, weights=counts)
        table = counts / per_given[given]
        null_counts = np.bincount(null_words, weights=null_weight / total, minlength=vocabulary)
        null_table = null_counts / max(null_counts.sum(), 1e-12)
    raise AssertionError("unreachable")


def _viterbi(weight: np.ndarray, group: np.ndarray, groups: int) -> np.ndarray:
    """A mask of the pairs that are the best choice of their group (and beat NULL)."""
    pair_weight, null_weight = weight[: len(group)], weight[len(group):]
    best = null_weight.copy()
    np.maximum.at(best, group, pair_weight)
    return (pair_weight >= best[group]) & (pair_weight > null_weight[group])


def align(source: Sequence[Sequence[str]], target: Sequence[Sequence[str]],
          iterations: int = ITERATIONS) -> list[list[tuple[int, int]]]:
    """Links (source position, target position) per sentence pair, the intersection of
    the two directions; deterministic for a given input."""
    return align_both(source, target, iterations)[0]


Links = list[list[tuple[int, int]]]


def align_both(source: Sequence[Sequence[str]], target: Sequence[Sequence[str]],
               iterations: int = ITERATIONS) -> tuple[Links, Links]:
    """The intersected links and the reverse direction's links (each source word's best
    target word, so several source words may share one: हवाई अड्डा – airport)."""
    if len(source) != len(target):
        raise ValueError("source and target must have the same number of sentences")
    pairs, src_ids, tgt_ids, _ = _pairs(source, target)
    links: list[list[tuple[int, int]]] = [[] for _ in source]
    reverse: list[list[tuple[int, int]]] = [[] for _ in source]
    if not len(pairs.key):
        return links, reverse
    src_count, tgt_count = len(src_ids), len(tgt_ids)
    # forward: each target token picks a source token; p(target word | source word)
    fwd = _direction(pairs, pairs.target_token, tgt_count, pairs.key_source, tgt_ids, iterations)
    # reverse: each source token picks a target token; p(source word | target word)
    rev = _direction(pairs, pairs.source_token, src_count, pairs.key_target, src_ids, iterations)
    backward = _viterbi(rev, pairs.source_token, src_count)
    both = _viterbi(fwd, pairs.target_token, tgt_count) & backward
    _, src_off, _ = _ids(source)
    _, tgt_off, _ = _ids(target)
    for mask, out in ((both, links), (backward, reverse)):
        sentence_of = np.searchsorted(src_off, pairs.source_token[mask], side="right") - 1
        for s, i, j in zip(sentence_of.tolist(), pairs.source_token[mask].tolist(),
                           pairs.target_token[mask].tolist(), strict=True):
            out[s].append((i - int(src_off[s]), j - int(tgt_off[s])))
    return links, reverse
