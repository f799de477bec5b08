"""Train the tagger: python -m timeline.temporal.pos.train --ud DIR [--silver DIR] [--out FILE]

Gold data: the development parts of UD Dutch Alpino and LassySmall and LassySmall's test part
(Alpino's test part is kept for evaluation only). Silver data: files of Frog's tab-separated
output (word in the second column, then a CGN tag such as `WW(pv,verl,ev)`), if given.
With --holdout the Alpino development part is left out and scored instead.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
from collections import ChainMap, Counter, defaultdict
from pathlib import Path

from timeline.temporal.pos.conllu import sentences as conllu_sentences
from timeline.temporal.pos.features import OPENING, START, punctuation, advance, context, pair, static, word_class
from timeline.temporal.pos.model import Model
from timeline.temporal.pos.perceptron import Perceptron
from timeline.temporal.pos.score import score
from timeline.temporal.pos.tags import reduce
from timeline.temporal.pos.verbs import forms as verb_forms

GOLD = ("nl_alpino-ud-dev.conllu", "nl_lassysmall-ud-dev.conllu", "nl_lassysmall-ud-test.conllu")
HELD_OUT = "nl_alpino-ud-dev.conllu"
MODEL = Path(__file__).resolve().parent.parent / "lang" / "nl.pos.json.gz"


def gold(folder: Path, holdout: bool, held_out: str = HELD_OUT) -> list[tuple[list[str], list[str]]]:
    names = [n for n in GOLD if not (holdout and n == held_out)]
    return [split([(w, reduce(x)) for w, x in s]) for n in names for s in conllu_sentences(folder / n)]


def split(pairs):
    return [w for w, _ in pairs], [t for _, t in pairs]


def frog_tag(text: str) -> str:
    """Frog's `WW(pv,verl,ev)` as the treebanks' `WW|pv|verl|ev`."""
    head, _, inside = text.partition("(")
    return "|".join([head, *(p for p in inside.rstrip(")").split(",") if p)])


def silver(folder: Path) -> list[tuple[list[str], list[str]]]:
    found, pairs = [], []
    for path in sorted(folder.rglob("*.frog")):
        for line in path.read_text("utf-8").splitlines() + [""]:
            cols = line.split("\t")
            tag = next((c for c in cols[2:] if c.endswith(")") and "(" in c), None)
            if tag and cols[0].isdigit():
                pairs.append((cols[1], reduce(frog_tag(tag))))
            elif pairs:
                found.append(split(pairs))
                pairs = []
    return found


def counts_of(data) -> dict[str, Counter]:
    counts: dict[str, Counter] = defaultdict(Counter)
    for words, tags in data:
        for word, tag in zip(words, tags):
            counts[word][tag] += 1
    return counts


def word_tags(seen: Counter, share: float = 0.05) -> str:
    """The tags a word carries in at least `share` of its uses, as the lexicon writes them."""
    total = sum(seen.values())
    return "/".join(sorted(t for t, n in seen.items() if n > 0 and n >= share * total)) if total else ""


def lexicon_of(counts: dict[str, Counter]) -> tuple[dict[str, str], dict[str, str]]:
    """Word -> the tags it carries, and the frequent words that carry one tag only."""
    lexicon, fixed = {}, {}
    for word, seen in counts.items():
        lexicon[word] = word_tags(seen)
        top, n = seen.most_common(1)[0]
        if sum(seen.values()) >= 20 and n >= 0.995 * sum(seen.values()):
            fixed[word] = top
    return lexicon, fixed


def left_out(words, tags, counts, lexicon, listed) -> ChainMap:
    """The lexicon as it would be without this sentence, so that training meets unknown words as tagging does
    (a verb form of `verbs.forms` keeps its listed tags)."""
    own: dict[str, Counter] = defaultdict(Counter)
    for word, tag in zip(words, tags):
        own[word][tag] += 1
    keys = {k for w in words for k in (w, w.lower()) if k in own}
    return ChainMap({k: word_tags(counts[k] - own[k]) or listed.get(k, "") for k in keys}, lexicon)


def train(data, iterations: int, unique: int, seed: int = 7) -> dict:
    """Train on `data`, whose first `unique` sentences hold each sentence once (the rest repeat gold ones).
    The model's words of one tag are the frequent ones trained with, and also every word seen twice or more
    with one tag only: tagging skips them (faster, as accurate on the held-out part), but training must
    not, or it would lose the rare words it learns unknown words from."""
    counts = counts_of(data[:unique])
    lexicon, fixed = lexicon_of(counts)
    listed = {w: t for w, t in verb_forms().items() if w not in lexicon}
    lexicon = {**listed, **lexicon}
    tags = sorted({t for _, ts in data for t in ts})
    index = {t: i for i, t in enumerate(tags)}
    examples = []
    for words, ts in data:
        seen = left_out(words, ts, counts, lexicon, listed)
        examples.append((words, [index[t] for t in ts], static(words, seen), [word_class(w, seen) for w in words]))
    model = Perceptron(len(tags))
    rng = random.Random(seed)
    for iteration in range(iterations):
        rng.shuffle(examples)
        right = total = 0
        for words, truth, feats, classes in examples:
            before2 = before = START
            state = OPENING
            for i, word in enumerate(words):
                if word in fixed or punctuation(word):
                    guess = index[fixed.get(word) or punctuation(word)]
                else:
                    features = feats[i] + context(before2, before, classes[i], state) + pair(before, word)
                    guess = model.predict(features)
                    model.update(truth[i], guess, features)
                    right, total = right + (guess == truth[i]), total + 1
                before2, before, state = before, tags[guess], advance(state, word, tags[guess])
        print(f"iteration {iteration + 1}: {100 * right / max(total, 1):.2f}% of the scored words right")
    settled = {w: seen.most_common(1)[0][0] for w, seen in counts.items() if len(seen) == 1 and seen.total() >= 2}
    return {"tags": tags, "weights": model.averaged(), "lexicon": lexicon, "fixed": {**settled, **fixed}}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ud", type=Path, required=True, help="Folder with the UD Dutch CoNLL-U files.")
    parser.add_argument("--silver", type=Path, help="Folder with Frog output files (*.frog).")
    parser.add_argument("--gold-weight", type=int, default=2, help="How many times each gold sentence counts.")
    parser.add_argument("--iterations", type=int, default=10)
    parser.add_argument("--holdout", action="store_true", help="Leave Alpino's development part out and score it.")
    parser.add_argument("--holdout-file", default=HELD_OUT, choices=GOLD, help="With --holdout: the gold file left out.")
    parser.add_argument("--out", type=Path, help=f"Where to write the model (default {MODEL}, not with --holdout).")
    args = parser.parse_args(argv)
    once = gold(args.ud, args.holdout, args.holdout_file)
    data = once + (silver(args.silver) if args.silver else [])
    print(f"training on {len(data)} sentences, {sum(len(w) for w, _ in data)} words, gold ones {args.gold_weight} times")
    built = train(data + once * (args.gold_weight - 1), args.iterations, len(data))
    if args.holdout:
        result = score(Model(built).tag, conllu_sentences(args.ud / args.holdout_file))
        print("\n".join(result.lines()))
    out = args.out or (None if args.holdout else MODEL)
    if out:
        text = json.dumps(built, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        out.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
        print(f"wrote {out} ({out.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
