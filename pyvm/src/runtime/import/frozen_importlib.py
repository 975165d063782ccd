"""pyvm's import front: what CPython's importlib expects from
`_frozen_importlib` and `_frozen_importlib_external` (specs, loaders,
finders, a few functions). The import system itself is native (pyvm's
`runtime/import/`); `_imp` holds its entry points. This is pyvm's own
code, embedded in the binary."""

import _imp
import sys

SOURCE_SUFFIXES = [".py"]
BYTECODE_SUFFIXES = [".pyc"]
DEBUG_BYTECODE_SUFFIXES = [".pyc"]
OPTIMIZED_BYTECODE_SUFFIXES = [".pyc"]
EXTENSION_SUFFIXES = []
_RAW_MAGIC_NUMBER = 3495
# CPython 3.11's (importlib.util.MAGIC_NUMBER, imp.get_magic()); pyvm
# never loads CPython bytecode (_classify_pyc refuses it).
MAGIC_NUMBER = _RAW_MAGIC_NUMBER.to_bytes(2, "little") + b"\r\n"
_ERR_MSG_PREFIX = "No module named "
_ERR_MSG = _ERR_MSG_PREFIX + "{!r}"
path_sep = "/"
path_separators = "/"


def _pack_uint32(x):
    """Convert a 32-bit integer to little-endian."""
    return (int(x) & 0xFFFFFFFF).to_bytes(4, "little")


def _unpack_uint32(data):
    """Convert 4 bytes in little-endian to an integer."""
    assert len(data) == 4
    return int.from_bytes(data, "little")


def _unpack_uint16(data):
    """Convert 2 bytes in little-endian to an integer."""
    assert len(data) == 2
    return int.from_bytes(data, "little")


def _builtin_from_name(name):
    spec = BuiltinImporter.find_spec(name)
    if spec is None:
        raise ImportError("no built-in module named " + name)
    return _load(spec)


def _path_join(*path_parts):
    """Replacement for os.path.join()."""
    return path_sep.join([part.rstrip(path_separators)
                          for part in path_parts if part])


def _path_split(path):
    """Replacement for os.path.split()."""
    i = path.rfind(path_sep)
    if i < 0:
        return "", path
    return path[:i], path[i + 1:]


def _path_stat(path):
    import posix
    return posix.stat(path)


def _verbose_message(message, *args, verbosity=1):
    """Print the message to stderr if -v/PYTHONVERBOSE is turned on."""
    if sys.flags.verbose >= verbosity:
        if not message.startswith(("#", "import ")):
            message = "# " + message
        print(message.format(*args), file=sys.stderr)


def _call_with_frames_removed(f, *args, **kwds):
    return f(*args, **kwds)


def _fix_up_module(ns, name, pathname, cpathname=None):
    loader = ns.get("__loader__")
    spec = ns.get("__spec__")
    if not loader:
        if spec:
            loader = spec.loader
    if not spec:
        spec = spec_from_file_location(name, pathname, loader=loader)
        spec.cached = cpathname
    try:
        ns["__spec__"] = spec
        ns["__loader__"] = loader
        ns["__file__"] = pathname
        ns["__cached__"] = cpathname
    except Exception:
        pass


def _classify_pyc(data, name, exc_details):
    # pyvm has no CPython bytecode: a .pyc is never usable.
    raise ImportError(f"bad magic number in {name!r}: {data[:4]!r}",
                      **exc_details)


def _validate_hash_pyc(data, source_hash, name, exc_details):
    raise ImportError(f"hash in bytecode doesn't match hash of source {name!r}",
                      **exc_details)


class ModuleSpec:
    """The import-related information about a module."""

    def __init__(self, name, loader, *, origin=None, loader_state=None, is_package=None):
        self.name = name
        self.loader = loader
        self.origin = origin
        self.loader_state = loader_state
        self.submodule_search_locations = [] if is_package else None
        self._set_fileattr = False
        self.cached = None
        self.has_location = False
        self.parent = _imp._spec_parent(name, bool(is_package))

    def __repr__(self):
        args = ["name=" + repr(self.name), "loader=" + repr(self.loader)]
        if self.origin is not None:
            args.append("origin=" + repr(self.origin))
        if self.submodule_search_locations is not None:
            args.append("submodule_search_locations=" + repr(self.submodule_search_locations))
        return "ModuleSpec(" + ", ".join(args) + ")"


class BuiltinImporter:
    """Finds and loads the modules built into pyvm."""

    _ORIGIN = "built-in"

    def find_spec(fullname, path=None, target=None):
        if path is not None:
            return None
        if _imp.is_builtin(fullname):
            return ModuleSpec(fullname, BuiltinImporter, origin="built-in")
        return None

    def create_module(spec):
        return _imp.create_builtin(spec)

    def exec_module(module):
        pass

    def is_package(fullname):
        return False


class FrozenImporter:
    """pyvm has no frozen modules."""

    _ORIGIN = "frozen"

    def find_spec(fullname, path=None, target=None):
        return None


class PathFinder:
    """Finds modules on sys.path or a package's __path__."""

    def find_spec(fullname, path=None, target=None):
        return _imp._find_path_spec(fullname, path)

    def invalidate_caches():
        pass


class WindowsRegistryFinder:
    """Not used on this platform."""

    def find_spec(fullname, path=None, target=None):
        return None


class FileFinder:
    """Finds modules in one directory."""

    def __init__(self, path, *loader_details):
        self.path = path or "."

    def find_spec(self, fullname, target=None):
        return _imp._find_path_spec(fullname, [self.path])

    def invalidate_caches(self):
        pass

    @classmethod
    def path_hook(cls, *loader_details):
        def path_hook_for_FileFinder(path):
            if not _path_isdir(path):
                raise ImportError("only directories are supported", path=path)
            return cls(path, *loader_details)

        return path_hook_for_FileFinder

    def __repr__(self):
        return "FileFinder(" + repr(self.path) + ")"


def _path_isdir(path):
    import posix

    try:
        return posix.stat(path or posix.getcwd()).st_mode & 0o170000 == 0o040000
    except OSError:
        return False


def _find_module_shim(self, fullname):
    """`PathEntryFinder.find_module` (deprecated): the loader of the spec."""
    spec = self.find_spec(fullname)
    return None if spec is None else spec.loader


def _load_module_shim(self, fullname):
    """`Loader.load_module` (deprecated): loads through the spec protocol."""
    spec = spec_from_loader(fullname, self)
    if fullname in sys.modules:
        module = sys.modules[fullname]
        _exec(spec, module)
        return sys.modules[fullname]
    return _load(spec)


class _LoaderBasics:
    def create_module(self, spec):
        return None

    def exec_module(self, module):
        get_code = getattr(type(self), "get_code", None)
        if get_code is None or get_code is SourceLoader.get_code:
            _imp._exec_file(module, self.get_filename(module.__name__))
            return
        # A loader with its own get_code (zipimporter, user loaders).
        code = self.get_code(module.__name__)
        if code is None:
            raise ImportError("cannot load module {!r} when get_code() "
                              "returns None".format(module.__name__))
        exec(code, module.__dict__)

    def load_module(self, fullname):
        return _imp._load_by_name(fullname)


class FileLoader:
    """A loader of files: knows the module's name and path."""

    def __init__(self, fullname, path):
        self.name = fullname
        self.path = path

    def __eq__(self, other):
        return type(self) is type(other) and self.__dict__ == other.__dict__

    def __hash__(self):
        return hash(self.name) ^ hash(self.path)

    def get_filename(self, name=None):
        return self.path

    def get_data(self, path):
        with open(path, "rb") as f:
            return f.read()

    def get_resource_reader(self, module):
        from importlib.readers import FileReader
        return FileReader(self)


class SourceLoader(_LoaderBasics):
    def get_source(self, fullname):
        with open(self.get_filename(fullname), encoding="utf-8") as f:
            return f.read()

    def source_to_code(self, data, path, *, _optimize=-1):
        return compile(data, path, "exec", dont_inherit=True, optimize=_optimize)

    def get_code(self, fullname):
        path = self.get_filename(fullname)
        return self.source_to_code(self.get_data(path), path)


class SourceFileLoader(FileLoader, SourceLoader):
    """Loads a module from a Python source file."""

    def is_package(self, fullname):
        return _imp._is_init_file(self.path)

    def exec_module(self, module):
        _imp._exec_file(module, self.path)

    def create_module(self, spec):
        return None

    def __repr__(self):
        return "<pyvm SourceFileLoader " + repr(self.name) + ">"


class SourcelessFileLoader(FileLoader, _LoaderBasics):
    """pyvm does not load CPython bytecode files."""

    def exec_module(self, module):
        raise ImportError("pyvm cannot load .pyc files", name=module.__name__)


class ExtensionFileLoader(FileLoader, _LoaderBasics):
    """pyvm does not load C extension modules."""

    def exec_module(self, module):
        raise ImportError("pyvm cannot load C extension modules", name=module.__name__)


class NamespaceLoader:
    """The loader of namespace packages (PEP 420)."""

    def __init__(self, name, path, path_finder=None):
        self._path = path

    def is_package(self, fullname):
        return True

    def get_source(self, fullname):
        return ""

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        pass


_NamespaceLoader = NamespaceLoader


class _ImportLockContext:
    def __enter__(self):
        pass

    def __exit__(self, exc_type, exc_value, exc_traceback):
        pass


def _new_file_spec(name, path, search):
    loader = SourceFileLoader(name, path)
    spec = ModuleSpec(name, loader, origin=path, is_package=search is not None)
    spec.submodule_search_locations = search
    spec.has_location = True
    spec._set_fileattr = True
    spec.cached = _imp._cache_path(path)
    return spec


def _new_namespace_spec(name, portions):
    spec = ModuleSpec(name, NamespaceLoader(name, portions), is_package=True)
    spec.submodule_search_locations = portions
    return spec


def _new_builtin_spec(name):
    return ModuleSpec(name, BuiltinImporter, origin="built-in")


def spec_from_loader(name, loader, *, origin=None, is_package=None):
    if origin is None:
        origin = getattr(loader, "_ORIGIN", None)
    if not origin and hasattr(loader, "get_filename"):
        if is_package is None:
            return spec_from_file_location(name, loader=loader)
        search = [] if is_package else None
        return spec_from_file_location(name, loader=loader, submodule_search_locations=search)
    if is_package is None:
        if hasattr(loader, "is_package"):
            try:
                is_package = loader.is_package(name)
            except ImportError:
                is_package = None
        else:
            is_package = False
    return ModuleSpec(name, loader, origin=origin, is_package=is_package)


_POPULATE = object()


def spec_from_file_location(name, location=None, *, loader=None, submodule_search_locations=_POPULATE):
    if location is None:
        location = "<unknown>"
        if hasattr(loader, "get_filename"):
            try:
                location = loader.get_filename(name)
            except ImportError:
                pass
    else:
        location = _imp._fspath(location)
    spec = ModuleSpec(name, loader, origin=location)
    spec._set_fileattr = True
    spec.has_location = True
    if loader is None:
        if location.endswith(".py"):
            loader = SourceFileLoader(name, location)
            spec.loader = loader
        else:
            return None
    if submodule_search_locations is _POPULATE:
        if hasattr(loader, "is_package"):
            try:
                is_package = loader.is_package(name)
            except ImportError:
                is_package = False
            if is_package:
                spec.submodule_search_locations = []
    else:
        spec.submodule_search_locations = submodule_search_locations
    if spec.submodule_search_locations == []:
        if location:
            spec.submodule_search_locations.append(_imp._dirname(location))
    spec.parent = _imp._spec_parent(name, spec.submodule_search_locations is not None)
    spec.cached = _imp._cache_path(location) if location.endswith(".py") else None
    return spec


def module_from_spec(spec):
    return _imp._module_from_spec(spec)


def _resolve_name(name, package, level):
    return _imp._resolve_name(name, package, level)


def _find_spec(name, path, target=None):
    return _imp._find_spec(name, path)


def _gcd_import(name, package=None, level=0):
    return _imp._gcd_import(name, package, level)


def _exec(spec, module):
    return _imp._exec_spec(spec, module)


def _load(spec):
    return _imp._load_spec(spec)


def cache_from_source(path, debug_override=None, *, optimization=None):
    return _imp._cache_path(path)


def source_from_cache(path):
    raise NotImplementedError("source_from_cache is not supported yet by pyvm")


def decode_source(source_bytes):
    return source_bytes.decode("utf-8")


def _setup(sys_module, _imp_module):
    pass


def _install(sys_module, _imp_module):
    pass


__import__ = _imp._dunder_import

sys.meta_path.extend([BuiltinImporter, FrozenImporter, PathFinder])
# pkgutil and friends ask the path hooks for a finder per directory; the
# import itself stays native.
def _zipimporter_hook(path):
    """`zipimport.zipimporter`, imported the first time a file is met on a
    path (it then takes this hook's place in `sys.path_hooks`)."""
    if not path or _path_isdir(path):
        raise ImportError("not a zip file", path=path)
    import zipimport
    hooks = sys.path_hooks
    for i, h in enumerate(hooks):
        if h is _zipimporter_hook:
            hooks[i] = zipimport.zipimporter
    return zipimport.zipimporter(path)


sys.path_hooks.append(_zipimporter_hook)
sys.path_hooks.append(FileFinder.path_hook())
