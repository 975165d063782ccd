WHERE = "found through sys.path insertion"
