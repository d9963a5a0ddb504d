"""The exceptions stancegraph raises. Every message is one line a user can act on."""


class StanceGraphError(Exception):
    """Base class of every error stancegraph raises on purpose."""


class InputError(StanceGraphError):
    """An input file cannot be read as an article (empty, binary, malformed...)."""

    def __init__(self, path, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class ModelMissingError(StanceGraphError):
    """The spaCy model is not installed."""


class CodebookError(StanceGraphError):
    """A codebook file is missing, unparsable or incomplete.

    ``problems`` holds one line per problem (``FILE:LINE: what``) when there are several; the
    message is the first of them and how many there are."""

    def __init__(self, message: str, problems: tuple[str, ...] = ()):
        super().__init__(message)
        self.problems = tuple(problems)

    @classmethod
    def of(cls, path, problems) -> "CodebookError":
        lines = tuple(p.render(path) for p in problems)
        more = f" (and {len(lines) - 1} more problem{'s' if len(lines) > 2 else ''})" if len(lines) > 1 else ""
        return cls(lines[0] + more, lines)


class UnknownExtractorError(StanceGraphError, KeyError):
    """No extractor is registered under the asked name."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0])


class StoreError(StanceGraphError):
    """The graph store cannot be opened, read or written."""


class QueryError(StanceGraphError):
    """A named query is unknown, or a query or its parameters are invalid."""


class AnalysisError(StanceGraphError, ValueError):
    """A network view or measure was asked for with settings it does not support."""


class RecordError(StanceGraphError):
    """A stance or gold record file (JSON Lines / CSV) has a line that cannot be used."""

    def __init__(self, path, line: int | None, problem: str):
        self.path = str(path)
        self.line = line
        self.problem = problem
        where = f"{self.path}, line {line}" if line else self.path
        super().__init__(f"{where}: {problem}")
