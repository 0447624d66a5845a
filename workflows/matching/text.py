"""Text similarity of a mentee's goals to a mentor's expertise, in Czech, German or English.

A small hand-made TF-IDF (no heavy dependency): tokens are case-folded, stripped of diacritics
(so "Fertigung"/"fertigung", "výzkum"/"vyzkum" agree), stop words of the three languages are
dropped, a short glossary maps common research words of cs/de to one English stem (so a German
goal can meet a Czech or English expertise), and words are cut to a 6-letter stem, which is
enough for the inflections of all three languages in practice. Vectors are L2-normalised, so the
similarity of two texts is a dot product (a sparse matrix product for whole cohorts).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence

import numpy as np
from scipy import sparse

STEM = 6

_STOP_TEXT = """
a an and are as at be but by for from how i in into is it my me of on or our so that the
their this to want we what which who will with would like about also more your can do
der die das und ich mich mir ein eine einen einem einer zu zum zur im mit von fur uber
wie wir sie es ist sind auf als auch am bei dass oder nicht mein meine meinen meinem
moechte mochte wunsche suche
v ve na do ze se si je jsem bych chci chtel chtela od po pro pri ke ktery
ktera ktere jak jako ale nebo take tak ten ta co muj moje mne mi
"""
STOP_WORDS = frozenset(_STOP_TEXT.split())

#: cs/de research words → one English stem, so texts in different languages can meet.
GLOSSARY = {
    "promot": "doctor",
    "doktor": "doctor",
    "phd": "doctor",
    "disert": "doctor",
    "forsch": "resear",
    "vyzkum": "resear",
    "publik": "public",
    "publiz": "public",
    "clanek": "public",
    "antrag": "grant",
    "antrage": "grant",
    "granty": "grant",
    "grantu": "grant",
    "fertig": "manufa",
    "vyroba": "manufa",
    "vyrobn": "manufa",
    "leicht": "lightw",
    "energi": "energy",
    "wasser": "hydrog",
    "vodik": "hydrog",
    "lernen": "learni",
    "uceni": "learni",
    "maschi": "machin",
    "stroj": "machin",
    "strojo": "machin",
    "kunstl": "artifi",
    "umela": "artifi",
    "umelou": "artifi",
    "liefer": "supply",
    "dodava": "supply",
    "nachha": "sustai",
    "udrzit": "sustai",
    "sicher": "securi",
    "bezpec": "securi",
    "medizi": "medica",
    "lekars": "medica",
    "sprach": "langua",
    "jazyk": "langua",
    "jazyky": "langua",
    "kariér": "career",
    "karier": "career",
    "kariera": "career",
    "industr": "indust",
    "prumys": "indust",
    "elektr": "electr",
}

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def fold(text: str) -> str:
    """Case-folded and without diacritics ("Bößl" → "bossl", "výzkum" → "vyzkum")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def tokens(text: str) -> list[str]:
    out = []
    for word in _WORD.findall(fold(text)):
        if len(word) < 3 or word in STOP_WORDS:
            continue
        stem = word[:STEM]
        out.append(GLOSSARY.get(word, GLOSSARY.get(stem, stem)))
    return out


def tfidf_rows(texts: Sequence[str], idf: dict[str, float], vocabulary: dict[str, int]):
    rows, cols, values = [], [], []
    for row, text in enumerate(texts):
        counts = Counter(t for t in tokens(text) if t in vocabulary)
        weights = {t: (1 + math.log(c)) * idf[t] for t, c in counts.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        for term, weight in weights.items():
            rows.append(row)
            cols.append(vocabulary[term])
            values.append(weight / norm)
    return sparse.csr_matrix(
        (np.asarray(values, dtype=np.float32), (rows, cols)),
        shape=(len(texts), max(len(vocabulary), 1)),
    )


def similarity_matrix(left: Sequence[str], right: Sequence[str]) -> np.ndarray:
    """Cosine similarity (0–1) of every left text to every right text, IDF over both sides."""
    documents = [set(tokens(t)) for t in (*left, *right)]
    frequency = Counter(term for doc in documents for term in doc)
    total = max(len(documents), 1)
    vocabulary = {term: i for i, term in enumerate(sorted(frequency))}
    idf = {term: math.log((1 + total) / (1 + df)) + 1 for term, df in frequency.items()}
    a = tfidf_rows(left, idf, vocabulary)
    b = tfidf_rows(right, idf, vocabulary)
    product = (a @ b.T).toarray()
    return np.clip(product, 0.0, 1.0).astype(np.float32)
