# Output to stderr and an uncaught custom exception: exit status 1, last stderr line is "<Type>: <message>".
import sys
class ConfigError(Exception):
    pass
def load(settings):
    if "path" not in settings:
        raise ConfigError(f"missing key 'path' in {sorted(settings)}")
    return settings["path"]
print("loaded:", load({"path": "/etc/app"}))
print("warning: about to fail", file=sys.stderr)
sys.stdout.flush()
load({"name": "x", "mode": "r"})
print("never printed")
