# Circular imports: a partially initialised module is visible; late attribute access works.
import os
import alpha
HERE = os.path.dirname(os.path.abspath(__file__))
print(alpha.from_beta(), alpha.beta.from_alpha())
try:
    import gamma
except ImportError as e:
    print("ImportError:", e.msg.replace(HERE, "<dir>"))
