# importlib.reload re-executes the module in the same namespace; old references stay old.
import importlib
import config
from config import SETTING
print(config.SETTING, SETTING, config.RUNS)
old_func = config.describe
config.EXTRA = "added by main"
with open("config_template.txt") as f:
    template = f.read()
reloaded = importlib.reload(config)
print(reloaded is config, config.RUNS, SETTING, config.EXTRA)
print(old_func is config.describe, old_func(), config.describe())
