# A module that fails half-way is removed from sys.modules; names it bound before failing are lost.
import sys
try:
    import half_done
except RuntimeError as e:
    print("RuntimeError:", e)
print("half_done" in sys.modules)
import half_done_counter
print(half_done_counter.ATTEMPTS)
try:
    import half_done
except RuntimeError:
    print("second attempt re-executes and fails again; attempts:", half_done_counter.ATTEMPTS)
try:
    from pkg_with_bad_sub import bad_sub
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
import pkg_with_bad_sub
print("package stays imported:", "pkg_with_bad_sub" in sys.modules, "pkg_with_bad_sub.bad_sub" in sys.modules)
print("attribute bound on package:", hasattr(pkg_with_bad_sub, "bad_sub"))
