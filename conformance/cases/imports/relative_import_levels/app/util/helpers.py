def name():
    return "helpers"
