# Routing dict-shaped requests with nested mapping, sequence and class patterns.
from dataclasses import dataclass
@dataclass
class User:
    name: str
    admin: bool = False
def route(req):
    match req:
        case {"method": "GET", "path": ["users"]}:
            return "list users"
        case {"method": "GET", "path": ["users", str(uid)]} if uid.isdigit():
            return f"get user {int(uid)}"
        case {"method": "POST", "path": ["users"], "body": {"name": str(name)}}:
            return f"create {name}"
        case {"method": "DELETE", "path": ["users", uid], "user": User(admin=True, name=who)}:
            return f"{who} deletes {uid}"
        case {"method": "DELETE", "user": User(name=who)}:
            return f"{who} may not delete"
        case {"method": str(m)} if m not in ("GET", "POST", "DELETE"):
            return f"405 {m}"
        case _:
            return "404"
for r in [{"method": "GET", "path": ["users"]}, {"method": "GET", "path": ["users", "42"]},
          {"method": "GET", "path": ["users", "me"]}, {"method": "POST", "path": ["users"], "body": {"name": "ann"}},
          {"method": "DELETE", "path": ["users", "7"], "user": User("root", True)},
          {"method": "DELETE", "path": ["users", "7"], "user": User("bob")}, {"method": "PATCH"}, {}]:
    print(route(r))
