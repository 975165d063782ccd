# An uncaught AttributeError prints CPython's "Did you mean" suggestion;
# AttributeError carries name and obj, ImportError name and path.
class Config:
    def __init__(self):
        self.timeout = 3
        self.colour = 'red'

    def reload(self):
        pass


c = Config()
for expr in ['c.timeuot', 'c.relaod', 'Config.relaod', '(1).reel', 'c.zzz_unrelated']:
    try:
        eval(expr)
    except AttributeError as e:
        print(expr, '|', e, '|', e.name, '|', type(e.obj).__name__)
e = AttributeError('m', name='n', obj=3)
print(e.name, e.obj, e.args, AttributeError('x').name, AttributeError().obj)
try:
    AttributeError(foo=1)
except TypeError as e:
    print('TypeError:', e)
e = ImportError('m', name='n', path='p')
print(e.name, e.path, e.msg, str(e), ImportError().name)
try:
    from sys import nothing_here
except ImportError as e:
    print(e, '|', e.name, '|', e.path)
try:
    import no_such_module_anywhere
except ImportError as e:
    print(type(e).__name__, e, '|', e.name, '|', e.path)
print(hasattr(c, 'colr'), getattr(c, 'colr', 'default'))
c.colr
