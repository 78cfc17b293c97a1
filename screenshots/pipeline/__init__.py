"""The screenshot pipeline: moto, tmux, scenes and the PNG renderer behind screenshots/generate."""
