"""The scoring rules of `dyad eval`, on hand-made gold and predictions."""

from __future__ import annotations

import pytest

from dyad.evaluate import EXTRA_REASONS, MISS_REASONS, EvalResult, LevelScore, _score, actor_key, match_count


@pytest.mark.parametrize("code, key", [("RUSGOVMIL", "RUSGOV"), ("RUS", "RUS"), ("IGOUNO", "IGOUNO"),
                                       ("JAPGOV", "JPNGOV"), ("---GOV", "---GOV"), (None, None)])
def test_actor_key_is_country_and_first_role(code, key):
    assert actor_key(code) == key


def test_levels_differ_in_what_they_compare():
    gold = [{"source": "USAGOV", "target": "IRN", "code": "111"}]
    assert match_count("root", gold, [("USAMIL", "IRNGOV", "112")]) == 1
    assert match_count("strict", gold, [("USAMIL", "IRN", "112")]) == 0
    assert match_count("strict", gold, [("USAGOV", "IRN", "112")]) == 1
    assert match_count("code3", gold, [("USAMIL", "IRNGOV", "112")]) == 0
    assert match_count("code3", gold, [("USAMIL", "IRNGOV", "1112")]) == 1
    assert match_count("exact", gold, [("USAMIL", "IRN", "111")]) == 0
    assert match_count("exact", gold, [("USAGOV", "IRN", "111")]) == 1


def test_null_gold_actor_matches_any_and_matching_is_one_to_one():
    gold = [{"source": None, "target": None, "code": "042"}]
    assert match_count("exact", gold, [("FRAGOV", "DEU", "042"), ("GBR", None, "042")]) == 1
    two = gold * 2
    assert match_count("exact", two, [("FRAGOV", "DEU", "042")]) == 1


def test_plain_igo_gold_matches_any_organisation():
    gold = [{"source": "IGO", "target": "SDN", "code": "020"}]
    assert match_count("root", gold, [("IGOUNO", "SDNGOV", "020")]) == 1
    assert match_count("root", gold, [("USA", "SDNGOV", "020")]) == 0


def test_missing_target_only_matches_missing_or_null():
    gold = [{"source": "FRA", "target": "DEU", "code": "040"}]
    assert match_count("root", gold, [("FRA", None, "040")]) == 0


def test_scores_from_counts():
    score = LevelScore(matched=3, predicted=4, gold=6)
    assert score.precision == 0.75 and score.recall == 0.5
    assert score.f1 == pytest.approx(0.6)
    assert score.extra_rate == pytest.approx(1 / 6)


def test_igo_with_a_sector_matches_any_organisation():
    gold = [{"source": "IGOMIL", "target": "BIH", "code": "074"}]
    assert match_count("root", gold, [("IGOWSTNAT", "BIH", "074")]) == 1


def test_each_unmatched_event_is_given_a_reason_at_the_root_level():
    result = EvalResult(gold_path="hand-made")
    meeting = {"source": "FRAGOV", "target": "DEUGOV", "code": "040"}
    _score(result, [meeting], [])  # nothing found
    _score(result, [meeting], [("DEUGOV", "FRAGOV", "040")])  # the other direction
    _score(result, [meeting], [("FRAGOV", "ITAGOV", "040")])  # another partner
    _score(result, [meeting], [("FRAGOV", "DEUGOV", "036")])  # another root
    _score(result, [], [("FRAGOV", "DEUGOV", "036")])  # nothing to find
    assert [result.misses[r] for r in MISS_REASONS] == [1, 1, 1, 1]
    # the swapped, other-partner and other-root predictions are extras too
    assert [result.extras[r] for r in EXTRA_REASONS] == [1, 2, 1]
    assert result.as_dict()["root_misses"][MISS_REASONS[1]] == 1
