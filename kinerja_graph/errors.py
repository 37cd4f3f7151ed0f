"""Errors that reach the user as messages, never as tracebacks."""

from __future__ import annotations

# The exit codes of every command (kinerja_graph/engine.py says when each is given): here, at the bottom of the
# package, so that the command line knows them without importing the checker.
EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2


class KinerjaError(Exception):
    """Base of every error the CLI turns into a message and exit code 2."""


class PolicyError(KinerjaError):
    """A policy file in rules/ (or given with --rules) is malformed."""


class InputError(KinerjaError):
    """A cascade file cannot be read. Carries every problem found, each naming its place."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))

    @classmethod
    def one(cls, where: object, message: str) -> InputError:
        return cls([f"{where}: {message}"])
