"""What a scene is: rolewiz's arguments and environment, a window size,
and the keys that bring it to the screen worth keeping."""
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Wait:
    """Wait until all `texts` are on screen, none of `absent` is (a spinner's
    "loading"), and the screen is still."""
    texts: tuple
    absent: tuple = ()
    # False for a screen that never stops moving (a spinner while applying).
    still: bool = True


@dataclass(frozen=True)
class Keys:
    """tmux key names, sent as keys: Tab, BTab, Enter, Down, Space, Escape, F1, C-c ..."""
    names: tuple


@dataclass(frozen=True)
class Type:
    """Literal text, typed as it is."""
    text: str


def wait(*texts, absent=(), still=True):
    return Wait(texts, (absent,) if isinstance(absent, str) else tuple(absent), still)


def keys(*names):
    return Keys(names)


def type_(text):
    return Type(text)


@dataclass(frozen=True)
class Scene:
    name: str
    arguments: tuple
    steps: tuple
    size: tuple = (100, 30)
    environment: dict = field(default_factory=dict)
    # Named preparations run against moto first (see pipeline/setups.py).
    setup: tuple = ()
    description: str = ""

    @property
    def expected(self):
        """The strings of the last wait: what the kept screen must show."""
        waits = [step for step in self.steps if isinstance(step, Wait)]
        return list(waits[-1].texts) if waits else []
