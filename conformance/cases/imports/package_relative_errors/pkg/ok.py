from . import sibling
MSG = "ok imports " + sibling.NAME
