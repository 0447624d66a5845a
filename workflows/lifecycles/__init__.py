"""The lifecycles the engine runs, each a :class:`~workflows.engine.machine.Machine` table."""
