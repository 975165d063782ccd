# pyvm's `_lzma` (its own code, not CPython's): the classes and argument
# checks, run in the native module's namespace at import. The streams are
# the natives `_encoder`/`_enc_run`/`_decoder`/`_dec_run` (modules/lzma.rs,
# on liblzma); filter specifiers reach them as tuples of ints.

FORMAT_AUTO = 0
FORMAT_XZ = 1
FORMAT_ALONE = 2
FORMAT_RAW = 3
CHECK_NONE = 0
CHECK_CRC32 = 1
CHECK_CRC64 = 4
CHECK_SHA256 = 10
CHECK_ID_MAX = 15
CHECK_UNKNOWN = 16
FILTER_LZMA1 = 0x4000000000000001
FILTER_LZMA2 = 0x21
FILTER_DELTA = 3
FILTER_X86 = 4
FILTER_POWERPC = 5
FILTER_IA64 = 6
FILTER_ARM = 7
FILTER_ARMTHUMB = 8
FILTER_SPARC = 9
MF_HC3 = 0x03
MF_HC4 = 0x04
MF_BT2 = 0x12
MF_BT3 = 0x13
MF_BT4 = 0x14
MODE_FAST = 1
MODE_NORMAL = 2
PRESET_DEFAULT = 6
PRESET_EXTREME = 0x80000000

_BCJ = (FILTER_X86, FILTER_POWERPC, FILTER_IA64, FILTER_ARM, FILTER_ARMTHUMB, FILTER_SPARC)
_LZMA_KEYS = ('preset', 'dict_size', 'lc', 'lp', 'pb', 'mode', 'nice_len', 'mf', 'depth')
_DICT_SIZES = {0: 1 << 18, 1: 1 << 20, 2: 1 << 21, 3: 1 << 22, 4: 1 << 22, 5: 1 << 23,
               6: 1 << 23, 7: 1 << 24, 8: 1 << 25, 9: 1 << 26}


class LZMAError(Exception):
    """Call to liblzma failed."""


def is_check_supported(check_id):
    """Test whether the given integrity check is supported."""
    return check_id in (CHECK_NONE, CHECK_CRC32, CHECK_CRC64, CHECK_SHA256)


def _uint(v, what='integer'):
    if not isinstance(v, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__)
    if v < 0:
        raise OverflowError("can't convert negative int to unsigned")
    return v


def _buffer(data):
    if isinstance(data, (bytes, bytearray)):
        return data
    try:
        return memoryview(data)
    except TypeError:
        raise TypeError("a bytes-like object is required, not '%s'"
                        % type(data).__name__) from None


def _spec(f):
    try:
        keys = list(f.keys())
    except AttributeError:
        raise TypeError('Filter specifier must be a dict or dict-like object') from None
    if 'id' not in keys:
        raise ValueError('Filter specifier must have an "id" entry')
    fid = _uint(f['id'])
    if fid in (FILTER_LZMA1, FILTER_LZMA2):
        for k in keys:
            if k != 'id' and k not in _LZMA_KEYS:
                raise ValueError('Invalid filter specifier for LZMA filter')
        preset = _uint(f['preset']) if 'preset' in keys else PRESET_DEFAULT
        if (preset & 0x7fffffff) > 9 or preset & ~0x8000001f:
            raise LZMAError('Invalid compression preset: %d' % preset)
        return (fid, preset) + tuple(_uint(f[k]) if k in keys else -1 for k in _LZMA_KEYS[1:])
    if fid == FILTER_DELTA:
        for k in keys:
            if k not in ('id', 'dist'):
                raise ValueError('Invalid filter specifier for delta filter')
        return (fid, _uint(f['dist']) if 'dist' in keys else 1)
    if fid in _BCJ:
        for k in keys:
            if k not in ('id', 'start_offset'):
                raise ValueError('Invalid filter specifier for BCJ filter')
        return (fid, _uint(f['start_offset']) if 'start_offset' in keys else 0)
    raise ValueError('Invalid filter ID: %d' % fid)


def _chain(filters):
    chain = [_spec(f) for f in filters]
    if len(chain) > 4:
        raise ValueError('Too many filters - liblzma supports a maximum of 4')
    return chain


class LZMACompressor:
    """Create a compressor object for compressing data incrementally."""

    def __init__(self, format=FORMAT_XZ, check=-1, preset=None, filters=None):
        if format not in (FORMAT_XZ, FORMAT_ALONE, FORMAT_RAW):
            raise ValueError('Invalid container format: %d' % format)
        if format != FORMAT_XZ and check not in (-1, CHECK_NONE):
            raise ValueError('Integrity checks are only supported by FORMAT_XZ')
        if preset is not None and filters is not None:
            raise ValueError('Cannot specify both preset and filter chain')
        if format == FORMAT_RAW and filters is None:
            raise ValueError('Must specify filters for FORMAT_RAW')
        if check == -1:
            check = CHECK_CRC64 if format == FORMAT_XZ else CHECK_NONE
        check = _uint(check)
        if preset is None:
            preset = PRESET_DEFAULT
        preset = _uint(preset)
        chain = None
        if filters is not None:
            chain = _chain(filters)
            if format == FORMAT_ALONE and (len(chain) != 1 or chain[0][0] != FILTER_LZMA1):
                raise ValueError('Invalid filter chain for FORMAT_ALONE - '
                                 'must be a single LZMA1 filter')
        elif (preset & 0x7fffffff) > 9 or preset & ~0x8000001f:
            raise LZMAError('Invalid or unsupported options')
        if format == FORMAT_XZ and not is_check_supported(check):
            raise LZMAError('Unsupported integrity check')
        self._s = _encoder(format, check, preset, chain)
        self._flushed = False

    def compress(self, data, /):
        """Provide data to the compressor object."""
        if self._flushed:
            raise ValueError('Compressor has been flushed')
        return _enc_run(self._s, _buffer(data), False)

    def flush(self):
        """Finish the compression process."""
        if self._flushed:
            raise ValueError('Repeated call to flush()')
        self._flushed = True
        return _enc_run(self._s, b'', True)

    def __reduce__(self):
        raise TypeError("cannot pickle 'LZMACompressor' object")


class LZMADecompressor:
    """Create a decompressor object for decompressing data incrementally."""

    def __init__(self, format=FORMAT_AUTO, memlimit=None, filters=None):
        if memlimit is not None and format == FORMAT_RAW:
            raise ValueError('Cannot specify memory limit with FORMAT_RAW')
        if format == FORMAT_RAW and filters is None:
            raise ValueError('Must specify filters for FORMAT_RAW')
        if format != FORMAT_RAW and filters is not None:
            raise ValueError('Cannot specify filters except with FORMAT_RAW')
        if format not in (FORMAT_AUTO, FORMAT_XZ, FORMAT_ALONE, FORMAT_RAW):
            raise ValueError('Invalid container format: %d' % format)
        mem = -1 if memlimit is None else _uint(memlimit)
        chain = _chain(filters) if filters is not None else None
        self._s = _decoder(format, mem, chain)
        self.check = CHECK_NONE if format in (FORMAT_ALONE, FORMAT_RAW) else CHECK_UNKNOWN
        self.eof = False
        self.needs_input = True
        self.unused_data = b''

    def decompress(self, data, max_length=-1):
        """Decompress *data*, returning uncompressed data as bytes."""
        if self.eof:
            raise EOFError('Already at end of stream')
        out, eof, needs, unused, check = _dec_run(self._s, _buffer(data), max_length)
        self.eof = eof
        self.needs_input = needs
        if unused:
            self.unused_data += unused
        self.check = check
        return out

    def __reduce__(self):
        raise TypeError("cannot pickle 'LZMADecompressor' object")


def _dict_code(size):
    for d in range(41):
        if size <= (2 | (d & 1)) << (d // 2 + 11):
            return d
    return 40


def _encode_filter_properties(filter, /):
    """Return a bytes object encoding the options (properties) of the filter specified by *filter* (a dict)."""
    s = _spec(filter)
    fid = s[0]
    if fid in (FILTER_LZMA1, FILTER_LZMA2):
        preset = s[1] & 0x1f
        size = s[2] if s[2] >= 0 else _DICT_SIZES.get(preset, 1 << 23)
        if fid == FILTER_LZMA2:
            return bytes([_dict_code(size)])
        lc = s[3] if s[3] >= 0 else 3
        lp = s[4] if s[4] >= 0 else 0
        pb = s[5] if s[5] >= 0 else 2
        return bytes([(pb * 5 + lp) * 9 + lc]) + size.to_bytes(4, 'little')
    if fid == FILTER_DELTA:
        return bytes([s[1] - 1])
    return s[1].to_bytes(4, 'little') if s[1] else b''


def _decode_filter_properties(filter_id, encoded_props, /):
    """Return a dict describing a filter with ID *filter_id*, and options (properties) decoded from the bytes object *encoded_props*."""
    p = bytes(encoded_props)
    if filter_id == FILTER_LZMA1 and len(p) == 5:
        b = p[0]
        return {'id': filter_id, 'lc': b % 9, 'lp': (b // 9) % 5, 'pb': b // 45,
                'dict_size': int.from_bytes(p[1:], 'little')}
    if filter_id == FILTER_LZMA2 and len(p) == 1 and p[0] <= 40:
        d = p[0]
        size = 0xffffffff if d == 40 else (2 | (d & 1)) << (d // 2 + 11)
        return {'id': filter_id, 'dict_size': size}
    if filter_id == FILTER_DELTA and len(p) == 1:
        return {'id': filter_id, 'dist': p[0] + 1}
    if filter_id in _BCJ and len(p) in (0, 4):
        d = {'id': filter_id}
        if p:
            d['start_offset'] = int.from_bytes(p, 'little')
        return d
    if filter_id not in (FILTER_LZMA1, FILTER_LZMA2, FILTER_DELTA) + _BCJ:
        raise ValueError('Invalid filter ID: %d' % filter_id)
    raise LZMAError('Invalid or unsupported options')


LZMAError.__module__ = '_lzma'
LZMACompressor.__module__ = '_lzma'
LZMADecompressor.__module__ = '_lzma'
