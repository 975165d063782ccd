# Sorting lists of dicts and objects by several fields with mixed directions.
rows = [
    {"name": "ann", "dept": "eng", "salary": 120},
    {"name": "bob", "dept": "ops", "salary": 90},
    {"name": "cid", "dept": "eng", "salary": 150},
    {"name": "dee", "dept": "ops", "salary": 90},
    {"name": "eve", "dept": "eng", "salary": 120},
]
by = sorted(rows, key=lambda r: (r["dept"], -r["salary"], r["name"]))
print([r["name"] for r in by])
step = sorted(rows, key=lambda r: r["name"], reverse=True)
step = sorted(step, key=lambda r: r["salary"])
print([(r["name"], r["salary"]) for r in step])
try:
    sorted(rows)
except TypeError as e:
    print("TypeError:", e)
from dataclasses import dataclass, field
@dataclass(order=True)
class Task:
    priority: int
    name: str = field(compare=False)
tasks = [Task(3, "c"), Task(1, "a"), Task(2, "b"), Task(1, "z")]
print([t.name for t in sorted(tasks)], min(tasks).name, max(tasks).name)
