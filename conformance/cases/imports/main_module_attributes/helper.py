def main_name():
    import __main__
    return "helper sees __main__ named " + __main__.__name__
