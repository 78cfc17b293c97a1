"""Preparations a scene can ask for before it starts (Scene.setup)."""


def run(name, endpoint, environment, programs):
    raise ValueError(f"unknown scene setup {name!r}")
