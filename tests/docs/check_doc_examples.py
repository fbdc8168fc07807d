#!/usr/bin/env python3
"""Runs the checks over every example of the docs whose output the docs show, and fails
when the tool's diagnostics differ from the listing.

An example is a ```c or ```cpp block followed by a plain ``` block whose lines start
with `<file>.c:LINE:COL: warning|note: ...`; the code is written to <file> and analysed
for the mingw-w64 Windows target with `-*,impersonation-*`. An HTML comment
`<!-- example-options: {CheckOptions: {...}} -->` right before the code gives it a
configuration. Lines of the listing that are not diagnostics (source excerpts, carets)
are ignored; clang's `expanded from macro` notes are not compared.

Usage: check_doc_examples.py TOOL ANNOTATIONS_DIR DOC.md...
"""
import re
import subprocess
import sys
import tempfile
from pathlib import Path

DIAG = re.compile(r'^([\w.-]+\.(?:c|cpp)):\d+:\d+: (?:warning|note): ')
BLOCK = re.compile(r'(?:<!-- example-options: (.*?) -->\n)?```(\w*)\n(.*?)```', re.S)


def diagnostics(text, keep_dir=None):
    out = []
    for line in text.splitlines():
        if keep_dir and line.startswith(keep_dir):
            line = line[len(keep_dir):]
        if DIAG.match(line) and 'expanded from macro' not in line:
            out.append(line)
    return out


def main():
    tool, annotations = str(Path(sys.argv[1]).resolve()), str(Path(sys.argv[2]).resolve())
    docs = sys.argv[3:]
    checked = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for doc in docs:
            blocks = BLOCK.findall(Path(doc).read_text(encoding='utf-8'))
            for (options, lang, code), (_, out_lang, listing) in zip(blocks, blocks[1:]):
                expected = diagnostics(listing)
                if lang not in ('c', 'cpp') or out_lang or not expected:
                    continue
                name = DIAG.match(expected[0]).group(1)
                (Path(tmp) / name).write_text(code, encoding='utf-8')
                lang_args = ['-x', 'c++', '-std=c++17'] if name.endswith('.cpp') else ['-x', 'c']
                cmd = [tool, '--quiet', '--checks=-*,impersonation-*']
                if options:
                    cmd.append('--config=' + options)
                cmd += [name, '--'] + lang_args + [
                    '--target=x86_64-w64-mingw32', '-fms-extensions', '-I' + annotations]
                run = subprocess.run(cmd, cwd=tmp, capture_output=True, text=True)
                got = diagnostics(run.stdout, keep_dir=tmp + '/')
                checked += 1
                if got != expected:
                    failed += 1
                    print(f'{doc}: the example {name} differs from the tool')
                    print('  the docs show:\n    ' + '\n    '.join(expected))
                    print('  the tool says:\n    ' + '\n    '.join(got or ['(nothing)']))
                    if run.returncode not in (0, 1):
                        print('  exit status', run.returncode, run.stderr[-2000:])
    print(f'{checked} examples checked, {failed} differ')
    return 1 if failed or not checked else 0


if __name__ == '__main__':
    sys.exit(main())
