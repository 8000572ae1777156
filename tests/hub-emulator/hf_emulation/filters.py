"""Include/exclude filtering with the semantics documented for `hf buckets import`.

Order of decision for a path relative to the source prefix:
1. `--filter-from` rules, in file order: the first matching rule decides (+ include, - exclude);
2. any matching `--exclude` excludes;
3. any matching `--include` includes;
4. otherwise excluded if at least one `--include` was given, else included.
Matching is `fnmatch.fnmatch` (full string; `*` crosses '/').
"""

import fnmatch


class FilterMatcher:
    def __init__(self, *, includes=(), excludes=(), rules=()):
        self.includes = list(includes)
        self.excludes = list(excludes)
        self.rules = list(rules)

    def matches(self, path):
        for sign, pattern in self.rules:
            if fnmatch.fnmatch(path, pattern):
                return sign == "+"
        if any(fnmatch.fnmatch(path, pattern) for pattern in self.excludes):
            return False
        if any(fnmatch.fnmatch(path, pattern) for pattern in self.includes):
            return True
        return not self.includes


def parse_filter_file(file_path):
    """Reads `--filter-from` rules: stripped lines, '#' comments and blanks skipped, '+'/'-' prefixes."""
    rules = []
    # Text mode with the locale's encoding, like the real command (the Job sets LANG=C.UTF-8).
    with open(file_path) as handle:
        for raw_line in handle:
            line = raw_line.strip()
            if not line or line.startswith("#"):
                continue
            if line[0] in "+-":
                rules.append((line[0], line[1:].strip()))
            else:
                rules.append(("+", line))
    return rules
