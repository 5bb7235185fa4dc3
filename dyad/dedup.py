"""Near-duplicate articles: syndicated copies and re-publications stored once.

Each cleaned article gets a MinHash signature (datasketch, 128 permutations) of its
5-word shingles; an LSH index finds earlier articles whose estimated Jaccard similarity is
at least the threshold (0.8 by default: an edited wire copy scores about 0.94, two
reports of the same event by different outlets far less). A near-duplicate is not parsed
again: it becomes one more *report* (outlet, URL) of the article first stored.

Signatures are kept in the store, so that the index covers every article ever ingested.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SCHEME = "affine32"  # datasketch 2's permutation scheme, 32-bit values: 512 bytes a signature
SHINGLE_WORDS = 5
_WORD = re.compile(r"\w+")


def signature(text: str) -> MinHash:
    words = _WORD.findall(text.lower())
    shingles = {" ".join(words[i:i + SHINGLE_WORDS])
                for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    minhash.update_batch([s.encode("utf-8") for s in shingles])
    return minhash


def to_bytes(minhash: MinHash) -> bytes:
    return minhash.hashvalues.astype(np.uint32).tobytes()


def from_bytes(data: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, scheme=SCHEME, hashvalues=np.frombuffer(data, dtype=np.uint32))


class NearDuplicates:
    """The LSH index of the stored articles, growing as new ones are accepted."""

    def __init__(self, threshold: float, stored: Iterable[tuple[str, bytes]] = ()):
        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.signatures: dict[str, MinHash] = {}
        for doc_id, data in stored:
            self._add(doc_id, from_bytes(data))

    def _add(self, doc_id: str, minhash: MinHash) -> None:
        if doc_id not in self.signatures:
            self.lsh.insert(doc_id, minhash)
            self.signatures[doc_id] = minhash

    def original_of(self, doc_id: str, text: str) -> tuple[str | None, float, MinHash]:
        """(the stored article this text nearly duplicates, or None; their similarity; the
        text's signature). The LSH candidates are checked against the threshold with their
        signatures, and the most similar wins."""
        minhash = signature(text)
        scored = [(self.signatures[c].jaccard(minhash), c) for c in self.lsh.query(minhash) if c != doc_id]
        best = max((pair for pair in scored if pair[0] >= self.threshold), default=(0.0, None))
        return best[1], best[0], minhash

    def accept(self, doc_id: str, minhash: MinHash) -> None:
        self._add(doc_id, minhash)
