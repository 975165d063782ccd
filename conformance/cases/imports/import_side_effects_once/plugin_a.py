import registry
registry.register("a")
