VALUE = "package value"
