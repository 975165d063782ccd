import imports_pkgs.counter
imports_pkgs.counter.N += 1
x = 1 / 0
