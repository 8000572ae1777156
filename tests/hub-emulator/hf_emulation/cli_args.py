"""Command-line parsing that behaves like click (which the real `hf` uses through typer).

The detail that matters for tests: an option that takes a value consumes the NEXT argument even when it
starts with '-' (`--include -rf` includes the pattern "-rf"), and `--opt=value` works too.
"""

from dataclasses import dataclass, field


class UsageError(Exception):
    """Bad command line; the real CLI prints usage and exits with status 2."""


@dataclass(frozen=True)
class OptionSpec:
    dest: str
    names: tuple
    takes_value: bool = True
    multiple: bool = False
    value_type: type = str
    default: object = None


IMPORT_OPTIONS = (
    OptionSpec("include", ("--include",), multiple=True, default=()),
    OptionSpec("exclude", ("--exclude",), multiple=True, default=()),
    OptionSpec("filter_from", ("--filter-from",)),
    OptionSpec("dry_run", ("--dry-run",), takes_value=False, default=False),
    OptionSpec("skip_existing", ("--skip-existing",), takes_value=False, default=False),
    OptionSpec("workers", ("-w", "--workers"), value_type=int, default=4),
    OptionSpec("buffer_size", ("--buffer-size",)),
    OptionSpec("verbose", ("-v", "--verbose"), takes_value=False, default=False),
    OptionSpec("token", ("--token",)),
    OptionSpec("help", ("-h", "--help"), takes_value=False, default=False),
)


@dataclass
class ParsedArgs:
    options: dict
    positionals: list = field(default_factory=list)


def _option_label(spec):
    return " / ".join(f"'{name}'" for name in spec.names)


def _store(values, spec, raw_value):
    value = raw_value
    if spec.value_type is int:
        try:
            value = int(raw_value)
        except ValueError:
            raise UsageError(
                f"Invalid value for {_option_label(spec)}: '{raw_value}' is not a valid integer."
            ) from None
    if spec.multiple:
        values[spec.dest] = (*values[spec.dest], value)
    else:
        values[spec.dest] = value


def parse_args(args, specs=IMPORT_OPTIONS):
    """Splits `args` into option values (by dest) and positionals, click style."""
    by_name = {name: spec for spec in specs for name in spec.names}
    values = {spec.dest: spec.default for spec in specs}
    positionals = []
    queue = list(args)
    while queue:
        arg = queue.pop(0)
        if arg == "--":
            positionals.extend(queue)
            break
        if arg.startswith("--"):
            name, has_inline, inline_value = arg.partition("=")
            spec = by_name.get(name)
            if spec is None:
                raise UsageError(f"No such option: {name}")
            if not spec.takes_value:
                if has_inline:
                    raise UsageError(f"Option '{name}' does not take a value.")
                values[spec.dest] = True
                continue
            if has_inline:
                _store(values, spec, inline_value)
            elif queue:
                _store(values, spec, queue.pop(0))
            else:
                raise UsageError(f"Option '{name}' requires an argument.")
            continue
        if arg.startswith("-") and len(arg) > 1:
            letters = arg[1:]
            while letters:
                name, letters = f"-{letters[0]}", letters[1:]
                spec = by_name.get(name)
                if spec is None:
                    raise UsageError(f"No such option: {name}")
                if not spec.takes_value:
                    values[spec.dest] = True
                    continue
                if letters:
                    _store(values, spec, letters)
                elif queue:
                    _store(values, spec, queue.pop(0))
                else:
                    raise UsageError(f"Option '{name}' requires an argument.")
                letters = ""
            continue
        positionals.append(arg)
    return ParsedArgs(options=values, positionals=positionals)
