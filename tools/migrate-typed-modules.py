#!/usr/bin/env python3
"""Moves Java sources written against the untyped module API to the typed one (issue 16).

    find . -name '*.java' -not -path '*/target/*' | xargs python3 tools/migrate-typed-modules.py

- `record R(...) implements Module` (or Kernel, StationaryKernel, CompositeKernel) becomes
  `implements Module<R>`: every module names its own type, as ModuleType now checks;
- other uses of the types `Module` and org.parax4j.kernel's `Kernel` become `Module<?>`/`Kernel<?>`
  (files that do not import them, e.g. code using java.lang.Module, are left alone; comments,
  imports, `Module.class` and `Module::m` too).
An interface that extends Module needs a type variable by hand (`interface Kernel<K extends
Kernel<K>> extends Module<K>`): the script would write `extends Module<?>`, which does not compile.
What it cannot do is left to the compiler (main code builds with -Werror, so a raw use fails):
generic helpers that need a rewrite typed as their `M extends Module<?>` use
`Modules.sameType(m, m.withParams(x))`; explicit type witnesses on rewrites (`m.<R>withParams(x)`)
can go. Rewrites the files in place and prints the ones it changed.
"""
import re
import sys

KER = ['Kernel', 'StationaryKernel', 'CompositeKernel']
def find_record_header_end(s, start):
    # start at '(' after record name; return index after matching ')'
    depth=0
    i=start
    while i < len(s):
        c=s[i]
        if c=='(': depth+=1
        elif c==')':
            depth-=1
            if depth==0: return i+1
        i+=1
    return -1

def fix_implements(s):
    out=[]; pos=0
    for m in re.finditer(r'\brecord\s+(\w+)\s*(<[^>]*>)?\s*\(', s):
        if m.start() < pos: continue
        name=m.group(1)
        end=find_record_header_end(s, m.end()-1)
        if end<0: continue
        m2=re.match(r'(\s*implements\s+)([^{]*)\{', s[end:])
        if not m2: continue
        ifaces=m2.group(2)
        def rep(mm):
            return mm.group(1)+'<'+name+'>'
        new=re.sub(r'\b(Module|Kernel|StationaryKernel|CompositeKernel)\b(?!\s*<)(?!\.)', rep, ifaces)
        out.append(s[pos:end]); out.append(m2.group(1)+new+'{'); pos=end+m2.end()
    out.append(s[pos:])
    return ''.join(out)

def is_code_line(line):
    t=line.strip()
    return not (t.startswith('*') or t.startswith('//') or t.startswith('/*') or t.startswith('import '))

def wild(s, names, fqn_prefix=None):
    lines=s.split('\n'); res=[]
    for line in lines:
        if is_code_line(line):
            # strip trailing // comment part from processing
            code, sep, com = line.partition('//') if '"' not in line else (line,'','')
            for n in names:
                pre = re.escape(fqn_prefix)+r'\.' if fqn_prefix else r'(?<![\w.@])'
                code=re.sub(pre+n+r'\b(?=\.\.\.)', lambda m: m.group(0)+'<?>', code)
                code=re.sub(pre+n+r'\b(?!\s*<)(?![\w.(]|::)', lambda m: m.group(0)+'<?>', code)
                code=re.sub(pre+n+r'\b(?=\[\]::)', lambda m: m.group(0)+'<?>', code)
            line=code+sep+com
        res.append(line)
    return '\n'.join(res)


def main(paths):
    for p in paths:
        s = open(p).read()
        o = s
        if not re.search(r'import org\.parax4j\.module\.(\*|Module);|package org\.parax4j\.module;', s) \
                and 'org.parax4j.kernel.' not in s and 'package org.parax4j.kernel;' not in s:
            continue  # java.lang.Module and other unrelated names stay
        s = fix_implements(s)
        s = wild(s, ['Module'])
        in_kernel_pkg = 'package org.parax4j.kernel;' in s
        if in_kernel_pkg or re.search(r'import org\.parax4j\.kernel\.(\*|Kernel);', s):
            s = wild(s, ['Kernel'])
        if in_kernel_pkg or re.search(r'import org\.parax4j\.kernel\.(\*|StationaryKernel|CompositeKernel);', s):
            s = wild(s, ['StationaryKernel', 'CompositeKernel'])
        if 'org.parax4j.kernel.' in s:
            s = wild(s, ['Kernel', 'StationaryKernel', 'CompositeKernel'], fqn_prefix='org.parax4j.kernel')
        if s != o:
            open(p, 'w').write(s)
            print('changed', p)


if __name__ == '__main__':
    main(sys.argv[1:])
