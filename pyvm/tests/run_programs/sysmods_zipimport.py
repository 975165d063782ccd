# gc-stress-interval: 256
# Zip imports: a zip archive on sys.path (modules, packages, relative
# imports, __file__/__loader__), the zipimporter API and its errors, and
# archives made by zipapp run as programs.
import os
import subprocess
import sys
import tempfile
import zipfile
import zipimport

top = tempfile.mkdtemp()
lib = os.path.join(top, "lib.zip")
with zipfile.ZipFile(lib, "w") as z:
    z.writestr("zmod.py", "X = 1\ndef f():\n    return 'zipped f'\n")
    z.writestr("zpkg/__init__.py", "from . import sub\nfrom .sub import Y\n")
    z.writestr("zpkg/sub.py", "Y = 'sub'\n")
    z.writestr("data.txt", "some data\n")

sys.path.insert(0, lib)
import zmod
import zpkg
from zpkg import sub

print(zmod.X, zmod.f(), zpkg.Y, sub.Y)
print(os.path.relpath(zmod.__file__, top), type(zmod.__loader__).__name__)
print(zmod.__spec__.name, os.path.relpath(zmod.__spec__.origin, top))
print(os.path.relpath(zpkg.__path__[0], top), zpkg.__package__, sub.__package__)
print(zipimport.zipimporter in sys.path_hooks)
print(type(sys.path_importer_cache[lib]).__name__)
try:
    import zmissing
except ModuleNotFoundError as e:
    print("ModuleNotFoundError", e)

z = zipimport.zipimporter(lib)
print(z.is_package("zpkg"), z.is_package("zmod"), z.get_source("zmod").splitlines()[0])
print(z.find_spec("zmod").name, z.find_spec("nothing"))
print(z.get_data(os.path.join(lib, "data.txt")))
print(os.path.relpath(z.get_filename("zpkg"), top))
try:
    z.get_data(os.path.join(lib, "none.txt"))
except OSError as e:
    print(type(e).__name__)
bad = os.path.join(top, "plain.txt")
with open(bad, "w") as f:
    f.write("not a zip\n")
for p in (bad, os.path.join(top, "missing.zip")):
    try:
        zipimport.zipimporter(p)
    except zipimport.ZipImportError as e:
        print("ZipImportError", str(e).replace(top, "T"))

app = os.path.join(top, "app")
os.mkdir(app)
with open(os.path.join(app, "__main__.py"), "w") as f:
    f.write("import sys, helper\n"
            "print('app main', __name__, helper.greet(), sys.argv[1:])\n")
with open(os.path.join(app, "helper.py"), "w") as f:
    f.write("def greet():\n    return 'hello from helper'\n")
import zipapp
pyz = os.path.join(top, "app.pyz")
zipapp.create_archive(app, pyz)
for target in (pyz, app):
    r = subprocess.run([sys.executable, target, "x", "y"], capture_output=True, text=True)
    print(r.returncode, r.stdout.strip())
nomain = os.path.join(top, "nomain.zip")
with zipfile.ZipFile(nomain, "w") as zf:
    zf.writestr("x.py", "print(1)\n")
r = subprocess.run([sys.executable, nomain], capture_output=True, text=True)
print(r.returncode, r.stderr.strip().split(": ", 1)[1].replace(top, "T"))

import shutil
shutil.rmtree(top)
