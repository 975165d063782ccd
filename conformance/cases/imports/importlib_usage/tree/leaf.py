NAME = "leaf module"
