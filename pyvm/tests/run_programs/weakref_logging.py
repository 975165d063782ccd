# gc-stress-interval: 500
import io
import logging
import os
import sys
import tempfile

logging.basicConfig(level=logging.DEBUG, format="%(levelname)s:%(name)s:%(message)s", stream=sys.stdout)
log = logging.getLogger("app")
log.debug("debug %d", 1)
log.info("info %s", "two")
log.warning("warning")
logging.getLogger("app.sub").error("from a child: %r", {"k": 3})
log.setLevel(logging.WARNING)
log.info("filtered out")
log.critical("critical")
print(logging.getLevelName(logging.ERROR), logging.getLevelName(15), log.getEffectiveLevel())
print(log.isEnabledFor(logging.INFO), log.isEnabledFor(logging.ERROR))

stream = io.StringIO()
handler = logging.StreamHandler(stream)
handler.setFormatter(logging.Formatter("[%(levelname)-8s] %(name)s: %(message)s"))
other = logging.getLogger("other")
other.propagate = False
other.addHandler(handler)
other.warning("to a stream")
other.error("with args %s and %s", "a", "b")
print(repr(stream.getvalue()))

try:
    1 / 0
except ZeroDivisionError:
    other.exception("caught")
print(stream.getvalue().splitlines()[2])
print(stream.getvalue().splitlines()[-1])

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "app.log")
    fh = logging.FileHandler(path)
    fh.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    flog = logging.getLogger("file")
    flog.addHandler(fh)
    flog.propagate = False
    flog.warning("written to a file")
    fh.close()
    with open(path) as f:
        print(repr(f.read()))

class Upper(logging.Filter):
    def filter(self, record):
        record.msg = record.msg.upper()
        return True

flt = logging.getLogger("filtered")
flt.propagate = False
s2 = io.StringIO()
h2 = logging.StreamHandler(s2)
h2.addFilter(Upper())
flt.addHandler(h2)
flt.warning("quiet words")
print(repr(s2.getvalue()))
logging.warning("root warning")
