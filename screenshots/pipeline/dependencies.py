"""Installs what the generator needs when it is missing: pyte and Pillow from
PyPI (`python3 -m pip install`), the DejaVu fonts from apt."""
import importlib.util
import os
import shutil
import subprocess
import sys

PYTHON_PACKAGES = {"pyte": "pyte", "PIL": "Pillow", "moto": "moto[server]"}
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"


def ensure():
    missing = [package for module, package in PYTHON_PACKAGES.items()
               if importlib.util.find_spec(module) is None]
    if missing:
        print(f"installing {', '.join(missing)} with pip", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", *missing], check=True)
        importlib.invalidate_caches()
    if not os.path.exists(FONT):
        if shutil.which("apt-get") is None:
            sys.exit(f"generate: {FONT} is missing; install the DejaVu fonts (fonts-dejavu-core)")
        print("installing fonts-dejavu-core with apt-get", file=sys.stderr)
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        subprocess.run([*sudo, "apt-get", "update", "-qq"], check=True)
        subprocess.run([*sudo, "apt-get", "install", "-y", "-qq", "fonts-dejavu-core"], check=True,
                       env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    if shutil.which("tmux") is None:
        sys.exit("generate: tmux is missing; install it (apt-get install tmux)")
