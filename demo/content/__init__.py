"""The demo site, one module per area; each exposes build(stdout) and reset()."""
