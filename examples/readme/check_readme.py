# SPDX-FileCopyrightText: 2026 The mamisguide authors
# SPDX-License-Identifier: Apache-2.0
"""README shows the snippets as they are: every fenced block that follows a line
``<!-- snippet: PATH -->`` must equal the file PATH (relative to the repository), byte for byte,
and every file of examples/readme/ with a snippet extension must be shown.

Usage: check_readme.py REPOSITORY_ROOT [--update]   (exit 1 naming the first difference;
--update rewrites README's blocks from the files instead)
"""
import re
import sys
from pathlib import Path

root = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
readme = (root / "README.md").read_text(encoding="utf-8")
pattern = r"^<!-- snippet: (\S+) -->\n```[a-z+]*\n(.*?)^```$"
if "--update" in sys.argv[2:]:
    def fill(m: "re.Match[str]") -> str:
        start = m.group(0)[: m.start(2) - m.start(0)]
        return start + (root / m.group(1)).read_text(encoding="utf-8") + "```"
    (root / "README.md").write_text(re.sub(pattern, fill, readme, flags=re.M | re.S), encoding="utf-8")
    readme = (root / "README.md").read_text(encoding="utf-8")
blocks = re.findall(pattern, readme, re.M | re.S)
failed = False
shown = set()
for path, text in blocks:
    shown.add(path)
    file = root / path
    if not file.exists():
        print(f"README shows {path}, which does not exist")
        failed = True
        continue
    want = file.read_text(encoding="utf-8")
    if text != want:
        a, b = text.splitlines(), want.splitlines()
        line = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
        print(f"README's block for {path} differs from the file at line {line + 1}:")
        print(f"  README: {a[line] if line < len(a) else '(end)'}")
        print(f"  file:   {b[line] if line < len(b) else '(end)'}")
        failed = True
for file in sorted((root / "examples" / "readme").glob("plan.*")):
    rel = file.relative_to(root).as_posix()
    if rel not in shown:
        print(f"{rel} is not shown in README (<!-- snippet: {rel} --> before its block)")
        failed = True
if not blocks:
    print("README has no <!-- snippet: PATH --> block")
    failed = True
print(f"{len(blocks)} README snippets checked: " + ("DIFFERENT (after changing a snippet, run "
      "examples/readme/check_readme.py . --update)" if failed else "all equal their files"))
sys.exit(1 if failed else 0)
