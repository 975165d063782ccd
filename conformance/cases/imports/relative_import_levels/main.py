# Relative imports at several levels, including from a sibling subpackage.
from app.core import engine
print(engine.describe())
from app.ui import view
print(view.render())
import app
print(app.VERSION, app.core.engine.__package__, view.__package__)
