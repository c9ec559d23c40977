#!/usr/bin/env python3
"""Differential fuzzing: random Markdown-ish documents through `breingen markdown` and cmark (or
cmark-gfm with all extensions), printing the first differences.

Usage: bench/markdown/fuzz-against-cmark.py SEED cm|gfm [COUNT]   (after a release build of breingen)
Known differences: CommonMark 0.31.2 changes since cmark 0.30 / cmark-gfm 0.29 (symbols as punctuation,
HTML comments, <textarea> blocks, info strings with escaped entities), and email autolinks whose local
part touches `_` or `*` delimiter runs (cmark-gfm finds those after emphasis processing).
"""
import random
import subprocess
import sys

PIECES = ['*', '**', '_', '__', '`', '``', '[', ']', '(', ')', '![', '<', '>', '\\', '&amp;', '&#35;', '\n',
          '\n\n', '  \n', ' ', '  ', '    ', '\t', '- ', '1. ', '2) ', '> ', '# ', '## ', '---', '***', '===',
          '```', '~~~', 'a', 'b', 'foo', 'bar', '[x]: /u "t"\n', '[x]', '<div>', '</div>', '<a href="x">',
          'http://a.b', 'www.c.d', 'e@f.gh', '|', '| a | b |\n|---|---|\n', '~', '~~', '"', "'", '.', '-',
          '\r\n', '\r', 'é', 'ß', 'ẞ']
GFM = ['cmark-gfm', '--unsafe', '-e', 'table', '-e', 'strikethrough', '-e', 'autolink', '-e', 'tagfilter',
       '-e', 'tasklist', '-e', 'footnotes']


def main():
    seed, mode = int(sys.argv[1]), sys.argv[2]
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 400
    random.seed(seed)
    ours_cmd = ['.build/release/breingen', 'markdown'] + (['--commonmark'] if mode == 'cm' else [])
    ref_cmd = ['cmark', '--unsafe'] if mode == 'cm' else GFM
    bad = 0
    for _ in range(count):
        doc = ''.join(random.choice(PIECES) for _ in range(random.randint(1, 40))).encode()
        ours = subprocess.run(ours_cmd, input=doc, capture_output=True).stdout
        ref = subprocess.run(ref_cmd, input=doc, capture_output=True).stdout
        if ours != ref:
            bad += 1
            if bad <= 5:
                print('=== input', repr(doc.decode()))
                print('--- ours\n' + ours.decode(errors='replace') + '--- reference\n' + ref.decode(errors='replace'))
    print(f'{bad} of {count} documents differ')


if __name__ == '__main__':
    main()
