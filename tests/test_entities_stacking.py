"""The second-stage (stacked) tagger: document features, folds, training and loading."""

from __future__ import annotations

from pathlib import Path

from marsad.entities import crf, stacking


def test_document_features_carry_other_occurrences() -> None:
    doc = [["قال", "دينامو", "كييف", "إن"], ["فاز", "دينامو", "كييف", "على", "بنفيكا"]]
    first = [["O", "B-ORG", "I-ORG", "O"], ["O", "O", "B-LOC", "O", "O"]]
    feats = stacking.doc_features(doc, first)
    second = feats[1]
    assert "dmaj=ORG" in second[1] and "dtag=B-ORG" in second[1]  # «دينامو» was an ORG in sentence 1
    assert "s1=O" in second[1] and "s1+1=B-LOC" in second[1]  # its own first-pass tag and its neighbours'
    assert "dsup=ORG" in second[2]  # «كييف» sits in a longer ORG elsewhere
    assert not any(f.startswith(("dmaj=", "dtag=")) for f in second[4])  # «بنفيكا» occurs once, untagged


def test_document_keys_strip_clitics_and_skip_short_words() -> None:
    assert stacking.doc_key("والبنتاغون") == stacking.doc_key("البنتاغون") == "بنتاغون"
    assert stacking.doc_key("و") == "" and stacking.doc_key("2015") == ""


def test_folds_interleave_blocks_of_whole_documents() -> None:
    size = stacking.WINDOW * stacking.FOLD_BLOCK
    folds = stacking.fold_of(size * stacking.FOLDS * 2)
    assert set(folds) == set(range(stacking.FOLDS))
    assert folds[0] == folds[size - 1] == 0 and folds[size] == 1
    assert folds[size * stacking.FOLDS] == 0  # the second round starts again at fold 0


def test_two_stages_train_load_and_tag(tmp_path: Path) -> None:
    sentences = [[("زار", "O"), ("بوتين", "B-PER"), ("موسكو", "B-LOC")],
                 [("قال", "O"), ("الكرملين", "B-ORG"), ("إن", "O")]] * 60  # two blocks of documents: two folds
    first = tmp_path / "m.crfsuite"
    crf.train(sentences, first, params={"max_iterations": 20})
    crf.train_stack(sentences, crf.stack_path(first), tags=crf.cross_tags(sentences, folds=2, work=tmp_path))
    tagger = crf.load(first)
    assert tagger.stacked
    tags = tagger.tag_document([["زار", "بوتين", "موسكو"], ["قال", "الكرملين", "إن"]])
    assert [len(t) for t in tags] == [3, 3] and all(t in {"O", "B-PER", "B-LOC", "B-ORG", "I-PER"} for s in tags for t in s)
    assert tagger.tag([]) == []
