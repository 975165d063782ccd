# gc-stress-interval: 50
# pwd, grp and resource: struct sequences from the C library's databases and limits.
import pwd, grp, resource, os
root = pwd.getpwuid(0)
print(root)
print(root.pw_name, root[2], root.pw_dir, len(root), type(root).__name__, isinstance(root, tuple))
print(pwd.getpwnam("root") == root, pwd.struct_passwd.n_fields, pwd.struct_passwd.__module__)
print(any(p.pw_uid == 0 for p in pwd.getpwall()))
g = grp.getgrgid(0)
print(g, g.gr_name, g.gr_mem, grp.getgrnam(g.gr_name) == g)
print(any(x.gr_gid == 0 for x in grp.getgrall()))
for f in [lambda: pwd.getpwuid(54321), lambda: pwd.getpwnam("nosuch"), lambda: grp.getgrnam("nosuch"),
          lambda: grp.getgrgid(54321), lambda: pwd.getpwuid("x"), lambda: pwd.getpwnam(1),
          lambda: resource.getrlimit(99), lambda: pwd.struct_passwd((1, 2))]:
    try:
        f()
    except Exception as e:
        print(repr(e))
r = resource.getrusage(resource.RUSAGE_SELF)
print(type(r.ru_utime).__name__, type(r.ru_maxrss).__name__, r.ru_maxrss > 0, len(r), resource.struct_rusage.n_fields)
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
print(resource.getrlimit(resource.RLIMIT_NOFILE) == (soft, hard), resource.RLIM_INFINITY, resource.getpagesize(), resource.error)
print(os.path.expanduser("~root"))
import getpass
print(getpass.getuser() == pwd.getpwuid(os.getuid()).pw_name)
print(type(pwd.getpwuid(0)) is pwd.struct_passwd, type(resource.getrusage(0)) is resource.struct_rusage)
import sys
print(sys.modules["pwd"] is pwd)
