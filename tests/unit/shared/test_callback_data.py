"""The typed codecs of callback data: round trips, anchored patterns, refusals, 64 bytes."""

import enum
import re
from dataclasses import dataclass

import pytest

from bot.handlers.shared.callback_data import Codec, NoValue, any_pattern, parse_any


class Action(enum.StrEnum):
    VERIFY = "v"
    RETURN = "r"
    REOPEN = "rr"


@dataclass(frozen=True)
class Score:
    entry_id: int
    index: int
    value: int


@dataclass(frozen=True)
class Act:
    action: Action
    entry_id: int


@dataclass(frozen=True)
class Topic:
    topic: str


SCORE = Codec("jd:s", Score)
ACT = Codec("cm:a", Act)
TOPIC = Codec("bc:aud:topic", Topic)
NOW = Codec("bc:now", NoValue)


def test_pack_and_parse_round_trip() -> None:
    assert SCORE.pack(Score(12, 3, 85)) == "jd:s:12:3:85"
    assert SCORE.parse("jd:s:12:3:85") == Score(12, 3, 85)
    assert ACT.parse(ACT.pack(Act(Action.REOPEN, 7))) == Act(Action.REOPEN, 7)
    assert ACT.parse("cm:a:v:7") == Act(Action.VERIFY, 7)
    assert TOPIC.parse(TOPIC.pack(Topic("results"))) == Topic("results")
    assert NOW.pack(NoValue()) == "bc:now"
    assert NOW.parse("bc:now") == NoValue()


@pytest.mark.parametrize(
    "data",
    [
        None,
        "",
        "jd:s:12:3",  # a value missing
        "jd:s:12:3:85:1",  # one too many
        "jd:s:12:3:-5",
        "jd:s:1x:3:85",
        "xjd:s:12:3:85",
        "jd:s:12:3:85\n",
        "cm:a:q:7",  # not an action
        "bc:now:1",
        "bc:aud:topic:a b",
    ],
)
def test_anything_else_is_refused(data: str | None) -> None:
    for codec in (SCORE, ACT, TOPIC, NOW):
        assert codec.parse(data) is None
        assert not codec.matches(data)


def test_pattern_is_anchored_and_routes_the_same_data() -> None:
    assert SCORE.pattern.startswith("^") and SCORE.pattern.endswith(r"\Z")
    assert not re.match(SCORE.pattern, "jd:s:1:2:3\n")
    assert re.match(SCORE.pattern, "jd:s:1:2:3")
    assert not re.match(SCORE.pattern, "jd:s:1:2:3:4")
    both = any_pattern([SCORE, ACT])
    assert re.match(both, "jd:s:1:2:3") and re.match(both, "cm:a:r:9")
    assert not re.match(both, "cm:a:r:9jd:s:1:2:3")
    assert parse_any("cm:a:r:9", [SCORE, ACT]) == Act(Action.RETURN, 9)
    assert parse_any("cm:a:z:9", [SCORE, ACT]) is None


def test_values_a_button_cannot_carry_are_refused_when_packing() -> None:
    with pytest.raises(ValueError):
        SCORE.pack(Score(-1, 0, 0))
    with pytest.raises(ValueError):
        TOPIC.pack(Topic("has:colon"))
    with pytest.raises(ValueError):
        TOPIC.pack(Topic(""))


def test_over_64_bytes_is_refused() -> None:
    assert len(TOPIC.pack(Topic("a" * 51)).encode()) == 64
    with pytest.raises(ValueError, match="64 bytes"):
        TOPIC.pack(Topic("a" * 52))


def test_a_shape_with_other_types_is_a_programming_error() -> None:
    @dataclass(frozen=True)
    class Bad:
        ratio: float

    with pytest.raises(TypeError):
        Codec("x:bad", Bad)
    with pytest.raises(ValueError):
        Codec("Bad Prefix", NoValue)
