from registry import register
register("b")
