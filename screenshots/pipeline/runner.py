"""Plays scenes under a private tmux server against one moto server and writes
NAME.png, NAME.txt and NAME.ansi for each, plus manifest.json describing them."""
import json
import os
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from . import render, setups
from .moto import Moto
from .scene import Keys, Type, Wait
from .tmux import TmuxServer, terminal_type


def base_environment(moto_endpoint, home):
    """What every scene's program sees: moto, throwaway credentials, no AWS files
    of the developer's, no instance metadata, a UTF-8 locale and tmux's TERM."""
    return {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": home,
        "TERM": terminal_type(),
        "LANG": "C.UTF-8",
        "AWS_ENDPOINT_URL": moto_endpoint,
        "AWS_ACCESS_KEY_ID": "AKIDSCREENSHOTS",
        "AWS_SECRET_ACCESS_KEY": "screenshots-secret",
        "AWS_REGION": "us-east-1",
        "AWS_CONFIG_FILE": os.path.join(home, "aws-config"),
        "AWS_SHARED_CREDENTIALS_FILE": os.path.join(home, "aws-credentials"),
        "AWS_EC2_METADATA_DISABLED": "true",
    }


def play(pane, scene, trace=None):
    """Sends the scene's keys and text, waiting where it says."""
    started = time.monotonic()
    for step in scene.steps:
        if trace:
            trace(f"  {scene.name} +{time.monotonic() - started:.1f}s {step}")
        if isinstance(step, Wait):
            pane.wait_for(step.texts, step.absent, settle=0.25 if step.still else 0)
        elif isinstance(step, Keys):
            pane.send(*step.names)
        elif isinstance(step, Type):
            pane.type(step.text)


def shoot(server, scene, environment, rolewiz, moto_endpoint, trace=None):
    """Runs rolewiz for the scene under tmux and returns its kept screen and cursor."""
    columns, rows = scene.size
    with setups.prepared(scene.setup, moto_endpoint) as extra:
        pane = server.start(scene.name, [rolewiz, *scene.arguments],
                            {**environment, **extra, **scene.environment}, columns, rows)
        try:
            play(pane, scene, trace)
            return pane.capture(scene.expected), pane.cursor()
        finally:
            pane.kill()


def save(renderer, scene, capture, cursor, out):
    """Writes NAME.png, NAME.txt and NAME.ansi; returns the scene's manifest entry."""
    columns, rows = scene.size
    screen = renderer.screen(capture, columns, rows)
    base = os.path.join(out, scene.name)
    renderer.render(screen, base + ".png", cursor)
    with open(base + ".txt", "w", encoding="utf-8") as file:
        file.write(render.plain_text(screen))
    with open(base + ".ansi", "w", encoding="utf-8") as file:
        file.write(capture + "\n")
    width, height = renderer.image_size(columns, rows)
    return {"name": scene.name, "columns": columns, "rows": rows, "width": width, "height": height,
            "expect": scene.expected, "description": scene.description}


def lanes(scenes):
    """Scenes that prepare IAM state (Scene.setup) share `l4e-role`, so they run one
    after another in one lane; every other scene gets a lane of its own."""
    stateful = [scene for scene in scenes if scene.setup]
    return ([stateful] if stateful else []) + [[scene] for scene in scenes if not scene.setup]


def generate(scenes, rolewiz, out, jobs=3, trace=None, order=None):
    """Plays `scenes` (up to `jobs` lanes at once) and writes their files into `out`,
    and manifest.json: these scenes' entries merged into what it held for the
    others, for the scene names in `order` (default: just these), in that order."""
    os.makedirs(out, exist_ok=True)
    log = trace or (lambda line: print(line, file=sys.stderr))
    renderer = render.Renderer()
    server = TmuxServer(f"rolewiz-shots-{os.getpid()}")
    moto = Moto()
    entries = {}
    try:
        with tempfile.TemporaryDirectory(prefix="rolewiz-shots-home-") as home:
            environment = base_environment(moto.endpoint, home)
            rendering = threading.Lock()  # one FreeType face set, shared by the lanes

            def run(lane):
                for scene in lane:
                    started = time.monotonic()
                    capture, cursor = shoot(server, scene, environment, rolewiz, moto.endpoint, trace)
                    with rendering:
                        entries[scene.name] = save(renderer, scene, capture, cursor, out)
                    log(f"{scene.name}: {time.monotonic() - started:.1f}s")

            with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
                for future in [pool.submit(run, lane) for lane in lanes(scenes)]:
                    future.result()
    finally:
        server.stop()
        moto.stop()
    manifest_path = os.path.join(out, "manifest.json")
    if os.path.exists(manifest_path):
        with open(manifest_path, encoding="utf-8") as file:
            entries = {**{entry["name"]: entry for entry in json.load(file)}, **entries}
    names = order or [scene.name for scene in scenes]
    manifest = [entries[name] for name in names if name in entries]
    with open(manifest_path, "w", encoding="utf-8") as file:
        json.dump(manifest, file, indent=2)
        file.write("\n")
    return manifest
