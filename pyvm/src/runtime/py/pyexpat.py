# pyvm's `pyexpat` (its own code, not CPython's): the `xmlparser` object,
# its handlers and attributes, `ExpatError` and the `errors`/`model`
# submodules. Run in the native module's namespace at import; the
# tokenizer is the native `_feed` (modules/expat_tok.rs), which returns
# the callbacks of each piece of input as tuples
# `(kind, line, column, byte index, *arguments)`.

import sys as _sys

EXPAT_VERSION = 'expat_2.5.0'
version_info = (2, 5, 0)
native_encoding = 'UTF-8'
features = [('sizeof(XML_Char)', 1), ('sizeof(XML_LChar)', 1), ('XML_DTD', 0),
            ('XML_CONTEXT_BYTES', 1024), ('XML_NS', 0)]
XML_PARAM_ENTITY_PARSING_NEVER = 0
XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE = 1
XML_PARAM_ENTITY_PARSING_ALWAYS = 2

_ERRORS = [
    ('NO_MEMORY', 'out of memory'),
    ('SYNTAX', 'syntax error'),
    ('NO_ELEMENTS', 'no element found'),
    ('INVALID_TOKEN', 'not well-formed (invalid token)'),
    ('UNCLOSED_TOKEN', 'unclosed token'),
    ('PARTIAL_CHAR', 'partial character'),
    ('TAG_MISMATCH', 'mismatched tag'),
    ('DUPLICATE_ATTRIBUTE', 'duplicate attribute'),
    ('JUNK_AFTER_DOC_ELEMENT', 'junk after document element'),
    ('PARAM_ENTITY_REF', 'illegal parameter entity reference'),
    ('UNDEFINED_ENTITY', 'undefined entity'),
    ('RECURSIVE_ENTITY_REF', 'recursive entity reference'),
    ('ASYNC_ENTITY', 'asynchronous entity'),
    ('BAD_CHAR_REF', 'reference to invalid character number'),
    ('BINARY_ENTITY_REF', 'reference to binary entity'),
    ('ATTRIBUTE_EXTERNAL_ENTITY_REF', 'reference to external entity in attribute'),
    ('MISPLACED_XML_PI', 'XML or text declaration not at start of entity'),
    ('UNKNOWN_ENCODING', 'unknown encoding'),
    ('INCORRECT_ENCODING', 'encoding specified in XML declaration is incorrect'),
    ('UNCLOSED_CDATA_SECTION', 'unclosed CDATA section'),
    ('EXTERNAL_ENTITY_HANDLING', 'error in processing external entity reference'),
    ('NOT_STANDALONE', 'document is not standalone'),
    ('UNEXPECTED_STATE', 'unexpected parser state - please send a bug report'),
    ('ENTITY_DECLARED_IN_PE', 'entity declared in parameter entity'),
    ('FEATURE_REQUIRES_XML_DTD', 'requested feature requires XML_DTD support in Expat'),
    ('CANT_CHANGE_FEATURE_ONCE_PARSING', 'cannot change setting once parsing has begun'),
    ('UNBOUND_PREFIX', 'unbound prefix'),
    ('UNDECLARING_PREFIX', 'must not undeclare prefix'),
    ('INCOMPLETE_PE', 'incomplete markup in parameter entity'),
    ('XML_DECL', 'XML declaration not well-formed'),
    ('TEXT_DECL', 'text declaration not well-formed'),
    ('PUBLICID', 'illegal character(s) in public id'),
    ('SUSPENDED', 'parser suspended'),
    ('NOT_SUSPENDED', 'parser not suspended'),
    ('ABORTED', 'parsing aborted'),
    ('FINISHED', 'parsing finished'),
    ('SUSPEND_PE', 'cannot suspend in external parameter entity'),
    ('RESERVED_PREFIX_XML', 'reserved prefix (xml) must not be undeclared or bound to another namespace name'),
    ('RESERVED_PREFIX_XMLNS', 'reserved prefix (xmlns) must not be declared or undeclared'),
    ('RESERVED_NAMESPACE_URI', 'prefix must not be bound to one of the reserved namespace names'),
    ('INVALID_ARGUMENT', 'invalid argument'),
    ('NO_BUFFER', 'a successful prior call to function XML_GetBuffer is required'),
    ('AMPLIFICATION_LIMIT_BREACH', 'limit on input amplification factor (from DTD and entities) breached'),
]

_Module = type(_sys)

errors = _Module('pyexpat.errors', 'Constants used to describe error conditions.')
errors.codes = {}
errors.messages = {}
for _i, (_n, _m) in enumerate(_ERRORS):
    setattr(errors, 'XML_ERROR_' + _n, _m)
    errors.codes[_m] = _i + 1
    errors.messages[_i + 1] = _m

model = _Module('pyexpat.model', 'Constants used to interpret content model information.')
for _n, _v in (('XML_CTYPE_EMPTY', 1), ('XML_CTYPE_ANY', 2), ('XML_CTYPE_MIXED', 3),
               ('XML_CTYPE_NAME', 4), ('XML_CTYPE_CHOICE', 5), ('XML_CTYPE_SEQ', 6),
               ('XML_CQUANT_NONE', 0), ('XML_CQUANT_OPT', 1), ('XML_CQUANT_REP', 2),
               ('XML_CQUANT_PLUS', 3)):
    setattr(model, _n, _v)
_sys.modules['pyexpat.errors'] = errors
_sys.modules['pyexpat.model'] = model
del _i, _n, _m, _v


def ErrorString(code):
    """Returns string error for given number."""
    if 1 <= code <= len(_ERRORS):
        return _ERRORS[code - 1][1]
    return None


class ExpatError(Exception):
    pass


ExpatError.__module__ = 'xml.parsers.expat'
error = ExpatError

_HANDLERS = (
    'StartElementHandler', 'EndElementHandler', 'ProcessingInstructionHandler',
    'CharacterDataHandler', 'UnparsedEntityDeclHandler', 'NotationDeclHandler',
    'StartNamespaceDeclHandler', 'EndNamespaceDeclHandler', 'CommentHandler',
    'StartCdataSectionHandler', 'EndCdataSectionHandler', 'DefaultHandler',
    'DefaultHandlerExpand', 'NotStandaloneHandler', 'ExternalEntityRefHandler',
    'StartDoctypeDeclHandler', 'EndDoctypeDeclHandler', 'EntityDeclHandler',
    'XmlDeclHandler', 'ElementDeclHandler', 'AttlistDeclHandler',
    'SkippedEntityHandler',
)
_SETTABLE = frozenset(_HANDLERS + (
    'buffer_text', 'buffer_size', 'ordered_attributes', 'specified_attributes',
    'namespace_prefixes'))
_INTERNAL = frozenset((
    '_st', '_h', '_buf', '_buflen', '_cur', '_err', '_intern', '_options', '_finished',
    '_base', '_noent'))
_CREATE = object()
_EVENT_HANDLER = (
    'StartElementHandler', 'EndElementHandler', None, 'ProcessingInstructionHandler',
    'CommentHandler', 'StartCdataSectionHandler', 'EndCdataSectionHandler',
    'XmlDeclHandler', 'StartDoctypeDeclHandler', 'EndDoctypeDeclHandler',
    'StartNamespaceDeclHandler', 'EndNamespaceDeclHandler', 'DefaultHandler',
    'EntityDeclHandler', None, None, 'ElementDeclHandler', 'AttlistDeclHandler',
    'NotationDeclHandler')


def _model(spec):
    # expat's content model tuple (type, quantifier, name, children) of a
    # declaration's content specification (white space removed).
    if spec == 'EMPTY':
        return (1, 0, None, ())
    if spec == 'ANY':
        return (2, 0, None, ())
    pos = 0

    def quant():
        nonlocal pos
        if pos < len(spec) and spec[pos] in '?*+':
            pos += 1
            return '?*+'.index(spec[pos - 1]) + 1
        return 0

    def group():
        nonlocal pos
        pos += 1
        items = []
        sep = None
        while pos < len(spec):
            if spec[pos] == '(':
                items.append(group())
            else:
                j = pos
                while j < len(spec) and spec[j] not in ',|)?*+':
                    j += 1
                name = spec[pos:j]
                pos = j
                items.append((4, quant(), name, ()))
            c = spec[pos] if pos < len(spec) else ')'
            pos += 1
            if c == ')':
                break
            sep = c
        q = quant()
        if items and items[0][2] == '#PCDATA':
            return (3, q, None, tuple(items[1:]))
        return (5 if sep == '|' else 6, q, None, tuple(items))

    return group()


class xmlparser:
    """XML parser"""

    def __new__(cls, *args, **kwargs):
        if not args or args[0] is not _CREATE:
            raise TypeError("cannot create 'pyexpat.xmlparser' instances")
        return object.__new__(cls)

    def __init__(self, _key, encoding, sep, intern):
        d = object.__getattribute__(self, '__dict__')
        d['_st'] = _new(sep, encoding)
        d['_h'] = {}
        d['_buf'] = None
        d['_buflen'] = 0
        d['_cur'] = None
        d['_err'] = None
        d['_intern'] = intern
        d['_options'] = {'buffer_text': False, 'buffer_size': 8192,
                         'ordered_attributes': False, 'specified_attributes': False,
                         'namespace_prefixes': False}
        d['_base'] = None

    def __getattr__(self, name):
        d = object.__getattribute__(self, '__dict__')
        if name in _HANDLERS:
            return d['_h'].get(name)
        if name in d['_options']:
            return d['_options'][name]
        if name == 'buffer_used':
            return d['_buflen'] if d['_buf'] is not None else 0
        if name == 'intern':
            return d['_intern']
        if name in ('CurrentLineNumber', 'CurrentColumnNumber', 'CurrentByteIndex'):
            cur = d['_cur']
            if cur is None:
                cur = d['_err'][1:] if d['_err'] is not None else _pos(d['_st'])
            return cur[('CurrentLineNumber', 'CurrentColumnNumber',
                        'CurrentByteIndex').index(name)]
        if name in ('ErrorLineNumber', 'ErrorColumnNumber', 'ErrorByteIndex'):
            cur = d['_cur']
            if cur is None:
                cur = d['_err'][1:] if d['_err'] is not None else _pos(d['_st'])
            return cur[('ErrorLineNumber', 'ErrorColumnNumber',
                        'ErrorByteIndex').index(name)]
        if name == 'ErrorCode':
            return d['_err'][0] if d['_err'] is not None else 0
        raise AttributeError("'pyexpat.xmlparser' object has no attribute %r" % name)

    def __setattr__(self, name, value):
        d = object.__getattribute__(self, '__dict__')
        if name in _HANDLERS:
            if name == 'CharacterDataHandler':
                self._flush()
            d['_h'][name] = value
        elif name in _SETTABLE:
            if name == 'buffer_size':
                if not isinstance(value, int):
                    raise TypeError('buffer_size must be an integer')
                if value <= 0:
                    raise ValueError('buffer_size must be greater than zero')
                self._flush()
            elif name == 'buffer_text':
                value = bool(value)
                if not value:
                    self._flush()
            else:
                value = bool(value)
            d['_options'][name] = value
        elif name in ('intern', 'buffer_used') or name.startswith(('Current', 'Error')):
            raise AttributeError("attribute '%s' of 'pyexpat.xmlparser' objects is not writable" % name)
        else:
            raise AttributeError("'pyexpat.xmlparser' object has no attribute %r" % name)

    def __delattr__(self, name):
        if name in _HANDLERS:
            self.__setattr__(name, None)
        else:
            raise AttributeError("cannot delete attribute")

    def __dir__(self):
        return sorted(set(dir(type(self))) | set(_HANDLERS) | set(_SETTABLE) | {
            'CurrentByteIndex', 'CurrentColumnNumber', 'CurrentLineNumber',
            'ErrorByteIndex', 'ErrorCode', 'ErrorColumnNumber', 'ErrorLineNumber',
            'buffer_used', 'intern'} - {'_flush', '_dispatch', '_raise'})

    def _flush(self):
        d = object.__getattribute__(self, '__dict__')
        buf = d['_buf']
        if buf:
            d['_buf'] = None
            d['_buflen'] = 0
            h = d['_h'].get('CharacterDataHandler')
            if h is not None:
                h(''.join(buf))

    def _raise(self, err):
        d = object.__getattribute__(self, '__dict__')
        d['_err'] = err
        code, line, col, _ = err
        e = ExpatError('%s: line %d, column %d' % (ErrorString(code), line, col))
        e.code = code
        e.lineno = line
        e.offset = col
        raise e

    def _dispatch(self, events):
        d = object.__getattribute__(self, '__dict__')
        h = d['_h']
        opts = d['_options']
        intern = d['_intern']
        skip = 0
        for ev in events:
            kind = ev[0]
            if skip:
                if kind == 14:
                    skip += 1
                elif kind == 15:
                    skip -= 1
                continue
            if kind == 2:
                f = h.get('CharacterDataHandler')
                if f is not None:
                    if opts['buffer_text']:
                        buf = d['_buf']
                        if buf is None:
                            buf = d['_buf'] = []
                        n = d['_buflen'] + len(ev[4])
                        if n > opts['buffer_size']:
                            self._flush()
                            buf = d['_buf'] = []
                            n = len(ev[4])
                        buf.append(ev[4])
                        d['_buflen'] = n
                        continue
                    d['_cur'] = ev[1:4]
                    f(ev[4])
                    continue
                text = ev[4]
                f = h.get('DefaultHandler') or h.get('DefaultHandlerExpand')
                if f is not None:
                    if d['_buf']:
                        self._flush()
                    d['_cur'] = ev[1:4]
                    f(text)
                continue
            if kind == 14:
                if h.get('DefaultHandler') is not None:
                    if d['_buf']:
                        self._flush()
                    d['_cur'] = ev[1:4]
                    skip = 1
                    h['DefaultHandler'](ev[4])
                continue
            if kind == 15:
                continue
            f = h.get(_EVENT_HANDLER[kind])
            if f is None:
                if kind == 13 and ev[10] is not None:
                    f = h.get('UnparsedEntityDeclHandler')
                    if f is not None:
                        if d['_buf']:
                            self._flush()
                        d['_cur'] = ev[1:4]
                        f(ev[4], ev[7], ev[8], ev[9], ev[10])
                    continue
                if kind <= 7 or kind == 12:
                    if h.get('DefaultHandler') or h.get('DefaultHandlerExpand'):
                        if d['_buf']:
                            self._flush()
                        d['_cur'] = ev[1:4]
                        self._default_markup(ev)
                continue
            if d['_buf']:
                self._flush()
            d['_cur'] = ev[1:4]
            if kind == 0:
                name = ev[4]
                if intern is not None:
                    name = intern.setdefault(name, name)
                attrs = ev[5]
                if opts['specified_attributes']:
                    attrs = attrs[:2 * ev[6]]
                if intern is not None:
                    for i in range(0, len(attrs), 2):
                        attrs[i] = intern.setdefault(attrs[i], attrs[i])
                if opts['ordered_attributes']:
                    f(name, attrs)
                else:
                    f(name, {attrs[i]: attrs[i + 1] for i in range(0, len(attrs), 2)})
            elif kind == 1:
                name = ev[4]
                if intern is not None:
                    name = intern.setdefault(name, name)
                f(name)
            elif kind == 12:
                f(ev[4])
            elif kind == 16:
                f(ev[4], _model(ev[5]))
            else:
                f(*ev[4:])
        d['_cur'] = None

    def _default_markup(self, ev):
        d = object.__getattribute__(self, '__dict__')
        f = d['_h'].get('DefaultHandler') or d['_h'].get('DefaultHandlerExpand')
        if f is None:
            return
        kind = ev[0]
        if kind == 0:
            a = ev[5]
            f('<' + ev[4] + ''.join(' %s="%s"' % (a[i], a[i + 1])
                                    for i in range(0, len(a), 2)) + '>')
        elif kind == 1:
            f('</' + ev[4] + '>')
        elif kind == 3:
            f('<?%s %s?>' % (ev[4], ev[5]) if ev[5] else '<?%s?>' % ev[4])
        elif kind == 4:
            f('<!--%s-->' % ev[4])
        elif kind == 5:
            f('<![CDATA[')
        elif kind == 6:
            f(']]>')
        elif kind == 12:
            f(ev[4])
        elif kind == 7:
            s = '<?xml version="%s"' % ev[4]
            if ev[5] is not None:
                s += ' encoding="%s"' % ev[5]
            if ev[6] != -1:
                s += ' standalone="%s"' % ('yes' if ev[6] else 'no')
            f(s + '?>')

    def Parse(self, data, isfinal=False):
        """Parse XML data.

        `isfinal' should be true at end of input."""
        d = object.__getattribute__(self, '__dict__')
        is_str = isinstance(data, str)
        if is_str:
            data = data.encode('utf-8', 'surrogatepass')
        elif not isinstance(data, (bytes, bytearray, memoryview)):
            try:
                data = memoryview(data)
            except TypeError:
                raise TypeError("a bytes-like object is required, not '%s'"
                                % type(data).__name__) from None
        isfinal = bool(isfinal)
        events, err, want = _feed(d['_st'], data, isfinal,
                                  d['_options']['namespace_prefixes'], is_str)
        if want is not None:
            try:
                table = bytes(range(256)).decode(want, 'replace')
            except LookupError:
                table = None
            if table is not None and len(table) == 256:
                _set_table(d['_st'], table)
            events, err, want = _feed(d['_st'], b'', isfinal,
                                      d['_options']['namespace_prefixes'])
        try:
            self._dispatch(events)
        finally:
            d['_cur'] = None
        self._flush()
        if err is not None:
            self._raise(err)
        return 1

    def ParseFile(self, file):
        """Parse XML data from file-like object."""
        try:
            read = file.read
        except AttributeError:
            raise TypeError("argument must have 'read' attribute") from None
        while True:
            data = read(2048)
            if not isinstance(data, (bytes, bytearray, str)):
                raise TypeError('read() did not return a bytes object (type=%s)'
                                % type(data).__name__)
            if not data:
                break
            self.Parse(data, False)
        return self.Parse(b'', True)

    def SetBase(self, base):
        """Set the base URL for the parser."""
        object.__getattribute__(self, '__dict__')['_base'] = base

    def GetBase(self):
        """Return base URL string for the parser."""
        return object.__getattribute__(self, '__dict__')['_base']

    def GetInputContext(self):
        """Return the untranslated text of the input that caused the current event."""
        return None

    def SetParamEntityParsing(self, flag):
        """Controls parsing of parameter entities (including the external DTD subset)."""
        return 1

    def UseForeignDTD(self, flag=True):
        """Allows the application to provide an artificial external subset."""
        return None

    def ExternalEntityParserCreate(self, context, encoding=None):
        """Create a parser for parsing an external entity based on the information passed to the ExternalEntityRefHandler."""
        raise NotImplementedError(
            'pyexpat ExternalEntityParserCreate is not supported yet by pyvm')


xmlparser.__module__ = 'pyexpat'
XMLParserType = xmlparser


def ParserCreate(encoding=None, namespace_separator=None, intern=_CREATE):
    """Return a new XML parser object."""
    if encoding is not None and not isinstance(encoding, str):
        raise TypeError("ParserCreate() argument 'encoding' must be str or None, not %s"
                        % type(encoding).__name__)
    if namespace_separator is not None:
        if not isinstance(namespace_separator, str):
            raise TypeError("ParserCreate() argument 'namespace_separator' must be str "
                            "or None, not %s" % type(namespace_separator).__name__)
        if len(namespace_separator) > 1:
            raise ValueError('namespace_separator must be at most one character, '
                             'omitted, or None')
    if intern is _CREATE:
        intern = {}
    elif intern is not None and not isinstance(intern, dict):
        raise TypeError('intern must be a dictionary')
    return xmlparser(_CREATE, encoding, namespace_separator, intern)


del _Module
