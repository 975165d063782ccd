# A small command interpreter written with match, mixing most pattern kinds.
def run(command):
    match command.split():
        case []:
            return "empty"
        case ["quit" | "exit"]:
            return "bye"
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            return f"going {direction}"
        case ["go", other]:
            return f"unknown direction {other}"
        case ["take", item, *rest] if rest:
            return f"take {item} and {len(rest)} more"
        case ["take", item]:
            return f"take {item}"
        case ["say", *words]:
            return "said: " + " ".join(words)
        case [verb, *_]:
            return f"unknown verb {verb}"
for c in ["", "quit", "exit", "go north", "go up", "take lamp", "take a b c", "say hello there", "dance now"]:
    print(repr(c), "->", run(c))
