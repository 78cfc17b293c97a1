"""The screens worth a picture, one line each. A scene starts a program under tmux
in a window of `size`, plays its steps (waits for text, keys, typed text) and keeps
the screen the last wait saw as NAME.png, NAME.txt and NAME.ansi.

Steps: wait("text", ...) until all strings are on screen; keys("Tab", "Enter", ...)
in tmux key names; type_("text") literally. Environment entries are added to the
scene's base environment (moto endpoint, test credentials, TERM, UTF-8 locale).
"""
from pipeline.scene import Scene, keys, type_, wait

SCENES = [
    Scene("demo-form", "tui-demo", (), (wait("1 Name", "Items"), type_("l4e-role"), wait("l4e-role"))),
    Scene("demo-editor", "tui-demo", ("--screen", "editor"), (wait("Trust policy"),)),
    Scene("demo-help", "tui-demo", (), (wait("1 Name"), keys("F1"), wait("Open the JSON editor"))),
    Scene("demo-too-small", "tui-demo", (), (wait("Terminal too small"),), size=(30, 8)),
    Scene("demo-monochrome", "tui-demo", (), (wait("1 Name"),), environment={"NO_COLOR": "1"}),
]
