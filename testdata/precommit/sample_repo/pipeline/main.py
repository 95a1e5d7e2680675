"""Entry point of the sample pipeline (not read by beamcompat)."""
