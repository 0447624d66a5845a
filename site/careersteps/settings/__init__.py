"""Settings modules: ``base`` (development default), ``production`` and ``test``."""
