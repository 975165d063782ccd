import half_done_counter
half_done_counter.ATTEMPTS += 1
DEFINED_BEFORE_FAILURE = True
raise RuntimeError("module body failed after defining a name")
