"""Reference oracle for the filter tests: answers JSON requests (one per line on stdin, one answer
per line on stdout) with what Python's own fnmatch and the importer's filter rules decide.

The filter logic mirrors `hf buckets import` (huggingface_hub import branch): keys are filtered on
their path relative to the source folder, with leading slashes stripped; filter-file rules are
first-match-wins; otherwise excludes win over includes, and without includes everything is taken.
"""
import fnmatch
import json
import sys
import traceback

BUCKET = "bucket"


def matches(rel, include, exclude, rules):
    for sign, pattern in rules:
        if fnmatch.fnmatch(rel, pattern):
            return sign == "+"
    if any(fnmatch.fnmatch(rel, pattern) for pattern in exclude):
        return False
    if any(fnmatch.fnmatch(rel, pattern) for pattern in include):
        return True
    return not include


def read_filter_file(path):
    """The importer's parsing: text mode, strip(), '#' comments, '+'/'-' signs, include by default."""
    rules = []
    with open(path) as handle:
        for line in handle:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line[0] in "+-":
                rules.append((line[0], line[1:].strip()))
            else:
                rules.append(("+", line))
    return rules


def relative_keys(root, keys):
    """(key, rel) for the keys an import of `root` lists, with rel computed like the importer does."""
    full = f"{BUCKET}/{root}".rstrip("/")
    for key in keys:
        full_key = f"{BUCKET}/{key}"
        if not full_key.startswith(full + "/"):
            continue
        rel = full_key[len(full):].lstrip("/")
        if rel:
            yield key, rel


def handle(request):
    op = request["op"]
    if op == "fnmatch":
        return {"results": [fnmatch.fnmatch(name, pattern) for name, pattern in request["pairs"]]}
    if op == "import":
        listed = list(relative_keys(request["root"], request["keys"]))
        answer = {
            "byArguments": [key for key, rel in listed if matches(rel, request["include"], request["exclude"], [])],
        }
        if request.get("filterFile"):
            rules = read_filter_file(request["filterFile"])
            answer["rules"] = [{"sign": sign, "pattern": pattern} for sign, pattern in rules]
            answer["byFilterFile"] = [key for key, rel in listed if matches(rel, [], [], rules)]
        return answer
    if op == "parse":
        return {"rules": [{"sign": sign, "pattern": pattern} for sign, pattern in read_filter_file(request["path"])]}
    raise ValueError(f"unknown op {op!r}")


for line in sys.stdin:
    try:
        reply = handle(json.loads(line))
    except Exception:  # report to the test instead of dying silently
        reply = {"error": traceback.format_exc()}
    sys.stdout.write(json.dumps(reply) + "\n")
    sys.stdout.flush()
