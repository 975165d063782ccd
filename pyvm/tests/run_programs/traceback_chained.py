def parse(d):
    try:
        raise KeyError("key")
    except KeyError:
        raise RuntimeError("no key")

parse({})
