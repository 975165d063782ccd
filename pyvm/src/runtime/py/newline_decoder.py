# io.IncrementalNewlineDecoder for pyvm: wraps an incremental decoder (or
# none: input is already str), records which newline kinds were seen and,
# with `translate`, turns '\r\n' and '\r' into '\n'. A '\r' at the end of
# a chunk is held back until the next chunk shows whether '\n' follows.

_LF, _CR, _CRLF = 1, 2, 4
_KINDS = (None, "\n", "\r", ("\r", "\n"), "\r\n", ("\n", "\r\n"),
          ("\r", "\r\n"), ("\r", "\n", "\r\n"))


class IncrementalNewlineDecoder:
    def __init__(self, decoder, translate, errors="strict"):
        self.decoder = decoder
        self.translate = translate
        self.errors = errors
        self._seen = 0
        self._pending_cr = False

    def decode(self, input, final=False):
        if self.decoder is None:
            text = input
        else:
            text = self.decoder.decode(input, final=final)
        if not isinstance(text, str):
            raise TypeError("decoder should return a string result, not '%s'"
                            % type(text).__name__)
        if self._pending_cr and (text or final):
            text = "\r" + text
            self._pending_cr = False
        if text.endswith("\r") and not final:
            text = text[:-1]
            self._pending_cr = True
        crlf = text.count("\r\n")
        cr = text.count("\r") - crlf
        lf = text.count("\n") - crlf
        if lf:
            self._seen |= _LF
        if cr:
            self._seen |= _CR
        if crlf:
            self._seen |= _CRLF
        if self.translate:
            if crlf:
                text = text.replace("\r\n", "\n")
            if cr:
                text = text.replace("\r", "\n")
        return text

    def getstate(self):
        if self.decoder is None:
            buf, flag = b"", 0
        else:
            buf, flag = self.decoder.getstate()
        flag <<= 1
        if self._pending_cr:
            flag |= 1
        return buf, flag

    def setstate(self, state):
        buf, flag = state
        self._pending_cr = bool(flag & 1)
        if self.decoder is not None:
            self.decoder.setstate((buf, flag >> 1))

    def reset(self):
        self._seen = 0
        self._pending_cr = False
        if self.decoder is not None:
            self.decoder.reset()

    @property
    def newlines(self):
        return _KINDS[self._seen]


IncrementalNewlineDecoder.__module__ = "_io"
